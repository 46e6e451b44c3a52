<?xml version="1.0" encoding="UTF-8"?>
<!-- confirmation-email.xsl — /portail/confirmation-email/{jeton}: confirm the new address. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('confirmation-email.titre')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <section class="carte etroite">
      <h1><xsl:value-of select="pt:t('confirmation-email.titre')"/></h1>
      <p><xsl:value-of select="pt:t('confirmation-email.texte')"/></p>
      <p><strong><xsl:value-of select="confirmation-email/@email"/></strong></p>
      <xsl:apply-templates select="confirmation-email/form">
        <xsl:with-param name="bouton" select="pt:t('confirmation-email.bouton')"/>
      </xsl:apply-templates>
    </section>
  </xsl:template>
</xsl:stylesheet>
