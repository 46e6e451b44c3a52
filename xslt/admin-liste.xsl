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
</xsl:stylesheet>
