<?xml version="1.0" encoding="UTF-8"?>
<!-- mail/activation.xsl — the link that activates a new account.
     <mail-data town url prenom lien> -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8"/>
  <xsl:template match="/mail-data">
    <mail>
      <subject>Activez votre compte du Portail Famille de <xsl:value-of select="@town"/></subject>
      <text>Bonjour <xsl:value-of select="@prenom"/>,

Votre compte du Portail Famille de <xsl:value-of select="@town"/> est créé. Pour l'activer, ouvrez ce lien (valable 48 heures) :

<xsl:value-of select="@lien"/>

Si vous n'avez pas demandé ce compte, ignorez ce message : sans activation, il ne sera pas utilisable.

Ceci est un message automatique, merci de ne pas y répondre.
</text>
      <html>
        <p>Bonjour <xsl:value-of select="@prenom"/>,</p>
        <p>Votre compte du Portail Famille de <xsl:value-of select="@town"/> est créé. Pour l'activer, ouvrez ce lien (valable 48 heures) :</p>
        <p><a href="{@lien}">Activer mon compte</a></p>
        <p>Si vous n'avez pas demandé ce compte, ignorez ce message : sans activation, il ne sera pas utilisable.</p>
        <p>Ceci est un message automatique, merci de ne pas y répondre.</p>
      </html>
    </mail>
  </xsl:template>
</xsl:stylesheet>
