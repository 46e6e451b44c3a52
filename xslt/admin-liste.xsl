<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-liste.xsl — what the agents' lists share: the links to the previous and next
     pages.  Imported by the list stylesheets, after layout.xsl. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">

  <!-- $chemin: the list's URL with its query ("?q=…&"), the page parameter appended. -->
  <xsl:template name="pages">
    <xsl:param name="chemin"/>
    <xsl:param name="liste"/>
    <xsl:if test="$liste/@page &gt; 1 or $liste/@suivante">
      <nav class="pages">
        <xsl:attribute name="aria-label"><xsl:value-of select="pt:t('pages')"/></xsl:attribute>
        <xsl:if test="$liste/@page &gt; 1">
          <a href="{$chemin}page={$liste/@page - 1}" rel="prev"><xsl:value-of select="pt:t('page.precedente')"/></a>
        </xsl:if>
        <span><xsl:value-of select="pt:t('page')"/><xsl:text> </xsl:text><xsl:value-of select="$liste/@page"/></span>
        <xsl:if test="$liste/@suivante">
          <a href="{$chemin}page={$liste/@page + 1}" rel="next"><xsl:value-of select="pt:t('page.suivante')"/></a>
        </xsl:if>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- A queue of requests (<demande id title created_at family_id famille>): each with its
       details (mode="details", the importing stylesheet's), accept, refuse with a
       message, and the bulk acceptance of those ticked.  $chemin: '/admin/<queue>'. -->
  <xsl:template name="file-demandes">
    <xsl:param name="l"/>
    <xsl:param name="chemin"/>
  <xsl:choose>
    <xsl:when test="$l/demande">
      <xsl:if test="$l/@statut = 'en_attente'">
        <form method="post" action="{$base}{$chemin}/accepter" id="lot">
          <xsl:call-template name="csrf"/>
          <button type="submit" class="bouton"><xsl:value-of select="pt:t('dossiers.accepter-lot')"/></button>
        </form>
      </xsl:if>
      <xsl:for-each select="$l/demande">
        <article class="carte" aria-labelledby="d-{@id}">
          <h2 id="d-{@id}"><xsl:value-of select="@title"/></h2>
          <p class="discret"><a href="{$base}/admin/familles/{@family_id}"><xsl:value-of select="concat(pt:t('famille'), ' ', @famille)"/></a> — <xsl:value-of select="pt:quand(@created_at)"/></p>
          <xsl:apply-templates select="." mode="details"/>
          <xsl:if test="$l/@statut = 'en_attente'">
            <div class="champ">
              <input type="checkbox" name="demande" value="{@id}" id="lot-{@id}" form="lot"/>
              <label for="lot-{@id}" class="en-ligne"><xsl:value-of select="pt:t('dossiers.selectionner')"/></label>
            </div>
            <div class="actions-ligne">
              <form method="post" action="{$base}{$chemin}/{@id}/accepter">
                <xsl:call-template name="csrf"/>
                <xsl:apply-templates select="." mode="accepter"/>
                <button type="submit" class="bouton"><xsl:value-of select="pt:t('dossiers.accepter')"/></button>
              </form>
              <xsl:call-template name="formulaire-refus"><xsl:with-param name="chemin" select="$chemin"/></xsl:call-template>
            </div>
          </xsl:if>
        </article>
      </xsl:for-each>
      <xsl:call-template name="pages">
        <xsl:with-param name="chemin" select="concat($base, $chemin, '?', $l/@query)"/>
        <xsl:with-param name="liste" select="$l"/>
      </xsl:call-template>
    </xsl:when>
    <xsl:otherwise><p><xsl:value-of select="pt:t('dossiers.aucune')"/></p></xsl:otherwise>
  </xsl:choose>
  </xsl:template>
  <!-- The fields a queue's acceptance asks for (none by default; the documents' queue asks
       for the validity dates). -->
  <xsl:template match="demande" mode="accepter"/>

  <!-- The refusal of a request (<demande id>): the agent's message is required; refused
       without it, the page comes back with /page/refus-erreur naming the request, the
       field marked and what was typed. -->
  <xsl:template name="formulaire-refus">
    <xsl:param name="chemin"/>
    <xsl:variable name="err" select="/page/refus-erreur[@demande = current()/@id]"/>
    <form method="post" action="{$base}{$chemin}/{@id}/refuser" class="refus">
      <xsl:call-template name="csrf"/>
      <label for="m-{@id}"><xsl:value-of select="pt:t('dossiers.message')"/></label>
      <xsl:if test="$err"><p class="erreur" id="m-{@id}-erreur"><xsl:value-of select="$err"/></p></xsl:if>
      <textarea id="m-{@id}" name="message" rows="2" required="required">
        <xsl:if test="$err">
          <xsl:attribute name="aria-invalid">true</xsl:attribute>
          <xsl:attribute name="aria-describedby">m-<xsl:value-of select="@id"/>-erreur</xsl:attribute>
          <xsl:attribute name="autofocus">autofocus</xsl:attribute>
        </xsl:if>
        <xsl:value-of select="$err/@texte"/>
      </textarea>
      <button type="submit" class="bouton bouton-secondaire"><xsl:value-of select="pt:t('dossiers.refuser')"/></button>
    </form>
  </xsl:template>
</xsl:stylesheet>
