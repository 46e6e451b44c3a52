<?xml version="1.0" encoding="UTF-8"?>
<!-- mail/reinitialisation.xsl — « Mot de passe oublié »: the single-use link (one hour).
     <mail-data town url prenom lien> -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8"/>
  <xsl:template match="/mail-data">
    <mail>
      <subject>Nouveau mot de passe pour le Portail Famille de <xsl:value-of select="@town"/></subject>
      <text>Bonjour <xsl:value-of select="@prenom"/>,

Vous avez demandé à changer le mot de passe de votre compte du Portail Famille de <xsl:value-of select="@town"/>. Ouvrez ce lien (valable une heure, une seule fois) pour en choisir un nouveau :

<xsl:value-of select="@lien"/>

Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste le même.

Ceci est un message automatique, merci de ne pas y répondre.
</text>
      <html>
        <p>Bonjour <xsl:value-of select="@prenom"/>,</p>
        <p>Vous avez demandé à changer le mot de passe de votre compte du Portail Famille de <xsl:value-of select="@town"/>. Ouvrez ce lien (valable une heure, une seule fois) pour en choisir un nouveau :</p>
        <p><a href="{@lien}">Choisir un nouveau mot de passe</a></p>
        <p>Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste le même.</p>
        <p>Ceci est un message automatique, merci de ne pas y répondre.</p>
      </html>
    </mail>
  </xsl:template>
</xsl:stylesheet>
