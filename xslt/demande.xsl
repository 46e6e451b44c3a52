<?xml version="1.0" encoding="UTF-8"?>
<!-- demande.xsl — /portail/famille/demandes/{demande}: one request, its changes and its
     history; « Annuler » while it is pending. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="dossier-cartes.xsl"/>

  <xsl:variable name="d" select="/page/demande/info"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="$d/@title"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <p><a href="{$base}/famille/demandes"><xsl:value-of select="pt:t('demandes.retour')"/></a></p>
    <h1><xsl:value-of select="$d/@title"/></h1>
    <p>
      <xsl:value-of select="pt:t('col.statut')"/> :
      <span class="statut statut-{$d/@status}"><xsl:value-of select="pt:t(concat('statut.', $d/@status))"/></span>
    </p>
    <xsl:if test="string($d/@agent_message)">
      <div class="message message-info" role="status">
        <p><strong><xsl:value-of select="pt:t('demande.message-mairie')"/></strong><xsl:text> </xsl:text><xsl:value-of select="$d/@agent_message"/></p>
      </div>
    </xsl:if>
    <xsl:if test="demande/changement">
      <table class="liste" tabindex="0">
        <caption><xsl:value-of select="pt:t('demande.changements')"/></caption>
        <thead><tr>
          <th scope="col"><xsl:value-of select="pt:t('col.champ')"/></th>
          <th scope="col"><xsl:value-of select="pt:t('col.avant')"/></th>
          <th scope="col"><xsl:value-of select="pt:t('col.apres')"/></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="demande/changement">
            <tr><th scope="row"><xsl:value-of select="@label"/></th><td><xsl:call-template name="changement-valeur"><xsl:with-param name="v" select="@avant"/><xsl:with-param name="alt" select="pt:t('dossier.photo-actuelle')"/></xsl:call-template></td><td><xsl:call-template name="changement-valeur"><xsl:with-param name="v" select="@apres"/><xsl:with-param name="alt" select="pt:t('dossier.photo-nouvelle')"/></xsl:call-template></td></tr>
          </xsl:for-each>
        </tbody>
      </table>
    </xsl:if>
    <xsl:if test="demande/jour">
      <table class="liste" tabindex="0">
        <caption><xsl:value-of select="pt:t('demande.jours')"/></caption>
        <thead><tr>
          <th scope="col"><xsl:value-of select="pt:t('col.date')"/></th>
          <th scope="col"><xsl:value-of select="pt:t('col.enfant')"/></th>
          <th scope="col"><xsl:value-of select="pt:t('col.activite')"/></th>
          <th scope="col"><xsl:value-of select="pt:t('col.statut')"/></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="demande/jour">
            <tr>
              <th scope="row"><xsl:value-of select="@day_num"/></th>
              <td><xsl:value-of select="@prenom"/></td>
              <td><xsl:value-of select="@activite"/></td>
              <td>
                <xsl:value-of select="pt:t(concat('planning.statut.', @status))"/>
                <xsl:if test="@majore = '1'"><xsl:value-of select="concat(' — ', pt:t('apercu.majore'))"/></xsl:if>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </xsl:if>
    <h2><xsl:value-of select="pt:t('demande.historique')"/></h2>
    <ol class="historique">
      <xsl:for-each select="demande/evenement">
        <li>
          <xsl:value-of select="pt:quand(@at)"/> — <xsl:value-of select="pt:t(concat('evenement.', @event))"/>
          <xsl:if test="@role = 'agent'"> (<xsl:value-of select="pt:t('demande.par-mairie')"/>)</xsl:if>
          <xsl:if test="string(@message) and @event != 'refus'"> : <xsl:value-of select="@message"/></xsl:if>
        </li>
      </xsl:for-each>
    </ol>
    <xsl:if test="$d/@status = 'en_attente'">
      <form method="post" action="{$base}/famille/demandes/{$d/@id}/annuler">
        <xsl:call-template name="csrf"/>
        <button type="submit" class="bouton bouton-secondaire"><xsl:value-of select="pt:t('demande.annuler')"/></button>
      </form>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
