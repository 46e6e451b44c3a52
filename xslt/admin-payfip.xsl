<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-payfip.xsl — /portail/admin/payfip: the PayFiP journal, newest first, filtered
     by state. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('payfip.journal')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <xsl:variable name="l" select="admin-payfip"/>
    <h1><xsl:value-of select="pt:t('payfip.journal')"/></h1>
    <p><xsl:value-of select="pt:t('payfip.journal.aide')"/></p>
    <p><a href="{$base}/admin/facturation?moyen=payfip"><xsl:value-of select="pt:t('payfip.journal.reglements')"/></a></p>
    <form method="get" action="{$base}/admin/payfip" class="formulaire filtres">
      <div class="champ"><label for="fe"><xsl:value-of select="pt:t('col.statut')"/></label>
        <select id="fe" name="etat">
          <option value=""><xsl:value-of select="pt:t('facturation.tous')"/></option>
          <xsl:for-each select="$l/etat"><option value="{.}"><xsl:if test=". = $l/@filtre_etat"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="pt:t(concat('payfip.etat.', .))"/></option></xsl:for-each>
        </select></div>
      <div class="actions"><button type="submit" class="bouton bouton-secondaire"><xsl:value-of select="pt:t('facturation.filtrer')"/></button></div>
    </form>
    <xsl:choose>
      <xsl:when test="$l/operation">
        <table class="liste" tabindex="0">
          <caption><xsl:value-of select="pt:t('payfip.journal.operations')"/></caption>
          <thead><tr>
            <th scope="col"><xsl:value-of select="pt:t('payfip.idop')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('col.statut')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('payfip.objet')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('payfip.famille')"/></th>
            <th scope="col" class="nombre"><xsl:value-of select="pt:t('facture.montant')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('payfip.debut')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('payfip.fin')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('payfip.numauto')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('payfip.recu')"/></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="$l/operation">
              <tr>
                <th scope="row"><xsl:value-of select="@idop"/></th>
                <td><xsl:value-of select="pt:t(concat('payfip.etat.', @state))"/>
                  <xsl:if test="@anomalie"><br/><strong><xsl:value-of select="pt:t('payfip.anomalie')"/></strong><xsl:text> </xsl:text><xsl:value-of select="@anomalie"/></xsl:if></td>
                <td>
                  <xsl:choose>
                    <xsl:when test="@objet_type = 'facture'"><xsl:value-of select="pt:t('facture.titre')"/> n° <xsl:value-of select="@reference"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="pt:t('payfip.recharge')"/><xsl:text> </xsl:text><xsl:value-of select="@regie"/></xsl:otherwise>
                  </xsl:choose>
                </td>
                <td><a href="{$base}/admin/familles/{@family_id}"><xsl:value-of select="@famille"/></a></td>
                <td class="nombre"><xsl:value-of select="@montant_fr"/></td>
                <td><xsl:value-of select="@debut_fr"/></td>
                <td><xsl:value-of select="@fin_fr"/></td>
                <td><xsl:value-of select="@numauto"/></td>
                <td><xsl:value-of select="@numero"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:when>
      <xsl:otherwise><p><xsl:value-of select="pt:t('payfip.journal.vide')"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
