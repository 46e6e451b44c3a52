<?xml version="1.0" encoding="UTF-8"?>
<!-- mail/essai.xsl — the test mail of `portail-ctl mail-test EMAIL`, which checks the SMTP
     settings.  Every mail stylesheet makes <mail><subject/><text/><html/></mail> from a
     <mail-data town="…" url="…"> document. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8"/>
  <xsl:template match="/mail-data">
    <mail>
      <subject>Portail Famille de <xsl:value-of select="@town"/> : courriel d'essai</subject>
      <text>Bonjour,

Ce courriel d'essai confirme que le Portail Famille de <xsl:value-of select="@town"/> peut envoyer des courriels.
<xsl:if test="@url">
Adresse du portail : <xsl:value-of select="@url"/>/
</xsl:if>
Ceci est un message automatique, merci de ne pas y répondre.
</text>
      <html>
        <p>Bonjour,</p>
        <p>Ce courriel d'essai confirme que le Portail Famille de <xsl:value-of select="@town"/> peut envoyer des courriels.</p>
        <xsl:if test="@url">
          <p>Adresse du portail : <a href="{@url}/"><xsl:value-of select="@url"/>/</a></p>
        </xsl:if>
        <p>Ceci est un message automatique, merci de ne pas y répondre.</p>
      </html>
    </mail>
  </xsl:template>
</xsl:stylesheet>
