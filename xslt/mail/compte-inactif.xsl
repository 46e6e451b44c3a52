<?xml version="1.0" encoding="UTF-8"?>
<!-- mail/compte-inactif.xsl — an account unused for years will be removed unless its owner
     logs in (portail-ctl purge).  <mail-data town prenom ans suppression lien> (h16rgpd). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8"/>
  <xsl:template match="/mail-data">
    <mail>
      <subject>Votre compte du portail famille sera supprimé faute d'utilisation</subject>
      <text>Bonjour <xsl:value-of select="@prenom"/>,

Vous ne vous êtes pas connecté(e) au portail famille de la mairie de <xsl:value-of select="@town"/> depuis <xsl:value-of select="@ans"/> ans. Pour ne pas garder vos données plus longtemps que nécessaire, votre compte sera supprimé après le <xsl:value-of select="@suppression"/>.

Pour le garder, il suffit de vous connecter avant cette date : <xsl:value-of select="@lien"/>

Le dossier de votre famille et ses factures restent à la mairie : la suppression ne concerne que votre compte de connexion.
</text>
      <html>
        <p>Bonjour <xsl:value-of select="@prenom"/>,</p>
        <p>Vous ne vous êtes pas connecté(e) au portail famille de la mairie de <xsl:value-of select="@town"/> depuis <xsl:value-of select="@ans"/> ans. Pour ne pas garder vos données plus longtemps que nécessaire, votre compte sera supprimé après le <strong><xsl:value-of select="@suppression"/></strong>.</p>
        <p>Pour le garder, il suffit de <a href="{@lien}">vous connecter</a> avant cette date.</p>
        <p>Le dossier de votre famille et ses factures restent à la mairie : la suppression ne concerne que votre compte de connexion.</p>
      </html>
    </mail>
  </xsl:template>
</xsl:stylesheet>
