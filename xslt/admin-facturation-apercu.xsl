<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-facturation-apercu.xsl — the preview of a run: per family, its lines and total;
     « Émettre » issues exactly this (the fingerprint goes with the form). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('facturation.apercu')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <xsl:variable name="a" select="admin-facturation-apercu"/>
    <p><a href="{$base}/admin/facturation"><xsl:value-of select="pt:t('facturation.retour')"/></a></p>
    <h1><xsl:value-of select="pt:t('facturation.apercu')"/> : <xsl:value-of select="$a/@regie_nom"/>, <xsl:value-of select="$a/@mois_fr"/></h1>
    <xsl:for-each select="$a/erreur"><div class="message message-erreur" role="alert"><p><xsl:value-of select="."/></p></div></xsl:for-each>
    <p class="resume"><xsl:value-of select="$a/@factures"/><xsl:text> </xsl:text><xsl:value-of select="pt:t('facturation.nb-factures')"/>, <xsl:value-of select="$a/@jours"/><xsl:text> </xsl:text><xsl:value-of select="pt:t('facturation.nb-jours')"/>, <xsl:value-of select="pt:t('facture.total')"/> <strong class="total"><xsl:text> </xsl:text><xsl:value-of select="$a/@total_fr"/></strong>. <xsl:value-of select="pt:t('facture.echeance')"/><xsl:text> </xsl:text><xsl:value-of select="$a/@echeance_fr"/>.</p>
    <xsl:for-each select="$a/famille">
      <table class="liste apercu-famille" data-famille="{@id}" tabindex="0">
        <caption><xsl:value-of select="pt:t('facture.famille')"/><xsl:text> </xsl:text><xsl:value-of select="@nom"/> — <xsl:value-of select="@total_fr"/></caption>
        <thead><tr>
          <th scope="col"><xsl:value-of select="pt:t('facture.enfant')"/></th>
          <th scope="col"><xsl:value-of select="pt:t('col.activite')"/></th>
          <th scope="col" class="nombre"><xsl:value-of select="pt:t('facture.jours')"/></th>
          <th scope="col" class="nombre"><xsl:value-of select="pt:t('facture.prix')"/></th>
          <th scope="col" class="nombre"><xsl:value-of select="pt:t('facture.majoration')"/></th>
          <th scope="col" class="nombre"><xsl:value-of select="pt:t('facture.montant')"/></th>
        </tr></thead>
        <tbody>
          <xsl:for-each select="ligne">
            <tr>
              <th scope="row"><xsl:value-of select="@enfant"/></th>
              <td><xsl:value-of select="@activite"/></td>
              <td class="nombre"><xsl:value-of select="@jours"/></td>
              <td class="nombre"><xsl:value-of select="@prix_fr"/></td>
              <td class="nombre"><xsl:value-of select="@majoration_fr"/></td>
              <td class="nombre"><xsl:value-of select="@montant_fr"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </xsl:for-each>
    <xsl:choose>
      <xsl:when test="$a/famille">
        <form method="post" action="{$base}/admin/facturation/emettre" class="formulaire">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="regie" value="{$a/@regie}"/>
          <input type="hidden" name="mois" value="{$a/@mois}"/>
          <input type="hidden" name="empreinte" value="{$a/@empreinte}"/>
          <div class="actions"><button type="submit" class="bouton"><xsl:value-of select="pt:t('facturation.emettre')"/></button></div>
        </form>
      </xsl:when>
      <xsl:otherwise><p><xsl:value-of select="pt:t('facturation.rien')"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
