<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-familles-nouvelle.xsl — /portail/admin/familles/nouvelle: create a family. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('familles.nouvelle')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <p><a href="{$base}/admin/familles"><xsl:value-of select="pt:t('familles.retour')"/></a></p>
    <h1><xsl:value-of select="pt:t('familles.nouvelle')"/></h1>
    <p><xsl:value-of select="pt:t('familles.nouvelle.intro')"/></p>
    <p class="discret"><xsl:value-of select="pt:t('champs.obligatoires')"/></p>
    <xsl:apply-templates select="admin-familles-nouvelle/form">
      <xsl:with-param name="bouton" select="pt:t('familles.creer')"/>
    </xsl:apply-templates>
  </xsl:template>
</xsl:stylesheet>
