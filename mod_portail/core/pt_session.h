/* pt_session — the portal's own sessions.
 *
 * The browser holds 256 random bits; the database holds their SHA-256, the account, the
 * last activity and an absolute expiry.  A session dies after PortailSessionIdle without
 * activity or PortailSessionLifetime after login, whichever comes first.  Logging in
 * always creates a new token (no fixation).
 */
#ifndef PT_SESSION_H
#define PT_SESSION_H

#include "core/pt_db.h"
#include "core/pt_req.h"

/* Look a token up; *user is NULL when unknown or expired.  Refreshes last activity
 * (at most once a minute, to keep reads cheap). */
int pt_session_lookup(pt_db *db, apr_pool_t *p, const char *token, apr_time_t now,
                      int idle, pt_user **user);

/* A new session for account_id; *token is what goes into the cookie. */
int pt_session_create(pt_db *db, apr_pool_t *p, apr_int64_t account_id, apr_time_t now,
                      int lifetime, const char *client_ip, const char **token);

int pt_session_destroy(pt_db *db, apr_pool_t *p, const char *token);
int pt_session_destroy_all(pt_db *db, apr_pool_t *p, apr_int64_t account_id);

#endif
