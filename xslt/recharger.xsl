<?xml version="1.0" encoding="UTF-8"?>
<!-- recharger.xsl — /portail/famille/porte-monnaie/recharger: top up the porte-monnaie by
     card through PayFiP.  <recharger [ferme]><solde family_id regie_id solde_fr/>…<form/>
     </recharger>. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('payfip.recharger.titre')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <xsl:variable name="l" select="recharger"/>
    <h1><xsl:value-of select="pt:t('payfip.recharger.titre')"/></h1>
    <xsl:choose>
      <xsl:when test="$l/@ferme = '1'">
        <p><xsl:value-of select="pt:t('payfip.recharger.ferme')"/></p>
      </xsl:when>
      <xsl:otherwise>
        <p><xsl:value-of select="pt:t('payfip.recharger.aide')"/></p>
        <xsl:apply-templates select="$l/form"><xsl:with-param name="bouton" select="pt:t('payfip.recharger.bouton')"/></xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
