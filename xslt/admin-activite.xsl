<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-activite.xsl — one activity: its form, its periods. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="semaine.xsl"/>

  <xsl:variable name="p" select="/page/periodes"/>

  <xsl:template match="page" mode="titre">
    <xsl:choose>
      <xsl:when test="$p"><xsl:value-of select="$p/@nom"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="pt:t('activites.nouvelle')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <p><a href="{$base}/admin/activites"><xsl:value-of select="pt:t('activites.retour')"/></a></p>
    <h1><xsl:apply-templates select="/page" mode="titre"/></h1>
    <!-- The settings' forms only for the roles that change them (@modifiable). -->
    <xsl:if test="not($p) or $p/@modifiable">
      <p class="discret"><xsl:value-of select="pt:t('champs.obligatoires')"/></p>
      <xsl:apply-templates select="admin-activite/form">
        <xsl:with-param name="bouton" select="pt:t('dossier.enregistrer')"/>
      </xsl:apply-templates>
    </xsl:if>
    <xsl:if test="$p">
      <section class="carte" aria-labelledby="t-periodes">
        <h2 id="t-periodes"><xsl:value-of select="pt:t('col.periodes')"/></h2>
        <xsl:choose>
          <xsl:when test="$p/periode">
            <ul>
              <xsl:for-each select="$p/periode">
                <li>
                  <xsl:value-of select="concat(pt:t('periode.du'), ' ', @date_debut_fr, ' ', pt:t('periode.au'), ' ', @date_fin_fr, ' : ')"/>
                  <xsl:call-template name="jours-texte"><xsl:with-param name="w" select="@weekdays"/></xsl:call-template>
                </li>
              </xsl:for-each>
            </ul>
          </xsl:when>
          <xsl:otherwise><p><xsl:value-of select="pt:t('activites.sans-periode')"/></p></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$p/@modifiable">
        <h3><xsl:value-of select="pt:t('activites.ajouter-periode')"/></h3>
        <form method="post" action="{$base}/admin/activites/{$p/@activite}/periodes" class="formulaire">
          <xsl:call-template name="csrf"/>
          <div class="champ"><label for="pd"><xsl:value-of select="pt:t('col.du')"/></label><input type="date" id="pd" name="date_debut" required="required"/></div>
          <div class="champ"><label for="pf"><xsl:value-of select="pt:t('col.au')"/></label><input type="date" id="pf" name="date_fin" required="required"/></div>
          <xsl:call-template name="jours-semaine">
            <xsl:with-param name="prefixe" select="'j'"/>
            <xsl:with-param name="legende" select="pt:t('activites.jours')"/>
          </xsl:call-template>
          <div class="actions"><button type="submit" class="bouton"><xsl:value-of select="pt:t('activites.ajouter-periode')"/></button></div>
        </form>
        </xsl:if>
      </section>
      <xsl:if test="$p/@jour">
      <section class="carte" aria-labelledby="t-jour">
        <h2 id="t-jour"><xsl:value-of select="pt:t('jour.feuille')"/></h2>
        <form method="get" action="{$base}/admin/activites/{$p/@activite}/jour" class="formulaire">
          <div class="champ"><label for="jd"><xsl:value-of select="pt:t('col.date')"/></label><input type="date" id="jd" name="date" required="required"/></div>
          <div class="actions"><button type="submit" class="bouton"><xsl:value-of select="pt:t('jour.ouvrir')"/></button></div>
        </form>
        <h3><xsl:value-of select="pt:t('export.titre')"/></h3>
        <form method="get" action="{$base}/admin/activites/{$p/@activite}/export" class="formulaire">
          <div class="champ">
            <label for="et"><xsl:value-of select="pt:t('export.type')"/></label>
            <select id="et" name="type">
              <option value="effectifs"><xsl:value-of select="pt:t('export.effectifs')"/></option>
              <option value="liste"><xsl:value-of select="pt:t('export.liste')"/></option>
            </select>
          </div>
          <div class="champ"><label for="ed"><xsl:value-of select="pt:t('col.du')"/></label><input type="date" id="ed" name="du" required="required"/></div>
          <div class="champ"><label for="ea"><xsl:value-of select="pt:t('col.au')"/></label><input type="date" id="ea" name="au" required="required"/></div>
          <div class="actions"><button type="submit" class="bouton"><xsl:value-of select="pt:t('export.telecharger')"/></button></div>
        </form>
      </section>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template name="jours-texte">
    <xsl:param name="w"/>
    <xsl:param name="n" select="1"/>
    <xsl:if test="$n &lt;= 7">
      <xsl:if test="substring($w, $n, 1) = '1'"><xsl:value-of select="pt:t(concat('jour.', $n))"/><xsl:text> </xsl:text></xsl:if>
      <xsl:call-template name="jours-texte"><xsl:with-param name="w" select="$w"/><xsl:with-param name="n" select="$n + 1"/></xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
