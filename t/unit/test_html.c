/* Our HTML writer (core/pt_html.c) writes a result tree byte for byte as libxml2's HTML
 * output method does: every case is transformed by libxslt, written by both, compared,
 * and the rules a browser relies on are asserted in the text. */
#include <string.h>
#include <apr_strings.h>
#include <libxml/parser.h>
#include <libxml/HTMLtree.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>
#include "unit.h"
#include "core/pt_html.h"

#define UNIT_XSL_HEAD \
    "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>" \
    "<xsl:output method='html' encoding='UTF-8' doctype-system='about:legacy-compat'" \
    " indent='no'/><xsl:template match='/'>"
#define UNIT_XSL_TAIL "</xsl:template></xsl:stylesheet>"

/* The page `body` (the content of a template matching /, over <d>data</d>) written by
 * pt_html; fails when libxml2 writes other bytes.  NULL when pt_html leaves it to libxml2. */
static const char *unit_html(const char *body, const char *data)
{
    const char *xsl = apr_pstrcat(unit_pool, UNIT_XSL_HEAD, body, UNIT_XSL_TAIL, NULL);
    xmlDocPtr sd = xmlReadMemory(xsl, (int)strlen(xsl), "t.xsl", NULL, 0);
    xmlDocPtr in = xmlReadMemory(data, (int)strlen(data), "d.xml", NULL, 0);
    xsltStylesheetPtr style;
    xmlDocPtr result;
    xmlChar *lib = NULL;
    int lib_len = 0;
    const char *own = NULL;
    apr_size_t own_len = 0;
    apr_status_t rv;

    ck_assert_ptr_nonnull(sd);
    ck_assert_ptr_nonnull(in);
    style = xsltParseStylesheetDoc(sd);
    ck_assert_ptr_nonnull(style);
    result = xsltApplyStylesheet(style, in, NULL);
    ck_assert_ptr_nonnull(result);
    htmlSetMetaEncoding(result, BAD_CAST "UTF-8");      /* as pt_render does */
    rv = pt_html_write(unit_pool, result, &own, &own_len);
    ck_assert_int_eq(xsltSaveResultToString(&lib, &lib_len, result, style), 0);
    if (rv == APR_SUCCESS) {
        ck_assert_uint_eq(own_len, strlen(own));
        ck_assert_msg(own_len == (apr_size_t)lib_len && memcmp(own, lib, own_len) == 0,
                      "pt_html:\n%s\nlibxml2:\n%s", own, (const char *)lib);
        own = apr_pstrdup(unit_pool, own);
    }
    else {
        own = NULL;
    }
    xmlFree(lib);
    xmlFreeDoc(result);
    xmlFreeDoc(in);
    xsltFreeStylesheet(style);
    return own;
}

#define UNIT_HAS(page, text) ck_assert_msg(strstr((page), (text)) != NULL, "%s not in %s", (text), (page))

START_TEST(html_page_frame)
{
    const char *page = unit_html(
        "<html lang='fr'><head><meta name='viewport' content='width=device-width'/>"
        "<title>Planning — Ville</title><link rel='stylesheet' href='/s/p.css'/>"
        "<script src='/s/p.js' defer='defer'></script></head>"
        "<body><main id='contenu'><p>Bonjour</p><ul><li/><li>un</li></ul><div/>"
        "<section></section><br/><hr/><img src='/i.png' alt=''/><xsl:comment> note </xsl:comment>"
        "</main></body></html>", "<d/>");
    ck_assert_ptr_nonnull(page);
    ck_assert(strncmp(page, "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">", 103) == 0);
    UNIT_HAS(page, "<script src=\"/s/p.js\" defer></script>");
    UNIT_HAS(page, "<ul><li><li>un</li></ul><div></div><section></section><br><hr>");
    UNIT_HAS(page, "<!-- note -->");
    ck_assert(page[strlen(page) - 1] == '\n');
}
END_TEST

START_TEST(html_escapes_text)
{
    const char *page = unit_html(
        "<p><xsl:value-of select='/d'/></p><p>a&#13;b&#9;c</p>"
        "<script>if (a &lt; b &amp;&amp; c &gt; d) { x = \"&lt;/p&gt;\"; }</script>"
        "<style>a &gt; b { content: '&amp;'; }</style>",
        "<d>&lt;b&gt; Tom &amp; Jerry \"cités\" l'été « 12 h 30 » 😀</d>");
    ck_assert_ptr_nonnull(page);
    UNIT_HAS(page, "<p>&lt;b&gt; Tom &amp; Jerry \"cités\" l'été « 12 h 30 » 😀</p>");
    UNIT_HAS(page, "<p>a\rb\tc</p>");
    UNIT_HAS(page, "<script>if (a < b && c > d) { x = \"</p>\"; }</script>");
    UNIT_HAS(page, "<style>a > b { content: '&'; }</style>");
}
END_TEST

START_TEST(html_escapes_attributes)
{
    const char *page = unit_html(
        "<p title='{d/a}' class='{d/b}' lang='{d/c}' data-x='{d/e}' data-y='{d/f}' "
        "data-z='{d/g}' data-v=''>x</p>"
        "<a href='{d/u}' name='n é'>u</a><a href='  /x y'>v</a><a href=''>w</a>"
        "<a href='  '>w</a><img src='/é.png' alt='é'/><form action='/f?a=1&amp;b=2'></form>"
        "<span name='n é'>s</span>",
        "<d><a>&lt;b&gt; &amp; é</a><b>dit \"oui\"</b><c>l'a dit \"oui\"</c><e>l'été</e>"
        "<f>&amp;{x\"y} &amp;{z</f><g>&lt;!--#echo var=\"x\" --&gt; &lt;!-- n</g>"
        "<u>/p?q=a b&amp;r=é\"[x]{y}|^`\\$~</u></d>");
    ck_assert_ptr_nonnull(page);
    UNIT_HAS(page, "title=\"&lt;b&gt; &amp; é\"");
    UNIT_HAS(page, "class='dit \"oui\"'");
    UNIT_HAS(page, "lang=\"l'a dit &quot;oui&quot;\"");
    UNIT_HAS(page, "data-x=\"l'été\"");
    UNIT_HAS(page, "href=\"/p?q=a%20b&amp;r=%C3%A9%22%5Bx%5D%7By%7D%7C%5E%60%5C%24~\" name=\"n%20%C3%A9\"");
    UNIT_HAS(page, "<a href=\"/x%20y\">v</a><a href=\"\">w</a><a href=\"\">w</a>");
    UNIT_HAS(page, "<img src=\"/%C3%A9.png\" alt=\"é\">");
    UNIT_HAS(page, "action=\"/f?a=1&amp;b=2\"");
    UNIT_HAS(page, "<span name=\"n é\">");
}
END_TEST

START_TEST(html_void_and_boolean)
{
    const char *page = unit_html(
        "<form><input type='checkbox' name='c' checked='checked' required='required'/>"
        "<select multiple='multiple' disabled='disabled'><option selected='selected'>a</option>"
        "</select><textarea readonly='readonly'></textarea><input hidden='hidden'/>"
        "<button type='submit' aria-pressed='true'>ok</button></form>"
        "<table><tr><td></td><td>1</td></tr></table><p></p><dl><dt/><dd/></dl>",
        "<d/>");
    ck_assert_ptr_nonnull(page);
    UNIT_HAS(page, "<input type=\"checkbox\" name=\"c\" checked required=\"required\">");
    UNIT_HAS(page, "<select multiple disabled><option selected>a</option></select>");
    UNIT_HAS(page, "<textarea readonly></textarea><input hidden=\"hidden\">");
    UNIT_HAS(page, "<td></td><td>1</td>");
}
END_TEST

/* A namespace is left to libxml2 (the caller falls back): nothing to compare. */
START_TEST(html_leaves_namespaces)
{
    ck_assert_ptr_null(unit_html("<p><svg xmlns='http://www.w3.org/2000/svg'/></p>", "<d/>"));
}
END_TEST

Suite *unit_html_suite(void)
{
    Suite *s = suite_create("html");
    TCase *tc = tcase_create("html");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, html_page_frame);
    tcase_add_test(tc, html_escapes_text);
    tcase_add_test(tc, html_escapes_attributes);
    tcase_add_test(tc, html_void_and_boolean);
    tcase_add_test(tc, html_leaves_namespaces);
    suite_add_tcase(s, tc);
    return s;
}
