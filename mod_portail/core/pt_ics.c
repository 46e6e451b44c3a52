/* pt_ics — iCalendar output.  See pt_ics.h. */
#include <string.h>
#include <time.h>
#include <apr_strings.h>
#include <apr_tables.h>
#include "core/pt_ics.h"

struct pt_ics {
    apr_pool_t *pool;
    apr_array_header_t *out;
};

static void pt_ics_bytes(pt_ics *c, const char *s, apr_size_t n)
{
    apr_size_t i;
    for (i = 0; i < n; i++) {
        *(char *)apr_array_push(c->out) = s[i];
    }
}

/* One content line, folded: at most 75 octets a line, continuation lines starting with
 * a space, never inside a UTF-8 sequence. */
static void pt_ics_line(pt_ics *c, const char *line)
{
    apr_size_t len = strlen(line), pos = 0, room = 75;
    while (len - pos > room) {
        apr_size_t cut = pos + room;
        while (cut > pos && ((unsigned char)line[cut] & 0xC0) == 0x80) {
            cut--;
        }
        /* Not UTF-8 (no character starts in the line): cut anyway, never loop. */
        if (cut == pos) {
            cut = pos + room;
        }
        pt_ics_bytes(c, line + pos, cut - pos);
        pt_ics_bytes(c, "\r\n ", 3);
        pos = cut;
        room = 74;
    }
    pt_ics_bytes(c, line + pos, len - pos);
    pt_ics_bytes(c, "\r\n", 2);
}

/* A TEXT value: backslash, semicolon, comma and newlines escaped. */
static const char *pt_ics_escape(apr_pool_t *p, const char *s)
{
    char *out = apr_palloc(p, 2 * strlen(s ? s : "") + 1), *o = out;
    for (; s && *s; s++) {
        if (*s == '\\' || *s == ';' || *s == ',') {
            *o++ = '\\';
            *o++ = *s;
        }
        else if (*s == '\n') {
            *o++ = '\\';
            *o++ = 'n';
        }
        else if (*s != '\r') {
            *o++ = *s;
        }
    }
    *o = '\0';
    return out;
}

pt_ics *pt_ics_new(apr_pool_t *p, const char *name)
{
    static const char *const head[] = {
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//mod_portail//Portail Famille//FR",
        "CALSCALE:GREGORIAN", "METHOD:PUBLISH", NULL
    };
    static const char *const tz[] = {
        "BEGIN:VTIMEZONE", "TZID:Europe/Paris",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST",
        "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET",
        "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE", NULL
    };
    pt_ics *c = apr_pcalloc(p, sizeof(*c));
    const char *const *l;
    c->pool = p;
    c->out = apr_array_make(p, 8192, 1);
    for (l = head; *l; l++) {
        pt_ics_line(c, *l);
    }
    pt_ics_line(c, apr_pstrcat(p, "X-WR-CALNAME:", pt_ics_escape(p, name), NULL));
    pt_ics_line(c, "X-WR-TIMEZONE:Europe/Paris");
    for (l = tz; *l; l++) {
        pt_ics_line(c, *l);
    }
    return c;
}

/* "20261124T163000" from "2026-11-24" and "16:30". */
static const char *pt_ics_local(apr_pool_t *p, const char *day, const char *hhmm)
{
    return apr_psprintf(p, "%.4s%.2s%.2sT%.2s%.2s00", day, day + 5, day + 8, hhmm, hhmm + 3);
}

void pt_ics_event(pt_ics *c, const char *uid, long long dtstamp, const char *day,
                  const char *start, const char *end, const char *summary,
                  const char *location)
{
    apr_pool_t *p = c->pool;
    time_t t = (time_t)dtstamp;
    struct tm tm;
    char stamp[32];
    gmtime_r(&t, &tm);
    strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", &tm);
    pt_ics_line(c, "BEGIN:VEVENT");
    pt_ics_line(c, apr_pstrcat(p, "UID:", uid, NULL));
    pt_ics_line(c, apr_pstrcat(p, "DTSTAMP:", stamp, NULL));
    pt_ics_line(c, apr_pstrcat(p, "DTSTART;TZID=Europe/Paris:", pt_ics_local(p, day, start), NULL));
    pt_ics_line(c, apr_pstrcat(p, "DTEND;TZID=Europe/Paris:", pt_ics_local(p, day, end), NULL));
    pt_ics_line(c, apr_pstrcat(p, "SUMMARY:", pt_ics_escape(p, summary), NULL));
    if (location && *location) {
        pt_ics_line(c, apr_pstrcat(p, "LOCATION:", pt_ics_escape(p, location), NULL));
    }
    pt_ics_line(c, "END:VEVENT");
}

const char *pt_ics_text(pt_ics *c, apr_size_t *len)
{
    pt_ics_line(c, "END:VCALENDAR");
    *len = c->out->nelts;
    *(char *)apr_array_push(c->out) = '\0';
    c->out->nelts--;
    return c->out->elts;
}
