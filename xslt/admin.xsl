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
    <!-- The tiles the agent's roles open (admin.c asks the router table). -->
    <xsl:if test="not(string($user/@roles))">
      <p class="message message-info"><xsl:value-of select="pt:t('roles.aucun')"/></p>
    </xsl:if>
    <xsl:if test="admin/tuile">
      <ul class="tuiles">
        <xsl:for-each select="admin/tuile">
          <xsl:call-template name="tuile"><xsl:with-param name="chemin" select="@chemin"/><xsl:with-param name="k" select="@k"/></xsl:call-template>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <xsl:template name="tuile">
    <xsl:param name="chemin"/>
    <xsl:param name="k"/>
    <li class="tuile">
      <h2><a href="{$base}{$chemin}"><xsl:value-of select="pt:t(concat('admin.', $k))"/></a></h2>
      <xsl:if test="/page/admin/counts/count[@k = $k]">
        <p class="compteur"><xsl:value-of select="/page/admin/counts/count[@k = $k]"/></p>
      </xsl:if>
    </li>
  </xsl:template>
</xsl:stylesheet>
