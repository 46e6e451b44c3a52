<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-familles.xsl — /portail/admin/familles: the families, searched. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="admin-liste.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('admin.familles')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <xsl:variable name="l" select="admin-familles"/>
    <h1><xsl:value-of select="pt:t('admin.familles')"/></h1>
    <p><a class="bouton" href="{$base}/admin/familles/nouvelle"><xsl:value-of select="pt:t('familles.nouvelle')"/></a></p>
    <form method="get" action="{$base}/admin/familles" class="recherche" role="search">
      <label for="q"><xsl:value-of select="pt:t('familles.rechercher')"/></label>
      <p class="aide" id="q-aide"><xsl:value-of select="pt:t('familles.rechercher.aide')"/></p>
      <input type="search" id="q" name="q" value="{$l/@q}" aria-describedby="q-aide"/>
      <button type="submit" class="bouton"><xsl:value-of select="pt:t('rechercher')"/></button>
    </form>
    <xsl:choose>
      <xsl:when test="$l/family">
        <table class="liste" tabindex="0">
          <caption><xsl:value-of select="pt:t('admin.familles')"/><xsl:if test="string($l/@q)"> — « <xsl:value-of select="$l/@q"/> »</xsl:if></caption>
          <thead><tr>
            <th scope="col"><xsl:value-of select="pt:t('col.famille')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('col.code')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('col.commune')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('col.enfants')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('col.comptes')"/></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="$l/family">
              <tr>
                <th scope="row"><a href="{$base}/admin/familles/{@id}"><xsl:value-of select="@nom"/></a></th>
                <td class="code"><xsl:value-of select="@code_abonne"/></td>
                <td><xsl:value-of select="@commune"/></td>
                <td><xsl:value-of select="@enfants"/></td>
                <td><xsl:value-of select="@comptes"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        <xsl:call-template name="pages">
          <xsl:with-param name="chemin" select="concat($base, '/admin/familles?', $l/@query)"/>
          <xsl:with-param name="liste" select="$l"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <p><xsl:value-of select="pt:t('familles.aucune')"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
