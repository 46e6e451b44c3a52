<?xml version="1.0" encoding="UTF-8"?>
<!-- dossier-cartes.xsl — the cards of a family file (<objet> with <section> and <champ>),
     shared by the family's « Dossier famille » and the agents' family page.  A pending
     value is shown beside the current one, in yellow AND labelled « en attente de
     validation » (never colour alone).  $edition: the URL prefix of the edit forms. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">

  <xsl:variable name="photos">
    <xsl:value-of select="/page/site/@base"/>
    <xsl:choose>
      <xsl:when test="/page/user/@role = 'agent'">/admin/photos</xsl:when>
      <xsl:otherwise>/famille/photos</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- A value of a change (<changement avant apres>): a picture for a photo; another
       role's data (@reserve): which field, never its value. -->
  <xsl:template name="changement-valeur">
    <xsl:param name="v"/>
    <xsl:param name="alt"/>
    <xsl:choose>
      <xsl:when test="@reserve"><em><xsl:value-of select="pt:t('roles.valeur-reservee')"/></em></xsl:when>
      <xsl:when test="@photo and string($v)"><img class="photo" src="{$photos}/{$v}" alt="{$alt}"/></xsl:when>
      <xsl:when test="@photo"><xsl:value-of select="pt:t('dossier.sans-photo')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="objet">
    <xsl:param name="edition"/>
    <xsl:param name="tout-modifiable" select="false()"/>
    <article class="carte fiche-dossier" aria-labelledby="o-{@type}-{@id}">
      <h2 id="o-{@type}-{@id}"><xsl:value-of select="@titre"/></h2>
      <xsl:for-each select="section">
        <section class="section-dossier" aria-labelledby="s-{../@type}-{../@id}-{@name}">
          <div class="section-entete">
            <h3 id="s-{../@type}-{../@id}-{@name}"><xsl:value-of select="@titre"/></h3>
            <xsl:choose>
              <xsl:when test="@modifiable = '1' or $tout-modifiable">
                <a class="bouton bouton-secondaire" href="{$edition}/{../@type}/{../@id}/{@name}">
                  <xsl:value-of select="pt:t('dossier.modifier')"/>
                  <span class="visually-hidden"><xsl:value-of select="concat(' : ', @titre, ', ', ../@titre)"/></span>
                </a>
              </xsl:when>
              <xsl:otherwise>
                <span class="discret"><xsl:value-of select="pt:t('dossier.lecture-seule')"/></span>
              </xsl:otherwise>
            </xsl:choose>
          </div>
          <dl class="champs">
            <xsl:for-each select="champ">
              <div>
                <dt><xsl:value-of select="@label"/></dt>
                <dd>
                  <xsl:choose>
                    <xsl:when test="@name = 'photo' and string(@value)">
                      <img class="photo" src="{$photos}/{@value}" alt="{concat(pt:t('dossier.photo-de'), ' ', ../../@titre)}"/>
                    </xsl:when>
                    <xsl:when test="string(@value)"><xsl:value-of select="@value"/></xsl:when>
                    <xsl:otherwise><span class="discret"><xsl:value-of select="pt:t('dossier.vide')"/></span></xsl:otherwise>
                  </xsl:choose>
                  <xsl:if test="@demande">
                    <span class="en-attente">
                      <strong><xsl:value-of select="pt:t('dossier.en-attente')"/></strong>
                      <xsl:text> : </xsl:text>
                      <xsl:choose>
                        <xsl:when test="@name = 'photo' and string(@attente)">
                          <img class="photo" src="{$photos}/{@attente}" alt="{concat(pt:t('dossier.photo-attente'), ' ', ../../@titre)}"/>
                        </xsl:when>
                        <xsl:when test="string(@attente)"><xsl:value-of select="@attente"/></xsl:when>
                        <xsl:otherwise><xsl:value-of select="pt:t('dossier.efface')"/></xsl:otherwise>
                      </xsl:choose>
                    </span>
                  </xsl:if>
                </dd>
              </div>
            </xsl:for-each>
          </dl>
        </section>
      </xsl:for-each>
    </article>
  </xsl:template>
</xsl:stylesheet>
