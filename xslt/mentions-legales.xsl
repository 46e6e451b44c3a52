<?xml version="1.0" encoding="UTF-8"?>
<!-- mentions-legales.xsl — /portail/mentions-legales: the legal notice, the webmaster's
     text (PortailLegalNotice) or a default one in the town's name. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="mentions-blocs.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('pied.mentions')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <xsl:variable name="ville" select="/page/site/@town"/>
    <section class="carte">
      <h1><xsl:value-of select="pt:t('pied.mentions')"/></h1>
      <xsl:choose>
        <xsl:when test="mentions-legales/@defaut">
          <h2><xsl:value-of select="pt:t('mentions.editeur.titre')"/></h2>
          <p><xsl:value-of select="concat(pt:t('mentions.editeur'), ' ', $ville, '.')"/></p>
          <h2><xsl:value-of select="pt:t('mentions.hebergement.titre')"/></h2>
          <p><xsl:value-of select="concat(pt:t('mentions.hebergement'), ' ', $ville, '.')"/></p>
          <h2><xsl:value-of select="pt:t('mentions.donnees.titre')"/></h2>
          <p><xsl:value-of select="concat(pt:t('mentions.donnees'), ' ', $ville, '.')"/></p>
          <p><xsl:value-of select="pt:t('mentions.droits')"/></p>
          <h2><xsl:value-of select="pt:t('mentions.cookies.titre')"/></h2>
          <p><xsl:value-of select="pt:t('mentions.cookies')"/></p>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates select="mentions-legales/bloc"/></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
