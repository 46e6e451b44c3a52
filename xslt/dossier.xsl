<?xml version="1.0" encoding="UTF-8"?>
<!-- dossier.xsl — /portail/famille/dossier: « Dossier famille ». -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="dossier-cartes.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('dossier.titre')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <h1><xsl:value-of select="pt:t('dossier.titre')"/></h1>
    <p><xsl:value-of select="pt:t('dossier.intro')"/></p>
    <p><a href="{$base}/famille/demandes"><xsl:value-of select="pt:t('nav.demandes')"/></a></p>
    <xsl:choose>
      <xsl:when test="dossier/family">
        <xsl:for-each select="dossier/family">
          <xsl:apply-templates select="objet">
            <xsl:with-param name="edition" select="concat($base, '/famille/dossier')"/>
          </xsl:apply-templates>
          <xsl:apply-templates select="ajout"/>
          <p class="actions-ligne">
            <a class="bouton bouton-secondaire" href="{$base}/famille/dossier/ajout/enfant?famille={@id}"><xsl:value-of select="pt:t('dossier.ajouter-enfant')"/></a>
            <xsl:if test="count(objet[@type = 'responsable']) &lt; 2">
              <a class="bouton bouton-secondaire" href="{$base}/famille/dossier/ajout/responsable?famille={@id}"><xsl:value-of select="pt:t('dossier.ajouter-responsable')"/></a>
            </xsl:if>
          </p>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <p><xsl:value-of select="pt:t('famille.aucune')"/></p>
        <p><a href="{$base}/espace/abonnements"><xsl:value-of select="pt:t('famille.abonner')"/></a></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A responsable or child asked for, waiting for the town's validation. -->
  <xsl:template match="ajout">
    <article class="carte fiche-dossier en-attente-carte">
      <h2>
        <xsl:value-of select="pt:t(concat('dossier.nouvel-', @type))"/>
        <xsl:text> — </xsl:text>
        <span class="en-attente"><xsl:value-of select="pt:t('dossier.en-attente')"/></span>
      </h2>
      <dl class="champs">
        <xsl:for-each select="champ">
          <div><dt><xsl:value-of select="@label"/></dt><dd><xsl:value-of select="@value"/></dd></div>
        </xsl:for-each>
      </dl>
      <p><a href="{$base}/famille/demandes/{@demande}"><xsl:value-of select="pt:t('dossier.voir-demande')"/></a></p>
    </article>
  </xsl:template>
</xsl:stylesheet>
