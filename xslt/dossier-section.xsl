<?xml version="1.0" encoding="UTF-8"?>
<!-- dossier-section.xsl — the edit form of one section of the family file (a request for
     the family, a direct change for an agent). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:variable name="s" select="/page/dossier-section"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="concat($s/@section, ' — ', $s/@titre)"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <p>
      <xsl:choose>
        <xsl:when test="$s/@agent"><a href="{$base}/admin/familles/{$s/@famille}"><xsl:value-of select="pt:t('dossier.retour-famille')"/></a></xsl:when>
        <xsl:otherwise><a href="{$base}/famille/dossier"><xsl:value-of select="pt:t('dossier.retour')"/></a></xsl:otherwise>
      </xsl:choose>
    </p>
    <h1><xsl:value-of select="concat($s/@section, ' — ', $s/@titre)"/></h1>
    <xsl:if test="$s/@lecture">
      <p><xsl:value-of select="pt:t('dossier.fiscal-lecture')"/></p>
      <dl class="valeurs">
        <xsl:for-each select="$s/valeur">
          <dt><xsl:value-of select="@label"/></dt>
          <dd>
            <xsl:choose>
              <xsl:when test="string(@value)"><xsl:value-of select="@value"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="pt:t('dossier.non-renseigne')"/></xsl:otherwise>
            </xsl:choose>
          </dd>
        </xsl:for-each>
      </dl>
    </xsl:if>
    <xsl:if test="not($s/@lecture)">
      <p>
        <xsl:choose>
          <xsl:when test="$s/@agent"><xsl:value-of select="pt:t('dossier.agent-direct')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="pt:t('dossier.validation')"/></xsl:otherwise>
        </xsl:choose>
      </p>
    </xsl:if>
    <xsl:apply-templates select="$s/form">
      <xsl:with-param name="bouton">
        <xsl:choose>
          <xsl:when test="$s/@agent"><xsl:value-of select="pt:t('dossier.enregistrer')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="pt:t('dossier.envoyer')"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:apply-templates>
  </xsl:template>
</xsl:stylesheet>
