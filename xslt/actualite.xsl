<?xml version="1.0" encoding="UTF-8"?>
<!-- actualite.xsl — /portail/actualites/{id}: one news; for an agent, the preview of a
     news the public does not see (draft, window not open or closed). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="texte.xsl"/>

  <xsl:variable name="a" select="/page/actualite"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="$a/item/title"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <p><a href="{$base}/"><xsl:value-of select="pt:t('actualites.retour')"/></a></p>
    <xsl:if test="$a/apercu">
      <div class="message message-info" role="status">
        <p>
          <xsl:value-of select="pt:t(concat('actualites.apercu.', $a/apercu/@etat))"/>
          <xsl:if test="$a/apercu/@etat = 'programmee'">
            <xsl:value-of select="concat(' ', $a/apercu/@du_fr, '.')"/>
          </xsl:if>
          <xsl:if test="$a/apercu/@etat = 'expiree'">
            <xsl:value-of select="concat(' ', $a/apercu/@au_fr, '.')"/>
          </xsl:if>
        </p>
        <p><a href="{$base}/admin/actualites/{$a/item/@id}"><xsl:value-of select="pt:t('actualites.modifier')"/></a></p>
      </div>
    </xsl:if>
    <article class="actualite" aria-labelledby="titre-actualite">
      <h1 id="titre-actualite"><xsl:value-of select="$a/item/title"/></h1>
      <p class="date">
        <xsl:value-of select="pt:t('home.publie')"/>
        <xsl:text> </xsl:text>
        <time datetime="{$a/item/published/@iso}"><xsl:value-of select="$a/item/published"/></time>
      </p>
      <xsl:if test="$a/item/@image">
        <img class="actualite-image" src="{$base}/actualites/{$a/item/@id}/image" alt="{$a/item/@image_alt}"/>
      </xsl:if>
      <xsl:apply-templates select="$a/item/texte" mode="texte"/>
    </article>
  </xsl:template>
</xsl:stylesheet>
