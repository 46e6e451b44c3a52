<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-anonymiser.xsl — /portail/admin/familles/{famille}/anonymiser: what anonymising a
     family that left erases and keeps, and the box to tick to confirm (h16rgpd). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:variable name="f" select="/page/admin-anonymiser/famille"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="concat(pt:t('anonymiser.titre'), ' — ', pt:t('famille'), ' ', $f/@nom)"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <p><a href="{$base}/admin/familles/{$f/@id}"><xsl:value-of select="concat(pt:t('anonymiser.retour'), ' ', $f/@nom)"/></a></p>
    <h1><xsl:value-of select="concat(pt:t('anonymiser.titre'), ' — ', pt:t('famille'), ' ', $f/@nom)"/></h1>
    <xsl:choose>
      <xsl:when test="$f/@anonymisee_le">
        <p class="message"><xsl:value-of select="concat(pt:t('anonymiser.deja'), ' ', $f/@anonymisee_fr, '.')"/></p>
      </xsl:when>
      <xsl:otherwise>
        <section class="carte" aria-labelledby="t-efface">
          <h2 id="t-efface"><xsl:value-of select="pt:t('anonymiser.efface')"/></h2>
          <ul>
            <li><xsl:value-of select="pt:t('anonymiser.efface.famille')"/></li>
            <li><xsl:value-of select="pt:t('anonymiser.efface.personnes')"/></li>
            <li><xsl:value-of select="pt:t('anonymiser.efface.sante')"/></li>
            <li><xsl:value-of select="pt:t('anonymiser.efface.demandes')"/></li>
            <li><xsl:value-of select="pt:t('anonymiser.efface.comptes')"/></li>
          </ul>
          <h2><xsl:value-of select="pt:t('anonymiser.garde')"/></h2>
          <p><xsl:value-of select="concat(pt:t('anonymiser.garde.factures'), ' « Famille anonymisée n° ', $f/@id, ' ».')"/></p>
          <p class="message message-erreur"><strong><xsl:value-of select="pt:t('anonymiser.irreversible')"/></strong></p>
          <xsl:apply-templates select="admin-anonymiser/form">
            <xsl:with-param name="bouton" select="pt:t('anonymiser.bouton')"/>
          </xsl:apply-templates>
        </section>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
