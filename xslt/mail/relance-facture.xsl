<?xml version="1.0" encoding="UTF-8"?>
<!-- mail/relance-facture.xsl — an unpaid invoice close to its due date
     (portail-ctl invoice-reminders).  <mail-data town prenom numero montant echeance lien>;
     montant is what is still due. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8"/>
  <xsl:template match="/mail-data">
    <mail>
      <subject>Rappel : facture n° <xsl:value-of select="@numero"/> à régler avant le <xsl:value-of select="@echeance"/></subject>
      <text>Bonjour <xsl:value-of select="@prenom"/>,

Sauf erreur de notre part, il reste <xsl:value-of select="@montant"/> à régler sur la facture n° <xsl:value-of select="@numero"/> de la mairie de <xsl:value-of select="@town"/>, dont l'échéance est le <xsl:value-of select="@echeance"/>.

Votre Espace facturation : <xsl:value-of select="@lien"/>

Si vous avez réglé entre-temps, merci de ne pas tenir compte de ce message.
</text>
      <html>
        <p>Bonjour <xsl:value-of select="@prenom"/>,</p>
        <p>Sauf erreur de notre part, il reste <strong><xsl:value-of select="@montant"/></strong> à régler sur la facture n° <xsl:value-of select="@numero"/> de la mairie de <xsl:value-of select="@town"/>, dont l'échéance est le <xsl:value-of select="@echeance"/>.</p>
        <p><a href="{@lien}">Votre Espace facturation</a></p>
        <p>Si vous avez réglé entre-temps, merci de ne pas tenir compte de ce message.</p>
      </html>
    </mail>
  </xsl:template>
</xsl:stylesheet>
