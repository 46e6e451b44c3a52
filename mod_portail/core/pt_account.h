/* pt_account — accounts and passwords (bcrypt through apr-util).
 *
 * bcrypt is slow on purpose: it runs at login and password changes only, never on an
 * ordinary request (sessions carry identity afterwards).
 */
#ifndef PT_ACCOUNT_H
#define PT_ACCOUNT_H

#include "core/pt_db.h"
#include "core/pt_req.h"

#define PT_BCRYPT_COST 11

/* bcrypt hash of password, or NULL on failure. */
const char *pt_account_hash_password(apr_pool_t *p, const char *password);

/* Create an account (email lowercased) with a bcrypt hash from pt_account_hash_password;
 * *id receives its id.  PT_DB_CONFLICT when the e-mail is taken. */
int pt_account_create(pt_db *db, apr_pool_t *p, const char *email, const char *password_hash,
                      const char *prenom, const char *nom, pt_role role, const char *state,
                      apr_time_t now, apr_int64_t *id);

/* Check e-mail + password.  Returns PT_DB_OK with *id > 0, *state and *role set when they
 * match,
 * *id = 0 when they do not (a dummy bcrypt runs for unknown e-mails, so both take the
 * same time). */
int pt_account_check_password(pt_db *db, apr_pool_t *p, const char *email,
                              const char *password, apr_int64_t *id, const char **state,
                              pt_role *role);

/* Single-use links sent by mail (activation, password reset, e-mail change): 256 random
 * bits in the link, their SHA-256 in account_tokens. */
typedef enum {
    PT_LINK_OK = 0, PT_LINK_UNKNOWN, PT_LINK_USED, PT_LINK_EXPIRED
} pt_link_state;

/* Issue a link token for account_id, valid `lifetime` seconds; *token goes in the link. */
int pt_account_link_issue(pt_db *db, apr_pool_t *p, apr_int64_t account_id,
                          const char *purpose, int lifetime, apr_time_t now,
                          const char *new_email, const char **token);
/* What a token of the URL is worth; *account_id (and *new_email, if not NULL) set when
 * PT_LINK_OK. */
int pt_account_link_find(pt_db *db, apr_pool_t *p, const char *token, const char *purpose,
                         apr_time_t now, pt_link_state *state, apr_int64_t *account_id,
                         const char **new_email);
/* Use it (once): *used is 1 when this call used it, 0 when another got there first. */
int pt_account_link_use(pt_db *db, apr_pool_t *p, const char *token, const char *purpose,
                        apr_time_t now, int *used);

/* The one way to give an account a new password (reset link, « Mon compte », activation):
 * the new bcrypt hash, every outstanding reset or activation link of the account revoked
 * (an older link must not choose another password afterwards), every session ended.  In
 * the caller's transaction. */
int pt_account_set_password(pt_db *db, apr_pool_t *p, apr_int64_t account_id, const char *hash,
                            apr_time_t now);

/* Lowercase and trim an e-mail; NULL when it does not look like one. */
const char *pt_account_normalize_email(apr_pool_t *p, const char *email);

#endif
