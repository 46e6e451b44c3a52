<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-journal.xsl — /portail/admin/journal: the audit trail. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="admin-liste.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('admin.journal')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <xsl:variable name="l" select="admin-journal"/>
    <h1><xsl:value-of select="pt:t('admin.journal')"/></h1>
    <xsl:choose>
      <xsl:when test="$l/entree">
        <table class="liste" tabindex="0">
          <caption><xsl:value-of select="pt:t('admin.journal')"/></caption>
          <thead><tr>
            <th scope="col"><xsl:value-of select="pt:t('col.date')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('col.qui')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('col.action')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('col.objet')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('col.avant')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('col.apres')"/></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="$l/entree">
              <tr>
                <td><xsl:value-of select="pt:quand(@at)"/></td>
                <td>
                  <xsl:choose>
                    <xsl:when test="@email"><xsl:value-of select="@email"/></xsl:when>
                    <xsl:otherwise>portail-ctl</xsl:otherwise>
                  </xsl:choose>
                </td>
                <td><xsl:value-of select="@action_fr"/></td>
                <td><xsl:value-of select="@objet_fr"/></td>
                <td><xsl:value-of select="@avant_fr"/></td>
                <td><xsl:value-of select="@apres_fr"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        <xsl:call-template name="pages">
          <xsl:with-param name="chemin" select="concat($base, '/admin/journal?', $l/@query)"/>
          <xsl:with-param name="liste" select="$l"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><p><xsl:value-of select="pt:t('journal.vide')"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
