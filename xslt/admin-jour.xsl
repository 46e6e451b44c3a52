<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-jour.xsl — the day sheet of an activity: the children expected with their
     allergies, PAI and diet, the « pointage », and the waiting list. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:variable name="j" select="/page/admin-jour"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="concat($j/@nom, ' — ', $j/@libelle)"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <p><a href="{$base}/admin/activites/{$j/@activite}"><xsl:value-of select="concat('← ', $j/@nom)"/></a></p>
    <h1><xsl:value-of select="concat($j/@nom, ' — ', $j/@libelle)"/></h1>
    <nav class="planning-nav" aria-label="{pt:t('jour.navigation')}">
      <a class="bouton bouton-secondaire" rel="prev" href="{$base}/admin/activites/{$j/@activite}/jour?date={$j/@precedent}"><xsl:value-of select="pt:t('planning.precedent')"/></a>
      <a class="bouton bouton-secondaire" rel="next" href="{$base}/admin/activites/{$j/@activite}/jour?date={$j/@suivant}"><xsl:value-of select="pt:t('planning.suivant')"/></a>
    </nav>
    <p><xsl:value-of select="concat(pt:t('jour.places'), ' : ', $j/@prises, ' / ', $j/@capacite)"/></p>
    <xsl:choose>
      <xsl:when test="$j/inscrit">
        <form method="post" action="{$base}/admin/activites/{$j/@activite}/jour" class="formulaire">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="date" value="{$j/@date}"/>
          <table class="tableau" tabindex="0">
            <caption><xsl:value-of select="pt:t('jour.enfants')"/></caption>
            <thead><tr>
              <th scope="col"><xsl:value-of select="pt:t('col.enfant')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('jour.classe')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('jour.sante')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('col.statut')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('jour.pointage')"/></th>
            </tr></thead>
            <tbody>
              <xsl:for-each select="$j/inscrit">
                <tr>
                  <th scope="row" id="e-{@id}"><xsl:value-of select="concat(@prenom, ' ', @nom)"/></th>
                  <td><xsl:value-of select="normalize-space(concat(@ecole, ' ', @classe))"/></td>
                  <td>
                    <xsl:if test="string(@allergies)"><strong><xsl:value-of select="concat(pt:t('jour.allergies'), ' : ')"/></strong><xsl:value-of select="@allergies"/><br/></xsl:if>
                    <xsl:if test="@pai = '1'"><strong><xsl:value-of select="pt:t('jour.pai')"/></strong><br/></xsl:if>
                    <xsl:if test="string(@regime)"><xsl:value-of select="concat(pt:t('jour.regime'), ' : ', @regime_fr)"/></xsl:if>
                  </td>
                  <td>
                    <xsl:value-of select="pt:t(concat('planning.statut.', @status))"/>
                    <xsl:if test="string(@motif)"><xsl:value-of select="concat(' (', pt:t(concat('motif.', @motif)), ')')"/></xsl:if>
                  </td>
                  <td>
                    <xsl:if test="@status = 'reserve' or @status = 'present' or @status = 'absent' or @status = 'excuse'">
                      <fieldset class="pointage" aria-labelledby="e-{@id}">
                        <xsl:call-template name="pointage"><xsl:with-param name="v" select="'present'"/></xsl:call-template>
                        <xsl:call-template name="pointage"><xsl:with-param name="v" select="'absent'"/></xsl:call-template>
                        <xsl:call-template name="pointage"><xsl:with-param name="v" select="'excuse'"/></xsl:call-template>
                      </fieldset>
                    </xsl:if>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
          <div class="actions"><button type="submit" class="bouton"><xsl:value-of select="pt:t('jour.enregistrer')"/></button></div>
        </form>
      </xsl:when>
      <xsl:otherwise><p><xsl:value-of select="pt:t('jour.personne')"/></p></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$j/form[@id = 'certificat']">
      <section class="carte" aria-labelledby="t-certificats">
        <h2 id="t-certificats"><xsl:value-of select="pt:t('jour.certificats')"/></h2>
        <p><xsl:value-of select="concat(pt:t('jour.certificats.aide1'), ' ', $j/@certificat_jours, ' ', pt:t('jour.certificats.aide2'))"/></p>
        <xsl:for-each select="$j/form[@id = 'certificat']">
          <h3><xsl:value-of select="concat(@enfant, ' — ', pt:t(concat('planning.statut.', @statut)))"/>
            <xsl:if test="@recu_fr"><xsl:value-of select="concat(' — ', pt:t('jour.certificat-recu'), ' ', @recu_fr)"/></xsl:if></h3>
          <xsl:apply-templates select=".">
            <xsl:with-param name="bouton" select="pt:t('jour.certificat.enregistrer')"/>
          </xsl:apply-templates>
        </xsl:for-each>
      </section>
    </xsl:if>
    <xsl:if test="$j/attente">
      <h2><xsl:value-of select="pt:t('planning.statut.liste_attente')"/></h2>
      <ol>
        <xsl:for-each select="$j/attente">
          <li><xsl:value-of select="concat(@prenom, ' ', @nom, ' (', pt:t('famille'), ' ', @famille, ')')"/></li>
        </xsl:for-each>
      </ol>
      <xsl:if test="$j/@prises &lt; $j/@capacite">
        <form method="post" action="{$base}/admin/activites/{$j/@activite}/jour/promouvoir">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="date" value="{$j/@date}"/>
          <button type="submit" class="bouton"><xsl:value-of select="pt:t('jour.promouvoir')"/></button>
        </form>
      </xsl:if>
    </xsl:if>
    <p><a href="{$base}/admin/activites/{$j/@activite}/export?type=liste&amp;du={$j/@date}&amp;au={$j/@date}"><xsl:value-of select="pt:t('export.jour')"/></a></p>
  </xsl:template>

  <xsl:template name="pointage">
    <xsl:param name="v"/>
    <span class="jour">
      <input type="radio" id="p-{@id}-{$v}" name="p_{@id}" value="{$v}">
        <xsl:if test="@status = $v"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
      </input>
      <label for="p-{@id}-{$v}" class="en-ligne"><xsl:value-of select="pt:t(concat('pointage.', $v))"/></label>
    </span>
  </xsl:template>
</xsl:stylesheet>
