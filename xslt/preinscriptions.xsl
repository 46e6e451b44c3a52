<?xml version="1.0" encoding="UTF-8"?>
<!-- preinscriptions.xsl — /portail/famille/preinscriptions: « Pré-inscriptions ». -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('nav.preinscriptions')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <h1><xsl:value-of select="pt:t('nav.preinscriptions')"/></h1>
    <p><a class="bouton" href="{$base}/famille/preinscriptions/nouvelle"><xsl:value-of select="pt:t('preinscriptions.nouvelle')"/></a></p>
    <xsl:choose>
      <xsl:when test="preinscriptions/preinscription">
        <table class="liste" tabindex="0">
          <caption><xsl:value-of select="pt:t('nav.preinscriptions')"/></caption>
          <thead><tr>
            <th scope="col"><xsl:value-of select="pt:t('col.activite')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('col.enfant')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('col.du')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('col.au')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('col.statut')"/></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="preinscriptions/preinscription">
              <tr>
                <th scope="row"><a href="{$base}/famille/demandes/{@request_id}"><xsl:value-of select="@activite"/></a>
                  <xsl:if test="@occasionnelle = '1'"> (<xsl:value-of select="pt:t('preinscriptions.occasionnelle')"/>)</xsl:if></th>
                <td><xsl:value-of select="@prenom"/></td>
                <td><xsl:value-of select="@date_debut_num"/></td>
                <td><xsl:value-of select="@date_fin_num"/></td>
                <td><span class="statut etat-{@etat}"><xsl:value-of select="pt:t(concat('preinscription.', @etat))"/></span></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:when>
      <xsl:otherwise><p><xsl:value-of select="pt:t('preinscriptions.aucune')"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
