<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-preinscriptions.xsl — /portail/admin/preinscriptions: the agents' queue. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="admin-liste.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('admin.preinscriptions')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <xsl:variable name="l" select="admin-preinscriptions"/>
    <h1><xsl:value-of select="pt:t('admin.preinscriptions')"/></h1>
    <xsl:call-template name="file-demandes">
      <xsl:with-param name="l" select="$l"/>
      <xsl:with-param name="chemin" select="'/admin/preinscriptions'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="demande" mode="details">
    <ul>
      <xsl:for-each select="inscription">
        <li><xsl:value-of select="concat(@prenom, ' — ', @activite, ' — ', pt:t('periode.du'), ' ', @date_debut_fr, ' ', pt:t('periode.au'), ' ', @date_fin_fr)"/></li>
      </xsl:for-each>
    </ul>
  </xsl:template>
</xsl:stylesheet>
