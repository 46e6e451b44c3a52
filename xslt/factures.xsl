<?xml version="1.0" encoding="UTF-8"?>
<!-- factures.xsl — /portail/famille/factures: « Espace facturation », the family's
     invoices with their status and payments. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('factures.titre')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <xsl:variable name="l" select="factures"/>
    <h1><xsl:value-of select="pt:t('factures.titre')"/></h1>
    <p><xsl:value-of select="pt:t('factures.intro')"/></p>
    <p><a href="{$base}/famille/tarifs"><xsl:value-of select="pt:t('factures.voir-tarifs')"/></a></p>
    <p><a href="{$base}/famille/porte-monnaie"><xsl:value-of select="pt:t('porte-monnaie.titre')"/></a></p>
    <xsl:for-each select="$l/credit">
      <p class="message" role="status"><xsl:value-of select="pt:t('factures.credit')"/><xsl:text> </xsl:text><xsl:value-of select="@famille"/><xsl:text> : </xsl:text><strong><xsl:value-of select="@montant_fr"/></strong></p>
    </xsl:for-each>
    <xsl:choose>
      <xsl:when test="$l/facture">
        <table class="liste factures" tabindex="0">
          <caption><xsl:value-of select="pt:t('factures.liste')"/></caption>
          <thead><tr>
            <th scope="col"><xsl:value-of select="pt:t('facture.numero')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('facture.periode')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('facture.emise')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('facture.echeance')"/></th>
            <th scope="col" class="nombre"><xsl:value-of select="pt:t('facture.montant')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('facture.emetteur')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('col.statut')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('facture.reglements')"/></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="$l/facture">
              <tr>
                <th scope="row"><a href="{$base}/famille/factures/{@id}"><xsl:value-of select="@reference"/></a></th>
                <td><xsl:value-of select="@periode_fr"/></td>
                <td><xsl:value-of select="@emise_fr"/></td>
                <td><xsl:value-of select="@echeance_fr"/></td>
                <td class="nombre"><xsl:value-of select="@montant_fr"/></td>
                <td><xsl:value-of select="@emetteur"/></td>
                <td><span class="statut statut-{@statut}"><xsl:value-of select="pt:t(concat('facture.statut.', @statut))"/></span>
                  <xsl:if test="@paiement_en_cours = '1'"><br/><xsl:value-of select="pt:t('payfip.en-cours')"/></xsl:if></td>
                <td>
                  <xsl:choose>
                    <xsl:when test="reglement">
                      <ul class="reglements">
                        <xsl:for-each select="reglement">
                          <li>n° <xsl:value-of select="@numero"/>, <xsl:value-of select="pt:t(concat('reglement.moyen.', @moyen))"/>, <xsl:value-of select="@date_fr"/> : <xsl:value-of select="@montant_fr"/></li>
                        </xsl:for-each>
                      </ul>
                    </xsl:when>
                    <xsl:otherwise><xsl:value-of select="pt:t('facture.aucun-reglement')"/></xsl:otherwise>
                  </xsl:choose>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:when>
      <xsl:otherwise><p><xsl:value-of select="pt:t('factures.aucune')"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
