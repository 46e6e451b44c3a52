<?xml version="1.0" encoding="UTF-8"?>
<!-- documents-liste.xsl — a table of documents (<document id type prenom member_kind
     original_name state valid_until created_at>): for the family (/famille/documents) and
     on a family's page for agents.  $lien and $suffixe make the file's URL around its id. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">

  <xsl:template name="documents-liste">
    <xsl:param name="docs"/>
    <xsl:param name="lien"/>
    <xsl:param name="suffixe" select="''"/>
    <xsl:choose>
      <xsl:when test="$docs">
        <table class="liste" tabindex="0">
          <caption class="visually-hidden"><xsl:value-of select="pt:t('documents.titre')"/></caption>
          <thead><tr>
            <th scope="col"><xsl:value-of select="pt:t('col.type')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('documents.concerne')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('documents.envoye-le')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('col.statut')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('documents.fichier')"/></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="$docs">
              <tr>
                <th scope="row"><xsl:value-of select="@type"/></th>
                <td>
                  <xsl:choose>
                    <xsl:when test="@prenom"><xsl:value-of select="@prenom"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="pt:t('documents.famille')"/></xsl:otherwise>
                  </xsl:choose>
                </td>
                <td><xsl:value-of select="pt:quand(@created_at)"/></td>
                <td>
                  <span class="statut statut-{@state}"><xsl:value-of select="pt:t(concat('documents.etat.', @state))"/></span>
                  <xsl:if test="@state = 'acceptee' and @valid_until">
                    <xsl:value-of select="concat(' ', pt:t('documents.jusqu-au'), ' ', @valid_until_num)"/>
                  </xsl:if>
                </td>
                <td><a href="{$base}{$lien}{@id}{$suffixe}"><xsl:value-of select="@original_name"/></a></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:when>
      <xsl:otherwise><p><xsl:value-of select="pt:t('documents.aucun')"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
