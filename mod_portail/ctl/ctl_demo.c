/* ctl_demo.c — portail-ctl demo-ville: the living town of the demonstration.
 *
 * `portail-ctl demo` loads fixed rows (sql/demo.sql) that the Apache::Test suite counts
 * on.  `demo-ville`, run after it by dev/demo and by the browser suite, adds a town that
 * lives around today: enrolments, bookings of the past and coming weeks in every status,
 * requests waiting in every agent queue.  sql/demo-ville.sql holds the rows with dates
 * written relative to today, replaced here before the script runs in one transaction:
 *
 *   {J+N}, {J-N}   today plus / minus N days, 'AAAA-MM-JJ'
 *   {S+N.W}        weekday W (1 = Monday … 7 = Sunday) of the week N weeks from this one
 *   {H-N}          the instant N hours ago, in Unix seconds
 *   {E:date}       a booking's status on that date: present before today, reserve after
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <apr_lib.h>
#include <apr_strings.h>
#include <apr_time.h>
#include "core/pt_db.h"
#include "core/pt_migrate.h"
#include "domain/pt_calendar.h"
#include "domain/pt_fr.h"
#include "ctl/ctl.h"

/* A signed number at *s; advances *s.  0 when there is none. */
static int ctl_demo_number(const char **s, long *out)
{
    char *end;
    if (**s != '+' && **s != '-') {
        return 0;
    }
    *out = strtol(*s, &end, 10);
    if (end == *s + 1) {
        return 0;
    }
    *s = end;
    return 1;
}

/* The date of a spec J±N or S±N.W at *s; advances *s. */
static int ctl_demo_date(const char **s, pt_date today, pt_date *out)
{
    long n, w;
    char kind = **s;
    (*s)++;
    if ((kind != 'J' && kind != 'S') || !ctl_demo_number(s, &n)) {
        return 0;
    }
    if (kind == 'J') {
        *out = pt_calendar_add_days(today, (int)n);
        return 1;
    }
    if (**s != '.' || !apr_isdigit((*s)[1])) {
        return 0;
    }
    w = (*s)[1] - '0';
    *s += 2;
    if (w < 1 || w > 7) {
        return 0;
    }
    *out = pt_calendar_add_days(pt_calendar_monday(today), (int)(7 * n + w - 1));
    return 1;
}

/* The script with its tokens replaced; NULL (and *bad the token) on a malformed one. */
static char *ctl_demo_expand(apr_pool_t *p, const char *text, pt_date today, long long now,
                             const char **bad)
{
    apr_size_t cap = strlen(text) + 1;
    char *out = apr_palloc(p, cap * 2 + 64), *o = out;
    const char *s = text;

    while (*s) {
        const char *start = s, *v = NULL;
        pt_date d;
        long n;
        if (*s != '{') {
            *o++ = *s++;
            continue;
        }
        s++;
        if (*s == 'H') {
            s++;
            if (ctl_demo_number(&s, &n)) {
                v = apr_psprintf(p, "%" APR_INT64_T_FMT, (apr_int64_t)(now + 3600LL * n));
            }
        }
        else if (s[0] == 'E' && s[1] == ':') {
            s += 2;
            if (ctl_demo_date(&s, today, &d)) {
                v = pt_calendar_compare(d, today) < 0 ? "present" : "reserve";
            }
        }
        else if (ctl_demo_date(&s, today, &d)) {
            v = pt_date_iso(p, d);
        }
        if (!v || *s != '}') {
            *bad = apr_pstrndup(p, start, (apr_size_t)(s - start) + 1);
            return NULL;
        }
        s++;
        /* Every token's value (at most 20 bytes) is no longer than twice the token. */
        memcpy(o, v, strlen(v));
        o += strlen(v);
    }
    *o = '\0';
    return out;
}

int ctl_demo_ville(ctl *c)
{
    const char *path = apr_pstrcat(c->pool, c->sql_dir, "/demo-ville.sql", NULL);
    const char *err = NULL, *bad = NULL;
    long long now = apr_time_sec(apr_time_now());
    char *text, *script;
    pt_date today;
    int h, m;

    pt_fr_local(now, &today, &h, &m);
    if (pt_migrate_read(c->pool, path, &text, &err) != PT_DB_OK) {
        return ctl_fail("ville de démonstration : %s", err);
    }
    if (!(script = ctl_demo_expand(c->pool, text, today, now, &bad))) {
        return ctl_fail("ville de démonstration : %s : date mal écrite %s", path, bad);
    }
    if (pt_migrate_load_text(c->db, c->pool, path, script, &err) != PT_DB_OK) {
        return ctl_fail("ville de démonstration : %s", err);
    }
    if (ctl_demo_sequences(c, &err) != PT_DB_OK) {
        return ctl_fail("ville de démonstration : %s", err);
    }
    printf("ville de démonstration chargée autour du %s\n", pt_date_long(c->pool, today, 1));
    return 0;
}

int ctl_demo_sequences(ctl *c, const char **err)
{
    if (c->db->dialect != PT_DIALECT_PGSQL) {
        return PT_DB_OK;
    }
    return pt_migrate_load(c->db, c->pool,
                           apr_pstrcat(c->pool, c->sql_dir, "/pgsql/demo-after.sql", NULL), err);
}
