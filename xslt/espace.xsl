<?xml version="1.0" encoding="UTF-8"?>
<!-- espace.xsl — /portail/espace: « Mon espace citoyen ». -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('espace.titre')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <h1><xsl:value-of select="pt:t('espace.titre')"/></h1>
    <xsl:if test="espace/document-a-fournir">
      <section class="carte" aria-labelledby="t-a-fournir">
        <h2 id="t-a-fournir"><xsl:value-of select="pt:t('documents.a-fournir')"/></h2>
        <ul>
          <xsl:for-each select="espace/document-a-fournir">
            <li><xsl:value-of select="concat(@label, ' — ', @prenom, ', ', @activite, ' (', pt:t('documents.jusqu-au'), ' ', @date_fin_fr, ')')"/></li>
          </xsl:for-each>
        </ul>
        <p><a class="bouton" href="{$base}/famille/documents"><xsl:value-of select="pt:t('documents.envoyer')"/></a></p>
      </section>
    </xsl:if>
    <ul class="tuiles">
      <xsl:call-template name="tuile"><xsl:with-param name="chemin" select="'/espace/compte'"/><xsl:with-param name="k" select="'espace.compte'"/></xsl:call-template>
      <xsl:call-template name="tuile"><xsl:with-param name="chemin" select="'/espace/abonnements'"/><xsl:with-param name="k" select="'espace.abonnements'"/></xsl:call-template>
      <xsl:if test="/page/user/@role != 'agent'">
        <xsl:call-template name="tuile"><xsl:with-param name="chemin" select="'/famille/demandes'"/><xsl:with-param name="k" select="'espace.demandes'"/></xsl:call-template>
        <xsl:call-template name="tuile"><xsl:with-param name="chemin" select="'/famille/documents'"/><xsl:with-param name="k" select="'espace.documents'"/></xsl:call-template>
      </xsl:if>
    </ul>
  </xsl:template>

  <xsl:template name="tuile">
    <xsl:param name="chemin"/>
    <xsl:param name="k"/>
    <li class="tuile">
      <h2><a href="{$base}{$chemin}"><xsl:value-of select="pt:t($k)"/></a></h2>
      <p><xsl:value-of select="pt:t(concat($k, '.texte'))"/></p>
    </li>
  </xsl:template>
</xsl:stylesheet>
