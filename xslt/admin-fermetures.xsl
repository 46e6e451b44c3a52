<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-fermetures.xsl — /portail/admin/fermetures: school holidays and closures. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('admin.fermetures')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <xsl:variable name="l" select="admin-fermetures"/>
    <p><a href="{$base}/admin/activites"><xsl:value-of select="pt:t('activites.retour')"/></a></p>
    <h1><xsl:value-of select="pt:t('admin.fermetures')"/></h1>
    <p><xsl:value-of select="pt:t('fermetures.intro')"/></p>
    <table class="liste" tabindex="0">
      <caption><xsl:value-of select="pt:t('admin.fermetures')"/></caption>
      <thead><tr>
        <th scope="col"><xsl:value-of select="pt:t('col.du')"/></th>
        <th scope="col"><xsl:value-of select="pt:t('col.au')"/></th>
        <th scope="col"><xsl:value-of select="pt:t('col.libelle')"/></th>
        <th scope="col"><xsl:value-of select="pt:t('col.activite')"/></th>
        <th scope="col"><span class="visually-hidden"><xsl:value-of select="pt:t('actions')"/></span></th>
      </tr></thead>
      <tbody>
        <xsl:for-each select="$l/fermeture">
          <tr>
            <td><xsl:value-of select="@date_debut_num"/></td>
            <td><xsl:value-of select="@date_fin_num"/></td>
            <th scope="row"><xsl:value-of select="@label"/></th>
            <td>
              <xsl:choose>
                <xsl:when test="@activite"><xsl:value-of select="@activite"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="pt:t('fermetures.toutes')"/></xsl:otherwise>
              </xsl:choose>
            </td>
            <td>
              <form method="post" action="{$base}/admin/fermetures/{@id}/supprimer">
                <xsl:call-template name="csrf"/>
                <button type="submit" class="bouton bouton-secondaire"><xsl:value-of select="pt:t('supprimer')"/><span class="visually-hidden"><xsl:text> </xsl:text><xsl:value-of select="@label"/></span></button>
              </form>
            </td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
    <section class="carte" aria-labelledby="t-ajout">
      <h2 id="t-ajout"><xsl:value-of select="pt:t('fermetures.ajouter')"/></h2>
      <xsl:choose>
        <xsl:when test="$l/confirmation">
          <xsl:variable name="c" select="$l/confirmation"/>
          <div class="message message-attention" role="alert">
            <p><xsl:value-of select="concat(pt:t('fermetures.confirmation.1'), ' ', $c/@reservations, ' ', pt:t('fermetures.confirmation.2'), ' ', $c/@familles, ' ', pt:t('fermetures.confirmation.3'))"/></p>
          </div>
          <form method="post" action="{$base}/admin/fermetures" class="formulaire">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="date_debut" value="{$c/@date_debut}"/>
            <input type="hidden" name="date_fin" value="{$c/@date_fin}"/>
            <input type="hidden" name="label" value="{$c/@label}"/>
            <input type="hidden" name="activite" value="{$c/@activite}"/>
            <input type="hidden" name="confirmer" value="1"/>
            <p><xsl:value-of select="concat($c/@label, ' — ', pt:t('periode.du'), ' ', $c/@date_debut_fr, ' ', pt:t('periode.au'), ' ', $c/@date_fin_fr)"/></p>
            <div class="actions">
              <button type="submit" class="bouton"><xsl:value-of select="pt:t('fermetures.confirmer')"/></button>
              <a class="bouton bouton-secondaire" href="{$base}/admin/fermetures"><xsl:value-of select="pt:t('fermetures.abandonner')"/></a>
            </div>
          </form>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="$l/form">
            <xsl:with-param name="bouton" select="pt:t('fermetures.ajouter')"/>
          </xsl:apply-templates>
        </xsl:otherwise>
      </xsl:choose>
    </section>
    <section class="carte" aria-labelledby="t-import">
      <h2 id="t-import"><xsl:value-of select="pt:t('fermetures.importer')"/></h2>
      <p id="fi-aide" class="aide"><xsl:value-of select="pt:t('fermetures.importer.aide')"/></p>
      <form method="post" action="{$base}/admin/fermetures/import" enctype="multipart/form-data" class="formulaire">
        <xsl:call-template name="csrf"/>
        <div class="champ"><label for="fi"><xsl:value-of select="pt:t('fermetures.fichier')"/></label><input type="file" id="fi" name="fichier" accept=".csv,text/csv" required="required" aria-describedby="fi-aide"/></div>
        <div class="actions"><button type="submit" class="bouton"><xsl:value-of select="pt:t('fermetures.importer')"/></button></div>
      </form>
    </section>
  </xsl:template>
</xsl:stylesheet>
