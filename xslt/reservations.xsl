<?xml version="1.0" encoding="UTF-8"?>
<!-- reservations.xsl — « Réservations »: a request over a period (children, activity,
     dates, weekdays), its preview day by day, and the confirmation. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="semaine.xsl"/>
  <xsl:import href="apercu.xsl"/>

  <xsl:variable name="s" select="/page/reservations"/>
  <xsl:variable name="t" select="$s/saisie"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('reservations.titre')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <p><a href="{$base}/famille/planning"><xsl:value-of select="pt:t('reservations.retour')"/></a></p>
    <h1><xsl:value-of select="pt:t('reservations.titre')"/></h1>
    <xsl:if test="$s/erreur">
      <div class="message message-erreur" role="alert" id="erreur"><p><xsl:value-of select="$s/erreur"/></p></div>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="not($s/activite)">
        <p><xsl:value-of select="pt:t('reservations.aucune')"/></p>
        <p><a href="{$base}/famille/preinscriptions/nouvelle"><xsl:value-of select="pt:t('preinscriptions.nouvelle')"/></a></p>
      </xsl:when>
      <xsl:otherwise>
        <p class="aide"><xsl:value-of select="pt:t('reservations.aide')"/></p>
        <form method="post" action="{$base}/famille/reservations" class="formulaire">
          <xsl:call-template name="csrf"/>
          <fieldset>
            <legend><xsl:value-of select="pt:t('reservations.action')"/></legend>
            <xsl:call-template name="action"><xsl:with-param name="v" select="'reservation'"/></xsl:call-template>
            <xsl:call-template name="action"><xsl:with-param name="v" select="'absence'"/></xsl:call-template>
            <xsl:call-template name="action"><xsl:with-param name="v" select="'annulation'"/></xsl:call-template>
          </fieldset>
          <div class="champ">
            <label for="motif"><xsl:value-of select="pt:t('reservations.motif')"/></label>
            <select id="motif" name="motif">
              <xsl:call-template name="motif"><xsl:with-param name="v" select="'maladie'"/></xsl:call-template>
              <xsl:call-template name="motif"><xsl:with-param name="v" select="'convenance'"/></xsl:call-template>
              <xsl:call-template name="motif"><xsl:with-param name="v" select="'autre'"/></xsl:call-template>
            </select>
          </div>
          <div class="champ">
            <label for="activite"><xsl:value-of select="pt:t('col.activite')"/></label>
            <select id="activite" name="activite" required="required">
              <option value=""><xsl:value-of select="pt:t('form.choisir')"/></option>
              <xsl:for-each select="$s/activite">
                <option value="{@id}"><xsl:if test="$t/@activite = @id"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="concat(@name, ' (', @start_time_fr, ' – ', @end_time_fr, ')')"/></option>
              </xsl:for-each>
            </select>
          </div>
          <fieldset>
            <legend><xsl:value-of select="pt:t('preinscriptions.enfants')"/></legend>
            <xsl:for-each select="$s/enfant">
              <div class="champ">
                <input type="checkbox" id="enfant_{@id}" name="enfant_{@id}" value="1">
                  <xsl:if test="@coche"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
                </input>
                <label for="enfant_{@id}" class="en-ligne"><xsl:value-of select="@prenom"/></label>
              </div>
            </xsl:for-each>
          </fieldset>
          <div class="champ"><label for="date_debut"><xsl:value-of select="pt:t('col.du')"/></label><input type="date" id="date_debut" name="date_debut" value="{$t/@date_debut}" required="required"/></div>
          <div class="champ"><label for="date_fin"><xsl:value-of select="pt:t('col.au')"/></label><input type="date" id="date_fin" name="date_fin" value="{$t/@date_fin}" required="required"/></div>
          <xsl:call-template name="jours-semaine">
            <xsl:with-param name="prefixe" select="'j'"/>
            <xsl:with-param name="legende" select="pt:t('reservations.jours')"/>
            <xsl:with-param name="coches" select="$t/@weekdays"/>
          </xsl:call-template>
          <div class="actions"><button type="submit" class="bouton bouton-secondaire"><xsl:value-of select="pt:t('reservations.apercu')"/></button></div>
          <xsl:if test="$s/apercu">
            <h2 id="apercu"><xsl:value-of select="pt:t('apercu.titre')"/></h2>
            <xsl:apply-templates select="$s/apercu"/>
            <xsl:if test="$s/apercu/@acceptes + $s/apercu/@attente &gt; 0">
              <input type="hidden" name="empreinte" value="{$s/apercu/@empreinte}"/>
              <div class="actions"><button type="submit" name="confirmer" value="1" class="bouton"><xsl:value-of select="pt:t('reservations.confirmer')"/></button></div>
            </xsl:if>
          </xsl:if>
        </form>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="action">
    <xsl:param name="v"/>
    <div class="champ">
      <input type="radio" id="action-{$v}" name="action" value="{$v}">
        <xsl:if test="$t/@action = $v or (not(string($t/@action)) and $v = 'reservation')"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
      </input>
      <label for="action-{$v}" class="en-ligne"><xsl:value-of select="pt:t(concat('reservations.action.', $v))"/></label>
    </div>
  </xsl:template>

  <xsl:template name="motif">
    <xsl:param name="v"/>
    <option value="{$v}"><xsl:if test="$t/@motif = $v"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="pt:t(concat('motif.', $v))"/></option>
  </xsl:template>
</xsl:stylesheet>
