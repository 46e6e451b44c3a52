<?xml version="1.0" encoding="UTF-8"?>
<!-- planning.xsl — /portail/famille/planning: « Planning des activités ».
     One colour per child AND its initials.  In the week and day views each slot says
     child, activity, hours and status in words (icon + text); the month's slots are
     compact links named by the switches and the legend (made by screens/planning.c).  On
     a phone the month becomes a list of the days that have slots (portail.css). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt"
                extension-element-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:variable name="p" select="/page/planning"/>
  <xsl:variable name="url" select="concat($base, '/famille/planning?')"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="concat(pt:t('nav.planning'), ' — ', $p/@titre)"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <h1><xsl:value-of select="pt:t('nav.planning')"/></h1>
    <nav class="filtres" aria-label="{pt:t('planning.vues')}">
      <ul>
        <xsl:call-template name="vue"><xsl:with-param name="v" select="'mois'"/><xsl:with-param name="q" select="$p/@q-mois"/></xsl:call-template>
        <xsl:call-template name="vue"><xsl:with-param name="v" select="'semaine'"/><xsl:with-param name="q" select="$p/@q-semaine"/></xsl:call-template>
        <xsl:call-template name="vue"><xsl:with-param name="v" select="'semaine5'"/><xsl:with-param name="q" select="$p/@q-semaine5"/></xsl:call-template>
        <xsl:call-template name="vue"><xsl:with-param name="v" select="'jour'"/><xsl:with-param name="q" select="$p/@q-jour"/></xsl:call-template>
        <li><a href="{$base}/famille/planning/liste"><xsl:value-of select="pt:t('planning.liste')"/></a></li>
        <li><a href="{$base}/famille/reservations"><xsl:value-of select="pt:t('planning.reservations')"/></a></li>
      </ul>
    </nav>
    <div class="planning-nav">
      <a class="bouton bouton-secondaire" href="{$url}{$p/@precedent}" rel="prev"><xsl:value-of select="pt:t('planning.precedent')"/></a>
      <a class="bouton bouton-secondaire" href="{$url}{$p/@aujourdhui}"><xsl:value-of select="pt:t('planning.aujourdhui')"/></a>
      <a class="bouton bouton-secondaire" href="{$url}{$p/@suivant}" rel="next"><xsl:value-of select="pt:t('planning.suivant')"/></a>
      <h2 class="planning-titre" aria-live="polite"><xsl:value-of select="$p/@titre"/></h2>
    </div>

    <!-- Show / hide a child or an activity: toggle buttons of a GET form (works without
         JavaScript); ?basculer=e12 turns e12 in or out of the hidden ones (?masquer=).
         The names here are also what the month's slots are labelled by (ids k…, a…). -->
    <form class="bascules" method="get" action="{$base}/famille/planning">
      <input type="hidden" name="vue" value="{$p/@vue}"/>
      <input type="hidden" name="date" value="{$p/@date}"/>
      <xsl:for-each select="$p/enfant[@masque]"><input type="hidden" name="masquer" value="e{@id}"/></xsl:for-each>
      <xsl:for-each select="$p/activite[@masque]"><input type="hidden" name="masquer" value="a{@id}"/></xsl:for-each>
      <p id="t-bascules"><xsl:value-of select="pt:t('planning.afficher')"/></p>
      <ul aria-labelledby="t-bascules">
        <xsl:for-each select="$p/enfant">
          <li><button type="submit" name="basculer" value="e{@id}" class="bascule enfant-{@couleur}" aria-pressed="{not(@masque)}">
            <span class="initiales" aria-hidden="true"><xsl:value-of select="@initiales"/></span>
            <span id="k{@rang}"><xsl:value-of select="@prenom"/></span>
          </button></li>
        </xsl:for-each>
        <xsl:for-each select="$p/activite">
          <li><button type="submit" name="basculer" value="a{@id}" class="bascule" aria-pressed="{not(@masque)}">
            <span class="sigle" aria-hidden="true"><xsl:value-of select="@sigle"/></span>
            <span id="a{@id}"><xsl:value-of select="@nom"/></span>
            <span class="heures"><xsl:call-template name="heure"><xsl:with-param name="h" select="@debut"/></xsl:call-template>–<xsl:call-template name="heure"><xsl:with-param name="h" select="@fin"/></xsl:call-template></span>
          </button></li>
        </xsl:for-each>
      </ul>
    </form>

    <xsl:choose>
      <xsl:when test="$p/@vue = 'jour'">
        <xsl:for-each select="$p/semaine/jour">
          <xsl:if test="@note"><p class="note-jour"><xsl:value-of select="@note"/></p></xsl:if>
          <xsl:choose>
            <xsl:when test="creneau"><ul class="creneaux"><xsl:apply-templates select="creneau"/></ul></xsl:when>
            <xsl:otherwise><p><xsl:value-of select="pt:t('planning.rien')"/></p></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <table class="planning vue-{$p/@vue}">
          <caption class="visually-hidden"><xsl:value-of select="$p/@titre"/></caption>
          <thead><tr>
            <xsl:for-each select="$p/semaine[1]/jour">
              <th scope="col"><xsl:value-of select="pt:t(concat('jour.', @jds))"/></th>
            </xsl:for-each>
          </tr></thead>
          <tbody>
            <!-- The month's rows come made (corps/tr, see the end of this file). -->
            <pt:deplacer select="$p/corps/tr"/>
            <xsl:for-each select="$p/semaine[not($p/corps)]">
              <tr>
                <xsl:for-each select="jour">
                  <td class="{@classe}">
                    <p class="jour-num">
                      <span aria-hidden="true" class="num"><xsl:value-of select="@num"/></span>
                      <span class="date-longue"><xsl:value-of select="@libelle"/></span>
                      <xsl:if test="@aujourdhui"><span class="visually-hidden"> (<xsl:value-of select="pt:t('planning.aujourdhui')"/>)</span></xsl:if>
                    </p>
                    <xsl:if test="@note"><p class="note-jour"><xsl:value-of select="@note"/></p></xsl:if>
                    <xsl:if test="creneau"><ul class="creneaux"><xsl:apply-templates select="creneau"/></ul></xsl:if>
                  </td>
                </xsl:for-each>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:otherwise>
    </xsl:choose>

    <section class="legende" aria-labelledby="t-legende">
      <h2 id="t-legende"><xsl:value-of select="pt:t('planning.legende')"/></h2>
      <ul>
        <xsl:for-each select="$p/statut">
          <li class="statut-planning statut-{@s}"><span class="icone" aria-hidden="true"><xsl:value-of select="pt:t(concat('planning.icone.', @s))"/></span><xsl:text> </xsl:text><span id="s-{@s}"><xsl:value-of select="pt:t(concat('planning.statut.', @s))"/></span></li>
        </xsl:for-each>
      </ul>
    </section>

    <section class="carte" aria-labelledby="t-agenda">
      <h2 id="t-agenda"><xsl:value-of select="pt:t('planning.agenda')"/></h2>
      <p><xsl:value-of select="pt:t('planning.agenda.texte')"/></p>
      <xsl:for-each select="$p/agenda">
        <p><label for="agenda-{@famille}"><xsl:value-of select="concat(pt:t('famille'), ' ', @nom)"/></label><br/>
          <input type="text" readonly="readonly" id="agenda-{@famille}" value="{@url}" class="adresse-agenda"/></p>
        <form method="post" action="{$base}/famille/planning/agenda">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="famille" value="{@famille}"/>
          <button type="submit" class="bouton bouton-secondaire"><xsl:value-of select="pt:t('planning.agenda.changer')"/></button>
        </form>
      </xsl:for-each>
    </section>
  </xsl:template>

  <xsl:template name="vue">
    <xsl:param name="v"/>
    <xsl:param name="q"/>
    <li><a href="{$url}{$q}">
      <xsl:if test="$p/@vue = $v"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
      <xsl:value-of select="pt:t(concat('planning.vue.', $v))"/>
    </a></li>
  </xsl:template>

  <!-- « 7 h 30 » of "07:30" -->
  <xsl:template name="heure">
    <xsl:param name="h"/>
    <xsl:if test="$h"><xsl:value-of select="concat(number(substring-before($h, ':')), ' h ', substring-after($h, ':'))"/></xsl:if>
  </xsl:template>

  <!-- The month's rows (corps/tr, moved into the table above) are made whole by
       screens/planning.c: a template per day and per slot was the most of a month's
       render; every value is escaped by the one HTML writer all the same.  A slot is a
       link of ≈ 160 bytes.  Its accessible name starts with what it shows (the link names
       itself first: WCAG 2.5.3, label in name), then the child's, the activity's and the
       status's names written once in the page (the switches and the legend): « EM ✔ RS
       Emma Restauration scolaire Réservé »; shown: the child's initials, the status icon
       and the activity's initials; colour and status style follow the same references
       (portail.css).  Hours and everything else: the slot page. -->

  <xsl:template match="creneau">
    <xsl:variable name="statut" select="pt:t(concat('planning.statut.', @statut))"/>
    <li class="creneau enfant-{@couleur} statut-{@statut}"
        title="{@prenom} — {@activite}, {@debut_fr} – {@fin_fr} — {$statut}">
      <a class="lien-creneau" href="{$base}/famille/planning/creneau?{@q}">
        <span class="initiales" aria-hidden="true"><xsl:value-of select="@initiales"/></span>
        <span class="visually-hidden"><xsl:value-of select="@prenom"/> : </span>
        <span class="activite"><xsl:value-of select="@activite"/></span>
        <span class="heures"><xsl:text> </xsl:text><xsl:value-of select="@debut_fr"/> – <xsl:value-of select="@fin_fr"/></span>
        <span class="statut-creneau"><span class="icone" aria-hidden="true"><xsl:value-of select="pt:t(concat('planning.icone.', @statut))"/></span><xsl:text> </xsl:text><xsl:value-of select="$statut"/></span>
      </a>
    </li>
  </xsl:template>
</xsl:stylesheet>
