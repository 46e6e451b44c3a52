<?xml version="1.0" encoding="UTF-8"?>
<!-- compte.xsl — /portail/espace/compte: « Mon compte ». -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('compte.titre')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <h1><xsl:value-of select="pt:t('compte.titre')"/></h1>
    <p>
      <xsl:value-of select="pt:t('compte.identite')"/>
      <xsl:text> </xsl:text>
      <strong><xsl:value-of select="concat(compte/@prenom, ' ', compte/@nom)"/></strong>
      <br/>
      <xsl:value-of select="pt:t('compte.adresse')"/>
      <xsl:text> </xsl:text>
      <xsl:value-of select="compte/@email"/>
    </p>
    <section class="carte" aria-labelledby="titre-mot-de-passe">
      <h2 id="titre-mot-de-passe"><xsl:value-of select="pt:t('compte.mot-de-passe')"/></h2>
      <xsl:apply-templates select="compte/form[@id = 'mot-de-passe']">
        <xsl:with-param name="bouton" select="pt:t('compte.mot-de-passe.bouton')"/>
      </xsl:apply-templates>
    </section>
    <section class="carte" aria-labelledby="titre-email">
      <h2 id="titre-email"><xsl:value-of select="pt:t('compte.email')"/></h2>
      <p><xsl:value-of select="pt:t('compte.email.texte')"/></p>
      <xsl:apply-templates select="compte/form[@id = 'email']">
        <xsl:with-param name="bouton" select="pt:t('compte.email.bouton')"/>
      </xsl:apply-templates>
    </section>
  </xsl:template>
</xsl:stylesheet>
