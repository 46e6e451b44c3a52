<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-dossiers.xsl — /portail/admin/dossiers: « Modifications du dossier ». -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="dossier-cartes.xsl"/>
  <xsl:import href="admin-liste.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('admin.dossiers')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <xsl:variable name="l" select="admin-dossiers"/>
    <h1><xsl:value-of select="pt:t('admin.dossiers')"/></h1>
    <nav class="filtres">
      <xsl:attribute name="aria-label"><xsl:value-of select="pt:t('col.statut')"/></xsl:attribute>
      <ul>
        <xsl:call-template name="filtre"><xsl:with-param name="s" select="'en_attente'"/></xsl:call-template>
        <xsl:call-template name="filtre"><xsl:with-param name="s" select="'acceptee'"/></xsl:call-template>
        <xsl:call-template name="filtre"><xsl:with-param name="s" select="'refusee'"/></xsl:call-template>
        <xsl:call-template name="filtre"><xsl:with-param name="s" select="'annulee'"/></xsl:call-template>
      </ul>
    </nav>
    <xsl:choose>
      <xsl:when test="$l/demande">
        <xsl:if test="$l/@statut = 'en_attente'">
          <form method="post" action="{$base}/admin/dossiers/accepter" id="lot">
            <xsl:call-template name="csrf"/>
            <button type="submit" class="bouton"><xsl:value-of select="pt:t('dossiers.accepter-lot')"/></button>
          </form>
        </xsl:if>
        <xsl:for-each select="$l/demande">
          <article class="carte" aria-labelledby="d-{@id}">
            <h2 id="d-{@id}"><xsl:value-of select="@titre"/></h2>
            <p class="discret">
              <a href="{$base}/admin/familles/{@family_id}"><xsl:value-of select="concat(pt:t('famille'), ' ', @famille)"/></a>
              <xsl:if test="@email"> — <xsl:value-of select="@email"/></xsl:if>
              — <xsl:value-of select="pt:quand(@created_at)"/>
            </p>
            <table class="liste comparaison" tabindex="0">
              <thead><tr>
                <th scope="col"><xsl:value-of select="pt:t('col.champ')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('col.avant')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('col.apres')"/></th>
              </tr></thead>
              <tbody>
                <xsl:for-each select="changement">
                  <tr><th scope="row"><xsl:value-of select="@label"/></th><td><xsl:call-template name="changement-valeur"><xsl:with-param name="v" select="@avant"/><xsl:with-param name="alt" select="pt:t('dossier.photo-actuelle')"/></xsl:call-template></td><td><span class="en-attente"><xsl:call-template name="changement-valeur"><xsl:with-param name="v" select="@apres"/><xsl:with-param name="alt" select="pt:t('dossier.photo-nouvelle')"/></xsl:call-template></span></td></tr>
                </xsl:for-each>
              </tbody>
            </table>
            <xsl:if test="$l/@statut = 'en_attente'">
              <div class="champ">
                <input type="checkbox" name="demande" value="{@id}" id="lot-{@id}" form="lot"/>
                <label for="lot-{@id}" class="en-ligne"><xsl:value-of select="pt:t('dossiers.selectionner')"/></label>
              </div>
              <div class="actions-ligne">
                <form method="post" action="{$base}/admin/dossiers/{@id}/accepter">
                  <xsl:call-template name="csrf"/>
                  <button type="submit" class="bouton"><xsl:value-of select="pt:t('dossiers.accepter')"/></button>
                </form>
                <xsl:call-template name="formulaire-refus"><xsl:with-param name="chemin" select="'/admin/dossiers'"/></xsl:call-template>
              </div>
            </xsl:if>
          </article>
        </xsl:for-each>
        <xsl:call-template name="pages">
          <xsl:with-param name="chemin" select="concat($base, '/admin/dossiers?', $l/@query)"/>
          <xsl:with-param name="liste" select="$l"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><p><xsl:value-of select="pt:t('dossiers.aucune')"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="filtre">
    <xsl:param name="s"/>
    <li>
      <a href="{$base}/admin/dossiers?statut={$s}">
        <xsl:if test="$s = /page/admin-dossiers/@statut"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
        <xsl:value-of select="pt:t(concat('statut.', $s))"/>
      </a>
    </li>
  </xsl:template>
</xsl:stylesheet>
