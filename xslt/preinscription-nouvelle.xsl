<?xml version="1.0" encoding="UTF-8"?>
<!-- preinscription-nouvelle.xsl — a new pre-inscription: first the activity (only those a
     child has the age for), then the children, the period, regular or occasional, and the
     days to book at once. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="semaine.xsl"/>

  <xsl:variable name="s" select="/page/preinscription-nouvelle"/>
  <xsl:variable name="a" select="$s/activite[@choisie = '1']"/>
  <xsl:variable name="t" select="$s/saisie"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('preinscriptions.nouvelle')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <p><a href="{$base}/famille/preinscriptions"><xsl:value-of select="pt:t('preinscriptions.retour')"/></a></p>
    <h1><xsl:value-of select="pt:t('preinscriptions.nouvelle')"/></h1>
    <xsl:if test="$s/erreur">
      <div class="message message-erreur" role="alert"><p><xsl:value-of select="$s/erreur"/></p>
        <xsl:if test="/page/documents-manquants">
          <p><a href="{$base}/famille/documents"><xsl:value-of select="pt:t('documents.envoyer')"/></a></p>
        </xsl:if>
      </div>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="not($a)">
        <form method="get" action="{$base}/famille/preinscriptions/nouvelle" class="formulaire">
          <div class="champ">
            <label for="activite"><xsl:value-of select="pt:t('col.activite')"/></label>
            <p class="aide" id="activite-aide"><xsl:value-of select="pt:t('preinscriptions.age')"/></p>
            <select id="activite" name="activite" aria-describedby="activite-aide" required="required">
              <option value=""><xsl:value-of select="pt:t('form.choisir')"/></option>
              <xsl:for-each select="$s/activite">
                <option value="{@id}"><xsl:value-of select="concat(@name, ' (', @horaires, ')')"/></option>
              </xsl:for-each>
            </select>
          </div>
          <div class="actions"><button type="submit" class="bouton"><xsl:value-of select="pt:t('preinscriptions.continuer')"/></button></div>
        </form>
      </xsl:when>
      <xsl:otherwise>
        <form method="post" action="{$base}/famille/preinscriptions/nouvelle" class="formulaire">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="activite" value="{$a/@id}"/>
          <p><strong><xsl:value-of select="$a/@name"/></strong> (<xsl:value-of select="$a/@horaires"/>) — <a href="{$base}/famille/preinscriptions/nouvelle"><xsl:value-of select="pt:t('preinscriptions.autre')"/></a></p>
          <fieldset>
            <legend><xsl:value-of select="pt:t('preinscriptions.enfants')"/></legend>
            <xsl:for-each select="$a/enfant">
              <div class="champ">
                <input type="checkbox" id="enfant_{@id}" name="enfant_{@id}" value="1">
                  <xsl:if test="@coche"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
                </input>
                <label for="enfant_{@id}" class="en-ligne"><xsl:value-of select="concat(@prenom, ' (', @age, ' ans)')"/></label>
              </div>
            </xsl:for-each>
          </fieldset>
          <div class="champ"><label for="date_debut"><xsl:value-of select="pt:t('col.du')"/></label><input type="date" id="date_debut" name="date_debut" value="{$t/@date_debut}" required="required"/></div>
          <div class="champ"><label for="date_fin"><xsl:value-of select="pt:t('col.au')"/></label><input type="date" id="date_fin" name="date_fin" value="{$t/@date_fin}" required="required"/></div>
          <fieldset>
            <legend><xsl:value-of select="pt:t('preinscriptions.mode')"/></legend>
            <div class="champ">
              <input type="radio" id="mode-reg" name="mode" value="reguliere">
                <xsl:if test="not($t/@mode = 'occasionnelle')"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
              </input>
              <label for="mode-reg" class="en-ligne"><xsl:value-of select="pt:t('preinscriptions.reguliere')"/></label>
            </div>
            <div class="champ">
              <input type="radio" id="mode-occ" name="mode" value="occasionnelle">
                <xsl:if test="$t/@mode = 'occasionnelle'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
              </input>
              <label for="mode-occ" class="en-ligne"><xsl:value-of select="pt:t('preinscriptions.occasionnelle')"/></label>
            </div>
          </fieldset>
          <xsl:call-template name="jours-semaine">
            <xsl:with-param name="prefixe" select="'j'"/>
            <xsl:with-param name="legende" select="pt:t('preinscriptions.jours')"/>
            <xsl:with-param name="coches" select="$t/@weekdays"/>
          </xsl:call-template>
          <xsl:call-template name="jours-semaine">
            <xsl:with-param name="prefixe" select="'r'"/>
            <xsl:with-param name="legende" select="pt:t('preinscriptions.reserver')"/>
            <xsl:with-param name="coches" select="$t/@reserve"/>
          </xsl:call-template>
          <div class="actions"><button type="submit" class="bouton"><xsl:value-of select="pt:t('preinscriptions.envoyer')"/></button></div>
        </form>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
