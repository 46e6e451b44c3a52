<?xml version="1.0" encoding="UTF-8"?>
<!-- home.xsl — /portail/: welcome, the way in, and the news tiles (« Actualités »). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="texte.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('home.titre')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <section class="accueil">
      <h1>
        <xsl:value-of select="pt:t('home.bienvenue')"/>
        <xsl:text> de </xsl:text>
        <xsl:value-of select="$ville"/>
      </h1>
      <p class="intro"><xsl:value-of select="pt:t('home.intro')"/></p>
      <p class="appels">
        <xsl:choose>
          <xsl:when test="$user/@role = 'agent'">
            <a class="bouton" href="{$base}/admin/"><xsl:value-of select="pt:t('nav.admin')"/></a>
          </xsl:when>
          <xsl:when test="$user">
            <a class="bouton" href="{$base}/famille/"><xsl:value-of select="pt:t('nav.famille')"/></a>
            <a class="bouton bouton-secondaire" href="{$base}/espace"><xsl:value-of select="pt:t('nav.espace')"/></a>
          </xsl:when>
          <xsl:otherwise>
            <a class="bouton" href="{$base}/connexion"><xsl:value-of select="pt:t('nav.connexion')"/></a>
            <a class="bouton bouton-secondaire" href="{$base}/inscription"><xsl:value-of select="pt:t('nav.inscription')"/></a>
          </xsl:otherwise>
        </xsl:choose>
      </p>
    </section>
    <section class="actualites" aria-labelledby="titre-actualites">
      <h2 id="titre-actualites"><xsl:value-of select="pt:t('home.actualites')"/></h2>
      <xsl:choose>
        <xsl:when test="home/news/item">
          <ul class="tuiles">
            <xsl:for-each select="home/news/item">
              <li class="tuile">
                <article aria-labelledby="actu-{@id}">
                  <xsl:if test="@image">
                    <img class="actualite-image" src="{$base}/actualites/{@id}/image" alt="{@image_alt}"/>
                  </xsl:if>
                  <h3 id="actu-{@id}"><a href="{$base}/actualites/{@id}"><xsl:value-of select="title"/></a></h3>
                  <p class="date">
                    <xsl:value-of select="pt:t('home.publie')"/>
                    <xsl:text> </xsl:text>
                    <time datetime="{published/@iso}"><xsl:value-of select="published"/></time>
                  </p>
                  <xsl:apply-templates select="texte" mode="texte"/>
                  <xsl:if test="texte/@suite">
                    <p><a href="{$base}/actualites/{@id}" aria-describedby="actu-{@id}"><xsl:value-of select="pt:t('actualites.lire')"/></a></p>
                  </xsl:if>
                </article>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <p><xsl:value-of select="pt:t('home.aucune')"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
