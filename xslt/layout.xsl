<?xml version="1.0" encoding="UTF-8"?>
<!--
  layout.xsl — the page frame of every screen: head, skip link, header with the town and
  the menu, one-shot message, <main>, footer; and what every form shares (error summary,
  fields with their labels and errors, CSRF field).

  A screen stylesheet imports this file and provides two templates:
    <xsl:template match="page" mode="titre">…</xsl:template>    the page title
    <xsl:template match="page" mode="contenu">…</xsl:template>  the content of <main>
  Texts: <xsl:value-of select="pt:t('clé')"/>
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">

  <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat" indent="no"/>

  <xsl:variable name="base" select="/page/site/@base"/>
  <xsl:variable name="static" select="/page/site/@static"/>
  <xsl:variable name="ville" select="/page/site/@town"/>
  <xsl:variable name="user" select="/page/user"/>
  <xsl:variable name="csrf" select="/page/csrf"/>

  <xsl:template match="/">
    <html lang="fr">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
          <xsl:apply-templates select="/page" mode="titre"/>
          <xsl:text> — </xsl:text>
          <xsl:value-of select="pt:t('portail')"/>
          <xsl:text> — </xsl:text>
          <xsl:value-of select="$ville"/>
        </title>
        <link rel="stylesheet" href="{$static}/portail.css"/>
        <link rel="stylesheet" href="{$base}/theme.css"/>
        <script src="{$static}/portail.js" defer="defer"></script>
      </head>
      <body>
        <a class="evitement" href="#contenu">
          <xsl:value-of select="pt:t('aller-contenu')"/>
        </a>
        <xsl:call-template name="entete"/>
        <main id="contenu" tabindex="-1">
          <xsl:apply-templates select="/page/flash"/>
          <xsl:apply-templates select="/page" mode="contenu"/>
        </main>
        <xsl:call-template name="pied"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="entete">
    <header class="entete">
      <div class="entete-haut">
        <a class="marque" href="{$base}/">
          <xsl:if test="string(/page/site/@logo)">
            <img src="{/page/site/@logo}" alt="" class="logo"/>
          </xsl:if>
          <span class="ville"><xsl:value-of select="$ville"/></span>
          <span class="nom-portail">
            <xsl:value-of select="pt:t('portail')"/>
          </span>
        </a>
        <!-- On a phone the menu folds behind this link; it opens as the target of the URL
             (#navigation), so it works without JavaScript. -->
        <a class="menu-bouton" href="#navigation"><xsl:value-of select="pt:t('menu.ouvrir')"/></a>
      </div>
      <div class="navigation" id="navigation">
        <xsl:if test="$user">
          <div class="utilisateur">
            <span class="qui">
              <xsl:value-of select="concat($user/@prenom, ' ', $user/@nom)"/>
            </span>
            <form method="post" action="{$base}/deconnexion" class="deconnexion">
              <xsl:call-template name="csrf"/>
              <button type="submit" class="bouton bouton-secondaire">
                <xsl:value-of select="pt:t('nav.deconnexion')"/>
              </button>
            </form>
          </div>
        </xsl:if>
      <nav class="menu">
        <xsl:attribute name="aria-label">
          <xsl:value-of select="pt:t('menu')"/>
        </xsl:attribute>
        <ul>
          <xsl:call-template name="lien-menu"><xsl:with-param name="chemin" select="'/'"/><xsl:with-param name="k" select="'nav.accueil'"/></xsl:call-template>
          <xsl:choose>
            <xsl:when test="$user/@role = 'agent'">
              <xsl:call-template name="lien-menu"><xsl:with-param name="chemin" select="'/admin/'"/><xsl:with-param name="k" select="'nav.admin'"/></xsl:call-template>
            </xsl:when>
            <xsl:when test="$user">
              <xsl:call-template name="lien-menu"><xsl:with-param name="chemin" select="'/espace'"/><xsl:with-param name="k" select="'nav.espace'"/></xsl:call-template>
              <xsl:call-template name="lien-menu"><xsl:with-param name="chemin" select="'/famille/'"/><xsl:with-param name="k" select="'nav.famille'"/></xsl:call-template>
              <xsl:call-template name="lien-menu"><xsl:with-param name="chemin" select="'/famille/planning'"/><xsl:with-param name="k" select="'nav.planning'"/></xsl:call-template>
              <xsl:call-template name="lien-menu"><xsl:with-param name="chemin" select="'/famille/preinscriptions'"/><xsl:with-param name="k" select="'nav.preinscriptions'"/></xsl:call-template>
              <xsl:call-template name="lien-menu"><xsl:with-param name="chemin" select="'/famille/dossier'"/><xsl:with-param name="k" select="'nav.dossier'"/></xsl:call-template>
              <xsl:call-template name="lien-menu"><xsl:with-param name="chemin" select="'/famille/demandes'"/><xsl:with-param name="k" select="'nav.demandes'"/></xsl:call-template>
              <xsl:call-template name="lien-menu"><xsl:with-param name="chemin" select="'/famille/documents'"/><xsl:with-param name="k" select="'nav.documents'"/></xsl:call-template>
              <xsl:call-template name="lien-menu"><xsl:with-param name="chemin" select="'/famille/factures'"/><xsl:with-param name="k" select="'nav.factures'"/></xsl:call-template>
              <xsl:call-template name="lien-menu"><xsl:with-param name="chemin" select="'/famille/porte-monnaie'"/><xsl:with-param name="k" select="'nav.porte-monnaie'"/></xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="lien-menu"><xsl:with-param name="chemin" select="'/connexion'"/><xsl:with-param name="k" select="'nav.connexion'"/></xsl:call-template>
              <xsl:call-template name="lien-menu"><xsl:with-param name="chemin" select="'/inscription'"/><xsl:with-param name="k" select="'nav.inscription'"/></xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </ul>
      </nav>
        <a class="menu-fermer" href="#contenu"><xsl:value-of select="pt:t('menu.fermer')"/></a>
      </div>
    </header>
  </xsl:template>

  <xsl:template name="lien-menu">
    <xsl:param name="chemin"/>
    <xsl:param name="k"/>
    <li>
      <a href="{$base}{$chemin}">
        <xsl:if test="/page/path = $chemin">
          <xsl:attribute name="aria-current">page</xsl:attribute>
        </xsl:if>
        <xsl:value-of select="pt:t($k)"/>
      </a>
    </li>
  </xsl:template>

  <xsl:template name="pied">
    <footer class="pied">
      <p><xsl:value-of select="$ville"/></p>
      <ul>
        <li><a href="{$base}/mentions-legales"><xsl:value-of select="pt:t('pied.mentions')"/></a></li>
        <li><a href="{$base}/accessibilite"><xsl:value-of select="pt:t('pied.accessibilite')"/></a></li>
      </ul>
    </footer>
  </xsl:template>

  <!-- One-shot message after a form (post/redirect/get). -->
  <xsl:template match="flash">
    <div class="message message-{@kind}">
      <xsl:attribute name="role">
        <xsl:choose>
          <xsl:when test="@kind = 'erreur'">alert</xsl:when>
          <xsl:otherwise>status</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <p><xsl:value-of select="."/></p>
    </div>
  </xsl:template>

  <xsl:template name="csrf">
    <input type="hidden" name="csrf" value="{$csrf}"/>
  </xsl:template>

  <!-- Forms: <form action> with <field> children, each maybe with <error>; <message> for
       an error about the whole form.  Screens may put their own buttons after with
       <xsl:apply-templates select="form"><xsl:with-param name="bouton" …/>. -->
  <xsl:template match="form">
    <xsl:param name="bouton"/>
    <xsl:param name="classe" select="'formulaire'"/>
    <xsl:call-template name="form-errors"/>
    <form method="post" action="{@action}" class="{$classe}">
      <xsl:if test="@enctype"><xsl:attribute name="enctype"><xsl:value-of select="@enctype"/></xsl:attribute></xsl:if>
      <xsl:call-template name="csrf"/>
      <xsl:apply-templates select="field|fieldset"/>
      <div class="actions">
        <button type="submit" class="bouton"><xsl:value-of select="$bouton"/></button>
      </div>
    </form>
  </xsl:template>

  <xsl:template name="form-errors">
    <xsl:if test="message">
      <div class="message message-erreur" role="alert">
        <xsl:for-each select="message"><p><xsl:value-of select="."/></p></xsl:for-each>
      </div>
    </xsl:if>
    <xsl:if test=".//field/error">
      <div class="resume-erreurs" role="alert" tabindex="-1" id="erreurs">
        <h2>
          <xsl:value-of select="pt:t('form.erreurs')"/>
        </h2>
        <ul>
          <xsl:for-each select=".//field/error">
            <li><a href="#f-{../@name}"><xsl:value-of select="."/></a></li>
          </xsl:for-each>
        </ul>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template match="fieldset">
    <fieldset>
      <legend><xsl:value-of select="@legend"/></legend>
      <xsl:apply-templates select="field"/>
    </fieldset>
  </xsl:template>

  <xsl:template match="field[@type = 'hidden']">
    <input type="hidden" name="{@name}" value="{@value}"/>
  </xsl:template>

  <xsl:template match="field">
    <xsl:variable name="id" select="concat('f-', @name)"/>
    <xsl:variable name="decrit">
      <xsl:if test="@hint"><xsl:value-of select="concat($id, '-aide ')"/></xsl:if>
      <xsl:if test="error"><xsl:value-of select="concat($id, '-erreur')"/></xsl:if>
    </xsl:variable>
    <div class="champ">
      <xsl:if test="error"><xsl:attribute name="class">champ champ-erreur</xsl:attribute></xsl:if>
      <label for="{$id}">
        <xsl:value-of select="@label"/>
        <xsl:if test="@required = '1'">
          <span class="obligatoire" aria-hidden="true"> *</span>
        </xsl:if>
      </label>
      <xsl:if test="@hint">
        <p class="aide" id="{$id}-aide"><xsl:value-of select="@hint"/></p>
      </xsl:if>
      <xsl:for-each select="error">
        <p class="erreur" id="{$id}-erreur"><xsl:value-of select="."/></p>
      </xsl:for-each>
      <xsl:choose>
        <xsl:when test="@type = 'textarea'">
          <textarea id="{$id}" name="{@name}" rows="4">
            <xsl:call-template name="attributs-champ"><xsl:with-param name="decrit" select="normalize-space($decrit)"/></xsl:call-template>
            <xsl:value-of select="@value"/>
          </textarea>
        </xsl:when>
        <xsl:when test="@type = 'select'">
          <select id="{$id}" name="{@name}">
            <xsl:call-template name="attributs-champ"><xsl:with-param name="decrit" select="normalize-space($decrit)"/></xsl:call-template>
            <!-- A required list starts with no choice: nothing is picked for the person. -->
            <xsl:if test="@required = '1' and string(option[1]/@value)">
              <option value=""><xsl:value-of select="pt:t('form.choisir')"/></option>
            </xsl:if>
            <xsl:for-each select="option">
              <option value="{@value}">
                <xsl:if test="@value = ../@value"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="."/>
              </option>
            </xsl:for-each>
          </select>
        </xsl:when>
        <xsl:when test="@type = 'checkbox'">
          <input type="checkbox" id="{$id}" name="{@name}" value="1">
            <xsl:if test="@value = '1'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
            <xsl:call-template name="attributs-champ"><xsl:with-param name="decrit" select="normalize-space($decrit)"/></xsl:call-template>
          </input>
        </xsl:when>
        <xsl:when test="@type = 'file'">
          <input type="file" id="{$id}" name="{@name}">
            <xsl:call-template name="attributs-champ"><xsl:with-param name="decrit" select="normalize-space($decrit)"/></xsl:call-template>
          </input>
        </xsl:when>
        <xsl:otherwise>
          <input type="{@type}" id="{$id}" name="{@name}" value="{@value}">
            <xsl:call-template name="attributs-champ"><xsl:with-param name="decrit" select="normalize-space($decrit)"/></xsl:call-template>
          </input>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <xsl:template name="attributs-champ">
    <xsl:param name="decrit"/>
    <xsl:if test="@required = '1'"><xsl:attribute name="required">required</xsl:attribute></xsl:if>
    <xsl:if test="@autocomplete"><xsl:attribute name="autocomplete"><xsl:value-of select="@autocomplete"/></xsl:attribute></xsl:if>
    <xsl:if test="@accept"><xsl:attribute name="accept"><xsl:value-of select="@accept"/></xsl:attribute></xsl:if>
    <xsl:if test="error"><xsl:attribute name="aria-invalid">true</xsl:attribute></xsl:if>
    <xsl:if test="string($decrit)"><xsl:attribute name="aria-describedby"><xsl:value-of select="$decrit"/></xsl:attribute></xsl:if>
  </xsl:template>

</xsl:stylesheet>
