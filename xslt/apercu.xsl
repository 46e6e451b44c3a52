<?xml version="1.0" encoding="UTF-8"?>
<!-- apercu.xsl — the outcome of every day of a reservation, absence or cancellation
     request (<apercu><porte-monnaie/>?<jour date libelle prenom statut|refus majore prix_fr/></apercu>), read
     before confirming: the period form and the planning's slot page share it. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:template match="apercu">
    <p class="resume-apercu">
      <xsl:value-of select="concat(@acceptes, ' ', pt:t('apercu.acceptes'), ', ', @attente, ' ', pt:t('apercu.attente'), ', ', @refuses, ' ', pt:t('apercu.refuses'), '.')"/>
    </p>
    <xsl:if test="@majoration">
      <p class="message message-attention"><xsl:value-of select="concat(pt:t('apercu.majoration'), ' ', @majoration, '.')"/></p>
    </xsl:if>
    <xsl:for-each select="porte-monnaie">
      <p class="message message-info">
        <xsl:choose>
          <xsl:when test="@actif = '1'"><xsl:value-of select="concat(pt:t('apercu.porte-monnaie'), ' ', @solde_fr, ' ; ', pt:t('apercu.porte-monnaie.cout'), ' ', @cout_fr, '.')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="pt:t('apercu.porte-monnaie.inactif')"/></xsl:otherwise>
        </xsl:choose>
      </p>
      <xsl:if test="@insuffisant &gt; 0 or @actif = '0'">
        <p class="message message-attention">
          <xsl:value-of select="concat(pt:t('apercu.porte-monnaie.insuffisant'), ' ')"/>
          <a href="{$base}/famille/porte-monnaie"><xsl:value-of select="pt:t('apercu.porte-monnaie.lien')"/></a>
        </p>
      </xsl:if>
    </xsl:for-each>
    <table class="tableau apercu" tabindex="0">
      <caption><xsl:value-of select="pt:t('apercu.titre')"/></caption>
      <thead><tr>
        <th scope="col"><xsl:value-of select="pt:t('col.date')"/></th>
        <th scope="col"><xsl:value-of select="pt:t('col.enfant')"/></th>
        <th scope="col"><xsl:value-of select="pt:t('col.resultat')"/></th>
      </tr></thead>
      <tbody>
        <xsl:for-each select="jour">
          <tr>
            <xsl:attribute name="class"><xsl:choose><xsl:when test="@refus">refuse</xsl:when><xsl:otherwise>accepte</xsl:otherwise></xsl:choose></xsl:attribute>
            <td><xsl:value-of select="@libelle"/></td>
            <td><xsl:value-of select="@prenom"/></td>
            <td>
              <xsl:choose>
                <xsl:when test="@refus">
                  <span class="icone" aria-hidden="true">✗ </span>
                  <xsl:value-of select="concat(pt:t('apercu.refuse'), ' : ', pt:t(concat('refus.', @refus)))"/>
                </xsl:when>
                <xsl:otherwise>
                  <span class="icone" aria-hidden="true">✓ </span>
                  <xsl:value-of select="pt:t(concat('apercu.', @statut))"/>
                  <xsl:if test="@majore"><xsl:value-of select="concat(' — ', pt:t('apercu.majore'))"/></xsl:if>
                  <xsl:if test="@prix_fr"><xsl:value-of select="concat(' — ', pt:t('apercu.prix'), ' ', @prix_fr)"/></xsl:if>
                </xsl:otherwise>
              </xsl:choose>
            </td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>
</xsl:stylesheet>
