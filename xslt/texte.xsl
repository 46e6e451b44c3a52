<?xml version="1.0" encoding="UTF-8"?>
<!-- texte.xsl — an agent's plain text (a news), as core/pt_xml.c's pt_xml_plain_text
     builds it: <texte><p>…<br/>…<lien href="https://…">…</lien></p></texte>.  Only these
     elements become markup, their text is copied as text: whatever an agent typed
     (<script>…) is shown as typed, escaped by XSLT.  Imported by the stylesheets that
     show news: <xsl:apply-templates select="texte" mode="texte"/>. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="texte" mode="texte">
    <xsl:apply-templates select="p" mode="texte"/>
  </xsl:template>
  <xsl:template match="p" mode="texte">
    <p><xsl:apply-templates mode="texte"/></p>
  </xsl:template>
  <xsl:template match="br" mode="texte"><br/></xsl:template>
  <xsl:template match="lien" mode="texte">
    <a href="{@href}"><xsl:value-of select="."/></a>
  </xsl:template>
  <xsl:template match="text()" mode="texte"><xsl:value-of select="."/></xsl:template>
  <xsl:template match="*" mode="texte"/>
</xsl:stylesheet>
