<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-activites.xsl — /portail/admin/activites: the activities. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('admin.activites')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <h1><xsl:value-of select="pt:t('admin.activites')"/></h1>
    <xsl:if test="admin-activites/@modifiable">
      <p class="actions-ligne">
        <a class="bouton" href="{$base}/admin/activites/nouvelle"><xsl:value-of select="pt:t('activites.nouvelle')"/></a>
        <a class="bouton bouton-secondaire" href="{$base}/admin/fermetures"><xsl:value-of select="pt:t('admin.fermetures')"/></a>
      </p>
    </xsl:if>
    <table class="liste" tabindex="0">
      <caption><xsl:value-of select="pt:t('admin.activites')"/></caption>
      <thead><tr>
        <th scope="col"><xsl:value-of select="pt:t('col.activite')"/></th>
        <th scope="col"><xsl:value-of select="pt:t('col.type')"/></th>
        <th scope="col"><xsl:value-of select="pt:t('col.ages')"/></th>
        <th scope="col"><xsl:value-of select="pt:t('col.places')"/></th>
        <th scope="col"><xsl:value-of select="pt:t('col.horaires')"/></th>
        <th scope="col"><xsl:value-of select="pt:t('col.delai')"/></th>
        <th scope="col"><xsl:value-of select="pt:t('col.periodes')"/></th>
      </tr></thead>
      <tbody>
        <xsl:for-each select="admin-activites/activite">
          <tr>
            <th scope="row"><a href="{$base}/admin/activites/{@id}"><xsl:value-of select="@name"/></a></th>
            <td><xsl:value-of select="@type"/></td>
            <td><xsl:value-of select="concat(@age_min, '–', @age_max)"/></td>
            <td><xsl:value-of select="@capacity"/></td>
            <td><xsl:value-of select="concat(@start_time_fr, ' – ', @end_time_fr)"/></td>
            <td><xsl:value-of select="@booking_rule"/></td>
            <td><xsl:value-of select="@periodes"/></td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>
</xsl:stylesheet>
