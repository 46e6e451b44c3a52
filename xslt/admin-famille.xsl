<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-famille.xsl — /portail/admin/familles/{famille}: one family, its code abonné and
     the accounts subscribed to it. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="documents-liste.xsl"/>
  <xsl:import href="dossier-cartes.xsl"/>

  <xsl:variable name="f" select="/page/admin-famille/family"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="concat(pt:t('famille'), ' ', $f/@nom)"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <xsl:variable name="s" select="admin-famille"/>
    <p><a href="{$base}/admin/familles"><xsl:value-of select="pt:t('familles.retour')"/></a></p>
    <h1><xsl:value-of select="concat(pt:t('famille'), ' ', $f/@nom)"/></h1>
    <section class="carte">
      <dl class="fiche">
        <dt><xsl:value-of select="pt:t('famille.code')"/></dt>
        <dd class="code"><xsl:value-of select="$f/@code_abonne"/></dd>
        <xsl:if test="$f/@reference">
          <dt><xsl:value-of select="pt:t('famille.reference')"/></dt>
          <dd><xsl:value-of select="$f/@reference"/></dd>
        </xsl:if>
        <dt><xsl:value-of select="pt:t('famille.adresse')"/></dt>
        <dd><xsl:value-of select="$f/@adresse"/><xsl:text> </xsl:text><xsl:value-of select="$f/@code_postal"/><xsl:text> </xsl:text><xsl:value-of select="$f/@commune"/></dd>
      </dl>
      <xsl:if test="$s/@accueil">
        <p><a class="bouton" href="{$base}/admin/familles/{$f/@id}/courrier"><xsl:value-of select="pt:t('courrier.imprimer')"/></a></p>
      </xsl:if>
      <xsl:if test="$s/@facturation">
        <p><a class="bouton bouton-secondaire" href="{$base}/admin/familles/{$f/@id}/reglement"><xsl:value-of select="pt:t('facturation.regler')"/></a></p>
      </xsl:if>
    </section>

    <section class="carte" aria-labelledby="t-responsables">
      <h2 id="t-responsables"><xsl:value-of select="pt:t('famille.responsables')"/></h2>
      <ul>
        <xsl:for-each select="$s/responsable">
          <li>
            <xsl:value-of select="concat(@civilite, ' ', @prenom, ' ', @nom)"/>
            <xsl:if test="@email"> — <xsl:value-of select="@email"/></xsl:if>
            <xsl:if test="@tel_portable"> — <xsl:value-of select="@tel_portable"/></xsl:if>
          </li>
        </xsl:for-each>
      </ul>
    </section>

    <section class="carte" aria-labelledby="t-enfants">
      <h2 id="t-enfants"><xsl:value-of select="pt:t('famille.enfants')"/></h2>
      <xsl:choose>
        <xsl:when test="$s/child">
          <ul>
            <xsl:for-each select="$s/child">
              <li><xsl:value-of select="concat(@prenom, ' ', @nom)"/> — <xsl:value-of select="pt:t('famille.ne-le')"/><xsl:text> </xsl:text><xsl:value-of select="@date_naissance_fr"/></li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p><xsl:value-of select="pt:t('famille.sans-enfant')"/></p></xsl:otherwise>
      </xsl:choose>
    </section>

    <h2><xsl:value-of select="pt:t('dossier.titre')"/></h2>
    <xsl:apply-templates select="$s/dossier/objet">
      <xsl:with-param name="edition" select="concat($base, '/admin/dossier')"/>
      <xsl:with-param name="tout-modifiable" select="true()"/>
    </xsl:apply-templates>

    <section class="carte" aria-labelledby="t-comptes">
      <h2 id="t-comptes"><xsl:value-of select="pt:t('famille.comptes-rattaches')"/></h2>
      <xsl:choose>
        <xsl:when test="$s/compte">
          <table class="liste" tabindex="0">
            <thead><tr>
              <th scope="col"><xsl:value-of select="pt:t('col.email')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('col.nom')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('col.etat')"/></th>
              <xsl:if test="$s/@accueil">
                <th scope="col"><span class="visually-hidden"><xsl:value-of select="pt:t('actions')"/></span></th>
              </xsl:if>
            </tr></thead>
            <tbody>
              <xsl:for-each select="$s/compte">
                <tr>
                  <th scope="row"><xsl:value-of select="@email"/></th>
                  <td><xsl:value-of select="concat(@prenom, ' ', @nom)"/></td>
                  <td><xsl:value-of select="pt:t(concat('etat.', @state))"/></td>
                  <xsl:if test="$s/@accueil">
                  <td>
                    <form method="post" action="{$base}/admin/familles/{$f/@id}/comptes/{@id}/detacher">
                      <xsl:call-template name="csrf"/>
                      <button type="submit" class="bouton bouton-secondaire">
                        <xsl:value-of select="pt:t('famille.detacher')"/>
                        <span class="visually-hidden"><xsl:text> </xsl:text><xsl:value-of select="@email"/></span>
                      </button>
                    </form>
                  </td>
                  </xsl:if>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise><p><xsl:value-of select="pt:t('famille.aucun-compte')"/></p></xsl:otherwise>
      </xsl:choose>
    </section>

    <section class="carte" aria-labelledby="t-documents">
      <h2 id="t-documents"><xsl:value-of select="pt:t('documents.titre')"/></h2>
      <xsl:call-template name="documents-liste">
        <xsl:with-param name="docs" select="$s/document"/>
        <xsl:with-param name="lien" select="'/admin/documents/'"/>
        <xsl:with-param name="suffixe" select="'/fichier'"/>
      </xsl:call-template>
    </section>
    <xsl:if test="$s/@administration">
    <section class="carte" aria-labelledby="t-rgpd">
      <h2 id="t-rgpd"><xsl:value-of select="pt:t('anonymiser.titre')"/></h2>
      <p><xsl:value-of select="pt:t('anonymiser.lien-aide')"/></p>
      <p><a class="bouton bouton-secondaire" href="{$base}/admin/familles/{$f/@id}/anonymiser"><xsl:value-of select="pt:t('anonymiser.lien')"/></a></p>
    </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
