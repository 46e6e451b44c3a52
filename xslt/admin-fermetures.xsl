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
            <td><xsl:value-of select="@date_debut"/></td>
            <td><xsl:value-of select="@date_fin"/></td>
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
      <form method="post" action="{$base}/admin/fermetures" class="formulaire">
        <xsl:call-template name="csrf"/>
        <div class="champ"><label for="fd"><xsl:value-of select="pt:t('col.du')"/></label><input type="date" id="fd" name="date_debut" required="required"/></div>
        <div class="champ"><label for="ff"><xsl:value-of select="pt:t('col.au')"/></label><input type="date" id="ff" name="date_fin" required="required"/></div>
        <div class="champ"><label for="fl"><xsl:value-of select="pt:t('col.libelle')"/></label><input type="text" id="fl" name="label" required="required"/></div>
        <div class="champ">
          <label for="fa"><xsl:value-of select="pt:t('col.activite')"/></label>
          <select id="fa" name="activite">
            <option value=""><xsl:value-of select="pt:t('fermetures.toutes')"/></option>
            <xsl:for-each select="$l/activite"><option value="{@id}"><xsl:value-of select="@name"/></option></xsl:for-each>
          </select>
        </div>
        <div class="actions"><button type="submit" class="bouton"><xsl:value-of select="pt:t('fermetures.ajouter')"/></button></div>
      </form>
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
