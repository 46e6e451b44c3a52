<?xml version="1.0" encoding="UTF-8"?>
<!-- mail/document-expire.xsl — a document of the family ends within 30 days
     (portail-ctl document-reminders).  <mail-data town prenom type pour fin lien> -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8"/>
  <xsl:template match="/mail-data">
    <xsl:variable name="quoi">
      <xsl:value-of select="concat('« ', @type, ' »')"/>
      <xsl:if test="@pour"><xsl:value-of select="concat(' (', @pour, ')')"/></xsl:if>
    </xsl:variable>
    <mail>
      <subject>Document bientôt expiré : <xsl:value-of select="@type"/></subject>
      <text>Bonjour <xsl:value-of select="@prenom"/>,

Votre document <xsl:value-of select="$quoi"/> n'est plus valable après le <xsl:value-of select="@fin"/>. Pour que les inscriptions qui le demandent continuent, envoyez le nouveau à la mairie de <xsl:value-of select="@town"/> avec « Envoyer un document » :

<xsl:value-of select="@lien"/>

Ceci est un message automatique, merci de ne pas y répondre.
</text>
      <html>
        <p>Bonjour <xsl:value-of select="@prenom"/>,</p>
        <p>Votre document <xsl:value-of select="$quoi"/> n'est plus valable après le <xsl:value-of select="@fin"/>. Pour que les inscriptions qui le demandent continuent, envoyez le nouveau à la mairie de <xsl:value-of select="@town"/> avec <a href="{@lien}">Envoyer un document</a>.</p>
        <p>Ceci est un message automatique, merci de ne pas y répondre.</p>
      </html>
    </mail>
  </xsl:template>
</xsl:stylesheet>
