/* « Mes données »: each cell written the way a French reader expects, from its column. */
#include <string.h>
#include "unit.h"
#include "core/pt_rgpd.h"

START_TEST(cells_by_column)
{
    apr_pool_t *p = unit_pool;
    ck_assert_str_eq(pt_rgpd_cell(p, "montant", "123450", 0), "1234,50");
    ck_assert_str_eq(pt_rgpd_cell(p, "solde", "-5", 0), "-0,05");
    ck_assert_ptr_nonnull(strstr(pt_rgpd_cell(p, "montant", "123450", 1), "234,50"));
    ck_assert_ptr_nonnull(strstr(pt_rgpd_cell(p, "montant", "123450", 1), "€"));
    /* 2026-12-03 10:30 UTC is 11:30 in Paris. */
    ck_assert_str_eq(pt_rgpd_cell(p, "created_at", "1796293800", 0), "03/12/2026 11:30");
    ck_assert_str_eq(pt_rgpd_cell(p, "created_at", "1796293800", 1),
                     "jeudi 3 décembre 2026 à 11 h 30");
    ck_assert_str_eq(pt_rgpd_cell(p, "date_naissance", "2018-05-02", 0), "02/05/2018");
    ck_assert_str_eq(pt_rgpd_cell(p, "day", "pas une date", 0), "pas une date");
    ck_assert_str_eq(pt_rgpd_cell(p, "pai", "1", 0), "oui");
    ck_assert_str_eq(pt_rgpd_cell(p, "lunettes", "0", 1), "non");
    ck_assert_str_eq(pt_rgpd_cell(p, "nom", "1", 0), "1");     /* other columns as stored */
    ck_assert_ptr_null(pt_rgpd_cell(p, "montant", NULL, 0));
    ck_assert_str_eq(pt_rgpd_cell(p, "montant", "", 0), "");
}
END_TEST

Suite *unit_rgpd_suite(void)
{
    Suite *s = suite_create("rgpd");
    TCase *tc = tcase_create("rgpd");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, cells_by_column);
    suite_add_tcase(s, tc);
    return s;
}
