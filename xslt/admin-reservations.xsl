<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-reservations.xsl — /portail/admin/reservations: reservations and absences
     waiting for an answer, day by day. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="admin-liste.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('admin.reservations')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <xsl:variable name="l" select="admin-reservations"/>
    <h1><xsl:value-of select="pt:t('admin.reservations')"/></h1>
    <xsl:call-template name="file-demandes">
      <xsl:with-param name="l" select="$l"/>
      <xsl:with-param name="chemin" select="'/admin/reservations'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="demande" mode="details">
    <table class="tableau" tabindex="0">
      <caption class="visually-hidden"><xsl:value-of select="@title"/></caption>
      <thead><tr>
        <th scope="col"><xsl:value-of select="pt:t('col.date')"/></th>
        <th scope="col"><xsl:value-of select="pt:t('col.enfant')"/></th>
        <th scope="col"><xsl:value-of select="pt:t('col.activite')"/></th>
        <th scope="col"><xsl:value-of select="pt:t('col.statut')"/></th>
      </tr></thead>
      <tbody>
        <xsl:for-each select="jour">
          <tr>
            <td><xsl:value-of select="@day_num"/></td>
            <td><xsl:value-of select="@prenom"/></td>
            <td><xsl:value-of select="@activite"/></td>
            <td>
              <xsl:value-of select="pt:t(concat('planning.statut.', @status))"/>
              <xsl:if test="@motif"><xsl:value-of select="concat(' (', pt:t(concat('motif.', @motif)), ')')"/></xsl:if>
              <xsl:if test="@majore = '1'"><xsl:value-of select="concat(' — ', pt:t('apercu.majore'))"/></xsl:if>
            </td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>
</xsl:stylesheet>
