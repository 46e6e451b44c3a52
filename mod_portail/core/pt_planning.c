/* pt_planning — the days activities run.  See pt_planning.h. */
#include <string.h>
#include "core/pt_planning.h"
#include "domain/pt_calendar.h"

typedef struct pt_planning_span {
    apr_int64_t activity;          /* 0: every activity (closures) */
    long first, last;              /* day numbers */
    const char *weekdays;          /* periods: seven '0'/'1', Monday first */
    const char *label;             /* closures */
} pt_planning_span;

static apr_array_header_t *pt_planning_spans(apr_pool_t *p, pt_rows *r, int periods)
{
    apr_array_header_t *a = apr_array_make(p, r->n ? r->n : 1, sizeof(pt_planning_span));
    int i;
    for (i = 0; i < r->n; i++) {
        pt_planning_span *s;
        pt_date d1, d2;
        if (!pt_date_parse(pt_rows_get(r, i, "date_debut"), &d1)
            || !pt_date_parse(pt_rows_get(r, i, "date_fin"), &d2)) {
            continue;
        }
        s = apr_array_push(a);
        s->activity = pt_rows_int(r, i, "activity_id", 0);
        s->first = pt_date_days(d1);
        s->last = pt_date_days(d2);
        s->weekdays = periods ? pt_rows_get(r, i, "weekdays") : NULL;
        s->label = periods ? NULL : pt_rows_get(r, i, "label");
    }
    return a;
}

int pt_planning_load(pt_db *db, apr_pool_t *p, const char *first, const char *last,
                     pt_planning_calendar *cal)
{
    pt_rows *periods = NULL, *closures = NULL;
    int rv = pt_db_select(db, p, "portail_planning_periods", PT_ARGS(first, last), &periods);
    if (rv == PT_DB_OK) {
        rv = pt_db_select(db, p, "portail_planning_closures", PT_ARGS(first, last), &closures);
    }
    if (rv != PT_DB_OK) {
        return rv;
    }
    cal->rows[0] = periods;
    cal->rows[1] = closures;
    cal->periods = pt_planning_spans(p, periods, 1);
    cal->closures = pt_planning_spans(p, closures, 0);
    return PT_DB_OK;
}

static const char *pt_planning_closed(const pt_planning_calendar *cal, apr_int64_t activity,
                                      long day)
{
    int i;
    for (i = 0; i < cal->closures->nelts; i++) {
        const pt_planning_span *s = &APR_ARRAY_IDX(cal->closures, i, pt_planning_span);
        if (day >= s->first && day <= s->last && (s->activity == 0 || s->activity == activity)) {
            return s->label;
        }
    }
    return NULL;
}

int pt_planning_open(const pt_planning_calendar *cal, apr_int64_t activity, long day,
                     const char **why)
{
    pt_date d = pt_date_from_days(day);
    int weekday = pt_date_weekday(d), i, in_period = 0;
    const char *note = NULL;

    for (i = 0; i < cal->periods->nelts && !in_period; i++) {
        const pt_planning_span *s = &APR_ARRAY_IDX(cal->periods, i, pt_planning_span);
        in_period = s->activity == activity && day >= s->first && day <= s->last
                    && s->weekdays && strlen(s->weekdays) == 7 && s->weekdays[weekday] == '1';
    }
    if (why) {
        *why = NULL;
    }
    if (!in_period) {
        return 0;
    }
    if (pt_calendar_is_holiday(d, &note) || (note = pt_planning_closed(cal, activity, day))) {
        if (why) {
            *why = note;
        }
        return 0;
    }
    return 1;
}

const char *pt_planning_day_note(const pt_planning_calendar *cal, long day)
{
    const char *name = NULL;
    if (pt_calendar_is_holiday(pt_date_from_days(day), &name)) {
        return name;
    }
    return pt_planning_closed(cal, 0, day);
}
