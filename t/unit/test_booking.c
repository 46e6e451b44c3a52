/* The rules of a day's booking, absence and cancellation, and the digest's windows.
 * Each line of a table is one situation a family meets; the expected outcome is written
 * by hand from SPEC §4–§6. */
#include <string.h>
#include <apr_strings.h>
#include "unit.h"
#include "domain/pt_booking.h"
#include "domain/pt_digest.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *S(const char *s)
{
    return s ? s : "(refus)";
}

/* past open enrolled status before_deadline before_cancel full | late validation waiting
 * -> status why surcharge takes_place */
static const struct {
    const char *what;
    pt_booking_day d;
    pt_booking_rules r;
    pt_booking_outcome o;
} reserve_cases[] = {
    { "ordinary day",            { 0, 1, 1, NULL, 1, 1, 0 }, { 0, 0, 0 }, { "reserve", NULL, 0, 1 } },
    { "cancelled before",        { 0, 1, 1, "annule", 1, 1, 0 }, { 0, 0, 0 }, { "reserve", NULL, 0, 1 } },
    { "validation required",     { 0, 1, 1, NULL, 1, 1, 0 }, { 0, 1, 0 }, { "en_attente", NULL, 0, 1 } },
    { "past day",                { 1, 1, 1, NULL, 1, 1, 0 }, { 1, 0, 1 }, { NULL, "passe", 0, 0 } },
    { "closed day",              { 0, 0, 1, NULL, 1, 1, 0 }, { 0, 0, 0 }, { NULL, "ferme", 0, 0 } },
    { "not enrolled",            { 0, 1, 0, NULL, 1, 1, 0 }, { 0, 0, 0 }, { NULL, "non_inscrit", 0, 0 } },
    { "already booked",          { 0, 1, 1, "reserve", 1, 1, 0 }, { 0, 0, 0 }, { NULL, "deja", 0, 0 } },
    { "already waiting",         { 0, 1, 1, "liste_attente", 1, 1, 1 }, { 0, 0, 1 }, { NULL, "deja", 0, 0 } },
    { "absence asked",           { 0, 1, 1, "absence_demandee", 1, 1, 0 }, { 0, 0, 0 }, { NULL, "deja", 0, 0 } },
    { "late, refused",           { 0, 1, 1, NULL, 0, 0, 0 }, { 0, 0, 0 }, { NULL, "delai", 0, 0 } },
    { "late, surcharge",         { 0, 1, 1, NULL, 0, 0, 0 }, { 1, 0, 0 }, { "reserve", NULL, 1, 1 } },
    { "late, surcharge, valid.", { 0, 1, 1, NULL, 0, 0, 0 }, { 1, 1, 0 }, { "en_attente", NULL, 1, 1 } },
    { "full, no waiting list",   { 0, 1, 1, NULL, 1, 1, 1 }, { 0, 0, 0 }, { NULL, "complet", 0, 0 } },
    { "full, waiting list",      { 0, 1, 1, NULL, 1, 1, 1 }, { 0, 0, 1 }, { "liste_attente", NULL, 0, 0 } },
    { "full, late, refused",     { 0, 1, 1, NULL, 0, 0, 1 }, { 0, 0, 1 }, { NULL, "delai", 0, 0 } },
    { "full, late, surcharge",   { 0, 1, 1, NULL, 0, 0, 1 }, { 1, 0, 1 }, { "liste_attente", NULL, 1, 0 } },
    { "closed beats enrolment",  { 0, 0, 0, NULL, 0, 0, 1 }, { 0, 0, 0 }, { NULL, "ferme", 0, 0 } },
};

static const struct {
    const char *what;
    pt_booking_day d;
    pt_booking_outcome o;
} absence_cases[] = {
    { "reserved day",        { 0, 1, 1, "reserve", 0, 0, 0 }, { "absence_demandee", NULL, 0, 1 } },
    { "after every deadline", { 0, 1, 1, "reserve", 0, 0, 1 }, { "absence_demandee", NULL, 0, 1 } },
    { "not booked",          { 0, 1, 1, NULL, 1, 1, 0 }, { NULL, "non_reserve", 0, 0 } },
    { "cancelled",           { 0, 1, 1, "annule", 1, 1, 0 }, { NULL, "non_reserve", 0, 0 } },
    { "waiting list",        { 0, 1, 1, "liste_attente", 1, 1, 0 }, { NULL, "non_reserve", 0, 0 } },
    { "pending validation",  { 0, 1, 1, "en_attente", 1, 1, 0 }, { NULL, "non_reserve", 0, 0 } },
    { "twice",               { 0, 1, 1, "absence_demandee", 1, 1, 0 }, { NULL, "deja", 0, 0 } },
    { "past day",            { 1, 1, 1, "reserve", 0, 0, 0 }, { NULL, "passe", 0, 0 } },
};

static const struct {
    const char *what;
    pt_booking_day d;
    pt_booking_outcome o;
} cancel_cases[] = {
    { "before the deadline", { 0, 1, 1, "reserve", 0, 1, 0 }, { "annule", NULL, 0, 0 } },
    { "after the deadline",  { 0, 1, 1, "reserve", 1, 0, 0 }, { NULL, "non_annulable", 0, 0 } },
    { "pending validation",  { 0, 1, 1, "en_attente", 0, 0, 0 }, { "annule", NULL, 0, 0 } },
    { "waiting list",        { 0, 1, 1, "liste_attente", 0, 0, 1 }, { "annule", NULL, 0, 0 } },
    { "not booked",          { 0, 1, 1, NULL, 1, 1, 0 }, { NULL, "non_reserve", 0, 0 } },
    { "absence asked",       { 0, 1, 1, "absence_demandee", 1, 1, 0 }, { NULL, "non_reserve", 0, 0 } },
    { "past day",            { 1, 1, 1, "reserve", 1, 1, 0 }, { NULL, "passe", 0, 0 } },
};

static void check_outcome(const char *what, pt_booking_outcome got, pt_booking_outcome want)
{
    ck_assert_msg((got.status == NULL) == (want.status == NULL)
                  && (!got.status || !strcmp(got.status, want.status)),
                  "%s: status %s, expected %s", what, S(got.status), S(want.status));
    ck_assert_msg((got.why == NULL) == (want.why == NULL)
                  && (!got.why || !strcmp(got.why, want.why)),
                  "%s: reason %s, expected %s", what, S(got.why), S(want.why));
    ck_assert_msg(got.surcharge == want.surcharge, "%s: surcharge %d", what, got.surcharge);
    ck_assert_msg(got.takes_place == want.takes_place, "%s: place %d", what, got.takes_place);
}

START_TEST(reservation_rules)
{
    size_t i;
    for (i = 0; i < N(reserve_cases); i++) {
        check_outcome(reserve_cases[i].what, pt_booking_reserve(&reserve_cases[i].d,
                                                                &reserve_cases[i].r),
                      reserve_cases[i].o);
    }
}
END_TEST

START_TEST(absence_rules)
{
    size_t i;
    for (i = 0; i < N(absence_cases); i++) {
        check_outcome(absence_cases[i].what, pt_booking_absence(&absence_cases[i].d),
                      absence_cases[i].o);
    }
}
END_TEST

START_TEST(cancellation_rules)
{
    size_t i;
    for (i = 0; i < N(cancel_cases); i++) {
        check_outcome(cancel_cases[i].what, pt_booking_cancel(&cancel_cases[i].d),
                      cancel_cases[i].o);
    }
}
END_TEST

START_TEST(places)
{
    static const struct { const char *s; int holds, booked; } t[] = {
        { "reserve", 1, 1 }, { "en_attente", 1, 1 }, { "absence_demandee", 1, 1 },
        { "present", 1, 1 }, { "absent", 1, 1 }, { "excuse", 1, 1 },
        { "liste_attente", 0, 1 }, { "annule", 0, 0 }, { "", 0, 0 }, { NULL, 0, 0 },
    };
    size_t i;
    for (i = 0; i < N(t); i++) {
        ck_assert_msg(pt_booking_holds_place(t[i].s) == t[i].holds, "%s", S(t[i].s));
        ck_assert_msg(pt_booking_is_booked(t[i].s) == t[i].booked, "%s", S(t[i].s));
    }
}
END_TEST

static pt_date D(const char *iso)
{
    pt_date d = { 0, 0, 0 };
    ck_assert_msg(pt_date_parse(iso, &d), "bad date in the test: %s", iso);
    return d;
}

START_TEST(paris_wall_clock)
{
    /* Unix times read from `TZ=Europe/Paris date -d '…' +%s`. */
    static const struct { const char *day; int h, m; long long at; } t[] = {
        { "2026-11-24", 13, 0, 1795521600LL },   /* winter, +1 h */
        { "2026-07-14", 18, 0, 1784044800LL },                   /* summer, +2 h */
        { "2026-03-29", 3, 0, 1774746000LL },                    /* the first hour of summer */
        { "2026-10-25", 1, 30, 1792884600LL },                   /* before the change */
        { "2027-01-01", 0, 0, 1798758000LL },
    };
    size_t i;
    for (i = 0; i < N(t); i++) {
        pt_date d;
        int h, m;
        ck_assert_msg(pt_fr_instant(D(t[i].day), t[i].h, t[i].m) == t[i].at,
                      "%s %d:%02d: %lld", t[i].day, t[i].h, t[i].m,
                      pt_fr_instant(D(t[i].day), t[i].h, t[i].m));
        pt_fr_local(t[i].at, &d, &h, &m);
        ck_assert_str_eq(pt_date_iso(unit_pool, d), t[i].day);
        ck_assert_int_eq(h, t[i].h);
        ck_assert_int_eq(m, t[i].m);
    }
}
END_TEST

START_TEST(digest_windows)
{
    static const struct { const char *day; int h, m; const char *last, *previous; } t[] = {
        { "2026-11-24", 13, 0, "2026-11-24 13:00", "2026-11-23 18:00" },
        { "2026-11-24", 13, 59, "2026-11-24 13:00", "2026-11-23 18:00" },
        { "2026-11-24", 12, 59, "2026-11-23 18:00", "2026-11-23 13:00" },
        { "2026-11-24", 18, 0, "2026-11-24 18:00", "2026-11-24 13:00" },
        { "2026-11-24", 23, 59, "2026-11-24 18:00", "2026-11-24 13:00" },
        { "2026-11-24", 0, 0, "2026-11-23 18:00", "2026-11-23 13:00" },
        { "2027-01-01", 9, 0, "2026-12-31 18:00", "2026-12-31 13:00" },
    };
    size_t i;
    for (i = 0; i < N(t); i++) {
        pt_digest_window w = pt_digest_last(D(t[i].day), t[i].h, t[i].m);
        ck_assert_str_eq(pt_digest_name(unit_pool, w), t[i].last);
        ck_assert_str_eq(pt_digest_name(unit_pool, pt_digest_previous(w)), t[i].previous);
        ck_assert_int_lt(pt_digest_compare(pt_digest_previous(w), w), 0);
        ck_assert_int_eq(pt_digest_compare(w, w), 0);
    }
}
END_TEST

START_TEST(digest_windows_tile_time)
{
    /* 13:00 window: 18:00 the day before (17:00 UTC in winter) to 13:00; 18:00 window:
     * 13:00 to 18:00; each one starts where the one before ends. */
    pt_digest_window w = pt_digest_last(D("2026-11-24"), 13, 0);
    long long s, e, s2, e2;
    pt_digest_bounds(w, &s, &e);
    ck_assert_int_eq(e - s, 19 * 3600);
    ck_assert_int_eq(e, pt_fr_instant(D("2026-11-24"), 13, 0));
    pt_digest_bounds(pt_digest_last(D("2026-11-24"), 18, 5), &s2, &e2);
    ck_assert_int_eq(s2, e);
    ck_assert_int_eq(e2 - s2, 5 * 3600);
    /* Across the change to summer time the night window is an hour shorter. */
    pt_digest_bounds(pt_digest_last(D("2026-03-29"), 13, 0), &s, &e);
    ck_assert_int_eq(e - s, 18 * 3600);
}
END_TEST

Suite *unit_booking_suite(void)
{
    Suite *s = suite_create("booking");
    TCase *tc = tcase_create("booking");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, reservation_rules);
    tcase_add_test(tc, absence_rules);
    tcase_add_test(tc, cancellation_rules);
    tcase_add_test(tc, places);
    tcase_add_test(tc, paris_wall_clock);
    tcase_add_test(tc, digest_windows);
    tcase_add_test(tc, digest_windows_tile_time);
    suite_add_tcase(s, tc);
    return s;
}
