<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-facture.xsl — /portail/admin/factures/{id}: the invoice as the family sees it,
     its payments, and the credit note that cancels it. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="facture.xsl"/>

  <xsl:template match="page" mode="contenu">
    <xsl:variable name="s" select="admin-facture"/>
    <xsl:variable name="f" select="$s/facture"/>
    <p class="non-imprime"><a href="{$base}/admin/facturation"><xsl:value-of select="pt:t('facturation.retour')"/></a>
      · <a href="{$base}/admin/familles/{$f/@family_id}/reglement"><xsl:value-of select="pt:t('facturation.regler')"/></a></p>
    <xsl:call-template name="facture-corps">
      <xsl:with-param name="f" select="$f"/>
      <xsl:with-param name="pdf" select="concat($base, '/admin/factures/', $f/@id, '/pdf')"/>
    </xsl:call-template>
    <xsl:if test="$f/@statut != 'annulee'">
      <section class="carte non-imprime" aria-labelledby="t-avoir">
        <h2 id="t-avoir"><xsl:value-of select="pt:t('facturation.avoir')"/></h2>
        <p><xsl:value-of select="pt:t('facturation.avoir.aide')"/></p>
        <xsl:if test="$s/erreur">
          <div class="resume-erreurs" role="alert" tabindex="-1" id="erreurs"><ul><li><a href="#f-motif"><xsl:value-of select="$s/erreur"/></a></li></ul></div>
        </xsl:if>
        <form method="post" action="{$base}/admin/factures/{$f/@id}/avoir" class="formulaire">
          <xsl:call-template name="csrf"/>
          <div class="champ">
            <label for="f-motif"><xsl:value-of select="pt:t('facturation.motif')"/><span class="obligatoire" aria-hidden="true"> *</span></label>
            <input type="text" id="f-motif" name="motif" required="required" value="{$s/@motif}">
              <xsl:if test="$s/erreur"><xsl:attribute name="aria-invalid">true</xsl:attribute></xsl:if>
            </input>
          </div>
          <div class="actions"><button type="submit" class="bouton"><xsl:value-of select="pt:t('facturation.avoir.emettre')"/></button></div>
        </form>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
