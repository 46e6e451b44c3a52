<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-porte-monnaie.xsl — /portail/admin/porte-monnaie: the families' porte-monnaie
     balances by régie (<compte>), the last movements (<mouvement>) and the adjustment form
     (<form id="ajuster">). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="porte-monnaie.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('admin.porte-monnaie')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <xsl:variable name="s" select="admin-porte-monnaie"/>
    <p><a href="{$base}/admin/facturation"><xsl:value-of select="pt:t('facturation.retour')"/></a></p>
    <h1><xsl:value-of select="pt:t('admin.porte-monnaie')"/></h1>
    <form method="get" action="{$base}/admin/porte-monnaie" class="filtres">
      <div class="champ">
        <label for="q-famille"><xsl:value-of select="pt:t('porte-monnaie.chercher')"/></label>
        <input type="search" id="q-famille" name="famille" value="{$s/filtre/@famille}"/>
      </div>
      <div class="actions"><button type="submit" class="bouton bouton-secondaire"><xsl:value-of select="pt:t('porte-monnaie.filtrer')"/></button></div>
    </form>
    <table class="liste" tabindex="0">
      <caption><xsl:value-of select="concat(pt:t('porte-monnaie.soldes'), ' (', pt:t('porte-monnaie.total'), ' ', $s/@total_fr, ')')"/></caption>
      <thead><tr>
        <th scope="col"><xsl:value-of select="pt:t('facturation.regie')"/></th>
        <th scope="col"><xsl:value-of select="pt:t('col.famille')"/></th>
        <th scope="col" class="nombre"><xsl:value-of select="pt:t('porte-monnaie.col-solde')"/></th>
      </tr></thead>
      <tbody>
        <xsl:for-each select="$s/compte">
          <tr>
            <td><xsl:value-of select="@regie"/></td>
            <th scope="row"><a href="{$base}/admin/familles/{@family_id}"><xsl:value-of select="@famille"/></a></th>
            <td class="nombre"><xsl:value-of select="@solde_fr"/></td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
    <section class="carte" aria-labelledby="pm-ajuster">
      <h2 id="pm-ajuster"><xsl:value-of select="pt:t('porte-monnaie.ajuster')"/></h2>
      <xsl:apply-templates select="$s/form[@id = 'ajuster']">
        <xsl:with-param name="bouton" select="pt:t('porte-monnaie.ajuster')"/>
      </xsl:apply-templates>
    </section>
    <xsl:if test="$s/mouvement">
      <table class="liste" tabindex="0">
        <caption><xsl:value-of select="pt:t('porte-monnaie.derniers')"/></caption>
        <thead><tr>
          <th scope="col"><xsl:value-of select="pt:t('col.date')"/></th>
          <th scope="col"><xsl:value-of select="pt:t('col.famille')"/></th>
          <th scope="col"><xsl:value-of select="pt:t('porte-monnaie.operation')"/></th>
          <th scope="col" class="nombre"><xsl:value-of select="pt:t('porte-monnaie.montant')"/></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="$s/mouvement">
            <tr>
              <td><xsl:value-of select="@date_fr"/></td>
              <td><xsl:value-of select="concat(@famille, ' (', @regie, ')')"/></td>
              <td><xsl:apply-templates select="." mode="libelle"/></td>
              <td class="nombre"><xsl:value-of select="@montant_fr"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
