<?xml version="1.0" encoding="UTF-8"?>
<!-- famille.xsl — /portail/famille/: « Espace famille », the families and their children. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('famille.titre')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <h1><xsl:value-of select="pt:t('famille.titre')"/></h1>
    <xsl:if test="not(famille/family)">
      <p><xsl:value-of select="pt:t('famille.aucune')"/></p>
      <p><a class="bouton" href="{$base}/espace/abonnements"><xsl:value-of select="pt:t('famille.abonner')"/></a></p>
    </xsl:if>
    <xsl:for-each select="famille/family">
      <section class="carte" aria-labelledby="famille-{@id}">
        <h2 id="famille-{@id}">Famille <xsl:value-of select="@nom"/></h2>
        <p class="discret">
          <xsl:value-of select="pt:t('famille.code')"/>
          <xsl:text> </xsl:text><xsl:value-of select="@code"/>
        </p>
        <h3><xsl:value-of select="pt:t('famille.enfants')"/></h3>
        <ul class="tuiles">
          <xsl:for-each select="child">
            <li class="tuile enfant">
              <p class="nom-enfant"><xsl:value-of select="concat(@prenom, ' ', @nom)"/></p>
              <p>
                <xsl:value-of select="@age"/><xsl:text> </xsl:text>
                <xsl:value-of select="pt:t('famille.ans')"/>
              </p>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:for-each>
    <p><a href="{$base}/famille/mes-donnees"><xsl:value-of select="pt:t('mesdonnees.lien')"/></a></p>
  </xsl:template>
</xsl:stylesheet>
