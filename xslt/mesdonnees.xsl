<?xml version="1.0" encoding="UTF-8"?>
<!-- mesdonnees.xsl — /portail/famille/mes-donnees: « Mes données », what the ZIP holds and
     one download button per family of the account (h16rgpd). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('mesdonnees.titre')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <p><a href="{$base}/famille/"><xsl:value-of select="pt:t('mesdonnees.retour')"/></a></p>
    <h1><xsl:value-of select="pt:t('mesdonnees.titre')"/></h1>
    <p><xsl:value-of select="pt:t('mesdonnees.intro')"/></p>
    <ul>
      <li><xsl:value-of select="pt:t('mesdonnees.contenu.resume')"/></li>
      <li><xsl:value-of select="pt:t('mesdonnees.contenu.csv')"/></li>
      <li><xsl:value-of select="pt:t('mesdonnees.contenu.fichiers')"/></li>
    </ul>
    <p><xsl:value-of select="pt:t('mesdonnees.journal')"/></p>
    <xsl:choose>
      <xsl:when test="mesdonnees/famille">
        <xsl:for-each select="mesdonnees/famille">
          <form method="post" action="{$base}/famille/mes-donnees" class="formulaire">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="famille" value="{@id}"/>
            <div class="actions">
              <button type="submit" class="bouton">
                <xsl:value-of select="pt:t('mesdonnees.bouton')"/>
                <xsl:text> — </xsl:text><xsl:value-of select="concat(pt:t('famille'), ' ', @nom)"/>
              </button>
            </div>
          </form>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><p><xsl:value-of select="pt:t('mesdonnees.aucune')"/></p></xsl:otherwise>
    </xsl:choose>
    <p><xsl:value-of select="pt:t('mesdonnees.droits')"/></p>
  </xsl:template>
</xsl:stylesheet>
