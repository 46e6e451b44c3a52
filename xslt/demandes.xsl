<?xml version="1.0" encoding="UTF-8"?>
<!-- demandes.xsl — /portail/famille/demandes: « Mes demandes ». -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('nav.demandes')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <xsl:variable name="l" select="demandes"/>
    <h1><xsl:value-of select="pt:t('nav.demandes')"/></h1>
    <xsl:if test="$l/@nouveaux &gt; 0">
      <p class="message" role="status"><xsl:value-of select="$l/@nouveaux"/><xsl:text> </xsl:text><xsl:value-of select="pt:t('demandes.nouveaux')"/></p>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="$l/demande">
        <table class="liste" tabindex="0">
          <caption><xsl:value-of select="pt:t('nav.demandes')"/></caption>
          <thead><tr>
            <th scope="col"><xsl:value-of select="pt:t('col.demande')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('col.type')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('col.date')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('col.statut')"/></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="$l/demande">
              <tr>
                <th scope="row">
                  <a href="{$base}/famille/demandes/{@id}"><xsl:value-of select="@title"/></a>
                  <xsl:if test="@unread = '1'">
                    <span class="badge-nouveau">1 <xsl:value-of select="pt:t('demandes.nouveaux')"/></span>
                  </xsl:if>
                </th>
                <td><xsl:value-of select="pt:t(concat('type.', @kind))"/></td>
                <td><xsl:value-of select="pt:quand(@created_at)"/></td>
                <td><span class="statut statut-{@status}"><xsl:value-of select="pt:t(concat('statut.', @status))"/></span></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:when>
      <xsl:otherwise><p><xsl:value-of select="pt:t('demandes.aucune')"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
