<?xml version="1.0" encoding="UTF-8"?>
<!-- mail/reservation-recue.xsl — the acknowledgement of a reservation, absence or
     cancellation request: one form for a single slot, one for a period (its days listed).
     <mail-data town url prenom titre lien><jour libelle prenom statut|refus/>…</mail-data> -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8"/>

  <xsl:template match="jour" mode="texte">
    <xsl:value-of select="concat('- ', @libelle, ', ', @prenom, ' : ')"/>
    <xsl:call-template name="resultat"/>
    <xsl:text>
</xsl:text>
  </xsl:template>

  <xsl:template name="resultat">
    <xsl:choose>
      <xsl:when test="@statut = 'reserve'">réservé</xsl:when>
      <xsl:when test="@statut = 'en_attente'">en attente de validation</xsl:when>
      <xsl:when test="@statut = 'liste_attente'">complet, sur la liste d'attente</xsl:when>
      <xsl:when test="@statut = 'absence_demandee'">absence signalée</xsl:when>
      <xsl:when test="@statut = 'annule'">annulé</xsl:when>
      <xsl:otherwise>non retenu</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/mail-data">
    <xsl:variable name="seul" select="count(jour) = 1"/>
    <mail>
      <subject>
        <xsl:choose>
          <xsl:when test="$seul">Demande reçue pour le <xsl:value-of select="jour/@libelle"/></xsl:when>
          <xsl:otherwise>Demande reçue : <xsl:value-of select="@titre"/></xsl:otherwise>
        </xsl:choose>
      </subject>
      <text>Bonjour <xsl:value-of select="@prenom"/>,

<xsl:choose><xsl:when test="$seul">Votre demande pour le créneau du <xsl:value-of select="jour/@libelle"/> (<xsl:value-of select="jour/@prenom"/>) est bien reçue par la mairie de <xsl:value-of select="@town"/> : <xsl:for-each select="jour"><xsl:call-template name="resultat"/></xsl:for-each>.
</xsl:when><xsl:otherwise>Votre demande « <xsl:value-of select="@titre"/> » est bien reçue par la mairie de <xsl:value-of select="@town"/>. Jour par jour :

<xsl:apply-templates select="jour[@statut]" mode="texte"/></xsl:otherwise></xsl:choose>
Vous la suivez, et pouvez l'annuler tant qu'elle n'a pas reçu de réponse, dans « Mes demandes » :

<xsl:value-of select="@lien"/>

Ceci est un message automatique, merci de ne pas y répondre.
</text>
      <html>
        <p>Bonjour <xsl:value-of select="@prenom"/>,</p>
        <xsl:choose>
          <xsl:when test="$seul">
            <p>Votre demande pour le créneau du <xsl:value-of select="jour/@libelle"/> (<xsl:value-of select="jour/@prenom"/>) est bien reçue par la mairie de <xsl:value-of select="@town"/> : <xsl:for-each select="jour"><xsl:call-template name="resultat"/></xsl:for-each>.</p>
          </xsl:when>
          <xsl:otherwise>
            <p>Votre demande « <xsl:value-of select="@titre"/> » est bien reçue par la mairie de <xsl:value-of select="@town"/>. Jour par jour :</p>
            <ul>
              <xsl:for-each select="jour[@statut]">
                <li><xsl:value-of select="concat(@libelle, ', ', @prenom, ' : ')"/><xsl:call-template name="resultat"/></li>
              </xsl:for-each>
            </ul>
          </xsl:otherwise>
        </xsl:choose>
        <p>Vous la suivez, et pouvez l'annuler tant qu'elle n'a pas reçu de réponse, dans <a href="{@lien}">Mes demandes</a>.</p>
        <p>Ceci est un message automatique, merci de ne pas y répondre.</p>
      </html>
    </mail>
  </xsl:template>
</xsl:stylesheet>
