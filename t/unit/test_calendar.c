/* Calendar rules of booking activities: dates, French public holidays, deadlines, ages.
 * Expected values are written by hand from published calendars, never computed by the
 * code under test. */
#include <string.h>
#include <apr_strings.h>
#include "unit.h"
#include "domain/pt_calendar.h"


#define N(a) (sizeof(a) / sizeof((a)[0]))

static pt_date D(const char *iso)
{
    pt_date d = { 0, 0, 0 };
    ck_assert_msg(pt_date_parse(iso, &d), "bad date in the test: %s", iso);
    return d;
}

static const char *S(pt_date d)
{
    return pt_date_iso(unit_pool, d);
}

START_TEST(dates_parse_strictly)
{
    static const struct { const char *text; int ok; } t[] = {
        { "2024-02-29", 1 }, { "2025-12-31", 1 }, { "1900-01-01", 1 }, { "2199-12-31", 1 },
        { "2000-02-29", 1 },
        { "2025-02-30", 0 }, { "2025-13-01", 0 }, { "2023-02-29", 0 }, { "1900-02-29", 0 },
        { "2025-00-10", 0 }, { "2025-01-00", 0 }, { "2025-04-31", 0 }, { "2025-1-01", 0 },
        { "2025-01-01x", 0 }, { " 2025-01-01", 0 }, { "2025/01/01", 0 }, { "2O25-01-01", 0 },
        { "2025-01-1a", 0 }, { "+025-01-01", 0 }, { "1899-12-31", 0 }, { "2200-01-01", 0 },
        { "", 0 }, { NULL, 0 }
    };
    size_t i;
    for (i = 0; i < N(t); i++) {
        pt_date d = { 7, 7, 7 };
        int ok = pt_date_parse(t[i].text, &d);
        ck_assert_msg(ok == t[i].ok, "%s: %d", t[i].text ? t[i].text : "(null)", ok);
        if (ok) {
            ck_assert_str_eq(S(d), t[i].text);
        }
    }
    ck_assert(pt_date_valid(2024, 2, 29));
    ck_assert(!pt_date_valid(2100, 2, 29));
    ck_assert(!pt_date_valid(2025, 6, 31));
}
END_TEST

START_TEST(day_numbers_weekdays_and_weeks)
{
    static const struct { const char *date; int daynum, weekday; const char *monday; } t[] = {
        { "1970-01-01", 0, 4, "1969-12-29" },
        { "1969-12-31", -1, 3, "1969-12-29" },
        { "1900-01-01", -25567, 1, "1900-01-01" },
        { "2000-01-01", 10957, 6, "1999-12-27" },
        { "2024-02-29", 19782, 4, "2024-02-26" },
        { "2025-11-16", 20408, 7, "2025-11-10" },
        { "2025-11-17", 20409, 1, "2025-11-17" },
        { "2026-01-01", 20454, 4, "2025-12-29" },
        { "2199-12-31", 84005, 2, "2199-12-30" }
    };
    size_t i;
    int n;
    for (i = 0; i < N(t); i++) {
        pt_date d = D(t[i].date);
        ck_assert_msg(pt_date_days(d) == t[i].daynum, "%s", t[i].date);
        ck_assert_str_eq(S(pt_date_from_days(t[i].daynum)), t[i].date);
        ck_assert_msg((pt_date_weekday(d) + 1) == t[i].weekday, "%s", t[i].date);
        ck_assert_str_eq(S(pt_calendar_monday(d)), t[i].monday);
    }
    /* Every day of the supported range goes there and back, one day after the other. */
    for (n = pt_date_days(D("1900-01-01")); n <= pt_date_days(D("2199-12-31")); n++) {
        pt_date d = pt_date_from_days(n);
        ck_assert(pt_date_valid(d.y, d.m, d.d));
        ck_assert_int_eq(pt_date_days(d), n);
    }
}
END_TEST

START_TEST(add_days_and_month_lengths)
{
    static const struct { const char *from; int n; const char *to; } t[] = {
        { "2024-02-28", 1, "2024-02-29" }, { "2024-02-28", 2, "2024-03-01" },
        { "2025-02-28", 1, "2025-03-01" }, { "2025-03-01", -1, "2025-02-28" },
        { "2025-12-31", 1, "2026-01-01" }, { "2026-01-01", -1, "2025-12-31" },
        { "2025-11-17", 0, "2025-11-17" }, { "2025-01-01", 365, "2026-01-01" },
        { "2024-01-01", 366, "2025-01-01" }, { "2025-11-17", -7, "2025-11-10" }
    };
    static const struct { int y, m, len; } ml[] = {
        { 2025, 1, 31 }, { 2025, 2, 28 }, { 2024, 2, 29 }, { 2000, 2, 29 }, { 2100, 2, 28 },
        { 2025, 4, 30 }, { 2025, 6, 30 }, { 2025, 9, 30 }, { 2025, 11, 30 }, { 2025, 12, 31 },
        { 2025, 0, 0 }, { 2025, 13, 0 }
    };
    size_t i;
    for (i = 0; i < N(t); i++) {
        ck_assert_str_eq(S(pt_calendar_add_days(D(t[i].from), t[i].n)), t[i].to);
    }
    for (i = 0; i < N(ml); i++) {
        ck_assert_int_eq(pt_date_days_in_month(ml[i].y, ml[i].m), ml[i].len);
    }
    ck_assert_int_lt(pt_calendar_compare(D("2024-12-31"), D("2025-01-01")), 0);
    ck_assert_int_gt(pt_calendar_compare(D("2025-02-01"), D("2025-01-31")), 0);
    ck_assert_int_eq(pt_calendar_compare(D("2025-02-01"), D("2025-02-01")), 0);
}
END_TEST

/* Easter Sunday and the three days that follow it, 2024–2030, from published calendars. */
static const struct {
    int year;
    const char *easter, *monday, *ascension, *pentecost;
} movable[] = {
    { 2024, "2024-03-31", "2024-04-01", "2024-05-09", "2024-05-20" },
    { 2025, "2025-04-20", "2025-04-21", "2025-05-29", "2025-06-09" },
    { 2026, "2026-04-05", "2026-04-06", "2026-05-14", "2026-05-25" },
    { 2027, "2027-03-28", "2027-03-29", "2027-05-06", "2027-05-17" },
    { 2028, "2028-04-16", "2028-04-17", "2028-05-25", "2028-06-05" },
    { 2029, "2029-04-01", "2029-04-02", "2029-05-10", "2029-05-21" },
    { 2030, "2030-04-21", "2030-04-22", "2030-05-30", "2030-06-10" }
};

START_TEST(easter_sundays)
{
    size_t i;
    for (i = 0; i < N(movable); i++) {
        ck_assert_str_eq(S(pt_calendar_easter(movable[i].year)), movable[i].easter);
    }
    /* Near both ends of the possible range (22 March .. 25 April). */
    ck_assert_str_eq(S(pt_calendar_easter(2008)), "2008-03-23");
    ck_assert_str_eq(S(pt_calendar_easter(2038)), "2038-04-25");
}
END_TEST

static void holiday_is(const char *iso, const char *expected)
{
    const char *name = NULL;
    ck_assert_msg(pt_calendar_is_holiday(D(iso), &name), "%s should be %s", iso, expected);
    ck_assert_msg(name && !strcmp(name, expected), "%s: %s, not %s", iso,
                  name ? name : "(null)", expected);
}

START_TEST(holidays_2024_to_2030)
{
    static const struct { const char *mmdd, *name; } fixed[] = {
        { "01-01", "Jour de l'an" }, { "05-01", "Fête du Travail" },
        { "05-08", "Victoire 1945" }, { "07-14", "Fête nationale" },
        { "08-15", "Assomption" }, { "11-01", "Toussaint" },
        { "11-11", "Armistice 1918" }, { "12-25", "Noël" }
    };
    size_t i, j;
    for (i = 0; i < N(movable); i++) {
        pt_date d;
        int count = 0;
        holiday_is(movable[i].monday, "Lundi de Pâques");
        holiday_is(movable[i].ascension, "Ascension");
        holiday_is(movable[i].pentecost, "Lundi de Pentecôte");
        for (j = 0; j < N(fixed); j++) {
            holiday_is(apr_psprintf(unit_pool, "%d-%s", movable[i].year, fixed[j].mmdd),
                       fixed[j].name);
        }
        /* And nothing else: exactly the 11 legal days in the whole year. */
        for (d = D(apr_psprintf(unit_pool, "%d-01-01", movable[i].year));
             d.y == movable[i].year; d = pt_calendar_add_days(d, 1)) {
            count += pt_calendar_is_holiday(d, NULL);
        }
        ck_assert_msg(count == 11, "%d: %d holidays", movable[i].year, count);
    }
    /* 2008: Ascension on 1 May keeps the fixed name. */
    holiday_is("2008-05-01", "Fête du Travail");
}
END_TEST

START_TEST(days_that_are_not_holidays)
{
    static const char *const t[] = {
        "2025-04-20",   /* Easter Sunday itself is not one of the 11 */
        "2026-05-24",   /* nor Pentecost Sunday */
        "2025-04-18",   /* Vendredi saint: Alsace-Moselle only */
        "2025-12-26",   /* Saint-Étienne: Alsace-Moselle only */
        "2024-05-10",   /* the Friday after Ascension: a « pont », not a holiday */
        "2025-05-02", "2025-07-13", "2025-08-14", "2025-11-10", "2025-12-24",
        "2025-12-31", "2026-01-02", "2027-03-30", "2030-06-11"
    };
    size_t i;
    for (i = 0; i < N(t); i++) {
        const char *name = "unchanged";
        ck_assert_msg(!pt_calendar_is_holiday(D(t[i]), &name), "%s", t[i]);
        ck_assert_str_eq(name, "unchanged");
    }
}
END_TEST

START_TEST(rules_parse)
{
    static const struct { const char *text; int days, working, hour, minute; } ok[] = {
        { "J-2 10:00", 2, 0, 10, 0 },
        { "J-1 18:00", 1, 0, 18, 0 },
        { "J-0 09:30", 0, 0, 9, 30 },
        { "J-7 00:00", 7, 0, 0, 0 },
        { "J-2 ouvrés 10:00", 2, 1, 10, 0 },
        { "J-1 ouvré 18:00", 1, 1, 18, 0 },
        { "J-3 ouvres 8:05", 3, 1, 8, 5 },
        { "  j-10   ouvrés   23:59  ", 10, 1, 23, 59 },
        { "J-366 00:00", 366, 0, 0, 0 }
    };
    static const char *const bad[] = {
        "J+2 10:00", "J-2 25:00", "J-2 10:60", "", "J-abc", "J-2", "J-2 10", "J-2 10:0",
        "J-2 10:00 x", "J-2 10h00", "J-367 10:00", "J-0100 10:00", "J-2 24:00",
        "J-2 ouvrables 10:00", "J -2 10:00", "J-2ouvrés 10:00", "J-2 ouvrés10:00",
        "J-2 ouvrés ouvrés 10:00", "J-2 -1:00", "X-2 10:00", "J-2 10:00:00", "J-2 ouvrés",
        "J- 10:00", "J-2 1O:00"
    };
    size_t i;
    for (i = 0; i < N(ok); i++) {
        pt_calendar_rule r;
        ck_assert_msg(pt_calendar_parse_rule(ok[i].text, &r), "« %s »", ok[i].text);
        ck_assert_int_eq(r.days, ok[i].days);
        ck_assert_int_eq(r.working, ok[i].working);
        ck_assert_int_eq(r.hour, ok[i].hour);
        ck_assert_int_eq(r.minute, ok[i].minute);
    }
    for (i = 0; i < N(bad); i++) {
        pt_calendar_rule r = { 99, 99, 99, 99 };
        ck_assert_msg(!pt_calendar_parse_rule(bad[i], &r), "« %s » accepted", bad[i]);
        ck_assert_int_eq(r.days, 99);
    }
    {
        pt_calendar_rule r;
        ck_assert(!pt_calendar_parse_rule(NULL, &r));
    }
}
END_TEST

/* A town closure: every day from `from` to `to`, both included. */
typedef struct { const char *from, *to; } closure;

static int closed_between(void *ctx, pt_date d)
{
    const closure *c = ctx;
    return pt_calendar_compare(d, D(c->from)) >= 0 && pt_calendar_compare(d, D(c->to)) <= 0;
}

static int closed_always(void *ctx, pt_date d)
{
    (void)ctx;
    (void)d;
    return 1;
}

START_TEST(deadlines)
{
    static const closure christmas = { "2025-12-22", "2026-01-02" };
    static const closure friday = { "2025-11-14", "2025-11-14" };
    static const closure bridge = { "2026-05-15", "2026-05-15" };   /* after Ascension */
    static const struct {
        const char *rule, *slot;
        const closure *closed;
        const char *date;
        int hour, minute;
    } t[] = {
        /* Monday 17 November 2025, an ordinary week. */
        { "J-2 10:00", "2025-11-17", NULL, "2025-11-15", 10, 0 },           /* Saturday */
        { "J-2 ouvrés 10:00", "2025-11-17", NULL, "2025-11-13", 10, 0 },    /* Thursday */
        { "J-1 18:00", "2025-11-17", NULL, "2025-11-16", 18, 0 },
        { "J-1 ouvré 18:00", "2025-11-17", NULL, "2025-11-14", 18, 0 },
        { "J-0 09:30", "2025-11-17", NULL, "2025-11-17", 9, 30 },
        { "J-0 ouvrés 09:30", "2025-11-16", NULL, "2025-11-16", 9, 30 },    /* a Sunday */
        { "J-7 00:00", "2025-11-17", NULL, "2025-11-10", 0, 0 },
        /* Tuesday 11 November 2025, Armistice. */
        { "J-2 10:00", "2025-11-13", NULL, "2025-11-11", 10, 0 },
        { "J-2 ouvrés 10:00", "2025-11-13", NULL, "2025-11-10", 10, 0 },
        { "J-1 ouvrés 10:00", "2025-11-12", NULL, "2025-11-10", 10, 0 },
        { "J-2 ouvrés 10:00", "2025-11-12", NULL, "2025-11-07", 10, 0 },
        { "J-2 ouvrés 10:00", "2025-11-11", NULL, "2025-11-07", 10, 0 },
        /* Ascension, Pentecost Monday, the turn of the year. */
        { "J-2 ouvrés 10:00", "2025-06-02", NULL, "2025-05-28", 10, 0 },
        { "J-1 ouvrés 12:00", "2025-06-10", NULL, "2025-06-06", 12, 0 },
        { "J-2 ouvrés 10:00", "2026-01-02", NULL, "2025-12-30", 10, 0 },
        { "J-5 ouvrés 12:00", "2026-01-02", NULL, "2025-12-24", 12, 0 },
        /* Town closures. */
        { "J-2 ouvrés 10:00", "2025-11-17", &friday, "2025-11-12", 10, 0 },
        { "J-2 ouvrés 10:00", "2026-05-18", &bridge, "2026-05-12", 10, 0 },
        { "J-2 10:00", "2026-05-18", &bridge, "2026-05-16", 10, 0 },        /* ignored */
        { "J-2 ouvrés 10:00", "2026-01-05", &christmas, "2025-12-18", 10, 0 },
        { "J-0 ouvrés 10:00", "2026-01-02", &christmas, "2026-01-02", 10, 0 }
    };
    size_t i;
    for (i = 0; i < N(t); i++) {
        pt_calendar_rule r;
        pt_calendar_moment m;
        ck_assert(pt_calendar_parse_rule(t[i].rule, &r));
        ck_assert(pt_calendar_deadline(&r, D(t[i].slot), t[i].closed ? closed_between : NULL,
                                       (void *)t[i].closed, &m));
        ck_assert_msg(!strcmp(S(m.date), t[i].date) && m.hour == t[i].hour
                      && m.minute == t[i].minute, "%s for %s: %s %02d:%02d, not %s",
                      t[i].rule, t[i].slot, S(m.date), m.hour, m.minute, t[i].date);
    }
}
END_TEST

START_TEST(deadline_never_reached)
{
    pt_calendar_rule r;
    pt_calendar_moment m = { { 1, 1, 1 }, 1, 1 };
    ck_assert(pt_calendar_parse_rule("J-1 ouvrés 10:00", &r));
    ck_assert(!pt_calendar_deadline(&r, D("2025-11-17"), closed_always, NULL, &m));
    ck_assert_int_eq(m.date.y, 1);
    ck_assert(!pt_calendar_before_deadline(&r, D("2025-11-17"), D("2020-01-01"), 0, 0,
                                           closed_always, NULL));
    /* J-0 needs no working day at all. */
    ck_assert(pt_calendar_parse_rule("J-0 ouvrés 10:00", &r));
    ck_assert(pt_calendar_deadline(&r, D("2025-11-17"), closed_always, NULL, &m));
    ck_assert_str_eq(S(m.date), "2025-11-17");
}
END_TEST

START_TEST(before_deadline)
{
    static const struct {
        const char *rule, *slot, *now;
        int hour, minute, before;
    } t[] = {
        { "J-2 10:00", "2025-11-17", "2025-11-15", 10, 0, 0 },     /* the very minute */
        { "J-2 10:00", "2025-11-17", "2025-11-15", 9, 59, 1 },     /* one minute earlier */
        { "J-2 10:00", "2025-11-17", "2025-11-15", 10, 1, 0 },
        { "J-2 10:00", "2025-11-17", "2025-11-14", 23, 59, 1 },
        { "J-2 10:00", "2025-11-17", "2025-11-16", 0, 0, 0 },
        { "J-2 10:00", "2025-11-17", "2025-11-17", 8, 0, 0 },
        { "J-2 10:00", "2025-11-17", "2025-10-31", 12, 0, 1 },
        { "J-2 10:00", "2025-11-17", "2024-12-31", 23, 59, 1 },
        { "J-2 ouvrés 10:00", "2025-11-17", "2025-11-13", 9, 59, 1 },
        { "J-2 ouvrés 10:00", "2025-11-17", "2025-11-13", 10, 0, 0 },
        { "J-2 ouvrés 10:00", "2025-11-17", "2025-11-14", 8, 0, 0 },
        { "J-0 00:00", "2025-11-17", "2025-11-16", 23, 59, 1 },
        { "J-0 00:00", "2025-11-17", "2025-11-17", 0, 0, 0 },
        { "J-0 09:30", "2025-11-17", "2025-11-17", 9, 29, 1 },
        { "J-0 09:30", "2025-11-17", "2025-11-17", 9, 30, 0 }
    };
    size_t i;
    for (i = 0; i < N(t); i++) {
        pt_calendar_rule r;
        ck_assert(pt_calendar_parse_rule(t[i].rule, &r));
        ck_assert_msg(pt_calendar_before_deadline(&r, D(t[i].slot), D(t[i].now), t[i].hour,
                                                  t[i].minute, NULL, NULL) == t[i].before,
                      "%s for %s at %s %02d:%02d", t[i].rule, t[i].slot, t[i].now,
                      t[i].hour, t[i].minute);
    }
}
END_TEST

START_TEST(ages)
{
    static const struct { const char *birth, *on; int age; } t[] = {
        { "2017-11-25", "2026-11-24", 8 }, { "2017-11-25", "2026-11-25", 9 },
        { "2017-11-25", "2026-11-26", 9 }, { "2015-12-31", "2025-12-30", 9 },
        { "2015-12-31", "2025-12-31", 10 }, { "2020-01-01", "2020-01-01", 0 },
        { "2020-01-01", "2019-12-31", -1 },
        /* Born on 29 February: birthday on 1 March in common years. */
        { "2016-02-29", "2025-02-28", 8 }, { "2016-02-29", "2025-03-01", 9 },
        { "2016-02-29", "2024-02-28", 7 }, { "2016-02-29", "2024-02-29", 8 },
        { "2016-02-29", "2020-02-29", 4 }, { "2016-02-29", "2016-02-29", 0 },
        { "2016-02-29", "2017-02-28", 0 }, { "2016-02-29", "2017-03-01", 1 },
        { "2000-03-01", "2024-02-29", 23 }, { "2000-03-01", "2024-03-01", 24 },
        { "2000-03-01", "2025-02-28", 24 }
    };
    static const struct { const char *birth, *on; int min, max, in; } r[] = {
        { "2019-06-15", "2025-06-14", 6, 11, 0 },   /* 5 the day before */
        { "2019-06-15", "2025-06-15", 6, 11, 1 },   /* 6 on the day */
        { "2013-06-15", "2025-06-14", 6, 11, 1 },   /* still 11 */
        { "2013-06-15", "2025-06-15", 6, 11, 0 },   /* 12 */
        { "2022-01-10", "2025-06-15", -1, 11, 1 },
        { "1985-01-10", "2025-06-15", 6, -1, 1 },
        { "1985-01-10", "2025-06-15", -1, -1, 1 },
        { "2022-01-10", "2025-06-15", 6, -1, 0 },
        { "2026-01-10", "2025-06-15", -1, -1, 0 }   /* not born yet */
    };
    size_t i;
    for (i = 0; i < N(t); i++) {
        ck_assert_msg(pt_date_age(D(t[i].birth), D(t[i].on)) == t[i].age,
                      "born %s, on %s", t[i].birth, t[i].on);
    }
    for (i = 0; i < N(r); i++) {
        ck_assert_msg(pt_calendar_age_in_range(D(r[i].birth), D(r[i].on), r[i].min, r[i].max)
                      == r[i].in, "born %s, on %s, %d..%d", r[i].birth, r[i].on,
                      r[i].min, r[i].max);
    }
}
END_TEST

Suite *unit_calendar_suite(void)
{
    Suite *s = suite_create("calendar");
    TCase *tc = tcase_create("calendar");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, dates_parse_strictly);
    tcase_add_test(tc, day_numbers_weekdays_and_weeks);
    tcase_add_test(tc, add_days_and_month_lengths);
    tcase_add_test(tc, easter_sundays);
    tcase_add_test(tc, holidays_2024_to_2030);
    tcase_add_test(tc, days_that_are_not_holidays);
    tcase_add_test(tc, rules_parse);
    tcase_add_test(tc, deadlines);
    tcase_add_test(tc, deadline_never_reached);
    tcase_add_test(tc, before_deadline);
    tcase_add_test(tc, ages);
    suite_add_tcase(s, tc);
    return s;
}
