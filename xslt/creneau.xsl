<?xml version="1.0" encoding="UTF-8"?>
<!-- creneau.xsl — one slot of the planning: the child, the activity, the day, its state,
     and the requests possible on it (book, declare an absence, cancel), each with its
     outcome and one button.  The buttons post to /famille/reservations. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="apercu.xsl"/>

  <xsl:variable name="s" select="/page/creneau"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="concat($s/@activite, ' — ', $s/@libelle)"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <p><a href="{$base}/famille/planning?date={$s/@date}"><xsl:value-of select="pt:t('reservations.retour')"/></a></p>
    <h1><xsl:value-of select="concat($s/@activite, ' — ', $s/@prenom)"/></h1>
    <p class="creneau-jour"><xsl:value-of select="$s/@libelle"/></p>
    <p>
      <xsl:value-of select="concat(pt:t('creneau.etat'), ' : ')"/>
      <strong>
        <xsl:choose>
          <xsl:when test="string($s/@actuel)"><xsl:value-of select="pt:t(concat('planning.statut.', $s/@actuel))"/></xsl:when>
          <xsl:when test="string($s/@etat)"><xsl:value-of select="pt:t(concat('creneau.etat.', $s/@etat))"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="pt:t('planning.statut.non_reserve')"/></xsl:otherwise>
        </xsl:choose>
      </strong>
    </p>
    <xsl:for-each select="$s/choix[apercu/jour/@statut]">
      <form method="post" action="{$base}/famille/reservations" class="formulaire choix-creneau">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="action" value="{@action}"/>
        <input type="hidden" name="activite" value="{$s/@activite-id}"/>
        <input type="hidden" name="enfant_{$s/@enfant}" value="1"/>
        <input type="hidden" name="date_debut" value="{$s/@date}"/>
        <input type="hidden" name="date_fin" value="{$s/@date}"/>
        <input type="hidden" name="j{$s/@jds}" value="1"/>
        <input type="hidden" name="empreinte" value="{apercu/@empreinte}"/>
        <input type="hidden" name="retour" value="planning"/>
        <input type="hidden" name="confirmer" value="1"/>
        <h2><xsl:value-of select="pt:t(concat('reservations.action.', @action))"/></h2>
        <p>
          <xsl:value-of select="concat(pt:t('creneau.resultat'), ' : ', pt:t(concat('apercu.', apercu/jour/@statut)))"/>
          <xsl:if test="apercu/jour/@majore"><xsl:value-of select="concat(' — ', pt:t('apercu.majoration'), ' ', apercu/@majoration)"/></xsl:if>
          <xsl:if test="apercu/jour/@prix_fr"><xsl:value-of select="concat(' — ', pt:t('apercu.prix'), ' ', apercu/jour/@prix_fr, ' (', pt:t('apercu.porte-monnaie'), ' ', apercu/porte-monnaie/@solde_fr, ')')"/></xsl:if>
        </p>
        <xsl:choose>
          <xsl:when test="@action = 'absence'">
            <div class="champ">
              <label for="motif"><xsl:value-of select="pt:t('reservations.motif')"/></label>
              <select id="motif" name="motif">
                <option value="maladie"><xsl:value-of select="pt:t('motif.maladie')"/></option>
                <option value="convenance"><xsl:value-of select="pt:t('motif.convenance')"/></option>
                <option value="autre"><xsl:value-of select="pt:t('motif.autre')"/></option>
              </select>
            </div>
          </xsl:when>
        </xsl:choose>
        <div class="actions"><button type="submit" class="bouton"><xsl:value-of select="pt:t(concat('creneau.confirmer.', @action))"/></button></div>
      </form>
    </xsl:for-each>
    <xsl:if test="$s/@rien">
      <div class="message message-info">
        <p><xsl:value-of select="pt:t('creneau.rien')"/></p>
        <ul>
          <xsl:for-each select="$s/choix">
            <li><xsl:value-of select="concat(pt:t(concat('reservations.action.', @action)), ' : ', pt:t(concat('refus.', apercu/jour/@refus)))"/></li>
          </xsl:for-each>
        </ul>
      </div>
    </xsl:if>
    <p><a href="{$base}/famille/reservations?activite={$s/@activite-id}&amp;enfant_{$s/@enfant}=1&amp;date_debut={$s/@date}"><xsl:value-of select="pt:t('creneau.periode')"/></a></p>
  </xsl:template>
</xsl:stylesheet>
