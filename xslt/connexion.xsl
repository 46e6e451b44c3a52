<?xml version="1.0" encoding="UTF-8"?>
<!-- connexion.xsl — /portail/connexion: the login form. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('connexion.titre')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <section class="carte etroite">
      <h1><xsl:value-of select="pt:t('connexion.titre')"/></h1>
      <xsl:apply-templates select="connexion/form">
        <xsl:with-param name="bouton">
          <xsl:value-of select="pt:t('connexion.bouton')"/>
        </xsl:with-param>
      </xsl:apply-templates>
      <p><a href="{$base}/mot-de-passe-oublie"><xsl:value-of select="pt:t('connexion.oubli')"/></a></p>
      <p>
        <xsl:value-of select="pt:t('connexion.pas-de-compte')"/>
        <xsl:text> </xsl:text>
        <a href="{$base}/inscription"><xsl:value-of select="pt:t('nav.inscription')"/></a>
      </p>
    </section>
  </xsl:template>
</xsl:stylesheet>
