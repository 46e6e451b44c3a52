<?xml version="1.0" encoding="UTF-8"?>
<!-- porte-monnaie.xsl — /portail/famille/porte-monnaie: the family's porte-monnaie at each
     prepaid régie (<compte famille regie solde_fr …><mouvement kind montant_fr solde_fr
     date_fr motif jour_fr prenom activite/></compte>), « Recharger », and the form that
     activates one (<form id="activer" offertes>). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('porte-monnaie.titre')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <xsl:variable name="s" select="porte-monnaie"/>
    <h1><xsl:value-of select="pt:t('porte-monnaie.titre')"/></h1>
    <p><xsl:value-of select="pt:t('porte-monnaie.intro')"/></p>
    <xsl:if test="not($s/compte)">
      <p><xsl:value-of select="pt:t('porte-monnaie.aucun')"/></p>
    </xsl:if>
    <xsl:for-each select="$s/compte">
      <section class="carte" aria-labelledby="pm-{@family_id}-{@regie_id}">
        <h2 id="pm-{@family_id}-{@regie_id}"><xsl:value-of select="concat(@regie, ' — ', pt:t('col.famille'), ' ', @famille)"/></h2>
        <p class="solde"><xsl:value-of select="pt:t('porte-monnaie.solde')"/><xsl:text> </xsl:text><strong><xsl:value-of select="@solde_fr"/></strong></p>
        <xsl:if test="@prepaye = '1'">
          <form method="get" action="{$base}/famille/porte-monnaie/recharger" class="formulaire-ligne">
            <input type="hidden" name="famille" value="{@family_id}"/>
            <input type="hidden" name="regie" value="{@regie_id}"/>
            <p class="discret"><xsl:value-of select="concat(pt:t('porte-monnaie.bornes'), ' ', @recharge_min_fr, ' ', pt:t('porte-monnaie.et'), ' ', @recharge_max_fr, '.')"/></p>
            <div class="actions"><button type="submit" class="bouton"><xsl:value-of select="pt:t('porte-monnaie.recharger')"/></button></div>
          </form>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="mouvement">
            <table class="liste" tabindex="0">
              <caption><xsl:value-of select="pt:t('porte-monnaie.mouvements')"/></caption>
              <thead><tr>
                <th scope="col"><xsl:value-of select="pt:t('col.date')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('porte-monnaie.operation')"/></th>
                <th scope="col" class="nombre"><xsl:value-of select="pt:t('porte-monnaie.montant')"/></th>
                <th scope="col" class="nombre"><xsl:value-of select="pt:t('porte-monnaie.solde-apres')"/></th>
              </tr></thead>
              <tbody>
                <xsl:for-each select="mouvement">
                  <tr>
                    <td><xsl:value-of select="@date_fr"/></td>
                    <td><xsl:apply-templates select="." mode="libelle"/></td>
                    <td class="nombre"><xsl:value-of select="@montant_fr"/></td>
                    <td class="nombre"><xsl:value-of select="@solde_fr"/></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </xsl:when>
          <xsl:otherwise><p><xsl:value-of select="pt:t('porte-monnaie.vide')"/></p></xsl:otherwise>
        </xsl:choose>
      </section>
    </xsl:for-each>
    <xsl:if test="$s/form[@id = 'activer']/@offertes &gt; 0">
      <section class="carte" aria-labelledby="pm-activer">
        <h2 id="pm-activer"><xsl:value-of select="pt:t('porte-monnaie.activer')"/></h2>
        <xsl:apply-templates select="$s/form[@id = 'activer']">
          <xsl:with-param name="bouton" select="pt:t('porte-monnaie.activer')"/>
        </xsl:apply-templates>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- What a movement is, in French: its kind, then the booking or the town's reason. -->
  <xsl:template match="mouvement" mode="libelle">
    <xsl:value-of select="pt:t(concat('porte-monnaie.', @kind))"/>
    <xsl:if test="@activite">
      <xsl:value-of select="concat(' : ', @prenom, ', ', @activite, ', ', @jour_fr)"/>
    </xsl:if>
    <xsl:if test="@motif">
      <xsl:value-of select="concat(' : ', @motif)"/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
