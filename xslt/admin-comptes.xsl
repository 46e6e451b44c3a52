<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-comptes.xsl — /portail/admin/comptes: the parents' accounts and their state. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="admin-liste.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('admin.comptes')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <xsl:variable name="l" select="admin-comptes"/>
    <h1><xsl:value-of select="pt:t('admin.comptes')"/></h1>
    <form method="get" action="{$base}/admin/comptes" class="recherche" role="search">
      <label for="q"><xsl:value-of select="pt:t('comptes.rechercher')"/></label>
      <input type="search" id="q" name="q" value="{$l/@q}"/>
      <label for="etat"><xsl:value-of select="pt:t('col.etat')"/></label>
      <select id="etat" name="etat">
        <xsl:call-template name="option-etat"><xsl:with-param name="v" select="''"/><xsl:with-param name="k" select="'etat.tous'"/></xsl:call-template>
        <xsl:call-template name="option-etat"><xsl:with-param name="v" select="'en_attente'"/></xsl:call-template>
        <xsl:call-template name="option-etat"><xsl:with-param name="v" select="'actif'"/></xsl:call-template>
        <xsl:call-template name="option-etat"><xsl:with-param name="v" select="'bloque'"/></xsl:call-template>
      </select>
      <button type="submit" class="bouton"><xsl:value-of select="pt:t('rechercher')"/></button>
    </form>
    <xsl:choose>
      <xsl:when test="$l/compte">
        <table class="liste" tabindex="0">
          <caption><xsl:value-of select="pt:t('admin.comptes')"/></caption>
          <thead><tr>
            <th scope="col"><xsl:value-of select="pt:t('col.email')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('col.nom')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('col.etat')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('col.familles')"/></th>
            <th scope="col"><span class="visually-hidden"><xsl:value-of select="pt:t('actions')"/></span></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="$l/compte">
              <tr>
                <th scope="row"><xsl:value-of select="@email"/></th>
                <td><xsl:value-of select="concat(@prenom, ' ', @nom)"/></td>
                <td><span class="etat etat-{@state}"><xsl:value-of select="pt:t(concat('etat.', @state))"/></span></td>
                <td><xsl:value-of select="@familles"/></td>
                <td class="actions-ligne">
                  <xsl:if test="@state = 'en_attente'">
                    <xsl:call-template name="action"><xsl:with-param name="quoi" select="'renvoyer'"/></xsl:call-template>
                  </xsl:if>
                  <xsl:choose>
                    <xsl:when test="@state = 'bloque'">
                      <xsl:call-template name="action"><xsl:with-param name="quoi" select="'debloquer'"/></xsl:call-template>
                    </xsl:when>
                    <xsl:otherwise>
                      <xsl:call-template name="action"><xsl:with-param name="quoi" select="'bloquer'"/></xsl:call-template>
                    </xsl:otherwise>
                  </xsl:choose>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        <xsl:call-template name="pages">
          <xsl:with-param name="chemin" select="concat($base, '/admin/comptes?', $l/@query)"/>
          <xsl:with-param name="liste" select="$l"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><p><xsl:value-of select="pt:t('comptes.aucun')"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="action">
    <xsl:param name="quoi"/>
    <form method="post" action="{$base}/admin/comptes/{@id}/{$quoi}">
      <xsl:call-template name="csrf"/>
      <button type="submit" class="bouton bouton-secondaire">
        <xsl:value-of select="pt:t(concat('compte.', $quoi))"/>
        <span class="visually-hidden"><xsl:text> </xsl:text><xsl:value-of select="@email"/></span>
      </button>
    </form>
  </xsl:template>

  <xsl:template name="option-etat">
    <xsl:param name="v"/>
    <xsl:param name="k" select="concat('etat.', $v)"/>
    <option value="{$v}">
      <xsl:if test="$v = /page/admin-comptes/@etat"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
      <xsl:value-of select="pt:t($k)"/>
    </option>
  </xsl:template>
</xsl:stylesheet>
