/* pt_calendar — the calendar rules of booking activities (pure functions over APR).
 *
 * Civil dates only: no time zone, no apr_time_t.  Times of day are Europe/Paris wall
 * clock; turning an instant into (date, hour, minute) is the caller's job (pt_fr).
 *
 * Dates are the pt_date of pt_fr.h — the same struct, so that a file may include both
 * headers — valid from 1900-01-01 to 2199-12-31 like pt_date_valid().  A date may also be
 * a day number: days since 1970-01-01 (0 = 1970-01-01, negative before). */
#ifndef PT_CALENDAR_H
#define PT_CALENDAR_H

#include <apr_pools.h>
#include "domain/pt_fr.h"

/* --- Dates (parsing, validity, day numbers and ages are pt_fr's pt_date_*) ------------ */

/* d plus n days (n may be negative). */
pt_date pt_calendar_add_days(pt_date d, int n);
/* The Monday of d's ISO week (d itself when it is a Monday). */
pt_date pt_calendar_monday(pt_date d);
/* < 0, 0, > 0 as a is before, the same as, after b. */
int pt_calendar_compare(pt_date a, pt_date b);

/* --- Public holidays (metropolitan France, the 11 days of the Code du travail L3133-1) -- */

/* Easter Sunday of year y (Gregorian computus, Meeus/Jones/Butcher). */
pt_date pt_calendar_easter(int y);
/* 1 if d is a public holiday; *name (if name is not NULL) then gets its French name,
 * « Jour de l'an », « Lundi de Pâques », « Fête du Travail », « Victoire 1945 »,
 * « Ascension », « Lundi de Pentecôte », « Fête nationale », « Assomption »,
 * « Toussaint », « Armistice 1918 », « Noël ».  Alsace-Moselle's two extra days (Vendredi
 * saint, Saint-Étienne) are not holidays here: give them through the closed callback. */
int pt_calendar_is_holiday(pt_date d, const char **name);

/* A day the town says is closed (a closure, a « pont »): returns 1 for closed, else 0. */
typedef int (*pt_calendar_closed_fn)(void *ctx, pt_date d);

/* 1 if d is a working day: Monday to Friday, not a public holiday, and not closed by
 * `closed` (which may be NULL). */
int pt_calendar_is_working_day(pt_date d, pt_calendar_closed_fn closed, void *ctx);

/* --- Booking deadlines ---------------------------------------------------------------- */

/* A deadline rule, written by the town in its settings:
 *
 *     J-<n> [ouvrés] <h>:<mm>
 *
 *   <n>      0..366, the number of days before the slot's date;
 *   ouvrés   (or « ouvré », or ASCII « ouvres »/« ouvre ») counts working days (see
 *            pt_calendar_is_working_day) instead of calendar days;
 *   <h>:<mm> the time on that day, 0..23 in one or two digits, minutes in two digits.
 *
 * « J-2 10:00 », « J-1 18:00 », « J-0 09:30 », « J-7 00:00 », « J-2 ouvrés 10:00 ».  The
 * J may be lower case; words are separated by one or more spaces, spaces around the
 * whole are allowed; nothing else is (no « J+2 », no « 24:00 », no « 10h00 »). */
typedef struct pt_calendar_rule {
    int days;       /* 0..366 */
    int working;    /* 1: `days` counts working days; 0: calendar days */
    int hour;       /* 0..23 */
    int minute;     /* 0..59 */
} pt_calendar_rule;

/* A local wall-clock moment. */
typedef struct pt_calendar_moment {
    pt_date date;
    int hour, minute;
} pt_calendar_moment;

/* Returns 1 and fills *rule, or 0 when text is not a rule (NULL included). */
int pt_calendar_parse_rule(const char *text, pt_calendar_rule *rule);

/* The last moment to book or cancel a slot on date `slot`.  Calendar days: slot - days.
 * Working days: going back from slot, the days-th working day before it (J-2 ouvrés for a
 * Monday is the Thursday before; J-0 ouvrés is the slot's own date whatever it is).
 * `closed` may be NULL.  Returns 1, or 0 when no such day exists within three years (a
 * callback closing everything), in which case *out is not set. */
int pt_calendar_deadline(const pt_calendar_rule *rule, pt_date slot,
                         pt_calendar_closed_fn closed, void *ctx, pt_calendar_moment *out);

/* 1 if now (now_date at now_hour:now_minute) is strictly before the deadline of `slot`;
 * 0 at the deadline's very minute, after it, or when pt_calendar_deadline() fails. */
int pt_calendar_before_deadline(const pt_calendar_rule *rule, pt_date slot,
                                pt_date now_date, int now_hour, int now_minute,
                                pt_calendar_closed_fn closed, void *ctx);

/* --- Ages ----------------------------------------------------------------------------- */

/* 1 if age_min <= pt_date_age(birth, on) <= age_max; -1 for a bound means none.  0 when `on` is
 * before `birth`. */
int pt_calendar_age_in_range(pt_date birth, pt_date on, int age_min, int age_max);

#endif
