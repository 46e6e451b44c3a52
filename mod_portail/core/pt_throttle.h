/* pt_throttle — slowing down guessing (passwords, codes) across processes and servers.
 *
 * Attempts are counted per key ("login:acct:EMAIL", "login:ip:ADDR") in the database, so
 * every server of a cluster sees them.  An attempt is RESERVED before it is evaluated
 * (before bcrypt, before looking a code up): one conditional UPDATE … RETURNING counts it
 * and, when the count goes beyond `free`, blocks the key for a delay that doubles up to a
 * maximum — in the same statement, so that 40 simultaneous attempts cannot all slip in
 * before the block is written.  An UPDATE that matches no row (the key is blocked) means
 * « not now ».  A success clears the key, or gives its reservation back (pt_throttle_refund)
 * for keys shared by many people (an address).
 */
#ifndef PT_THROTTLE_H
#define PT_THROTTLE_H

#include "core/pt_db.h"

typedef struct pt_throttle_rule {
    int free;            /* attempts allowed without delay */
    int base_delay;      /* seconds after the first attempt beyond `free` */
    int max_delay;       /* seconds */
    int window;          /* attempts older than this are forgotten (seconds) */
} pt_throttle_rule;

/* One key and its rule. */
typedef struct pt_throttle_key {
    const char *key;
    const pt_throttle_rule *rule;
} pt_throttle_key;

/* Reserve one attempt on each of the n keys, in order.  *wait = 0: reserved on all, the
 * attempt may be evaluated.  *wait > 0: a key is blocked for that many seconds; the
 * reservations already taken on the keys before it are given back. */
int pt_throttle_reserve(pt_db *db, apr_pool_t *p, const pt_throttle_key *keys, int n,
                        apr_time_t now, int *wait);
/* Give back one reserved attempt (a success on a shared key). */
int pt_throttle_refund(pt_db *db, apr_pool_t *p, const pt_throttle_key *key);
/* Forget every attempt of a key (a success on the account's own key). */
int pt_throttle_clear(pt_db *db, apr_pool_t *p, const char *key);

#endif
