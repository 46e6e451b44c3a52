<?xml version="1.0" encoding="UTF-8"?>
<!-- mail/paiement-recu.xsl — a card payment received through PayFiP (core/pt_payfip_ops.c,
     queued in the transaction that records it).  <mail-data town prenom numero montant date
     numauto idop [facture] [regie] lien>: numero is the receipt's number; facture the
     invoice paid, or regie the porte-monnaie topped up. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8"/>
  <xsl:template match="/mail-data">
    <xsl:variable name="quoi">
      <xsl:choose>
        <xsl:when test="@facture">la facture n° <xsl:value-of select="@facture"/></xsl:when>
        <xsl:otherwise>la recharge de votre porte-monnaie (<xsl:value-of select="@regie"/>)</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <mail>
      <subject>Paiement reçu : <xsl:value-of select="@montant"/></subject>
      <text>Bonjour <xsl:value-of select="@prenom"/>,

La mairie de <xsl:value-of select="@town"/> a bien reçu votre paiement par carte bancaire de <xsl:value-of select="@montant"/> pour <xsl:value-of select="$quoi"/>, le <xsl:value-of select="@date"/>.

Reçu n° <xsl:value-of select="@numero"/>
Numéro d'autorisation : <xsl:value-of select="@numauto"/>
Référence PayFiP : <xsl:value-of select="@idop"/>

Votre espace : <xsl:value-of select="@lien"/>
</text>
      <html>
        <p>Bonjour <xsl:value-of select="@prenom"/>,</p>
        <p>La mairie de <xsl:value-of select="@town"/> a bien reçu votre paiement par carte bancaire de <strong><xsl:value-of select="@montant"/></strong> pour <xsl:value-of select="$quoi"/>, le <xsl:value-of select="@date"/>.</p>
        <ul>
          <li>Reçu n° <xsl:value-of select="@numero"/></li>
          <li>Numéro d'autorisation : <xsl:value-of select="@numauto"/></li>
          <li>Référence PayFiP : <xsl:value-of select="@idop"/></li>
        </ul>
        <p><a href="{@lien}">Votre espace</a></p>
      </html>
    </mail>
  </xsl:template>
</xsl:stylesheet>
