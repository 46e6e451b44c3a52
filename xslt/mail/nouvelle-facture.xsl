<?xml version="1.0" encoding="UTF-8"?>
<!-- mail/nouvelle-facture.xsl — a new invoice is issued (core/pt_billing.c).
     <mail-data town prenom numero montant echeance periode emetteur lien> -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8"/>
  <xsl:template match="/mail-data">
    <mail>
      <subject>Nouvelle facture n° <xsl:value-of select="@numero"/> : <xsl:value-of select="@montant"/></subject>
      <text>Bonjour <xsl:value-of select="@prenom"/>,

La mairie de <xsl:value-of select="@town"/> a émis la facture n° <xsl:value-of select="@numero"/> des activités de <xsl:value-of select="@periode"/>, d'un montant de <xsl:value-of select="@montant"/>, à régler avant le <xsl:value-of select="@echeance"/>.
Émetteur : <xsl:value-of select="@emetteur"/>

Vous pouvez la consulter, l'imprimer ou la télécharger dans votre Espace facturation :

<xsl:value-of select="@lien"/>

Ceci est un message automatique, merci de ne pas y répondre.
</text>
      <html>
        <p>Bonjour <xsl:value-of select="@prenom"/>,</p>
        <p>La mairie de <xsl:value-of select="@town"/> a émis la facture n° <xsl:value-of select="@numero"/> des activités de <xsl:value-of select="@periode"/>, d'un montant de <strong><xsl:value-of select="@montant"/></strong>, à régler avant le <xsl:value-of select="@echeance"/>.</p>
        <p>Émetteur : <xsl:value-of select="@emetteur"/></p>
        <p>Vous pouvez la consulter, l'imprimer ou la télécharger dans votre <a href="{@lien}">Espace facturation</a>.</p>
        <p>Ceci est un message automatique, merci de ne pas y répondre.</p>
      </html>
    </mail>
  </xsl:template>
</xsl:stylesheet>
