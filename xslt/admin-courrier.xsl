<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-courrier.xsl — /portail/admin/familles/{famille}/courrier: the letter « Votre
     code abonné » the town posts to a family.  On paper only the letter is printed (see
     @media print in portail.css). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:variable name="s" select="/page/admin-courrier"/>
  <xsl:variable name="f" select="$s/family"/>
  <xsl:variable name="adresse-portail">
    <xsl:choose>
      <xsl:when test="string(/page/site/@public)"><xsl:value-of select="/page/site/@public"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$base"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="concat(pt:t('courrier.objet'), ' — ', $f/@nom)"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <p class="non-imprime">
      <a href="{$base}/admin/familles/{$f/@id}"><xsl:value-of select="pt:t('courrier.retour')"/></a>
      <xsl:text> — </xsl:text>
      <xsl:value-of select="pt:t('courrier.aide-impression')"/>
    </p>
    <article class="courrier">
      <p class="courrier-expediteur"><xsl:value-of select="$ville"/></p>
      <address class="courrier-destinataire">
        <xsl:for-each select="$s/responsable">
          <xsl:value-of select="concat(@civilite, ' ', @prenom, ' ', @nom)"/><br/>
        </xsl:for-each>
        <xsl:if test="$f/@adresse"><xsl:value-of select="$f/@adresse"/><br/></xsl:if>
        <xsl:value-of select="concat($f/@code_postal, ' ', $f/@commune)"/>
      </address>
      <p class="courrier-date"><xsl:value-of select="concat($ville, ', le ', $s/@date)"/></p>
      <h1><xsl:value-of select="pt:t('courrier.objet')"/></h1>
      <p><xsl:value-of select="pt:t('courrier.madame-monsieur')"/></p>
      <p><xsl:value-of select="pt:t('courrier.intro')"/></p>
      <p class="courrier-code">
        <span><xsl:value-of select="pt:t('famille.code')"/></span>
        <strong><xsl:value-of select="$f/@code_abonne"/></strong>
      </p>
      <p><xsl:value-of select="pt:t('courrier.adresse')"/><xsl:text> </xsl:text><strong><xsl:value-of select="$adresse-portail"/>/</strong></p>
      <ol>
        <li><xsl:value-of select="pt:t('courrier.etape1')"/><xsl:text> </xsl:text><strong><xsl:value-of select="$adresse-portail"/>/inscription</strong></li>
        <li><xsl:value-of select="pt:t('courrier.etape2')"/></li>
        <li><xsl:value-of select="pt:t('courrier.etape3')"/></li>
      </ol>
      <xsl:if test="$s/child">
        <p>
          <xsl:value-of select="pt:t('courrier.enfants')"/>
          <xsl:text> </xsl:text>
          <xsl:for-each select="$s/child">
            <xsl:value-of select="@prenom"/>
            <xsl:if test="position() != last()">, </xsl:if>
          </xsl:for-each>.
        </p>
      </xsl:if>
      <p><xsl:value-of select="pt:t('courrier.confidentiel')"/></p>
      <p><xsl:value-of select="pt:t('courrier.salutations')"/></p>
      <p class="courrier-signature"><xsl:value-of select="pt:t('courrier.signature')"/><xsl:text> </xsl:text><xsl:value-of select="$ville"/></p>
    </article>
  </xsl:template>
</xsl:stylesheet>
