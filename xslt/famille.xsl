<?xml version="1.0" encoding="UTF-8"?>
<!-- famille.xsl — /portail/famille/: « Espace famille », the families and their children. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:call-template name="t"><xsl:with-param name="k" select="'famille.titre'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'famille.titre'"/></xsl:call-template></h1>
    <xsl:if test="not(famille/family)">
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'famille.aucune'"/></xsl:call-template></p>
      <p><a class="bouton" href="{$base}/espace/abonnements"><xsl:call-template name="t"><xsl:with-param name="k" select="'famille.abonner'"/></xsl:call-template></a></p>
    </xsl:if>
    <xsl:for-each select="famille/family">
      <section class="carte" aria-labelledby="famille-{@id}">
        <h2 id="famille-{@id}">Famille <xsl:value-of select="@nom"/></h2>
        <p class="discret">
          <xsl:call-template name="t"><xsl:with-param name="k" select="'famille.code'"/></xsl:call-template>
          <xsl:text> </xsl:text><xsl:value-of select="@code"/>
        </p>
        <h3><xsl:call-template name="t"><xsl:with-param name="k" select="'famille.enfants'"/></xsl:call-template></h3>
        <ul class="tuiles">
          <xsl:for-each select="child">
            <li class="tuile enfant">
              <p class="nom-enfant"><xsl:value-of select="concat(@prenom, ' ', @nom)"/></p>
              <p>
                <xsl:value-of select="@age"/><xsl:text> </xsl:text>
                <xsl:call-template name="t"><xsl:with-param name="k" select="'famille.ans'"/></xsl:call-template>
              </p>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
