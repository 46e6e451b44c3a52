/* pt_session — sessions stored as token hashes.  See pt_session.h. */
#include <string.h>
#include <apr_strings.h>
#include "core/pt_session.h"
#include "core/pt_token.h"
#include "core/pt_role.h"

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
        /* A write like any other: in the SQLite writers' queue (pt_db_begin).  Best
         * effort: a busy database must not turn a page that only reads into a 503 — the
         * next click touches the session again. */
        int own = db->txn == NULL, trv = own ? pt_db_begin(db, p) : PT_DB_OK;
        if (trv == PT_DB_OK) {
            trv = pt_db_exec(db, p, "portail_session_touch",
                             PT_ARGS(pt_db_int(p, t), pt_rows_get(r, 0, "id")), NULL);
            if (own) {
                trv = trv == PT_DB_OK ? pt_db_commit(db) : pt_db_rollback(db);
            }
        }
    }
    u = apr_pcalloc(p, sizeof(*u));
    u->id = pt_rows_int(r, 0, "account_id", 0);
    u->email = pt_rows_get(r, 0, "email");
    u->prenom = pt_rows_get(r, 0, "prenom");
    u->nom = pt_rows_get(r, 0, "nom");
    role = pt_rows_get(r, 0, "role");
    u->role = role && strcmp(role, "agent") == 0 ? PT_ROLE_AGENT : PT_ROLE_PARENT;
    /* An agent's roles: one more read, for agents only (parents' pages pay nothing). */
    if (u->role == PT_ROLE_AGENT
        && (rv = pt_role_load(db, p, u->id, &u->agent_roles)) != PT_DB_OK) {
        return rv;
    }
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
