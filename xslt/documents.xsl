<?xml version="1.0" encoding="UTF-8"?>
<!-- documents.xsl — /portail/famille/documents: « Envoyer un document », and the family's
     documents with their state. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="documents-liste.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('documents.envoyer')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <h1><xsl:value-of select="pt:t('documents.envoyer')"/></h1>
    <p><xsl:value-of select="pt:t('documents.intro')"/></p>
    <p class="discret"><xsl:value-of select="pt:t('champs.obligatoires')"/></p>
    <xsl:apply-templates select="documents/form">
      <xsl:with-param name="bouton" select="pt:t('documents.bouton')"/>
    </xsl:apply-templates>
    <h2><xsl:value-of select="pt:t('documents.titre')"/></h2>
    <xsl:call-template name="documents-liste">
      <xsl:with-param name="docs" select="documents/document"/>
      <xsl:with-param name="lien" select="'/famille/documents/'"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
