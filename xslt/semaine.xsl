<?xml version="1.0" encoding="UTF-8"?>
<!-- semaine.xsl — seven weekday checkboxes <prefix>1 … <prefix>7 (Monday first) in a
     fieldset, checked from a '0'/'1' string: periods, pre-inscriptions, reservations. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:template name="jours-semaine">
    <xsl:param name="prefixe"/>
    <xsl:param name="legende"/>
    <xsl:param name="coches" select="'1101100'"/>
    <fieldset class="jours">
      <legend><xsl:value-of select="$legende"/></legend>
      <xsl:call-template name="jour"><xsl:with-param name="n" select="1"/><xsl:with-param name="prefixe" select="$prefixe"/><xsl:with-param name="coches" select="$coches"/></xsl:call-template>
      <xsl:call-template name="jour"><xsl:with-param name="n" select="2"/><xsl:with-param name="prefixe" select="$prefixe"/><xsl:with-param name="coches" select="$coches"/></xsl:call-template>
      <xsl:call-template name="jour"><xsl:with-param name="n" select="3"/><xsl:with-param name="prefixe" select="$prefixe"/><xsl:with-param name="coches" select="$coches"/></xsl:call-template>
      <xsl:call-template name="jour"><xsl:with-param name="n" select="4"/><xsl:with-param name="prefixe" select="$prefixe"/><xsl:with-param name="coches" select="$coches"/></xsl:call-template>
      <xsl:call-template name="jour"><xsl:with-param name="n" select="5"/><xsl:with-param name="prefixe" select="$prefixe"/><xsl:with-param name="coches" select="$coches"/></xsl:call-template>
      <xsl:call-template name="jour"><xsl:with-param name="n" select="6"/><xsl:with-param name="prefixe" select="$prefixe"/><xsl:with-param name="coches" select="$coches"/></xsl:call-template>
      <xsl:call-template name="jour"><xsl:with-param name="n" select="7"/><xsl:with-param name="prefixe" select="$prefixe"/><xsl:with-param name="coches" select="$coches"/></xsl:call-template>
    </fieldset>
  </xsl:template>

  <xsl:template name="jour">
    <xsl:param name="n"/>
    <xsl:param name="prefixe"/>
    <xsl:param name="coches"/>
    <span class="jour">
      <input type="checkbox" id="{$prefixe}{$n}" name="{$prefixe}{$n}" value="1">
        <xsl:if test="substring($coches, $n, 1) = '1'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
      </input>
      <label for="{$prefixe}{$n}" class="en-ligne"><xsl:value-of select="pt:t(concat('jour.', $n))"/></label>
    </span>
  </xsl:template>
</xsl:stylesheet>
