<?xml version="1.0" encoding="UTF-8"?>
<!-- mail/confirmation-email.xsl — sent to a new address to confirm it (48 h).
     <mail-data town url prenom lien> -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8"/>
  <xsl:template match="/mail-data">
    <mail>
      <subject>Confirmez votre nouvelle adresse pour le Portail Famille de <xsl:value-of select="@town"/></subject>
      <text>Bonjour <xsl:value-of select="@prenom"/>,

Vous avez demandé que cette adresse devienne celle de votre compte du Portail Famille de <xsl:value-of select="@town"/>. Ouvrez ce lien (valable 48 heures) pour le confirmer :

<xsl:value-of select="@lien"/>

Si vous n'avez rien demandé, ignorez ce message : rien ne sera changé.

Ceci est un message automatique, merci de ne pas y répondre.
</text>
      <html>
        <p>Bonjour <xsl:value-of select="@prenom"/>,</p>
        <p>Vous avez demandé que cette adresse devienne celle de votre compte du Portail Famille de <xsl:value-of select="@town"/>. Ouvrez ce lien (valable 48 heures) pour le confirmer :</p>
        <p><a href="{@lien}">Confirmer ma nouvelle adresse</a></p>
        <p>Si vous n'avez rien demandé, ignorez ce message : rien ne sera changé.</p>
        <p>Ceci est un message automatique, merci de ne pas y répondre.</p>
      </html>
    </mail>
  </xsl:template>
</xsl:stylesheet>
