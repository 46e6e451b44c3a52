<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-preinscriptions.xsl — /portail/admin/preinscriptions: the agents' queue. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="admin-liste.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('admin.preinscriptions')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <xsl:variable name="l" select="admin-preinscriptions"/>
    <h1><xsl:value-of select="pt:t('admin.preinscriptions')"/></h1>
    <xsl:choose>
      <xsl:when test="$l/demande">
        <xsl:if test="$l/@statut = 'en_attente'">
          <form method="post" action="{$base}/admin/preinscriptions/accepter" id="lot">
            <xsl:call-template name="csrf"/>
            <button type="submit" class="bouton"><xsl:value-of select="pt:t('dossiers.accepter-lot')"/></button>
          </form>
        </xsl:if>
        <xsl:for-each select="$l/demande">
          <article class="carte" aria-labelledby="d-{@id}">
            <h2 id="d-{@id}"><xsl:value-of select="@title"/></h2>
            <p class="discret"><a href="{$base}/admin/familles/{@family_id}"><xsl:value-of select="concat(pt:t('famille'), ' ', @famille)"/></a> — <xsl:value-of select="pt:quand(@created_at)"/></p>
            <ul>
              <xsl:for-each select="inscription">
                <li><xsl:value-of select="concat(@prenom, ' — ', @activite, ' — ', @date_debut, ' → ', @date_fin)"/></li>
              </xsl:for-each>
            </ul>
            <xsl:if test="$l/@statut = 'en_attente'">
              <div class="champ">
                <input type="checkbox" name="demande" value="{@id}" id="lot-{@id}" form="lot"/>
                <label for="lot-{@id}" class="en-ligne"><xsl:value-of select="pt:t('dossiers.selectionner')"/></label>
              </div>
              <div class="actions-ligne">
                <form method="post" action="{$base}/admin/preinscriptions/{@id}/accepter">
                  <xsl:call-template name="csrf"/>
                  <button type="submit" class="bouton"><xsl:value-of select="pt:t('dossiers.accepter')"/></button>
                </form>
                <form method="post" action="{$base}/admin/preinscriptions/{@id}/refuser" class="refus">
                  <xsl:call-template name="csrf"/>
                  <label for="m-{@id}"><xsl:value-of select="pt:t('dossiers.message')"/></label>
                  <textarea id="m-{@id}" name="message" rows="2" required="required"></textarea>
                  <button type="submit" class="bouton bouton-secondaire"><xsl:value-of select="pt:t('dossiers.refuser')"/></button>
                </form>
              </div>
            </xsl:if>
          </article>
        </xsl:for-each>
        <xsl:call-template name="pages">
          <xsl:with-param name="chemin" select="concat($base, '/admin/preinscriptions?', $l/@query)"/>
          <xsl:with-param name="liste" select="$l"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><p><xsl:value-of select="pt:t('dossiers.aucune')"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
