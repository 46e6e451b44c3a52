/* pt_throttle — slowing down guessing (passwords, codes) across processes and servers.
 *
 * Failures are counted per key ("login:acct:EMAIL", "login:ip:ADDR") in the database, so
 * every server of a cluster sees them.  After `free` failures, each further failure blocks
 * the key for a delay that doubles, up to a maximum; a success clears the key.
 */
#ifndef PT_THROTTLE_H
#define PT_THROTTLE_H

#include "core/pt_db.h"

typedef struct pt_throttle_rule {
    int free;            /* failures allowed without delay */
    int base_delay;      /* seconds after the first failure beyond `free` */
    int max_delay;       /* seconds */
    int window;          /* failures older than this are forgotten (seconds) */
} pt_throttle_rule;

/* Seconds until the key may try again (0 = now). */
int pt_throttle_wait(pt_db *db, apr_pool_t *p, const char *key, apr_time_t now, int *wait);
int pt_throttle_fail(pt_db *db, apr_pool_t *p, const char *key, apr_time_t now,
                     const pt_throttle_rule *rule);
int pt_throttle_clear(pt_db *db, apr_pool_t *p, const char *key);

/* The delay after `failures` failures under rule (pure; unit tested). */
int pt_throttle_delay(const pt_throttle_rule *rule, int failures);

#endif
