<?xml version="1.0" encoding="UTF-8"?>
<!-- paiement.xsl — /portail/famille/paiement/retour: where PayFiP sends the browser back.
     <paiement><operation idop objet_type reference regie_nom montant_fr issue numero
     numauto [solde_fr]/></paiement>; issue: payee, refusee, abandonnee, expiree, en_cours
     (no answer yet), anomalie (PayFiP's detail did not match: nothing recorded). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t(concat('payfip.issue.', paiement/operation/@issue))"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <xsl:variable name="o" select="paiement/operation"/>
    <h1><xsl:value-of select="pt:t(concat('payfip.issue.', $o/@issue))"/></h1>
    <div role="status">
      <xsl:attribute name="class">
        <xsl:choose>
          <xsl:when test="$o/@issue = 'payee'">message message-succes</xsl:when>
          <xsl:when test="$o/@issue = 'en_cours'">message</xsl:when>
          <xsl:otherwise>message message-erreur</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <p><xsl:value-of select="pt:t(concat('payfip.issue.', $o/@issue, '.texte'))"/></p>
    </div>
    <dl class="resume">
      <dt><xsl:value-of select="pt:t('payfip.objet')"/></dt>
      <dd>
        <xsl:choose>
          <xsl:when test="$o/@objet_type = 'facture'"><xsl:value-of select="pt:t('facture.titre')"/> n° <xsl:value-of select="$o/@reference"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="pt:t('payfip.recharge')"/><xsl:text> </xsl:text><xsl:value-of select="$o/@regie_nom"/></xsl:otherwise>
        </xsl:choose>
      </dd>
      <dt><xsl:value-of select="pt:t('facture.montant')"/></dt><dd><xsl:value-of select="$o/@montant_fr"/></dd>
      <xsl:if test="$o/@numero">
        <dt><xsl:value-of select="pt:t('payfip.recu')"/></dt><dd><xsl:value-of select="$o/@numero"/></dd>
      </xsl:if>
      <xsl:if test="$o/@numauto">
        <dt><xsl:value-of select="pt:t('payfip.numauto')"/></dt><dd><xsl:value-of select="$o/@numauto"/></dd>
      </xsl:if>
      <dt><xsl:value-of select="pt:t('payfip.idop')"/></dt><dd><xsl:value-of select="$o/@idop"/></dd>
      <xsl:if test="$o/@solde_fr">
        <dt><xsl:value-of select="pt:t('payfip.solde')"/></dt><dd><xsl:value-of select="$o/@solde_fr"/></dd>
      </xsl:if>
    </dl>
    <p>
      <xsl:choose>
        <xsl:when test="$o/@objet_type = 'facture'"><a href="{$base}/famille/factures/{$o/@invoice_id}"><xsl:value-of select="pt:t('payfip.retour-facture')"/></a></xsl:when>
        <xsl:otherwise><a href="{$base}/famille/porte-monnaie"><xsl:value-of select="pt:t('payfip.retour-recharge')"/></a></xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>
</xsl:stylesheet>
