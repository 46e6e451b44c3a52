<?xml version="1.0" encoding="UTF-8"?>
<!-- planning-liste.xsl — « Planning / Liste »: every booking and pre-inscription in a
     table, filtered by child and status, sorted by date. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:variable name="l" select="/page/planning-liste"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('planning.liste')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <p><a href="{$base}/famille/planning"><xsl:value-of select="pt:t('planning.retour')"/></a></p>
    <h1><xsl:value-of select="pt:t('planning.liste')"/></h1>
    <form method="get" action="{$base}/famille/planning/liste" class="recherche">
      <label for="enfant"><xsl:value-of select="pt:t('col.enfant')"/></label>
      <select id="enfant" name="enfant">
        <option value=""><xsl:value-of select="pt:t('planning.tous-enfants')"/></option>
        <xsl:for-each select="$l/enfant-choix">
          <option value="{@id}"><xsl:if test="@id = $l/@enfant"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="@prenom"/></option>
        </xsl:for-each>
      </select>
      <label for="statut"><xsl:value-of select="pt:t('col.statut')"/></label>
      <select id="statut" name="statut">
        <option value=""><xsl:value-of select="pt:t('planning.tous-statuts')"/></option>
        <xsl:for-each select="$l/statut">
          <option value="{@s}"><xsl:if test="@s = $l/@statut"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="pt:t(concat('planning.statut.', @s))"/></option>
        </xsl:for-each>
      </select>
      <button type="submit" class="bouton"><xsl:value-of select="pt:t('planning.filtrer')"/></button>
    </form>
    <table class="liste" tabindex="0">
      <caption><xsl:value-of select="pt:t('planning.reservations')"/></caption>
      <thead><tr>
        <th scope="col"><xsl:value-of select="pt:t('col.date')"/></th>
        <th scope="col"><xsl:value-of select="pt:t('col.enfant')"/></th>
        <th scope="col"><xsl:value-of select="pt:t('col.activite')"/></th>
        <th scope="col"><xsl:value-of select="pt:t('col.horaires')"/></th>
        <th scope="col"><xsl:value-of select="pt:t('col.statut')"/></th>
      </tr></thead>
      <tbody>
        <xsl:for-each select="$l/reservation">
          <tr>
            <td><xsl:value-of select="@day_num"/></td>
            <td><xsl:value-of select="@prenom"/></td>
            <td><xsl:value-of select="@activite"/></td>
            <td><xsl:value-of select="concat(@start_time_fr, ' – ', @end_time_fr)"/></td>
            <td><xsl:value-of select="pt:t(concat('planning.statut.', @status))"/></td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
    <xsl:if test="$l/preinscription">
      <table class="liste" tabindex="0">
        <caption><xsl:value-of select="pt:t('nav.preinscriptions')"/></caption>
        <thead><tr>
          <th scope="col"><xsl:value-of select="pt:t('col.du')"/></th>
          <th scope="col"><xsl:value-of select="pt:t('col.au')"/></th>
          <th scope="col"><xsl:value-of select="pt:t('col.enfant')"/></th>
          <th scope="col"><xsl:value-of select="pt:t('col.activite')"/></th>
          <th scope="col"><xsl:value-of select="pt:t('col.statut')"/></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="$l/preinscription">
            <tr>
              <td><xsl:value-of select="@date_debut_num"/></td>
              <td><xsl:value-of select="@date_fin_num"/></td>
              <td><xsl:value-of select="@prenom"/></td>
              <td><xsl:value-of select="@activite"/></td>
              <td><xsl:value-of select="pt:t(concat('statut.', @status))"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
