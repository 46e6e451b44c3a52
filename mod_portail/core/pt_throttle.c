/* pt_throttle — attempts reserved in the database.  See pt_throttle.h. */
#include <apr_strings.h>
#include "core/pt_throttle.h"

/* Seconds until the key may try again, as stored (0 when the row is gone). */
static int pt_throttle_blocked_for(pt_db *db, apr_pool_t *p, const char *key, apr_int64_t t,
                                   int *wait)
{
    pt_rows *r = NULL;
    int rv = pt_db_select(db, p, "portail_throttle_get", PT_ARGS(key), &r);
    *wait = 0;
    if (rv == PT_DB_OK && r->n > 0 && pt_rows_int(r, 0, "blocked_until", 0) > t) {
        *wait = (int)(pt_rows_int(r, 0, "blocked_until", 0) - t);
    }
    return rv;
}

/* Reserve one attempt on one key: *reserved is 1 when it may be evaluated. */
static int pt_throttle_reserve_one(pt_db *db, apr_pool_t *p, const pt_throttle_key *k,
                                   apr_int64_t t, int *reserved, int *wait)
{
    const pt_throttle_rule *rule = k->rule;
    const char *now = pt_db_int(p, t);
    const char *freeq = apr_itoa(p, rule->free);
    const char *base = apr_itoa(p, rule->base_delay), *max = apr_itoa(p, rule->max_delay);
    int tries, rv = PT_DB_OK, n = 0;

    *reserved = 0;
    *wait = 0;
    /* Twice at most: a success may clear the key between the two statements. */
    for (tries = 0; tries < 2 && rv == PT_DB_OK; tries++) {
        /* The row exists, and attempts older than the window are forgotten. */
        rv = pt_db_exec(db, p, "portail_throttle_ensure",
                        PT_ARGS(k->key, now, now, pt_db_int(p, t - rule->window), now), NULL);
        if (rv == PT_DB_OK) {
            rv = pt_db_exec(db, p, "portail_throttle_reserve",
                            PT_ARGS(now, freeq, freeq, pt_db_int(p, t + rule->max_delay), now,
                                    base, freeq, max, max, base, freeq, k->key, now), &n);
        }
        if (rv != PT_DB_OK || n == 1) {
            *reserved = n == 1;
            return rv;
        }
        rv = pt_throttle_blocked_for(db, p, k->key, t, wait);
        if (rv == PT_DB_OK && *wait > 0) {
            return rv;
        }
    }
    if (rv == PT_DB_OK && *wait == 0) {
        *wait = 1;
    }
    return rv;
}

int pt_throttle_reserve(pt_db *db, apr_pool_t *p, const pt_throttle_key *keys, int n,
                        apr_time_t now, int *wait)
{
    apr_int64_t t = apr_time_sec(now);
    int i, j, reserved, rv;
    *wait = 0;
    for (i = 0; i < n; i++) {
        rv = pt_throttle_reserve_one(db, p, &keys[i], t, &reserved, wait);
        if (rv != PT_DB_OK || !reserved) {
            for (j = 0; j < i; j++) {
                pt_throttle_refund(db, p, &keys[j]);
            }
            return rv;
        }
    }
    return PT_DB_OK;
}

int pt_throttle_refund(pt_db *db, apr_pool_t *p, const pt_throttle_key *key)
{
    const char *freeq = apr_itoa(p, key->rule->free);
    return pt_db_exec(db, p, "portail_throttle_refund", PT_ARGS(freeq, key->key), NULL);
}

int pt_throttle_clear(pt_db *db, apr_pool_t *p, const char *key)
{
    return pt_db_exec(db, p, "portail_throttle_clear", PT_ARGS(key), NULL);
}
