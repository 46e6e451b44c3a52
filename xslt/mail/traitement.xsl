<?xml version="1.0" encoding="UTF-8"?>
<!-- mail/traitement.xsl — the processing digest (13:00 and 18:00): the family's requests
     answered in the window.
     <mail-data town prenom fenetre lien><demande titre evenement message/>…</mail-data> -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8"/>

  <xsl:template name="reponse">
    <xsl:choose>
      <xsl:when test="@evenement = 'refus'">refusée</xsl:when>
      <xsl:when test="@evenement = 'annulation'">annulée par la mairie</xsl:when>
      <xsl:otherwise>acceptée</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/mail-data">
    <mail>
      <subject>Vos demandes traitées par la mairie de <xsl:value-of select="@town"/></subject>
      <text>Bonjour <xsl:value-of select="@prenom"/>,

La mairie de <xsl:value-of select="@town"/> a répondu à vos demandes :

<xsl:for-each select="demande">- « <xsl:value-of select="@titre"/> » : <xsl:call-template name="reponse"/><xsl:if test="string(@message)"> — <xsl:value-of select="@message"/></xsl:if><xsl:text>
</xsl:text></xsl:for-each>
Le détail et l'historique sont dans « Mes demandes » :

<xsl:value-of select="@lien"/>

Ceci est un message automatique, merci de ne pas y répondre.
</text>
      <html>
        <p>Bonjour <xsl:value-of select="@prenom"/>,</p>
        <p>La mairie de <xsl:value-of select="@town"/> a répondu à vos demandes :</p>
        <ul>
          <xsl:for-each select="demande">
            <li>« <xsl:value-of select="@titre"/> » : <strong><xsl:call-template name="reponse"/></strong><xsl:if test="string(@message)"> — <xsl:value-of select="@message"/></xsl:if></li>
          </xsl:for-each>
        </ul>
        <p>Le détail et l'historique sont dans <a href="{@lien}">Mes demandes</a>.</p>
        <p>Ceci est un message automatique, merci de ne pas y répondre.</p>
      </html>
    </mail>
  </xsl:template>
</xsl:stylesheet>
