<?xml version="1.0" encoding="UTF-8"?>
<!-- accessibilite.xsl — /portail/accessibilite: the accessibility statement the RGAA
     requires (status, non-conformities, derogations, contact, recourse), the webmaster's
     text (PortailAccessibility) or a default one in the town's name. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="mentions-blocs.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('accessibilite.titre')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <xsl:variable name="ville" select="/page/site/@town"/>
    <xsl:variable name="a" select="accessibilite"/>
    <section class="carte">
      <h1><xsl:value-of select="pt:t('accessibilite.titre')"/></h1>
      <xsl:choose>
        <xsl:when test="$a/@defaut">
          <p><xsl:value-of select="concat(pt:t('accessibilite.engagement.1'), ' ', $ville, ' ', pt:t('accessibilite.engagement.2'))"/></p>
          <p><xsl:value-of select="concat(pt:t('accessibilite.portee'), ' ', $ville, '.')"/></p>
          <h2><xsl:value-of select="pt:t('accessibilite.etat.titre')"/></h2>
          <p><strong><xsl:value-of select="pt:t('accessibilite.etat')"/></strong></p>
          <h2><xsl:value-of select="pt:t('accessibilite.non-accessibles.titre')"/></h2>
          <h3><xsl:value-of select="pt:t('accessibilite.non-conformites.titre')"/></h3>
          <ul>
            <li><xsl:value-of select="pt:t('accessibilite.non-conformite.1')"/></li>
            <li><xsl:value-of select="pt:t('accessibilite.non-conformite.2')"/></li>
            <li><xsl:value-of select="pt:t('accessibilite.non-conformite.3')"/></li>
          </ul>
          <h3><xsl:value-of select="pt:t('accessibilite.derogations.titre')"/></h3>
          <p><xsl:value-of select="pt:t('accessibilite.derogations')"/></p>
          <h3><xsl:value-of select="pt:t('accessibilite.exemptes.titre')"/></h3>
          <p><xsl:value-of select="pt:t('accessibilite.exemptes')"/></p>
          <h2><xsl:value-of select="pt:t('accessibilite.etablissement.titre')"/></h2>
          <p><xsl:value-of select="pt:t('accessibilite.etablissement')"/></p>
          <h2><xsl:value-of select="pt:t('accessibilite.contact.titre')"/></h2>
          <p><xsl:value-of select="concat(pt:t('accessibilite.contact'), ' ', $ville, '.')"/></p>
          <xsl:if test="string($a/@contact)">
            <p><xsl:value-of select="concat(pt:t('accessibilite.contact.adresse'), ' ', $a/@contact)"/></p>
          </xsl:if>
          <h2><xsl:value-of select="pt:t('accessibilite.recours.titre')"/></h2>
          <p><xsl:value-of select="pt:t('accessibilite.recours')"/></p>
          <ul>
            <li><xsl:value-of select="pt:t('accessibilite.recours.formulaire')"/><xsl:text> </xsl:text><a href="https://formulaire.defenseurdesdroits.fr/">formulaire.defenseurdesdroits.fr</a></li>
            <li><xsl:value-of select="pt:t('accessibilite.recours.delegue')"/><xsl:text> </xsl:text><a href="https://www.defenseurdesdroits.fr/saisir/delegues">defenseurdesdroits.fr/saisir/delegues</a></li>
            <li><xsl:value-of select="pt:t('accessibilite.recours.courrier')"/></li>
          </ul>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates select="$a/bloc"/></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
