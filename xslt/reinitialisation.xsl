<?xml version="1.0" encoding="UTF-8"?>
<!-- reinitialisation.xsl — /portail/reinitialisation/{jeton}. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('reinitialisation.titre')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <section class="carte etroite">
      <h1><xsl:value-of select="pt:t('reinitialisation.titre')"/></h1>
      <p><xsl:value-of select="pt:t('reinitialisation.texte')"/></p>
      <xsl:apply-templates select="reinitialisation/form">
        <xsl:with-param name="bouton" select="pt:t('reinitialisation.bouton')"/>
      </xsl:apply-templates>
    </section>
  </xsl:template>
</xsl:stylesheet>
