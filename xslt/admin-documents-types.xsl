<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-documents-types.xsl — /portail/admin/documents/types: the types of document
     families choose from, each changed in place, and a new one. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:variable name="s" select="/page/admin-documents-types"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('documents.types')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <p><a href="{$base}/admin/documents"><xsl:value-of select="pt:t('admin.documents')"/></a></p>
    <h1><xsl:value-of select="pt:t('documents.types')"/></h1>
    <xsl:for-each select="$s/type">
      <xsl:variable name="err" select="$s/type-erreur[@type = current()/@id]"/>
      <form method="post" action="{$base}/admin/documents/types/{@id}" class="carte formulaire">
        <xsl:call-template name="csrf"/>
        <div class="champ">
          <xsl:if test="$err"><xsl:attribute name="class">champ champ-erreur</xsl:attribute></xsl:if>
          <label for="t-{@id}"><xsl:value-of select="pt:t('documents.type-nom')"/></label>
          <xsl:if test="$err"><p class="erreur" id="t-{@id}-erreur"><xsl:value-of select="$err"/></p></xsl:if>
          <input type="text" id="t-{@id}" name="label" required="required">
            <xsl:attribute name="value"><xsl:choose><xsl:when test="$err"><xsl:value-of select="$err/@label"/></xsl:when><xsl:otherwise><xsl:value-of select="@label"/></xsl:otherwise></xsl:choose></xsl:attribute>
            <xsl:if test="$err">
              <xsl:attribute name="aria-invalid">true</xsl:attribute>
              <xsl:attribute name="aria-describedby">t-<xsl:value-of select="@id"/>-erreur</xsl:attribute>
            </xsl:if>
          </input>
        </div>
        <xsl:call-template name="case"><xsl:with-param name="nom" select="'expires'"/><xsl:with-param name="k" select="'documents.type-expire'"/></xsl:call-template>
        <xsl:call-template name="case"><xsl:with-param name="nom" select="'excuses_absences'"/><xsl:with-param name="k" select="'documents.type-excuse'"/></xsl:call-template>
        <xsl:call-template name="case"><xsl:with-param name="nom" select="'active'"/><xsl:with-param name="k" select="'documents.type-actif'"/></xsl:call-template>
        <p class="discret"><xsl:value-of select="concat(@documents, ' ', pt:t('documents.envoyes'))"/></p>
        <div class="actions"><button type="submit" class="bouton bouton-secondaire"><xsl:value-of select="pt:t('dossier.enregistrer')"/><span class="visually-hidden"><xsl:value-of select="concat(' ', @label)"/></span></button></div>
      </form>
    </xsl:for-each>
    <h2><xsl:value-of select="pt:t('documents.type-nouveau')"/></h2>
    <xsl:apply-templates select="$s/form">
      <xsl:with-param name="bouton" select="pt:t('documents.type-creer')"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template name="case">
    <xsl:param name="nom"/>
    <xsl:param name="k"/>
    <div class="champ">
      <input type="checkbox" id="{$nom}-{@id}" name="{$nom}" value="1">
        <xsl:if test="@*[name() = $nom] = '1'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
      </input>
      <label for="{$nom}-{@id}" class="en-ligne"><xsl:value-of select="pt:t($k)"/></label>
    </div>
  </xsl:template>
</xsl:stylesheet>
