<?xml version="1.0" encoding="UTF-8"?>
<!-- admin.xsl — /portail/admin/: the agents' dashboard and their work queues. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('admin.titre')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <h1><xsl:value-of select="pt:t('admin.titre')"/></h1>
    <ul class="tuiles">
      <xsl:call-template name="tuile"><xsl:with-param name="chemin" select="'/admin/familles'"/><xsl:with-param name="k" select="'familles'"/></xsl:call-template>
      <xsl:call-template name="tuile"><xsl:with-param name="chemin" select="'/admin/comptes'"/><xsl:with-param name="k" select="'comptes'"/></xsl:call-template>
      <xsl:call-template name="tuile"><xsl:with-param name="chemin" select="'/admin/activites'"/><xsl:with-param name="k" select="'activites'"/></xsl:call-template>
      <xsl:call-template name="tuile"><xsl:with-param name="chemin" select="'/admin/actualites'"/><xsl:with-param name="k" select="'actualites'"/></xsl:call-template>
      <xsl:call-template name="tuile"><xsl:with-param name="chemin" select="'/admin/dossiers'"/><xsl:with-param name="k" select="'dossiers'"/></xsl:call-template>
      <xsl:call-template name="tuile"><xsl:with-param name="chemin" select="'/admin/preinscriptions'"/><xsl:with-param name="k" select="'preinscriptions'"/></xsl:call-template>
      <xsl:call-template name="tuile"><xsl:with-param name="chemin" select="'/admin/reservations'"/><xsl:with-param name="k" select="'reservations'"/></xsl:call-template>
      <xsl:call-template name="tuile"><xsl:with-param name="chemin" select="'/admin/documents'"/><xsl:with-param name="k" select="'documents'"/></xsl:call-template>
      <xsl:call-template name="tuile"><xsl:with-param name="chemin" select="'/admin/journal'"/><xsl:with-param name="k" select="'journal'"/></xsl:call-template>
      <xsl:call-template name="tuile"><xsl:with-param name="chemin" select="'/admin/facturation'"/><xsl:with-param name="k" select="'facturation'"/></xsl:call-template>
      <xsl:call-template name="tuile"><xsl:with-param name="chemin" select="'/admin/payfip'"/><xsl:with-param name="k" select="'payfip'"/></xsl:call-template>
    </ul>
  </xsl:template>

  <xsl:template name="tuile">
    <xsl:param name="chemin"/>
    <xsl:param name="k"/>
    <li class="tuile">
      <h2><a href="{$base}{$chemin}"><xsl:value-of select="pt:t(concat('admin.', $k))"/></a></h2>
      <xsl:if test="admin/counts/count[@k = $k]">
        <p class="compteur"><xsl:value-of select="admin/counts/count[@k = $k]"/></p>
      </xsl:if>
    </li>
  </xsl:template>
</xsl:stylesheet>
