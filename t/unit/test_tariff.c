/* Prices and billing rules of pt_tariff.  Each line of a table is one situation of a
 * family; the expected price is computed by hand (SPEC §7, issue 14). */
#include <string.h>
#include "unit.h"
#include "domain/pt_tariff.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Restauration scolaire: three brackets, the last open. */
static const pt_tariff_bracket cantine[] = {
    { 0, 500, 150 }, { 501, 1000, 320 }, { 1001, -1, 480 },
};

START_TEST(test_tariff_brackets)
{
    static const struct { const char *what; long qf; long long cents; } cases[] = {
        { "QF 0, first bracket", 0, 150 },
        { "QF on the upper bound", 500, 150 },
        { "QF just above", 501, 320 },
        { "QF in the middle", 820, 320 },
        { "QF in the open bracket", 1001, 480 },
        { "very high QF", 99999, 480 },
        { "unknown QF pays the highest", PT_QF_UNKNOWN, 480 },
    };
    pt_tariff t = { "2026-09-01", PT_TARIFF_BRACKETS, cantine, N(cantine), 0, 0, 0 };
    size_t i;
    for (i = 0; i < N(cases); i++) {
        ck_assert_msg(pt_tariff_price(&t, cases[i].qf) == cases[i].cents, "%s: %lld",
                      cases[i].what, pt_tariff_price(&t, cases[i].qf));
    }
}
END_TEST

START_TEST(test_tariff_brackets_gap_and_none)
{
    /* A QF in a gap between brackets (or above a closed last one) pays the highest. */
    static const pt_tariff_bracket gap[] = { { 0, 400, 100 }, { 600, 800, 300 } };
    pt_tariff t = { "2026-09-01", PT_TARIFF_BRACKETS, gap, N(gap), 0, 0, 0 };
    pt_tariff none = { "2026-09-01", PT_TARIFF_BRACKETS, NULL, 0, 0, 0, 0 };
    ck_assert_int_eq(pt_tariff_price(&t, 500), 300);
    ck_assert_int_eq(pt_tariff_price(&t, 900), 300);
    ck_assert_int_eq(pt_tariff_price(&t, 400), 100);
    ck_assert_int_eq(pt_tariff_price(&none, 400), -1);
}
END_TEST

START_TEST(test_tariff_effort)
{
    /* 0,400 % of the QF, between 1,00 € and 5,00 €. */
    static const struct { const char *what; long qf; long long cents; } cases[] = {
        { "QF 820: 3,28 €", 820, 328 },
        { "floor", 100, 100 },
        { "QF 0: floor", 0, 100 },
        { "ceiling", 2000, 500 },
        { "exactly the ceiling", 1250, 500 },
        { "unknown QF: ceiling", PT_QF_UNKNOWN, 500 },
    };
    pt_tariff t = { "2026-09-01", PT_TARIFF_EFFORT, NULL, 0, 400, 100, 500 };
    /* 0,333 % of 701 € = 2,33433 € → 2,33 ; of 751 € = 2,50083 → 2,50 ; of 1501 € =
     * 4,99833 → 5,00 (half away from zero). */
    pt_tariff r = { "2026-09-01", PT_TARIFF_EFFORT, NULL, 0, 333, 0, 10000 };
    size_t i;
    for (i = 0; i < N(cases); i++) {
        ck_assert_msg(pt_tariff_price(&t, cases[i].qf) == cases[i].cents, "%s: %lld",
                      cases[i].what, pt_tariff_price(&t, cases[i].qf));
    }
    ck_assert_int_eq(pt_tariff_price(&r, 701), 233);
    ck_assert_int_eq(pt_tariff_price(&r, 751), 250);
    ck_assert_int_eq(pt_tariff_price(&r, 1501), 500);
}
END_TEST

START_TEST(test_tariff_round)
{
    ck_assert_int_eq(pt_tariff_round(12345, 10), 1235);
    ck_assert_int_eq(pt_tariff_round(12344, 10), 1234);
    ck_assert_int_eq(pt_tariff_round(-12345, 10), -1235);
    ck_assert_int_eq(pt_tariff_round(50, 100), 1);
    ck_assert_int_eq(pt_tariff_round(49, 100), 0);
    ck_assert_int_eq(pt_tariff_round(0, 7), 0);
}
END_TEST

START_TEST(test_tariff_surcharge)
{
    static const struct { const char *what; long long unit; int pct; long long fixed, cents; }
    cases[] = {
        { "none", 320, 0, 0, 0 },
        { "50 % of 3,20 €", 320, 50, 0, 160 },
        { "25 % of 3,25 € = 0,8125 → 0,81", 325, 25, 0, 81 },
        { "25 % of 3,30 € = 0,825 → 0,83", 330, 25, 0, 83 },
        { "fixed 1,00 €", 320, 0, 100, 100 },
        { "both", 320, 10, 50, 82 },
        { "free day, percent", 0, 50, 0, 0 },
    };
    size_t i;
    for (i = 0; i < N(cases); i++) {
        long long s = pt_tariff_surcharge(cases[i].unit, cases[i].pct, cases[i].fixed);
        ck_assert_msg(s == cases[i].cents, "%s: %lld", cases[i].what, s);
    }
}
END_TEST

START_TEST(test_tariff_pick)
{
    static const pt_tariff ts[] = {
        { "2026-09-01", PT_TARIFF_BRACKETS, cantine, N(cantine), 0, 0, 0 },
        { "2027-01-01", PT_TARIFF_EFFORT, NULL, 0, 400, 100, 500 },
        { "2026-11-15", PT_TARIFF_BRACKETS, cantine, 1, 0, 0, 0 },
    };
    static const struct { const char *day; int idx; } cases[] = {
        { "2026-08-31", -1 },      /* before any tariff */
        { "2026-09-01", 0 },       /* from its first day */
        { "2026-11-14", 0 },
        { "2026-11-15", 2 },       /* a change applies from its date, in any order */
        { "2026-12-31", 2 },
        { "2027-01-01", 1 },
        { "2030-06-01", 1 },
    };
    size_t i;
    for (i = 0; i < N(cases); i++) {
        ck_assert_msg(pt_tariff_pick(ts, N(ts), cases[i].day) == cases[i].idx, "%s",
                      cases[i].day);
    }
    ck_assert_int_eq(pt_tariff_pick(ts, 0, "2026-09-01"), -1);
}
END_TEST

START_TEST(test_tariff_brackets_check)
{
    static const pt_tariff_bracket ok[] = { { 1001, -1, 480 }, { 0, 500, 150 }, { 501, 1000, 320 } };
    static const pt_tariff_bracket overlap[] = { { 0, 500, 150 }, { 500, 1000, 320 } };
    static const pt_tariff_bracket two_open[] = { { 0, -1, 150 }, { 800, -1, 320 } };
    static const pt_tariff_bracket open_over[] = { { 600, -1, 150 }, { 0, 700, 320 } };
    static const pt_tariff_bracket reversed[] = { { 900, 100, 150 } };
    static const pt_tariff_bracket negative[] = { { 0, 100, -5 } };
    static const pt_tariff_bracket inside[] = { { 0, 1000, 150 }, { 200, 300, 320 } };
    ck_assert_ptr_null(pt_tariff_brackets_check(ok, N(ok)));
    ck_assert_ptr_nonnull(pt_tariff_brackets_check(overlap, N(overlap)));
    ck_assert_ptr_nonnull(pt_tariff_brackets_check(two_open, N(two_open)));
    ck_assert_ptr_nonnull(pt_tariff_brackets_check(open_over, N(open_over)));
    ck_assert_ptr_nonnull(pt_tariff_brackets_check(reversed, N(reversed)));
    ck_assert_ptr_nonnull(pt_tariff_brackets_check(negative, N(negative)));
    ck_assert_ptr_nonnull(pt_tariff_brackets_check(inside, N(inside)));
    ck_assert_ptr_nonnull(pt_tariff_brackets_check(ok, 0));
}
END_TEST

START_TEST(test_tariff_billed)
{
    /* status, day, certificate, N days -> billed, why */
    static const struct { const char *status, *day, *cert; int n, billed; const char *why; }
    cases[] = {
        { "present", "2026-11-03", NULL, 3, 1, "present" },
        { "reserve", "2026-11-03", NULL, 3, 1, "reserve" },
        { "absent", "2026-11-03", NULL, 3, 1, "absent" },
        { "absence_demandee", "2026-11-03", NULL, 3, 1, "absent" },
        { "excuse", "2026-11-03", NULL, 3, 1, "absence_non_justifiee" },
        { "excuse", "2026-11-03", "2026-11-03", 3, 0, "certificat" },
        { "excuse", "2026-11-03", "2026-11-06", 3, 0, "certificat" },   /* day N */
        { "excuse", "2026-11-03", "2026-11-07", 3, 1, "absence_non_justifiee" }, /* too late */
        { "excuse", "2026-11-03", "2026-10-30", 3, 0, "certificat" },   /* before: covers it */
        { "excuse", "2026-11-03", "n'importe", 3, 1, "absence_non_justifiee" },
        /* a certificate excuses any absence, whoever recorded it (h14more) */
        { "absent", "2026-11-03", "2026-11-05", 3, 0, "certificat" },
        { "absent", "2026-11-03", "2026-11-09", 3, 1, "absent" },
        { "absence_demandee", "2026-11-03", "2026-11-03", 3, 0, "certificat" },
        { "annule", "2026-11-03", NULL, 3, 0, "non_facturable" },
        { "en_attente", "2026-11-03", NULL, 3, 0, "non_facturable" },
        { "liste_attente", "2026-11-03", NULL, 3, 0, "non_facturable" },
        { NULL, "2026-11-03", NULL, 3, 0, "non_facturable" },
    };
    size_t i;
    for (i = 0; i < N(cases); i++) {
        const char *why = NULL;
        int b = pt_tariff_billed(cases[i].status, cases[i].day, cases[i].cert, cases[i].n, &why);
        ck_assert_msg(b == cases[i].billed && !strcmp(why, cases[i].why), "case %d: %d %s",
                      (int)i, b, why);
    }
}
END_TEST

Suite *unit_tariff_suite(void)
{
    Suite *s = suite_create("tariff");
    TCase *tc = tcase_create("tariff");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, test_tariff_brackets);
    tcase_add_test(tc, test_tariff_brackets_gap_and_none);
    tcase_add_test(tc, test_tariff_effort);
    tcase_add_test(tc, test_tariff_round);
    tcase_add_test(tc, test_tariff_surcharge);
    tcase_add_test(tc, test_tariff_pick);
    tcase_add_test(tc, test_tariff_brackets_check);
    tcase_add_test(tc, test_tariff_billed);
    suite_add_tcase(s, tc);
    return s;
}
