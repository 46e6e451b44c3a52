<?xml version="1.0" encoding="UTF-8"?>
<!-- erreur.xsl — the one error screen: 400, 401, 403, 404, 405, 409, 413, 429, 500, 503. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:variable name="code">
    <xsl:choose>
      <xsl:when test="contains(' 400 401 403 404 405 409 413 429 500 503 ', concat(' ', /page/erreur/@code, ' '))">
        <xsl:value-of select="/page/erreur/@code"/>
      </xsl:when>
      <xsl:otherwise>500</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t(concat('erreur.', $code, '.titre'))"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <section class="carte erreur-page">
      <h1><xsl:value-of select="pt:t(concat('erreur.', $code, '.titre'))"/></h1>
      <!-- The screen's own sentence says what happened; the generic one only without it
           (a used link is not « modifiées entre-temps »). -->
      <xsl:choose>
        <xsl:when test="string(erreur/detail)"><p><xsl:value-of select="erreur/detail"/></p></xsl:when>
        <xsl:otherwise><p><xsl:value-of select="pt:t(concat('erreur.', $code, '.texte'))"/></p></xsl:otherwise>
      </xsl:choose>
      <p class="appels">
        <a class="bouton" href="{$base}/"><xsl:value-of select="pt:t('erreur.retour')"/></a>
        <xsl:if test="not($user) and ($code = '401' or $code = '403')">
          <a class="bouton bouton-secondaire" href="{$base}/connexion"><xsl:value-of select="pt:t('erreur.connexion')"/></a>
        </xsl:if>
      </p>
      <p class="code-erreur">
        <xsl:value-of select="pt:t('erreur.code')"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="erreur/@code"/>
      </p>
    </section>
  </xsl:template>
</xsl:stylesheet>
