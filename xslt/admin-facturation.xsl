<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-facturation.xsl — /portail/admin/facturation: start a run (régie, month), the
     invoices and payments by régie, period and status, the accounting export. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('admin.facturation')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <xsl:variable name="l" select="admin-facturation"/>
    <xsl:variable name="fo" select="$l/form[not(@id)]"/>
    <h1><xsl:value-of select="pt:t('admin.facturation')"/></h1>
    <p><a href="{$base}/admin/tarifs"><xsl:value-of select="pt:t('admin.tarifs')"/></a>
      · <a href="{$base}/admin/payfip"><xsl:value-of select="pt:t('admin.payfip')"/></a>
      · <a href="{$base}/admin/porte-monnaie"><xsl:value-of select="pt:t('admin.porte-monnaie')"/></a></p>
    <section class="carte" aria-labelledby="t-run">
      <h2 id="t-run"><xsl:value-of select="pt:t('facturation.lancer')"/></h2>
      <p><xsl:value-of select="pt:t('facturation.lancer.aide')"/></p>
      <xsl:for-each select="$fo"><xsl:call-template name="form-errors"/></xsl:for-each>
      <form method="get" action="{$base}/admin/facturation/apercu" class="formulaire">
        <xsl:apply-templates select="$fo/field"/>
        <div class="actions"><button type="submit" class="bouton"><xsl:value-of select="pt:t('facturation.apercu')"/></button></div>
      </form>
    </section>
    <section class="carte" aria-labelledby="t-cloture">
      <h2 id="t-cloture"><xsl:value-of select="pt:t('facturation.cloturer')"/></h2>
      <p><xsl:value-of select="pt:t('facturation.cloturer.aide')"/></p>
      <xsl:apply-templates select="$l/form[@id = 'cloture']">
        <xsl:with-param name="bouton" select="pt:t('facturation.cloturer.bouton')"/>
      </xsl:apply-templates>
      <xsl:if test="$l/cloture">
        <h3><xsl:value-of select="pt:t('facturation.clotures')"/></h3>
        <ul>
          <xsl:for-each select="$l/cloture">
            <li><xsl:value-of select="concat(@name, ' : ', @mois_fr, ' — ', pt:t('facturation.cloture-le'), ' ', @le_fr)"/></li>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </section>
    <section class="carte" aria-labelledby="t-filtre">
      <h2 id="t-filtre"><xsl:value-of select="pt:t('facturation.factures')"/></h2>
      <form method="get" action="{$base}/admin/facturation" class="formulaire filtres">
        <div class="champ"><label for="fr"><xsl:value-of select="pt:t('facturation.regie')"/></label>
          <select id="fr" name="regie">
            <option value=""><xsl:value-of select="pt:t('facturation.toutes')"/></option>
            <xsl:for-each select="$l/regie"><option value="{@code}"><xsl:if test="@code = $l/@filtre_regie"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="@name"/></option></xsl:for-each>
          </select></div>
        <div class="champ"><label for="fp"><xsl:value-of select="pt:t('facture.periode')"/></label>
          <input type="month" id="fp" name="periode" value="{$l/@filtre_periode}"/></div>
        <div class="champ"><label for="fs"><xsl:value-of select="pt:t('col.statut')"/></label>
          <select id="fs" name="statut">
            <option value=""><xsl:value-of select="pt:t('facturation.tous')"/></option>
            <option value="a_payer"><xsl:if test="$l/@filtre_statut = 'a_payer'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="pt:t('facture.statut.a_payer')"/></option>
            <option value="partielle"><xsl:if test="$l/@filtre_statut = 'partielle'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="pt:t('facture.statut.partielle')"/></option>
            <option value="payee"><xsl:if test="$l/@filtre_statut = 'payee'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="pt:t('facture.statut.payee')"/></option>
            <option value="annulee"><xsl:if test="$l/@filtre_statut = 'annulee'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="pt:t('facture.statut.annulee')"/></option>
          </select></div>
        <div class="champ"><label for="fm"><xsl:value-of select="pt:t('facturation.moyen')"/></label>
          <select id="fm" name="moyen">
            <option value=""><xsl:value-of select="pt:t('facturation.tous')"/></option>
            <xsl:for-each select="$l/moyen"><option value="{.}"><xsl:if test=". = $l/@filtre_moyen"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="pt:t(concat('reglement.moyen.', .))"/></option></xsl:for-each>
          </select></div>
        <div class="actions"><button type="submit" class="bouton bouton-secondaire"><xsl:value-of select="pt:t('facturation.filtrer')"/></button></div>
      </form>
      <p><a href="{$base}/admin/facturation/export?regie={$l/@filtre_regie}&amp;periode={$l/@filtre_periode}&amp;moyen={$l/@filtre_moyen}"><xsl:value-of select="pt:t('facturation.export')"/></a></p>
      <table class="liste" tabindex="0">
        <caption><xsl:value-of select="pt:t('facturation.factures')"/></caption>
        <thead><tr>
          <th scope="col"><xsl:value-of select="pt:t('facture.numero')"/></th>
          <th scope="col"><xsl:value-of select="pt:t('facture.famille')"/></th>
          <th scope="col"><xsl:value-of select="pt:t('facture.periode')"/></th>
          <th scope="col"><xsl:value-of select="pt:t('facture.emise')"/></th>
          <th scope="col"><xsl:value-of select="pt:t('facture.echeance')"/></th>
          <th scope="col" class="nombre"><xsl:value-of select="pt:t('facture.montant')"/></th>
          <th scope="col" class="nombre"><xsl:value-of select="pt:t('facture.deja-paye')"/></th>
          <th scope="col"><xsl:value-of select="pt:t('col.statut')"/></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="$l/facture">
            <tr>
              <th scope="row"><a href="{$base}/admin/factures/{@id}"><xsl:value-of select="@reference"/></a></th>
              <td><a href="{$base}/admin/familles/{@family_id}/reglement"><xsl:value-of select="@famille"/></a></td>
              <td><xsl:value-of select="@periode"/></td>
              <td><xsl:value-of select="@emise_fr"/></td>
              <td><xsl:value-of select="@echeance_fr"/></td>
              <td class="nombre"><xsl:value-of select="@montant_fr"/></td>
              <td class="nombre"><xsl:value-of select="@paye_fr"/></td>
              <td><span class="statut statut-{@statut}"><xsl:value-of select="pt:t(concat('facture.statut.', @statut))"/></span></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </section>
    <section class="carte" aria-labelledby="t-reglements">
      <h2 id="t-reglements"><xsl:value-of select="pt:t('facture.reglements')"/></h2>
      <table class="liste" tabindex="0">
        <caption><xsl:value-of select="pt:t('facture.reglements')"/></caption>
        <thead><tr>
          <th scope="col"><xsl:value-of select="pt:t('facture.numero')"/></th>
          <th scope="col"><xsl:value-of select="pt:t('facture.famille')"/></th>
          <th scope="col"><xsl:value-of select="pt:t('col.date')"/></th>
          <th scope="col"><xsl:value-of select="pt:t('facturation.moyen')"/></th>
          <th scope="col" class="nombre"><xsl:value-of select="pt:t('facture.montant')"/></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="$l/reglement">
            <tr>
              <th scope="row"><xsl:value-of select="@numero"/></th>
              <td><xsl:value-of select="@famille"/></td>
              <td><xsl:value-of select="@date_fr"/></td>
              <td><xsl:value-of select="pt:t(concat('reglement.moyen.', @moyen))"/></td>
              <td class="nombre"><xsl:value-of select="@montant_fr"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </section>
  </xsl:template>

</xsl:stylesheet>
