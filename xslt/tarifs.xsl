<?xml version="1.0" encoding="UTF-8"?>
<!-- tarifs.xsl — /portail/famille/tarifs: « Tarifs », what each activity costs the family
     (its quotient familial, or the highest tariff when it is unknown). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('tarifs.titre')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <p><a href="{$base}/famille/factures"><xsl:value-of select="pt:t('factures.retour')"/></a></p>
    <h1><xsl:value-of select="pt:t('tarifs.titre')"/></h1>
    <p><xsl:value-of select="pt:t('tarifs.intro')"/></p>
    <xsl:for-each select="tarifs/famille">
      <section class="carte" aria-labelledby="tf-{position()}">
        <h2 id="tf-{position()}"><xsl:value-of select="pt:t('facture.famille')"/><xsl:text> </xsl:text><xsl:value-of select="@nom"/></h2>
        <p>
          <xsl:choose>
            <xsl:when test="@qf"><xsl:value-of select="pt:t('tarifs.qf')"/><xsl:text> </xsl:text><strong><xsl:value-of select="@qf"/> €</strong><xsl:if test="@qf_le"> (<xsl:value-of select="pt:t('tarifs.qf-le')"/><xsl:text> </xsl:text><xsl:value-of select="@qf_le"/>)</xsl:if>.</xsl:when>
            <xsl:otherwise><xsl:value-of select="pt:t('tarifs.qf-inconnu')"/></xsl:otherwise>
          </xsl:choose>
        </p>
        <xsl:for-each select="activite">
          <details>
            <summary><xsl:value-of select="@nom"/> : <xsl:value-of select="tarif[@courant = '1']/@prix_fr"/><xsl:text> </xsl:text><xsl:value-of select="pt:t('tarifs.par-jour')"/></summary>
            <xsl:for-each select="tarif">
              <p>
                <xsl:choose>
                  <xsl:when test="@courant = '1'"><xsl:value-of select="pt:t('tarifs.depuis')"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="pt:t('tarifs.a-partir')"/></xsl:otherwise>
                </xsl:choose>
                <xsl:text> </xsl:text><xsl:value-of select="@depuis_fr"/> : <strong><xsl:value-of select="@prix_fr"/></strong><xsl:text> </xsl:text><xsl:value-of select="pt:t('tarifs.par-jour')"/>
                <xsl:if test="@mode = 'taux'"> (<xsl:value-of select="pt:t('tarifs.taux')"/><xsl:text> </xsl:text><xsl:value-of select="@taux_fr"/>, <xsl:value-of select="pt:t('tarifs.plancher')"/><xsl:text> </xsl:text><xsl:value-of select="@plancher_fr"/>, <xsl:value-of select="pt:t('tarifs.plafond')"/><xsl:text> </xsl:text><xsl:value-of select="@plafond_fr"/>)</xsl:if>
              </p>
              <xsl:if test="tranche">
                <table class="liste" tabindex="0">
                  <caption><xsl:value-of select="pt:t('tarifs.tranches')"/><xsl:text> </xsl:text><xsl:value-of select="@depuis_fr"/></caption>
                  <thead><tr><th scope="col"><xsl:value-of select="pt:t('tarifs.quotient')"/></th><th scope="col" class="nombre"><xsl:value-of select="pt:t('facture.prix')"/></th></tr></thead>
                  <tbody>
                    <xsl:for-each select="tranche">
                      <tr>
                        <th scope="row">
                          <xsl:choose>
                            <xsl:when test="@max"><xsl:value-of select="@min"/> € – <xsl:value-of select="@max"/> €</xsl:when>
                            <xsl:otherwise><xsl:value-of select="pt:t('tarifs.a-partir-de')"/><xsl:text> </xsl:text><xsl:value-of select="@min"/> €</xsl:otherwise>
                          </xsl:choose>
                        </th>
                        <td class="nombre"><xsl:value-of select="@prix_fr"/></td>
                      </tr>
                    </xsl:for-each>
                  </tbody>
                </table>
              </xsl:if>
            </xsl:for-each>
          </details>
        </xsl:for-each>
      </section>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
