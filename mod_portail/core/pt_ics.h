/* pt_ics — an iCalendar (RFC 5545) document: the family's planning in the phone's
 * calendar.  Lines end with CRLF and are folded at 75 octets without cutting a UTF-8
 * character; text values are escaped; times are local to Europe/Paris, with its
 * VTIMEZONE, so that calendars show the same hours as the portal all year round. */
#ifndef PT_ICS_H
#define PT_ICS_H

#include <apr_pools.h>

typedef struct pt_ics pt_ics;

/* A calendar named `name` (X-WR-CALNAME). */
pt_ics *pt_ics_new(apr_pool_t *p, const char *name);

/* One event on `day` (YYYY-MM-DD) from `start` to `end` (HH:MM, Paris time).  uid must be
 * stable for the same event; dtstamp is its last change (Unix seconds, written in UTC). */
void pt_ics_event(pt_ics *c, const char *uid, long long dtstamp, const char *day,
                  const char *start, const char *end, const char *summary,
                  const char *location);

/* The whole document. */
const char *pt_ics_text(pt_ics *c, apr_size_t *len);

#endif
