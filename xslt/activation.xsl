<?xml version="1.0" encoding="UTF-8"?>
<!-- activation.xsl — /portail/activation/{jeton}: the button that activates the account. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('activation.titre')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <section class="carte etroite">
      <h1><xsl:value-of select="pt:t('activation.titre')"/></h1>
      <p><xsl:value-of select="pt:t('activation.texte')"/></p>
      <xsl:apply-templates select="activation/form">
        <xsl:with-param name="bouton" select="pt:t('activation.bouton')"/>
      </xsl:apply-templates>
    </section>
  </xsl:template>
</xsl:stylesheet>
