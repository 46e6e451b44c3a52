<?xml version="1.0" encoding="UTF-8"?>
<!-- mail/compte-inconnu.xsl — « Mot de passe oublié » was asked for an e-mail that has no
     account.  The page says the same whatever the address, and the portal does the same
     work (one mail queued) either way, so neither the answer nor its delay tells which
     addresses have an account.  <mail-data town url prenom> -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8"/>
  <xsl:template match="/mail-data">
    <mail>
      <subject>Aucun compte à cette adresse sur le Portail Famille de <xsl:value-of select="@town"/></subject>
      <text>Bonjour,

Un nouveau mot de passe pour le Portail Famille de <xsl:value-of select="@town"/> vient d'être demandé avec cette adresse e-mail, mais aucun compte n'utilise cette adresse.

Votre compte a peut-être été créé avec une autre adresse : essayez-la sur <xsl:value-of select="@url"/>/mot-de-passe-oublie
Pour créer un compte : <xsl:value-of select="@url"/>/inscription

Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.

Ceci est un message automatique, merci de ne pas y répondre.
</text>
      <html>
        <p>Bonjour,</p>
        <p>Un nouveau mot de passe pour le Portail Famille de <xsl:value-of select="@town"/> vient d'être demandé avec cette adresse e-mail, mais aucun compte n'utilise cette adresse.</p>
        <p>Votre compte a peut-être été créé avec une autre adresse : <a href="{@url}/mot-de-passe-oublie">essayez-la</a>. Pour créer un compte : <a href="{@url}/inscription">Créer un compte</a>.</p>
        <p>Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.</p>
        <p>Ceci est un message automatique, merci de ne pas y répondre.</p>
      </html>
    </mail>
  </xsl:template>
</xsl:stylesheet>
