<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-actualite.xsl — /portail/admin/actualites/nouvelle and /admin/actualites/{id}:
     the form of a news, its state, its preview link, and publish / unpublish. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:variable name="a" select="/page/admin-actualite"/>

  <xsl:template match="page" mode="titre">
    <xsl:choose>
      <xsl:when test="$a/@id"><xsl:value-of select="$a/@titre"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="pt:t('actualites.nouvelle')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <p><a href="{$base}/admin/actualites"><xsl:value-of select="pt:t('actualites.retour-liste')"/></a></p>
    <h1><xsl:apply-templates select="/page" mode="titre"/></h1>
    <xsl:if test="$a/@id">
      <div class="carte">
        <p>
          <xsl:value-of select="pt:t('actualites.col.etat')"/>
          <xsl:text> : </xsl:text>
          <strong><xsl:value-of select="pt:t(concat('actualites.etat.', $a/@etat))"/></strong>
        </p>
        <xsl:if test="$a/@image">
          <p><img class="actualite-image" src="{$base}/actualites/{$a/@id}/image" alt="{pt:t('actualites.image-actuelle')}"/></p>
        </xsl:if>
        <p class="actions-ligne">
          <a class="bouton bouton-secondaire" href="{$base}/actualites/{$a/@id}"><xsl:value-of select="pt:t('actualites.apercu')"/></a>
        </p>
        <form method="post" class="en-ligne">
          <xsl:attribute name="action">
            <xsl:value-of select="concat($base, '/admin/actualites/', $a/@id)"/>
            <xsl:choose>
              <xsl:when test="$a/@etat = 'brouillon'">/publier</xsl:when>
              <xsl:otherwise>/depublier</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:call-template name="csrf"/>
          <button type="submit" class="bouton">
            <xsl:choose>
              <xsl:when test="$a/@etat = 'brouillon'"><xsl:value-of select="pt:t('actualites.publier')"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="pt:t('actualites.depublier')"/></xsl:otherwise>
            </xsl:choose>
          </button>
        </form>
      </div>
    </xsl:if>
    <p class="discret"><xsl:value-of select="pt:t('champs.obligatoires')"/></p>
    <xsl:apply-templates select="$a/form">
      <xsl:with-param name="bouton" select="pt:t('actualites.enregistrer')"/>
    </xsl:apply-templates>
  </xsl:template>
</xsl:stylesheet>
