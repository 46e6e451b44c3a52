<?xml version="1.0" encoding="UTF-8"?>
<!-- mentions-blocs.xsl — the text of a legal page given by the webmaster (<bloc
     type="titre|paragraphe">), shared by mentions-legales.xsl and accessibilite.xsl. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="bloc[@type = 'titre']"><h2><xsl:value-of select="."/></h2></xsl:template>
  <xsl:template match="bloc"><p class="texte-legal"><xsl:value-of select="."/></p></xsl:template>
</xsl:stylesheet>
