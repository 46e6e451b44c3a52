/* pt_session — sessions stored as token hashes.  See pt_session.h. */
#include <string.h>
#include <apr_strings.h>
#include "core/pt_session.h"
#include "core/pt_token.h"

/* Writing last activity on every click would turn every page view into a write; a minute
 * of precision is plenty for an idle timeout counted in minutes. */
#define PT_SESSION_TOUCH_EVERY 60

int pt_session_lookup(pt_db *db, apr_pool_t *p, const char *token, apr_time_t now,
                      int idle, pt_user **user)
{
    apr_int64_t t = apr_time_sec(now);
    pt_rows *r = NULL;
    pt_user *u;
    const char *role;
    int rv;

    *user = NULL;
    if (!token || strlen(token) != 43) {
        return PT_DB_OK;
    }
    rv = pt_db_select(db, p, "portail_session_lookup",
                      PT_ARGS(pt_token_hash(p, token), pt_db_int(p, t),
                              pt_db_int(p, t - idle)), &r);
    if (rv != PT_DB_OK || r->n == 0) {
        return rv;
    }
    if (t - pt_rows_int(r, 0, "last_seen_at", 0) >= PT_SESSION_TOUCH_EVERY) {
        rv = pt_db_exec(db, p, "portail_session_touch",
                        PT_ARGS(pt_db_int(p, t), pt_rows_get(r, 0, "id")), NULL);
        /* A write outside any transaction: in a booking rush it may find SQLite's one
         * write lock taken (BUSY after the short busy timeout).  Last activity is kept to
         * the minute for the idle expiry: the next request writes it; failing the
         * request for it (503) would not be fair (bench/spike 2500: 2 × 503). */
        if (rv != PT_DB_OK && rv != PT_DB_BUSY) {
            return rv;
        }
    }
    u = apr_pcalloc(p, sizeof(*u));
    u->id = pt_rows_int(r, 0, "account_id", 0);
    u->email = pt_rows_get(r, 0, "email");
    u->prenom = pt_rows_get(r, 0, "prenom");
    u->nom = pt_rows_get(r, 0, "nom");
    role = pt_rows_get(r, 0, "role");
    u->role = role && strcmp(role, "agent") == 0 ? PT_ROLE_AGENT : PT_ROLE_PARENT;
    u->session_token = token;
    *user = u;
    return PT_DB_OK;
}

int pt_session_create(pt_db *db, apr_pool_t *p, apr_int64_t account_id, apr_time_t now,
                      int lifetime, const char *client_ip, const char **token)
{
    apr_int64_t t = apr_time_sec(now);
    const char *tok = pt_token_new(p);
    if (!tok) {
        return PT_DB_ERROR;
    }
    *token = tok;
    return pt_db_exec(db, p, "portail_session_insert",
                      PT_ARGS(pt_token_hash(p, tok), pt_db_int(p, account_id),
                              pt_db_int(p, t), pt_db_int(p, t), pt_db_int(p, t + lifetime),
                              client_ip), NULL);
}

int pt_session_destroy(pt_db *db, apr_pool_t *p, const char *token)
{
    return pt_db_exec(db, p, "portail_session_delete", PT_ARGS(pt_token_hash(p, token)), NULL);
}

int pt_session_destroy_all(pt_db *db, apr_pool_t *p, apr_int64_t account_id)
{
    return pt_db_exec(db, p, "portail_session_delete_account",
                      PT_ARGS(pt_db_int(p, account_id)), NULL);
}
