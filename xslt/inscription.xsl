<?xml version="1.0" encoding="UTF-8"?>
<!-- inscription.xsl — /portail/inscription: « Créer un compte ». -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('inscription.titre')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <section class="carte etroite">
      <h1><xsl:value-of select="pt:t('inscription.titre')"/></h1>
      <p><xsl:value-of select="pt:t('inscription.intro')"/></p>
      <p class="discret"><xsl:value-of select="pt:t('champs.obligatoires')"/></p>
      <xsl:apply-templates select="inscription/form">
        <xsl:with-param name="bouton" select="pt:t('inscription.bouton')"/>
      </xsl:apply-templates>
      <h2><xsl:value-of select="pt:t('inscription.rgpd.titre')"/></h2>
      <p class="discret"><xsl:value-of select="pt:t('inscription.rgpd')"/></p>
      <p>
        <xsl:value-of select="pt:t('inscription.deja')"/>
        <xsl:text> </xsl:text>
        <a href="{$base}/connexion"><xsl:value-of select="pt:t('nav.connexion')"/></a>
      </p>
    </section>
  </xsl:template>
</xsl:stylesheet>
