/* CSV as French spreadsheets write and read it. */
#include <string.h>
#include <apr_strings.h>
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

/* The reviewer's file: 320 kB of closures written with « , » instead of « ; » — every
 * line an error.  The report used to be rebuilt for each line (3.1 GB). */
START_TEST(error_report_is_capped_and_linear)
{
    apr_array_header_t *out = apr_array_make(unit_pool, 400 * 1024, 1);
    apr_array_header_t *recs = NULL;
    pt_csv_errors *e;
    const char *data, *text, *why = NULL;
    apr_size_t len;
    long before;
    int i, line = 0;

    while (out->nelts < 320 * 1024) {
        const char *l = "2027-02-06,2027-02-21,Vacances d'hiver de la zone B\n";
        for (; *l; l++) {
            *(char *)apr_array_push(out) = *l;
        }
    }
    data = pt_csv_text(out, &len);
    before = unit_rss_kb();
    ck_assert_int_eq(pt_csv_parse(unit_pool, data, len, ';', &recs, &line, &why), 0);
    e = pt_csv_errors_new(unit_pool, 20);
    for (i = 0; i < recs->nelts; i++) {
        const pt_csv_record *r = &APR_ARRAY_IDX(recs, i, pt_csv_record);
        pt_csv_error(e, r->line, NULL, "3 champs attendus (date_debut;date_fin;libelle)");
    }
    text = pt_csv_errors_text(e, unit_pool, " ; ");
    ck_assert_int_gt(e->count, 6000);
    ck_assert_msg(unit_rss_kb() - before < 50 * 1024, "%ld kB", unit_rss_kb() - before);
    ck_assert_ptr_nonnull(strstr(text, "ligne 1 : 3 champs attendus"));
    ck_assert_ptr_nonnull(strstr(text, "ligne 20 : "));
    ck_assert_ptr_null(strstr(text, "ligne 21 : "));
    ck_assert_ptr_nonnull(strstr(text, apr_psprintf(unit_pool, " ; et %d autres erreurs",
                                                    e->count - 20)));
    ck_assert_uint_lt(strlen(text), 2000);
}
END_TEST

START_TEST(error_report_forms)
{
    pt_csv_errors *e = pt_csv_errors_new(unit_pool, 2);
    ck_assert_str_eq(pt_csv_errors_text(e, unit_pool, "\n"), "");
    pt_csv_error(e, 3, "email", "adresse invalide.");
    ck_assert_str_eq(pt_csv_errors_text(e, unit_pool, "\n"), "ligne 3, colonne email : adresse invalide.");
    pt_csv_error(e, 0, NULL, "pas de l'UTF-8");
    pt_csv_error(e, 9, NULL, "x");
    ck_assert_str_eq(pt_csv_errors_text(e, unit_pool, "\n"),
                     "ligne 3, colonne email : adresse invalide.\npas de l'UTF-8\net 1 autre erreur");
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
    tcase_add_test(tc, error_report_is_capped_and_linear);
    tcase_add_test(tc, error_report_forms);
    suite_add_tcase(s, tc);
    return s;
}
