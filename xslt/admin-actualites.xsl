<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-actualites.xsl — /portail/admin/actualites: the news, their state, and the
     buttons that publish or unpublish them. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('admin.actualites')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <h1><xsl:value-of select="pt:t('admin.actualites')"/></h1>
    <p><xsl:value-of select="pt:t('actualites.intro')"/></p>
    <p class="actions-ligne">
      <a class="bouton" href="{$base}/admin/actualites/nouvelle"><xsl:value-of select="pt:t('actualites.nouvelle')"/></a>
    </p>
    <xsl:choose>
      <xsl:when test="admin-actualites/actualite">
        <table class="liste" tabindex="0">
          <caption><xsl:value-of select="pt:t('admin.actualites')"/></caption>
          <thead><tr>
            <th scope="col"><xsl:value-of select="pt:t('actualites.col.titre')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('actualites.col.etat')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('actualites.col.affichage')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('actualites.col.ordre')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('actualites.col.actions')"/></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="admin-actualites/actualite">
              <tr>
                <th scope="row"><a href="{$base}/admin/actualites/{@id}"><xsl:value-of select="@title"/></a></th>
                <td><span class="etat etat-{@etat}"><xsl:value-of select="pt:t(concat('actualites.etat.', @etat))"/></span></td>
                <td>
                  <xsl:choose>
                    <xsl:when test="@visible_from"><xsl:value-of select="concat(pt:t('actualites.du'), ' ', @visible_from_num)"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="pt:t('actualites.des-publication')"/></xsl:otherwise>
                  </xsl:choose>
                  <xsl:text> </xsl:text>
                  <xsl:choose>
                    <xsl:when test="@visible_until"><xsl:value-of select="concat(pt:t('actualites.au'), ' ', @visible_until_num)"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="pt:t('actualites.sans-fin')"/></xsl:otherwise>
                  </xsl:choose>
                </td>
                <td><xsl:value-of select="@rang"/></td>
                <td class="actions-ligne">
                  <a href="{$base}/actualites/{@id}" aria-describedby="a-{@id}"><xsl:value-of select="pt:t('actualites.apercu')"/></a>
                  <span id="a-{@id}" hidden="hidden"><xsl:value-of select="@title"/></span>
                  <form method="post" class="en-ligne">
                    <xsl:attribute name="action">
                      <xsl:value-of select="concat($base, '/admin/actualites/', @id)"/>
                      <xsl:choose>
                        <xsl:when test="@visible = '1'">/depublier</xsl:when>
                        <xsl:otherwise>/publier</xsl:otherwise>
                      </xsl:choose>
                    </xsl:attribute>
                    <xsl:call-template name="csrf"/>
                    <button type="submit" class="bouton bouton-secondaire" aria-describedby="a-{@id}">
                      <xsl:choose>
                        <xsl:when test="@visible = '1'"><xsl:value-of select="pt:t('actualites.depublier')"/></xsl:when>
                        <xsl:otherwise><xsl:value-of select="pt:t('actualites.publier')"/></xsl:otherwise>
                      </xsl:choose>
                    </button>
                  </form>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:when>
      <xsl:otherwise><p><xsl:value-of select="pt:t('actualites.aucune')"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
