/* pt_planning — which days an activity runs, for a range of dates.
 *
 * An activity runs on a day inside one of its periods, on one of the period's weekdays,
 * that is neither a public holiday nor a closure of the town (for all activities or for
 * this one).  The periods and closures of a range are read once (two queries, whatever
 * the number of activities and children), then every day is answered in memory: the
 * planning, the acceptance of a pre-inscription and the reservation forms share this.
 */
#ifndef PT_PLANNING_H
#define PT_PLANNING_H

#include <apr_pools.h>
#include <apr_tables.h>
#include "core/pt_db.h"
#include "domain/pt_fr.h"

typedef struct pt_planning_calendar {
    apr_array_header_t *periods;   /* internal */
    apr_array_header_t *closures;  /* internal */
    pt_rows *rows[2];              /* the periods and closures read, for a page's cache key */
} pt_planning_calendar;

/* Read the periods and closures touching [first, last] (ISO dates). */
int pt_planning_load(pt_db *db, apr_pool_t *p, const char *first, const char *last,
                     pt_planning_calendar *cal);

/* 1 when `activity` runs on day `day` (pt_date_days); else 0 with *why (may be NULL) set
 * to the holiday's or the closure's name, or NULL when the activity just does not run
 * that weekday or outside its periods. */
int pt_planning_open(const pt_planning_calendar *cal, apr_int64_t activity, long day,
                     const char **why);

/* The closure of all activities on `day`, or the public holiday, for the day's header;
 * NULL on an ordinary day. */
const char *pt_planning_day_note(const pt_planning_calendar *cal, long day);

#endif
