/* CSV as French spreadsheets write and read it. */
#include <string.h>
#include "unit.h"
#include "core/pt_csv.h"

static apr_array_header_t *parse_ok(const char *text)
{
    apr_array_header_t *recs = NULL;
    const char *why = NULL;
    int line = 0;
    ck_assert_int_eq(pt_csv_parse(unit_pool, text, strlen(text), ';', &recs, &line, &why), 0);
    return recs;
}

#define REC(recs, i) (&APR_ARRAY_IDX((recs), (i), pt_csv_record))

START_TEST(fields_quotes_and_line_numbers)
{
    apr_array_header_t *r = parse_ok(PT_CSV_BOM "a;b;c\r\n\r\n1;\"x;y\";\"il dit \"\"oui\"\"\"\r\n"
                                     "2;\"deux\nlignes\";\r\n3;;fin");
    ck_assert_int_eq(r->nelts, 4);
    ck_assert_int_eq(REC(r, 0)->n, 3);
    ck_assert_str_eq(REC(r, 0)->fields[0], "a");             /* the BOM is not data */
    ck_assert_int_eq(REC(r, 1)->line, 3);                    /* the blank line counts */
    ck_assert_str_eq(REC(r, 1)->fields[1], "x;y");
    ck_assert_str_eq(REC(r, 1)->fields[2], "il dit \"oui\"");
    ck_assert_str_eq(REC(r, 2)->fields[1], "deux\nlignes");
    ck_assert_str_eq(REC(r, 2)->fields[2], "");
    ck_assert_int_eq(REC(r, 3)->line, 6);                    /* after a two-line record */
    ck_assert_str_eq(REC(r, 3)->fields[2], "fin");           /* no final newline */
}
END_TEST

START_TEST(broken_files_say_where)
{
    static const struct { const char *text; int line; } cases[] = {
        { "a;b\n1;\"pas fermé\n2;3\n", 2 },
        { "a;b\n1;2\n3;\"x\"y\n", 3 },
        { "a;\xC3\n", 0 },                                   /* not UTF-8 */
    };
    size_t i;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        apr_array_header_t *recs = NULL;
        const char *why = NULL;
        int line = -1;
        ck_assert_int_eq(pt_csv_parse(unit_pool, cases[i].text, strlen(cases[i].text), ';',
                                      &recs, &line, &why), -1);
        ck_assert_int_eq(line, cases[i].line);
        ck_assert_ptr_nonnull(why);
    }
}
END_TEST

START_TEST(written_cells_are_quoted_and_inert)
{
    apr_array_header_t *out = apr_array_make(unit_pool, 64, 1);
    apr_size_t len;
    pt_csv_write(out, ';', 5, (const char *const[]){ "simple", "a;b", "dit \"oui\"", "=1+1",
                                                     NULL });
    ck_assert_str_eq(pt_csv_text(out, &len),
                     "simple;\"a;b\";\"dit \"\"oui\"\"\";\"'=1+1\";\r\n");
    ck_assert_uint_eq(len, strlen("simple;\"a;b\";\"dit \"\"oui\"\"\";\"'=1+1\";\r\n"));
}
END_TEST

START_TEST(what_is_written_reads_back)
{
    apr_array_header_t *out = apr_array_make(unit_pool, 64, 1);
    const char *cells[] = { "Léo", "2, rue \"des Prés\"", "ligne\nsuivante", "" };
    apr_array_header_t *r;
    apr_size_t len;
    int i;
    pt_csv_write(out, ';', 4, cells);
    r = parse_ok(pt_csv_text(out, &len));
    ck_assert_int_eq(r->nelts, 1);
    for (i = 0; i < 4; i++) {
        ck_assert_str_eq(REC(r, 0)->fields[i], cells[i]);
    }
}
END_TEST

Suite *unit_csv_suite(void)
{
    Suite *s = suite_create("csv");
    TCase *tc = tcase_create("csv");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, fields_quotes_and_line_numbers);
    tcase_add_test(tc, broken_files_say_where);
    tcase_add_test(tc, written_cells_are_quoted_and_inert);
    tcase_add_test(tc, what_is_written_reads_back);
    suite_add_tcase(s, tc);
    return s;
}
