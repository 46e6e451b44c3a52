<?xml version="1.0" encoding="UTF-8"?>
<!-- home.xsl — /portail/: welcome, the way in, and the news tiles (« Actualités »). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:call-template name="t"><xsl:with-param name="k" select="'home.titre'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <section class="accueil">
      <h1>
        <xsl:call-template name="t"><xsl:with-param name="k" select="'home.bienvenue'"/></xsl:call-template>
        <xsl:text> de </xsl:text>
        <xsl:value-of select="$ville"/>
      </h1>
      <p class="intro"><xsl:call-template name="t"><xsl:with-param name="k" select="'home.intro'"/></xsl:call-template></p>
      <p class="appels">
        <xsl:choose>
          <xsl:when test="$user/@role = 'agent'">
            <a class="bouton" href="{$base}/admin/"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.admin'"/></xsl:call-template></a>
          </xsl:when>
          <xsl:when test="$user">
            <a class="bouton" href="{$base}/famille/"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.famille'"/></xsl:call-template></a>
            <a class="bouton bouton-secondaire" href="{$base}/espace"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.espace'"/></xsl:call-template></a>
          </xsl:when>
          <xsl:otherwise>
            <a class="bouton" href="{$base}/connexion"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.connexion'"/></xsl:call-template></a>
            <a class="bouton bouton-secondaire" href="{$base}/inscription"><xsl:call-template name="t"><xsl:with-param name="k" select="'nav.inscription'"/></xsl:call-template></a>
          </xsl:otherwise>
        </xsl:choose>
      </p>
    </section>
    <section class="actualites" aria-labelledby="titre-actualites">
      <h2 id="titre-actualites"><xsl:call-template name="t"><xsl:with-param name="k" select="'home.actualites'"/></xsl:call-template></h2>
      <xsl:choose>
        <xsl:when test="home/news/item">
          <ul class="tuiles">
            <xsl:for-each select="home/news/item">
              <li class="tuile">
                <article aria-labelledby="actu-{@id}">
                  <h3 id="actu-{@id}"><xsl:value-of select="title"/></h3>
                  <p class="date">
                    <xsl:call-template name="t"><xsl:with-param name="k" select="'home.publie'"/></xsl:call-template>
                    <xsl:text> </xsl:text>
                    <time datetime="{published/@iso}"><xsl:value-of select="published"/></time>
                  </p>
                  <p><xsl:value-of select="body"/></p>
                </article>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <p><xsl:call-template name="t"><xsl:with-param name="k" select="'home.aucune'"/></xsl:call-template></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
