<?xml version="1.0" encoding="UTF-8"?>
<!-- mesdonnees-resume.xsl — resume.html of the « Mes données » ZIP (core/pt_rgpd.c): a page
     that opens alone, without the portal, saying what each file holds; the family file
     itself shown in full (h16rgpd). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat" indent="no"/>

  <xsl:template match="/mes-donnees">
    <html lang="fr">
      <head>
        <meta charset="UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="concat(pt:t('mesdonnees.titre'), ' — ', @ville)"/></title>
        <style>
          body { font-family: sans-serif; line-height: 1.5; max-width: 60rem; margin: 1rem auto; padding: 0 1rem; color: #1a1a1a; }
          table { border-collapse: collapse; margin: .5rem 0 1.5rem; display: block; overflow-x: auto; }
          th, td { border: 1px solid #767676; padding: .25rem .5rem; text-align: left; vertical-align: top; }
          caption { text-align: left; font-weight: bold; }
        </style>
      </head>
      <body>
        <main>
          <h1><xsl:value-of select="concat(pt:t('mesdonnees.titre'), ' — ', @ville)"/></h1>
          <p><xsl:value-of select="concat(pt:t('mesdonnees.resume.le'), ' ', @le, '.')"/></p>
          <p><xsl:value-of select="pt:t('mesdonnees.resume.intro')"/></p>
          <h2><xsl:value-of select="pt:t('mesdonnees.resume.fichiers')"/></h2>
          <ul>
            <xsl:for-each select="table">
              <li><a href="{@fichier}"><xsl:value-of select="@fichier"/></a> : <xsl:value-of select="@titre"/> (<xsl:value-of select="@lignes"/><xsl:text> </xsl:text><xsl:value-of select="pt:t('mesdonnees.resume.lignes')"/>)</li>
            </xsl:for-each>
            <xsl:for-each select="fichiers">
              <li><xsl:value-of select="concat(@dossier, '/ : ', @titre, ' (', @nombre, ' ', pt:t('mesdonnees.resume.nb-fichiers'), ')')"/></li>
            </xsl:for-each>
          </ul>
          <xsl:for-each select="table[ligne]">
            <h2><xsl:value-of select="@titre"/></h2>
            <xsl:variable name="t" select="."/>
            <xsl:for-each select="ligne">
              <table>
                <caption><xsl:value-of select="concat($t/@titre, ' — ', position(), '/', last())"/></caption>
                <tbody>
                  <xsl:for-each select="v">
                    <xsl:variable name="i" select="position()"/>
                    <tr>
                      <th scope="row"><xsl:value-of select="pt:t(concat('mesdonnees.col.', $t/colonne[$i]/@nom))"/></th>
                      <td><xsl:value-of select="."/></td>
                    </tr>
                  </xsl:for-each>
                </tbody>
              </table>
            </xsl:for-each>
          </xsl:for-each>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
