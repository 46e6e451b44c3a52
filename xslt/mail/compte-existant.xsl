<?xml version="1.0" encoding="UTF-8"?>
<!-- mail/compte-existant.xsl — someone tried to sign up with an e-mail that already has an
     account: its owner is told (the page said the same as for a new account).
     <mail-data town url prenom> -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8"/>
  <xsl:template match="/mail-data">
    <mail>
      <subject>Vous avez déjà un compte sur le Portail Famille de <xsl:value-of select="@town"/></subject>
      <text>Bonjour,

Une inscription au Portail Famille de <xsl:value-of select="@town"/> vient d'être demandée avec cette adresse e-mail, qui a déjà un compte.

Pour vous connecter : <xsl:value-of select="@url"/>/connexion
Mot de passe oublié : <xsl:value-of select="@url"/>/mot-de-passe-oublie

Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre compte n'a pas été modifié.

Ceci est un message automatique, merci de ne pas y répondre.
</text>
      <html>
        <p>Bonjour,</p>
        <p>Une inscription au Portail Famille de <xsl:value-of select="@town"/> vient d'être demandée avec cette adresse e-mail, qui a déjà un compte.</p>
        <p><a href="{@url}/connexion">Se connecter</a> — <a href="{@url}/mot-de-passe-oublie">Mot de passe oublié</a></p>
        <p>Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre compte n'a pas été modifié.</p>
        <p>Ceci est un message automatique, merci de ne pas y répondre.</p>
      </html>
    </mail>
  </xsl:template>
</xsl:stylesheet>
