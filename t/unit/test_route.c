/* Routes: patterns with named parameters, and the migration script splitter. */
#include <string.h>
#include "unit.h"
#include "core/pt_route.h"
#include "core/pt_migrate.h"

START_TEST(route_matches_literal_and_params)
{
    apr_table_t *p = apr_table_make(unit_pool, 2);
    ck_assert(pt_route_match("/", "/", unit_pool, p));
    ck_assert(!pt_route_match("/", "/x", unit_pool, p));
    ck_assert(pt_route_match("/admin/familles/{id}", "/admin/familles/42", unit_pool, p));
    ck_assert_str_eq(apr_table_get(p, "id"), "42");
    ck_assert(pt_route_match("/a/{x}/b/{y}", "/a/1/b/zz", unit_pool, p));
    ck_assert_str_eq(apr_table_get(p, "y"), "zz");
}
END_TEST

START_TEST(route_param_is_one_nonempty_segment)
{
    ck_assert(!pt_route_match("/f/{id}", "/f/", unit_pool, NULL));
    ck_assert(!pt_route_match("/f/{id}", "/f/1/2", unit_pool, NULL));
    ck_assert(!pt_route_match("/f/{id}/x", "/f/1", unit_pool, NULL));
    ck_assert(!pt_route_match("/famille/", "/famille", unit_pool, NULL));
}
END_TEST

START_TEST(split_statements_at_line_end_semicolons)
{
    const char *sql = "-- comment; not a statement\n"
                      "CREATE TABLE a (x TEXT DEFAULT 'a;b');\n"
                      "INSERT INTO a VALUES ('l''école; ok');  \n"
                      "\n"
                      "INSERT INTO a VALUES ('x') -- trailing\n;\n";
    apr_array_header_t *a = pt_migrate_split(unit_pool, sql);
    ck_assert_int_eq(a->nelts, 3);
    ck_assert_str_eq(APR_ARRAY_IDX(a, 0, const char *), "CREATE TABLE a (x TEXT DEFAULT 'a;b')");
    ck_assert_str_eq(APR_ARRAY_IDX(a, 1, const char *), "INSERT INTO a VALUES ('l''école; ok')");
}
END_TEST

Suite *unit_route_suite(void)
{
    Suite *s = suite_create("route");
    TCase *tc = tcase_create("route");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, route_matches_literal_and_params);
    tcase_add_test(tc, route_param_is_one_nonempty_segment);
    tcase_add_test(tc, split_statements_at_line_end_semicolons);
    suite_add_tcase(s, tc);
    return s;
}
