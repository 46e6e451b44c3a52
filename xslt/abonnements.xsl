<?xml version="1.0" encoding="UTF-8"?>
<!-- abonnements.xsl — /portail/espace/abonnements: « Mes abonnements ». -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('abonnements.titre')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <h1><xsl:value-of select="pt:t('abonnements.titre')"/></h1>
    <p><xsl:value-of select="pt:t('abonnements.intro')"/></p>

    <section class="carte" aria-labelledby="liste-abonnements">
      <h2 id="liste-abonnements"><xsl:value-of select="pt:t('abonnements.liste')"/></h2>
      <xsl:choose>
        <xsl:when test="abonnements/family">
          <ul class="tuiles">
            <xsl:for-each select="abonnements/family">
              <li class="tuile">
                <p class="nom-enfant">Famille <xsl:value-of select="@nom"/></p>
                <p class="discret"><xsl:value-of select="pt:t('famille.code')"/><xsl:text> </xsl:text><xsl:value-of select="@code_abonne"/></p>
                <form method="post" action="{$base}/espace/abonnements/{@id}/desabonner">
                  <xsl:call-template name="csrf"/>
                  <button type="submit" class="bouton bouton-secondaire">
                    <xsl:value-of select="pt:t('abonnements.desabonner')"/>
                    <span class="visually-hidden"> (famille <xsl:value-of select="@nom"/>)</span>
                  </button>
                </form>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <p><xsl:value-of select="pt:t('abonnements.aucun')"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>

    <section class="carte" aria-labelledby="titre-par-code">
      <h2 id="titre-par-code"><xsl:value-of select="pt:t('abonnements.abonner')"/> — <xsl:value-of select="pt:t('abonnements.par-code')"/></h2>
      <p><xsl:value-of select="pt:t('abonnements.par-code.texte')"/></p>
      <xsl:apply-templates select="abonnements/form[@id = 'par-code']">
        <xsl:with-param name="bouton" select="pt:t('abonnements.rechercher')"/>
      </xsl:apply-templates>
    </section>

    <section class="carte" aria-labelledby="titre-par-facture">
      <h2 id="titre-par-facture"><xsl:value-of select="pt:t('abonnements.abonner')"/> — <xsl:value-of select="pt:t('abonnements.par-facture')"/></h2>
      <p><xsl:value-of select="pt:t('abonnements.par-facture.texte')"/></p>
      <xsl:apply-templates select="abonnements/form[@id = 'par-facture']">
        <xsl:with-param name="bouton" select="pt:t('abonnements.rechercher')"/>
      </xsl:apply-templates>
    </section>
  </xsl:template>
</xsl:stylesheet>
