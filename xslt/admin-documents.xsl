<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-documents.xsl — /portail/admin/documents: the documents families sent, waiting
     for an answer; each with its file (a preview of an image), and the validity asked when
     it is accepted. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="admin-liste.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('admin.documents')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <h1><xsl:value-of select="pt:t('admin.documents')"/></h1>
    <p><a href="{$base}/admin/documents/types"><xsl:value-of select="pt:t('documents.types')"/></a></p>
    <xsl:call-template name="file-demandes">
      <xsl:with-param name="l" select="admin-documents"/>
      <xsl:with-param name="chemin" select="'/admin/documents'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="demande" mode="details">
    <xsl:for-each select="document">
      <p>
        <xsl:value-of select="concat(@type, ' — ')"/>
        <xsl:choose>
          <xsl:when test="@prenom"><xsl:value-of select="@prenom"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="pt:t('documents.famille')"/></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="@valid_until"><xsl:value-of select="concat(' — ', pt:t('documents.jusqu-au'), ' ', @valid_until_num)"/></xsl:if>
      </p>
      <p><a href="{$base}/admin/documents/{@id}/fichier"><xsl:value-of select="concat(pt:t('documents.telecharger'), ' ', @original_name)"/></a></p>
      <xsl:if test="@mime != 'application/pdf'">
        <img class="apercu-document" src="{$base}/admin/documents/{@id}/fichier" alt="{concat(pt:t('documents.apercu'), ' ', @type)}"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- Accepting: the validity (its end for a type that expires, the period covered for a
       medical certificate). -->
  <xsl:template match="demande" mode="accepter">
    <xsl:variable name="d" select="document"/>
    <xsl:variable name="err" select="/page/acceptation-erreur[@demande = current()/@id]"/>
    <xsl:if test="$err"><p class="erreur" id="v-{@id}-erreur"><xsl:value-of select="$err"/></p></xsl:if>
    <xsl:if test="$d/@excuses_absences = '1'">
      <div class="champ">
        <label for="du-{@id}"><xsl:value-of select="pt:t('documents.valide-du')"/></label>
        <input type="date" id="du-{@id}" name="valide_du" value="{$err/@valide_du}">
          <xsl:if test="$err"><xsl:attribute name="aria-describedby">v-<xsl:value-of select="@id"/>-erreur</xsl:attribute></xsl:if>
        </input>
      </div>
    </xsl:if>
    <xsl:if test="$d/@expires = '1'">
      <div class="champ">
        <label for="au-{@id}"><xsl:value-of select="pt:t('documents.valide-au')"/></label>
        <input type="date" id="au-{@id}" name="valide_au" value="{$err/@valide_au}" required="required">
          <xsl:if test="$err"><xsl:attribute name="aria-describedby">v-<xsl:value-of select="@id"/>-erreur</xsl:attribute></xsl:if>
        </input>
      </div>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
