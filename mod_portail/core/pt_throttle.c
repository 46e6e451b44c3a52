/* pt_throttle — failures counted in the database.  See pt_throttle.h. */
#include <apr_strings.h>
#include "core/pt_throttle.h"

int pt_throttle_delay(const pt_throttle_rule *rule, int failures)
{
    long long d;
    int beyond = failures - rule->free;
    if (beyond <= 0) {
        return 0;
    }
    d = rule->base_delay;
    while (--beyond > 0 && d < rule->max_delay) {
        d *= 2;
    }
    return d > rule->max_delay ? rule->max_delay : (int)d;
}

int pt_throttle_wait(pt_db *db, apr_pool_t *p, const char *key, apr_time_t now, int *wait)
{
    pt_rows *r = NULL;
    apr_int64_t until;
    int rv = pt_db_select(db, p, "portail_throttle_get", PT_ARGS(key), &r);
    *wait = 0;
    if (rv != PT_DB_OK || r->n == 0) {
        return rv;
    }
    until = pt_rows_int(r, 0, "blocked_until", 0);
    if (until > apr_time_sec(now)) {
        *wait = (int)(until - apr_time_sec(now));
    }
    return PT_DB_OK;
}

int pt_throttle_fail(pt_db *db, apr_pool_t *p, const char *key, apr_time_t now,
                     const pt_throttle_rule *rule)
{
    apr_int64_t t = apr_time_sec(now);
    const char *forget = pt_db_int(p, t - rule->window);
    pt_rows *r = NULL;
    int delay, rv;

    /* One atomic upsert counts the failure, whatever the number of servers. */
    rv = pt_db_select(db, p, "portail_throttle_fail",
                      PT_ARGS(key, pt_db_int(p, t), pt_db_int(p, t), forget, forget), &r);
    if (rv != PT_DB_OK || r->n == 0) {
        return rv;
    }
    delay = pt_throttle_delay(rule, (int)pt_rows_int(r, 0, "failures", 1));
    if (delay > 0) {
        rv = pt_db_exec(db, p, "portail_throttle_block",
                        PT_ARGS(pt_db_int(p, t + delay), key), NULL);
    }
    return rv;
}

int pt_throttle_clear(pt_db *db, apr_pool_t *p, const char *key)
{
    return pt_db_exec(db, p, "portail_throttle_clear", PT_ARGS(key), NULL);
}
