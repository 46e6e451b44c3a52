<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-agents.xsl — /portail/admin/agents: the agents and their roles (need to know),
     one form of checkboxes per agent. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pt="urn:mod-portail" exclude-result-prefixes="pt">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="page" mode="titre">
    <xsl:value-of select="pt:t('admin.agents')"/>
  </xsl:template>

  <xsl:template match="page" mode="contenu">
    <xsl:variable name="l" select="admin-agents"/>
    <h1><xsl:value-of select="pt:t('admin.agents')"/></h1>
    <p><xsl:value-of select="pt:t('agents.intro')"/></p>
    <dl class="fiche">
      <xsl:for-each select="$l/role">
        <dt><xsl:value-of select="@label"/></dt>
        <dd><xsl:value-of select="@aide"/></dd>
      </xsl:for-each>
    </dl>
    <xsl:for-each select="$l/agent">
      <xsl:variable name="a" select="."/>
      <section class="carte" aria-labelledby="a-{@id}">
        <h2 id="a-{@id}">
          <xsl:value-of select="normalize-space(concat(@prenom, ' ', @nom))"/>
          <xsl:if test="@moi = '1'"><xsl:value-of select="concat(' ', pt:t('agents.moi'))"/></xsl:if>
        </h2>
        <p class="discret">
          <xsl:value-of select="concat(@email, ' — ', pt:t(concat('etat.', @state)))"/>
        </p>
        <form method="post" action="{$base}/admin/agents/{@id}" class="formulaire">
          <xsl:call-template name="csrf"/>
          <fieldset>
            <legend><xsl:value-of select="concat(pt:t('agents.roles-de'), ' ', @email)"/></legend>
            <xsl:for-each select="$l/role">
              <div class="champ">
                <input type="checkbox" id="r-{$a/@id}-{@name}" name="{@name}" value="1">
                  <xsl:if test="$a/role[@name = current()/@name]"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
                </input>
                <label for="r-{$a/@id}-{@name}" class="en-ligne"><xsl:value-of select="@label"/></label>
              </div>
            </xsl:for-each>
          </fieldset>
          <div class="actions">
            <button type="submit" class="bouton">
              <xsl:value-of select="pt:t('agents.enregistrer')"/>
              <span class="visually-hidden"><xsl:value-of select="concat(' ', @email)"/></span>
            </button>
          </div>
        </form>
      </section>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
