/* pt_calendar — calendar rules of booking activities.  See pt_calendar.h.  No I/O, no
 * locale, no time zone: the same answers on every server. */
#include <string.h>
#include <apr_strings.h>
#include "domain/pt_calendar.h"

/* Three years: further back than any closure a town could decide, so that a callback
 * closing every day ends in an error rather than a loop. */
#define PT_CALENDAR_MAX_STEPS (3 * 366)

/* n decimal digits at s, or -1 if one of them is not a digit. */
static int pt_calendar_digits(const char *s, int n)
{
    int v = 0;
    for (; n > 0; n--, s++) {
        if (*s < '0' || *s > '9') {
            return -1;
        }
        v = v * 10 + (*s - '0');
    }
    return v;
}

pt_date pt_calendar_add_days(pt_date d, int n)
{
    return pt_date_from_days((int)pt_date_days(d) + n);
}

pt_date pt_calendar_monday(pt_date d)
{
    return pt_calendar_add_days(d, 1 - (pt_date_weekday(d) + 1));
}

int pt_calendar_compare(pt_date a, pt_date b)
{
    if (a.y != b.y) {
        return a.y < b.y ? -1 : 1;
    }
    if (a.m != b.m) {
        return a.m < b.m ? -1 : 1;
    }
    return a.d < b.d ? -1 : a.d > b.d;
}

/* --- Public holidays ------------------------------------------------------------------ */

pt_date pt_calendar_easter(int y)
{
    /* Meeus/Jones/Butcher: a is the place in the 19-year Metonic cycle, h the epact-like
     * age of the Paschal full moon, l the days from it to the next Sunday. */
    int a = y % 19, b = y / 100, c = y % 100;
    int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    pt_date easter;
    easter.y = y;
    easter.m = (h + l - 7 * m + 114) / 31;
    easter.d = (h + l - 7 * m + 114) % 31 + 1;
    return easter;
}

static const struct {
    int m, d;
    const char *name;
} pt_calendar_fixed[] = {
    { 1, 1, "Jour de l'an" },
    { 5, 1, "Fête du Travail" },
    { 5, 8, "Victoire 1945" },
    { 7, 14, "Fête nationale" },
    { 8, 15, "Assomption" },
    { 11, 1, "Toussaint" },
    { 11, 11, "Armistice 1918" },
    { 12, 25, "Noël" }
};

/* Holidays that move with Easter, in days after Easter Sunday. */
static const struct {
    int offset;
    const char *name;
} pt_calendar_movable[] = {
    { 1, "Lundi de Pâques" },
    { 39, "Ascension" },
    { 50, "Lundi de Pentecôte" }
};

int pt_calendar_is_holiday(pt_date d, const char **name)
{
    size_t i;
    int since_easter;
    if (!pt_date_valid(d.y, d.m, d.d)) {
        return 0;
    }
    /* Fixed days first: when Ascension falls on 1 or 8 May (2008, 2031…) the day keeps
     * its fixed name, as calendars print it. */
    for (i = 0; i < sizeof(pt_calendar_fixed) / sizeof(pt_calendar_fixed[0]); i++) {
        if (pt_calendar_fixed[i].m == d.m && pt_calendar_fixed[i].d == d.d) {
            if (name) {
                *name = pt_calendar_fixed[i].name;
            }
            return 1;
        }
    }
    /* Easter-based days lie between 23 March and 14 June: skip the computus otherwise. */
    if (d.m < 3 || d.m > 6) {
        return 0;
    }
    since_easter = (int)pt_date_days(d) - (int)pt_date_days(pt_calendar_easter(d.y));
    for (i = 0; i < sizeof(pt_calendar_movable) / sizeof(pt_calendar_movable[0]); i++) {
        if (pt_calendar_movable[i].offset == since_easter) {
            if (name) {
                *name = pt_calendar_movable[i].name;
            }
            return 1;
        }
    }
    return 0;
}

int pt_calendar_is_working_day(pt_date d, pt_calendar_closed_fn closed, void *ctx)
{
    return (pt_date_weekday(d) + 1) <= 5 && !pt_calendar_is_holiday(d, NULL)
           && !(closed && closed(ctx, d));
}

/* --- Booking deadlines ---------------------------------------------------------------- */

static const char *pt_calendar_spaces(const char *s)
{
    while (*s == ' ') {
        s++;
    }
    return s;
}

/* The word « ouvrés » and the spellings a town may type: singular for J-1, and without
 * the accent from a keyboard that has none.  Returns the text after it, or NULL. */
static const char *pt_calendar_working_word(const char *s)
{
    static const char *const words[] = {
        "ouvr\xC3\xA9s", "ouvr\xC3\xA9", "ouvres", "ouvre"
    };
    size_t i;
    for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        size_t n = strlen(words[i]);
        /* The longest spelling is tried first; the word must end at a space. */
        if (!strncmp(s, words[i], n) && s[n] == ' ') {
            return s + n;
        }
    }
    return NULL;
}

int pt_calendar_parse_rule(const char *text, pt_calendar_rule *rule)
{
    pt_calendar_rule r = { 0, 0, 0, 0 };
    const char *s, *after;
    int n;
    if (!text) {
        return 0;
    }
    s = pt_calendar_spaces(text);
    if ((*s != 'J' && *s != 'j') || s[1] != '-') {
        return 0;
    }
    s += 2;
    /* Up to three digits: J-366 is a year ahead, more is a typing mistake. */
    for (n = 0; n < 3 && *s >= '0' && *s <= '9'; n++, s++) {
        r.days = r.days * 10 + (*s - '0');
    }
    if (n == 0 || r.days > 366 || *s != ' ') {
        return 0;
    }
    s = pt_calendar_spaces(s);
    if ((after = pt_calendar_working_word(s)) != NULL) {
        r.working = 1;
        s = pt_calendar_spaces(after);
    }
    /* h:mm or hh:mm */
    if (s[0] >= '0' && s[0] <= '9' && s[1] == ':') {
        r.hour = s[0] - '0';
        s += 2;
    }
    else if ((r.hour = pt_calendar_digits(s, 2)) >= 0 && s[2] == ':') {
        s += 3;
    }
    else {
        return 0;
    }
    r.minute = pt_calendar_digits(s, 2);
    if (r.hour > 23 || r.minute < 0 || r.minute > 59) {
        return 0;
    }
    if (*pt_calendar_spaces(s + 2) != '\0') {
        return 0;
    }
    *rule = r;
    return 1;
}

int pt_calendar_deadline(const pt_calendar_rule *rule, pt_date slot,
                         pt_calendar_closed_fn closed, void *ctx, pt_calendar_moment *out)
{
    int day = (int)pt_date_days(slot);
    if (!rule || rule->days < 0 || !pt_date_valid(slot.y, slot.m, slot.d)) {
        return 0;
    }
    if (!rule->working) {
        day -= rule->days;
    }
    else {
        /* Step back one day at a time and count only working days: the slot's own date
         * never counts, it is the day of the activity, not a day to prepare it. */
        int left = rule->days, steps = 0;
        while (left > 0) {
            if (++steps > PT_CALENDAR_MAX_STEPS + rule->days) {
                return 0;
            }
            day--;
            if (pt_calendar_is_working_day(pt_date_from_days(day), closed, ctx)) {
                left--;
            }
        }
    }
    out->date = pt_date_from_days(day);
    out->hour = rule->hour;
    out->minute = rule->minute;
    return 1;
}

int pt_calendar_before_deadline(const pt_calendar_rule *rule, pt_date slot,
                                pt_date now_date, int now_hour, int now_minute,
                                pt_calendar_closed_fn closed, void *ctx)
{
    pt_calendar_moment dl;
    int c;
    /* Fail closed: a deadline that cannot be computed is a deadline already passed. */
    if (!pt_calendar_deadline(rule, slot, closed, ctx, &dl)) {
        return 0;
    }
    c = pt_calendar_compare(now_date, dl.date);
    if (c != 0) {
        return c < 0;
    }
    /* Minutes of the day: « 10:00 » means bookings close as 10:00 begins. */
    return now_hour * 60 + now_minute < dl.hour * 60 + dl.minute;
}

/* --- Ages ----------------------------------------------------------------------------- */

int pt_calendar_age_in_range(pt_date birth, pt_date on, int age_min, int age_max)
{
    int age = pt_date_age(birth, on);
    if (age < 0) {
        return 0;
    }
    return (age_min < 0 || age >= age_min) && (age_max < 0 || age <= age_max);
}
