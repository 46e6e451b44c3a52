<?xml version="1.0" encoding="UTF-8"?>
<!-- facture.xsl — /portail/famille/factures/{id}: an invoice, printable (the print
     stylesheet keeps the invoice alone on the sheet).  The body is the named template
     « facture-corps », shared with the agents' page (admin-facture.xsl). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('facture.titre')"/><xsl:text> </xsl:text><xsl:value-of select="*/facture/@reference"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <p class="non-imprime"><a href="{$base}/famille/factures"><xsl:value-of select="pt:t('factures.retour')"/></a></p>
    <xsl:call-template name="facture-corps">
      <xsl:with-param name="f" select="facture/facture"/>
      <xsl:with-param name="pdf" select="concat($base, '/famille/factures/', facture/facture/@id, '/pdf')"/>
    </xsl:call-template>
    <xsl:apply-templates select="facture/paiement"/>
  </xsl:template>

  <!-- « Payer en ligne » (h15payfip): the form, or « Paiement en cours » while PayFiP has
       an operation of this invoice. -->
  <xsl:template match="paiement">
    <section class="carte non-imprime" aria-labelledby="t-payer">
      <h2 id="t-payer"><xsl:value-of select="pt:t('payfip.payer.titre')"/></h2>
      <xsl:for-each select="refus">
        <div class="message message-erreur" role="alert"><p><xsl:value-of select="."/></p></div>
      </xsl:for-each>
      <xsl:choose>
        <xsl:when test="@en_cours = '1'">
          <p class="message" role="status"><strong><xsl:value-of select="pt:t('payfip.en-cours')"/></strong><xsl:text> </xsl:text><xsl:value-of select="pt:t('payfip.en-cours.aide')"/></p>
        </xsl:when>
        <xsl:when test="form">
          <p><xsl:value-of select="pt:t('payfip.payer.aide')"/><xsl:text> </xsl:text><strong><xsl:value-of select="@reste_fr"/></strong>.</p>
          <xsl:apply-templates select="form"><xsl:with-param name="bouton" select="pt:t('payfip.payer')"/></xsl:apply-templates>
        </xsl:when>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="facture-corps">
    <xsl:param name="f"/>
    <xsl:param name="pdf"/>
    <article class="facture carte" aria-labelledby="t-facture">
      <xsl:if test="$f/@statut = 'annulee'">
        <p class="filigrane"><xsl:value-of select="pt:t('facture.statut.annulee')"/></p>
      </xsl:if>
      <h1 id="t-facture"><xsl:value-of select="pt:t('facture.titre')"/> n° <xsl:value-of select="$f/@reference"/></h1>
      <p><xsl:value-of select="$f/@emetteur"/></p>
      <p><xsl:value-of select="pt:t('facture.famille')"/><xsl:text> </xsl:text><xsl:value-of select="$f/@famille"/>
        <xsl:if test="$f/@adresse"><br/><xsl:value-of select="$f/@adresse"/><br/><xsl:value-of select="concat($f/@code_postal, ' ', $f/@commune)"/></xsl:if>
      </p>
      <dl class="resume">
        <dt><xsl:value-of select="pt:t('facture.periode')"/></dt><dd><xsl:value-of select="$f/@periode_fr"/></dd>
        <dt><xsl:value-of select="pt:t('facture.emise')"/></dt><dd><xsl:value-of select="$f/@emise_fr"/></dd>
        <dt><xsl:value-of select="pt:t('facture.echeance')"/></dt><dd><xsl:value-of select="$f/@echeance_fr"/></dd>
        <dt><xsl:value-of select="pt:t('col.statut')"/></dt><dd><span class="statut statut-{$f/@statut}"><xsl:value-of select="pt:t(concat('facture.statut.', $f/@statut))"/></span></dd>
      </dl>
      <table class="liste lignes" tabindex="0">
        <caption><xsl:value-of select="pt:t('facture.lignes')"/></caption>
        <thead><tr>
          <th scope="col"><xsl:value-of select="pt:t('facture.enfant')"/></th>
          <th scope="col"><xsl:value-of select="pt:t('col.activite')"/></th>
          <th scope="col" class="nombre"><xsl:value-of select="pt:t('facture.jours')"/></th>
          <th scope="col" class="nombre"><xsl:value-of select="pt:t('facture.prix')"/></th>
          <th scope="col" class="nombre"><xsl:value-of select="pt:t('facture.majoration')"/></th>
          <th scope="col" class="nombre"><xsl:value-of select="pt:t('facture.montant')"/></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="$f/ligne">
            <tr>
              <th scope="row"><xsl:value-of select="@enfant"/></th>
              <td><xsl:value-of select="@activite"/></td>
              <td class="nombre"><xsl:value-of select="@jours"/></td>
              <td class="nombre"><xsl:value-of select="@prix_fr"/></td>
              <td class="nombre"><xsl:value-of select="@majoration_fr"/></td>
              <td class="nombre"><xsl:value-of select="@montant_fr"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
        <tfoot>
          <tr><th scope="row" colspan="5"><xsl:value-of select="pt:t('facture.total')"/></th><td class="nombre total"><xsl:value-of select="$f/@montant_fr"/></td></tr>
          <tr><th scope="row" colspan="5"><xsl:value-of select="pt:t('facture.deja-paye')"/></th><td class="nombre"><xsl:value-of select="$f/@paye_fr"/></td></tr>
          <tr><th scope="row" colspan="5"><xsl:value-of select="pt:t('facture.reste')"/></th><td class="nombre"><xsl:value-of select="$f/@reste_fr"/></td></tr>
        </tfoot>
      </table>
      <xsl:if test="$f/reglement">
        <h2><xsl:value-of select="pt:t('facture.reglements')"/></h2>
        <ul class="reglements">
          <xsl:for-each select="$f/reglement">
            <li>n° <xsl:value-of select="@numero"/>, <xsl:value-of select="pt:t(concat('reglement.moyen.', @moyen))"/>, <xsl:value-of select="@date_fr"/> : <xsl:value-of select="@montant_fr"/></li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <xsl:for-each select="$f/avoir">
        <p class="avoir"><xsl:value-of select="pt:t('facture.annulee-par')"/><xsl:text> </xsl:text><xsl:value-of select="@numero"/> (<xsl:value-of select="@emis_fr"/>) : <xsl:value-of select="@motif"/></p>
      </xsl:for-each>
      <footer class="references">
        <p><xsl:value-of select="pt:t('facture.references')"/></p>
        <dl>
          <dt><xsl:value-of select="pt:t('facture.code-emission')"/></dt><dd><xsl:value-of select="$f/@code_emission"/></dd>
          <dt><xsl:value-of select="pt:t('facture.reference')"/></dt><dd><xsl:value-of select="$f/@reference"/></dd>
          <dt><xsl:value-of select="pt:t('facture.code-personne')"/></dt><dd><xsl:value-of select="$f/@code_personne"/></dd>
        </dl>
      </footer>
      <p class="non-imprime"><a class="bouton" href="{$pdf}"><xsl:value-of select="pt:t('facture.pdf')"/></a></p>
    </article>
  </xsl:template>
</xsl:stylesheet>
