/* The request arena behind libxml2's allocator: inside an arena, memory comes from it and
 * xmlFree leaves it alone (a document is dropped whole at the end); outside, and for what
 * was allocated before, libxml2 gets malloc's memory as usual; realloc keeps the bytes. */
#include <string.h>
#include <libxml/tree.h>
#include "unit.h"
#include "core/pt_arena.h"

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

Suite *unit_arena_suite(void)
{
    Suite *s = suite_create("arena");
    TCase *tc = tcase_create("arena");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, arena_and_malloc);
    suite_add_tcase(s, tc);
    return s;
}
