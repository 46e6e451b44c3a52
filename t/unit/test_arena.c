/* The request arena behind libxml2's allocator: inside an arena, memory comes from it and
 * xmlFree leaves it alone (a document is dropped whole at the end); outside, and for what
 * was allocated before, libxml2 gets malloc's memory as usual; realloc keeps the bytes. */
#include <string.h>
#include <sys/stat.h>
#include <apr_strings.h>
#include <libxml/tree.h>
#include "unit.h"
#include "core/pt_arena.h"
#include "core/pt_render.h"
#include "core/pt_xml.h"

START_TEST(arena_and_malloc)
{
    apr_pool_t *p;
    char *before, *in, *grown, *big, *after;
    xmlDocPtr doc;
    ck_assert(pt_arena_install());
    before = xmlMalloc(32);
    ck_assert(!pt_arena_owns(before));
    strcpy(before, "avant");

    ck_assert_int_eq(apr_pool_create(&p, unit_pool), APR_SUCCESS);
    ck_assert(pt_arena_begin(p) != NULL);
    in = xmlMalloc(10);
    ck_assert(pt_arena_owns(in));
    strcpy(in, "dans");
    grown = xmlRealloc(in, 100000);          /* past a big block's size: copied */
    ck_assert_str_eq(grown, "dans");
    big = xmlMalloc(1 << 20);                /* larger than a chunk */
    memset(big, 'x', 1 << 20);
    xmlFree(big);                            /* kept until the arena's end */
    before = xmlRealloc(before, 64);         /* malloc's block stays malloc's */
    ck_assert(!pt_arena_owns(before));
    ck_assert_str_eq(before, "avant");
    doc = xmlNewDoc(BAD_CAST "1.0");
    xmlDocSetRootElement(doc, xmlNewDocNode(doc, NULL, BAD_CAST "page", BAD_CAST "texte"));
    ck_assert(pt_arena_owns(doc));
    xmlFreeDoc(doc);                         /* a no-op walk: allowed */
    pt_arena_leave();
    after = xmlMalloc(16);
    ck_assert(!pt_arena_owns(after));
    xmlFree(after);
    apr_pool_destroy(p);                     /* the arena's chunks go back */

    ck_assert_int_eq(apr_pool_create(&p, unit_pool), APR_SUCCESS);
    pt_arena_begin(p);
    in = xmlMalloc(10);
    ck_assert(pt_arena_owns(in));
    pt_arena_leave();
    apr_pool_destroy(p);
    xmlFree(before);
    ck_assert(pt_arena_allocated() > 0);
}
END_TEST

/* <pt:deplacer select="…"/> puts a screen's ready-made rows in the page: moved out of the
 * screen's document inside an arena (both trees go with it), copied outside one; the page
 * is the same either way. */
static const char *unit_move(pt_render_cache *cache, apr_pool_t *p, int *left)
{
    pt_doc *doc = pt_xml_doc(p, "page");
    pt_node *rows = pt_xml_elem(pt_xml_root(doc), "corps", NULL);
    const char *out = NULL, *err;
    apr_size_t len = 0;
    pt_xml_attr_new(pt_xml_elem(pt_xml_elem(rows, "tr", NULL), "td", "1 < 2"), "class", "jour");
    pt_xml_elem(pt_xml_elem(rows, "tr", NULL), "td", "3");
    err = pt_render_html(cache, p, doc, "deplacer", &out, &len);
    ck_assert_msg(err == NULL, "%s", err);
    *left = xmlChildElementCount(rows);
    return out;
}

START_TEST(moved_into_the_page)
{
    const char *dir = unit_tree();
    pt_render_cache *cache;
    apr_pool_t *p;
    const char *in_arena, *outside;
    int left;
    ck_assert_int_eq(mkdir(apr_pstrcat(unit_pool, dir, "/i18n", NULL), 0700), 0);
    unit_write(dir, "i18n/fr.xml", "<textes/>");
    unit_write(dir, "deplacer.xsl",
        "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'"
        " xmlns:pt='urn:mod-portail' extension-element-prefixes='pt'>"
        "<xsl:output method='html' encoding='UTF-8' indent='no'/>"
        "<xsl:template match='/'><table><tbody><pt:deplacer select='page/corps/tr'/>"
        "</tbody></table></xsl:template>"
        "</xsl:stylesheet>");
    pt_render_global_init();
    ck_assert(pt_arena_install());
    ck_assert_int_eq(pt_render_cache_create(unit_pool, dir, &cache), APR_SUCCESS);

    ck_assert_int_eq(apr_pool_create(&p, unit_pool), APR_SUCCESS);
    pt_arena_begin(p);
    in_arena = apr_pstrdup(unit_pool, unit_move(cache, p, &left));
    ck_assert_int_eq(left, 0);                       /* moved */
    pt_arena_leave();
    apr_pool_destroy(p);

    outside = unit_move(cache, unit_pool, &left);
    ck_assert_int_eq(left, 2);                       /* copied */
    ck_assert_str_eq(in_arena, outside);
    ck_assert_ptr_nonnull(strstr(outside, "<table><tbody><tr><td class=\"jour\">1 &lt; 2</td></tr>"
                                          "<tr><td>3</td></tr></tbody></table>"));
    unit_remove(dir);
}
END_TEST

Suite *unit_arena_suite(void)
{
    Suite *s = suite_create("arena");
    TCase *tc = tcase_create("arena");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, arena_and_malloc);
    tcase_add_test(tc, moved_into_the_page);
    suite_add_tcase(s, tc);
    return s;
}
