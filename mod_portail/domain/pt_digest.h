/* pt_digest — the two daily windows of the processing digest (SPEC §6).
 *
 * The 13:00 mail gathers the answers given from 18:00 the day before to 13:00, the 18:00
 * mail those from 13:00 to 18:00 (Europe/Paris wall clock).  Windows are half-open,
 * [start, end): an answer given at 13:00:00 sharp is in the 18:00 mail, so each answer is
 * in exactly one window.  A window is named by its end, « 2026-11-24 13:00 ». */
#ifndef PT_DIGEST_H
#define PT_DIGEST_H

#include <apr_pools.h>
#include "domain/pt_fr.h"

typedef struct pt_digest_window {
    pt_date date;   /* the day of its end */
    int hour;       /* 13 or 18 */
} pt_digest_window;

/* The last window ended at local time (date, hour:minute). */
pt_digest_window pt_digest_last(pt_date date, int hour, int minute);

/* The window before w. */
pt_digest_window pt_digest_previous(pt_digest_window w);

/* Its start and end as Unix times. */
void pt_digest_bounds(pt_digest_window w, long long *start, long long *end);

/* « 2026-11-24 13:00 » */
const char *pt_digest_name(apr_pool_t *p, pt_digest_window w);

/* Compare two windows: < 0, 0, > 0. */
int pt_digest_compare(pt_digest_window a, pt_digest_window b);

#endif
