<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-reglement.xsl — /portail/admin/familles/{id}/reglement: record a payment at the
     counter on one or several of the family's invoices. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('facturation.reglement')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <xsl:variable name="s" select="admin-reglement"/>
    <p><a href="{$base}/admin/facturation"><xsl:value-of select="pt:t('facturation.retour')"/></a></p>
    <h1><xsl:value-of select="pt:t('facturation.reglement')"/> — <xsl:value-of select="pt:t('facture.famille')"/><xsl:text> </xsl:text><xsl:value-of select="$s/@famille"/></h1>
    <xsl:if test="$s/@credit_fr">
      <p class="message"><xsl:value-of select="concat(pt:t('reglement.credit'), ' ', $s/@credit_fr, '. ', pt:t('reglement.credit.aide'))"/></p>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="$s/facture">
        <xsl:apply-templates select="$s/form">
          <xsl:with-param name="bouton" select="pt:t('facturation.enregistrer')"/>
        </xsl:apply-templates>
      </xsl:when>
      <xsl:otherwise><p><xsl:value-of select="pt:t('facturation.rien-a-regler')"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
