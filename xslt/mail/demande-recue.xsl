<?xml version="1.0" encoding="UTF-8"?>
<!-- mail/demande-recue.xsl — the acknowledgement of a request received.
     <mail-data town url prenom titre lien> -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8"/>
  <xsl:template match="/mail-data">
    <mail>
      <subject>Demande reçue : <xsl:value-of select="@titre"/></subject>
      <text>Bonjour <xsl:value-of select="@prenom"/>,

Votre demande « <xsl:value-of select="@titre"/> » est bien reçue par la mairie de <xsl:value-of select="@town"/>. Elle sera traitée par nos services ; vous recevrez un courriel avec la réponse.

Vous pouvez la suivre, ou l'annuler tant qu'elle n'a pas reçu de réponse, dans « Mes demandes » :

<xsl:value-of select="@lien"/>

Ceci est un message automatique, merci de ne pas y répondre.
</text>
      <html>
        <p>Bonjour <xsl:value-of select="@prenom"/>,</p>
        <p>Votre demande « <xsl:value-of select="@titre"/> » est bien reçue par la mairie de <xsl:value-of select="@town"/>. Elle sera traitée par nos services ; vous recevrez un courriel avec la réponse.</p>
        <p>Vous pouvez la suivre, ou l'annuler tant qu'elle n'a pas reçu de réponse, dans <a href="{@lien}">Mes demandes</a>.</p>
        <p>Ceci est un message automatique, merci de ne pas y répondre.</p>
      </html>
    </mail>
  </xsl:template>
</xsl:stylesheet>
