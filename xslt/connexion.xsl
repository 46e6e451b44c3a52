<?xml version="1.0" encoding="UTF-8"?>
<!-- connexion.xsl — /portail/connexion: the login form. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:call-template name="t"><xsl:with-param name="k" select="'connexion.titre'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <section class="carte etroite">
      <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'connexion.titre'"/></xsl:call-template></h1>
      <xsl:apply-templates select="connexion/form">
        <xsl:with-param name="bouton">
          <xsl:call-template name="t"><xsl:with-param name="k" select="'connexion.bouton'"/></xsl:call-template>
        </xsl:with-param>
      </xsl:apply-templates>
      <p><a href="{$base}/mot-de-passe-oublie"><xsl:call-template name="t"><xsl:with-param name="k" select="'connexion.oubli'"/></xsl:call-template></a></p>
      <p>
        <xsl:call-template name="t"><xsl:with-param name="k" select="'connexion.pas-de-compte'"/></xsl:call-template>
        <xsl:text> </xsl:text>
        <a href="{$base}/inscription"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.inscription'"/></xsl:call-template></a>
      </p>
    </section>
  </xsl:template>
</xsl:stylesheet>
