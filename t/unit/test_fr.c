/* French dates and amounts, the way parents read them. */
#include <string.h>
#include "unit.h"
#include "domain/pt_fr.h"

START_TEST(date_parse_is_strict)
{
    pt_date d;
    ck_assert(pt_date_parse("2026-03-02", &d));
    ck_assert_int_eq(d.y, 2026);
    ck_assert_int_eq(d.m, 3);
    ck_assert_int_eq(d.d, 2);
    ck_assert(pt_date_parse("2024-02-29", &d));
    ck_assert(!pt_date_parse("2025-02-29", &d));
    ck_assert(!pt_date_parse("2025-02-30", &d));
    ck_assert(!pt_date_parse("2025-13-01", &d));
    ck_assert(!pt_date_parse("2025-1-01", &d));
    ck_assert(!pt_date_parse("2025-01-01x", &d));
    ck_assert(!pt_date_parse("", &d));
}
END_TEST

START_TEST(date_long_french)
{
    pt_date d = { 2026, 3, 2 }, first = { 2026, 8, 1 };
    ck_assert_str_eq(pt_date_long(unit_pool, d, 1), "lundi 2 mars 2026");
    ck_assert_str_eq(pt_date_long(unit_pool, d, 0), "lundi 2 mars");
    ck_assert_str_eq(pt_date_long(unit_pool, first, 1), "samedi 1er août 2026");
}
END_TEST

START_TEST(weekday_and_age)
{
    pt_date d = { 2026, 11, 24 }, birth = { 2017, 11, 25 }, birth2 = { 2017, 11, 24 };
    ck_assert_int_eq(pt_date_weekday(d), 1);            /* mardi */
    ck_assert_int_eq(pt_date_age(birth, d), 8);
    ck_assert_int_eq(pt_date_age(birth2, d), 9);
}
END_TEST

START_TEST(paris_time_follows_summer_time)
{
    /* 2026-03-29 00:59:59 UTC is 01:59:59 CET; 01:00:00 UTC is 03:00 CEST. */
    ck_assert_str_eq(pt_fr_datetime(unit_pool, 1774745999LL), "dimanche 29 mars 2026 à 1 h 59");
    ck_assert_str_eq(pt_fr_datetime(unit_pool, 1774746000LL), "dimanche 29 mars 2026 à 3 h 00");
    /* 2026-11-23 23:30 UTC is 00:30 on the 24th in Paris. */
    {
        pt_date d = pt_date_of_time(apr_time_from_sec(1795476600LL));
        ck_assert_str_eq(pt_date_iso(unit_pool, d), "2026-11-24");
    }
}
END_TEST

START_TEST(amounts_french)
{
    ck_assert_str_eq(pt_fr_amount(unit_pool, 1250), "12,50\xC2\xA0€");
    ck_assert_str_eq(pt_fr_amount(unit_pool, 5), "0,05\xC2\xA0€");
    ck_assert_str_eq(pt_fr_amount(unit_pool, 123456), "1\xE2\x80\xAF" "234,56\xC2\xA0€");
    ck_assert_str_eq(pt_fr_amount(unit_pool, -300), "−3,00\xC2\xA0€");
}
END_TEST

/* What the stylesheets and the journal read (issue 13): no ISO day, no HH:MM, no
 * « %ld ». */
START_TEST(values_read_french)
{
    char text[PT_FR_BUF], num[PT_FR_BUF];
    pt_date d = { 2026, 12, 3 };
    ck_assert_str_eq(pt_fr_date_num(unit_pool, d), "03/12/2026");
    ck_assert_int_eq(pt_fr_iso_date("2026-12-03", text, num), 1);
    ck_assert_str_eq(text, "jeudi 3 décembre 2026");
    ck_assert_str_eq(num, "03/12/2026");
    ck_assert_int_eq(pt_fr_iso_date("2026-02-30", text, num), 0);
    ck_assert_int_eq(pt_fr_iso_date("Mme Durand", text, num), 0);
    ck_assert_int_eq(pt_fr_iso_time("07:30", text), 1);
    ck_assert_str_eq(text, "7 h 30");
    ck_assert_int_eq(pt_fr_iso_time("24:00", text), 0);
    ck_assert_str_eq(pt_fr_time(unit_pool, "11:30"), "11 h 30");
    ck_assert_str_eq(pt_fr_time(unit_pool, "J-2"), "J-2");
    ck_assert_str_eq(pt_fr_weekdays(unit_pool, "1101100"), "lundi, mardi, jeudi, vendredi");
    ck_assert_str_eq(pt_fr_weekdays(unit_pool, "0000000"), "");
    ck_assert_str_eq(pt_fr_surcharge(unit_pool, 20, 0), "20 %");
    ck_assert_str_eq(pt_fr_surcharge(unit_pool, 0, 150), "1,50\xC2\xA0€");
    ck_assert_str_eq(pt_fr_surcharge(unit_pool, 0, 0), "");
    ck_assert_str_eq(pt_fr_euros(unit_pool, 3150000), "31\xE2\x80\xAF" "500\xC2\xA0€");
    ck_assert_str_eq(pt_fr_euros(unit_pool, 3150050), "31\xE2\x80\xAF" "500,50\xC2\xA0€");
}
END_TEST

Suite *unit_fr_suite(void)
{
    Suite *s = suite_create("fr");
    TCase *tc = tcase_create("fr");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, date_parse_is_strict);
    tcase_add_test(tc, date_long_french);
    tcase_add_test(tc, weekday_and_age);
    tcase_add_test(tc, paris_time_follows_summer_time);
    tcase_add_test(tc, amounts_french);
    tcase_add_test(tc, values_read_french);
    suite_add_tcase(s, tc);
    return s;
}
