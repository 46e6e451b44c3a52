<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-tarifs.xsl — /portail/admin/tarifs: régies, the activities they bill and their
     dated tariffs; forms to add a régie and a tariff. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('admin.tarifs')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <xsl:variable name="l" select="admin-tarifs"/>
    <p><a href="{$base}/admin/facturation"><xsl:value-of select="pt:t('facturation.retour')"/></a></p>
    <h1><xsl:value-of select="pt:t('admin.tarifs')"/></h1>
    <table class="liste" tabindex="0">
      <caption><xsl:value-of select="pt:t('tarifs.regies')"/></caption>
      <thead><tr>
        <th scope="col"><xsl:value-of select="pt:t('facturation.regie')"/></th>
        <th scope="col"><xsl:value-of select="pt:t('facture.emetteur')"/></th>
        <th scope="col" class="nombre"><xsl:value-of select="pt:t('tarifs.delai')"/></th>
        <th scope="col"><xsl:value-of select="pt:t('tarifs.porte-monnaie')"/></th>
        <th scope="col"><xsl:value-of select="pt:t('tarifs.numcli')"/></th>
      </tr></thead>
      <tbody>
        <xsl:for-each select="$l/regie">
          <tr><th scope="row"><xsl:value-of select="concat(@name, ' (', @code, ')')"/></th><td><xsl:value-of select="@emetteur"/></td><td class="nombre"><xsl:value-of select="@delai_paiement"/></td>
            <td><xsl:choose>
              <xsl:when test="@prepaye = '1'"><xsl:value-of select="concat(pt:t('tarifs.prepaye'), ' (', @recharge_min_fr, ' – ', @recharge_max_fr, ')')"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="pt:t('tarifs.mensuel')"/></xsl:otherwise>
            </xsl:choose></td>
            <td><xsl:choose>
              <xsl:when test="@payfip_numcli"><xsl:value-of select="@payfip_numcli"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="pt:t('tarifs.numcli-defaut')"/></xsl:otherwise>
            </xsl:choose></td></tr>
        </xsl:for-each>
      </tbody>
    </table>
    <table class="liste" tabindex="0">
      <caption><xsl:value-of select="pt:t('tarifs.activites')"/></caption>
      <thead><tr>
        <th scope="col"><xsl:value-of select="pt:t('col.activite')"/></th>
        <th scope="col"><xsl:value-of select="pt:t('facturation.regie')"/></th>
        <th scope="col"><xsl:value-of select="pt:t('tarifs.titre')"/></th>
      </tr></thead>
      <tbody>
        <xsl:for-each select="$l/activite">
          <tr>
            <th scope="row"><xsl:value-of select="@name"/></th>
            <td><xsl:value-of select="@regie"/></td>
            <td>
              <ul>
                <xsl:for-each select="tarif">
                  <li><xsl:value-of select="pt:t('tarifs.a-partir')"/><xsl:text> </xsl:text><xsl:value-of select="@depuis_fr"/> :
                    <xsl:choose>
                      <xsl:when test="@mode = 'taux'"><xsl:value-of select="pt:t('tarifs.taux')"/><xsl:text> </xsl:text><xsl:value-of select="@taux_fr"/> (<xsl:value-of select="@plancher_fr"/> – <xsl:value-of select="@plafond_fr"/>)</xsl:when>
                      <xsl:otherwise>
                        <xsl:for-each select="tranche">
                          <xsl:if test="position() &gt; 1">, </xsl:if>
                          <xsl:value-of select="@min"/>–<xsl:value-of select="@max"/> € : <xsl:value-of select="@prix_fr"/>
                        </xsl:for-each>
                      </xsl:otherwise>
                    </xsl:choose>
                  </li>
                </xsl:for-each>
              </ul>
            </td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
    <section class="carte" aria-labelledby="t-tarif">
      <h2 id="t-tarif"><xsl:value-of select="pt:t('tarifs.ajouter')"/></h2>
      <xsl:apply-templates select="$l/form[@id = 'tarif']">
        <xsl:with-param name="bouton" select="pt:t('tarifs.ajouter')"/>
      </xsl:apply-templates>
    </section>
    <section class="carte" aria-labelledby="t-activite-regie">
      <h2 id="t-activite-regie"><xsl:value-of select="pt:t('tarifs.activite-regie')"/></h2>
      <p><xsl:value-of select="pt:t('tarifs.activite-regie.aide')"/></p>
      <xsl:apply-templates select="$l/form[@id = 'activite']">
        <xsl:with-param name="bouton" select="pt:t('tarifs.activite-regie.bouton')"/>
      </xsl:apply-templates>
    </section>
    <section class="carte" aria-labelledby="t-parametres">
      <h2 id="t-parametres"><xsl:value-of select="pt:t('tarifs.parametres')"/></h2>
      <xsl:apply-templates select="$l/form[@id = 'parametres']">
        <xsl:with-param name="bouton" select="pt:t('tarifs.parametres.enregistrer')"/>
      </xsl:apply-templates>
    </section>
    <section class="carte" aria-labelledby="t-regie">
      <h2 id="t-regie"><xsl:value-of select="pt:t('tarifs.regie-ajouter')"/></h2>
      <xsl:apply-templates select="$l/form[@id = 'regie']">
        <xsl:with-param name="bouton" select="pt:t('tarifs.regie-ajouter')"/>
      </xsl:apply-templates>
    </section>
  </xsl:template>
</xsl:stylesheet>
