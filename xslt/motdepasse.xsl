<?xml version="1.0" encoding="UTF-8"?>
<!-- motdepasse.xsl — /portail/mot-de-passe-oublie. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('motdepasse.titre')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <section class="carte etroite">
      <h1><xsl:value-of select="pt:t('motdepasse.titre')"/></h1>
      <p><xsl:value-of select="pt:t('motdepasse.texte')"/></p>
      <xsl:apply-templates select="motdepasse/form">
        <xsl:with-param name="bouton" select="pt:t('motdepasse.bouton')"/>
      </xsl:apply-templates>
      <p><a href="{$base}/connexion"><xsl:value-of select="pt:t('nav.connexion')"/></a></p>
    </section>
  </xsl:template>
</xsl:stylesheet>
