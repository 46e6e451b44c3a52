/* pt_account — accounts and bcrypt.  See pt_account.h. */
#include <string.h>
#include <apr_strings.h>
#include <apr_lib.h>
#include <apr_md5.h>
#include <apr_general.h>
#include "core/pt_account.h"
#include "core/pt_token.h"
#include "core/pt_session.h"

const char *pt_account_hash_password(apr_pool_t *p, const char *password)
{
    unsigned char salt[16];
    char out[64];
    if (apr_generate_random_bytes(salt, sizeof(salt)) != APR_SUCCESS) {
        return NULL;
    }
    if (apr_bcrypt_encode(password, PT_BCRYPT_COST, salt, sizeof(salt), out,
                          sizeof(out)) != APR_SUCCESS) {
        return NULL;
    }
    return apr_pstrdup(p, out);
}

const char *pt_account_normalize_email(apr_pool_t *p, const char *email)
{
    char *e, *at, *s;
    if (!email) {
        return NULL;
    }
    while (*email == ' ') {
        email++;
    }
    e = apr_pstrdup(p, email);
    for (s = e + strlen(e); s > e && s[-1] == ' '; s--) {
        s[-1] = '\0';
    }
    if (strlen(e) < 3 || strlen(e) > 254) {
        return NULL;
    }
    for (s = e; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == ',' || c == ';'
            || c == '(' || c == ')' || c == '\\' || c == 0x7f) {
            return NULL;
        }
        *s = (char)apr_tolower(c);
    }
    at = strchr(e, '@');
    if (!at || at == e || strchr(at + 1, '@') || !strchr(at + 1, '.')
        || at[1] == '.' || e[strlen(e) - 1] == '.') {
        return NULL;
    }
    return e;
}

int pt_account_create(pt_db *db, apr_pool_t *p, const char *email, const char *hash,
                      const char *prenom, const char *nom, pt_role role, const char *state,
                      apr_time_t now, apr_int64_t *id)
{
    const char *norm = pt_account_normalize_email(p, email);
    const char *t = pt_db_int(p, apr_time_sec(now));
    pt_rows *r = NULL;
    int rv;
    if (!norm || !hash) {
        return PT_DB_ERROR;
    }
    rv = pt_db_select(db, p, "portail_account_insert",
                      PT_ARGS(norm, hash, nom, prenom,
                              role == PT_ROLE_AGENT ? "agent" : "parent", state, t,
                              strcmp(state, "actif") == 0 ? t : NULL), &r);
    if (rv == PT_DB_OK && id) {
        *id = pt_rows_int(r, 0, "id", 0);
    }
    return rv;
}

int pt_account_check_password(pt_db *db, apr_pool_t *p, const char *email,
                              const char *password, apr_int64_t *id, const char **state,
                              pt_role *role)
{
    const char *norm = pt_account_normalize_email(p, email);
    pt_rows *r = NULL;
    int rv;

    *id = 0;
    *state = NULL;
    if (norm) {
        rv = pt_db_select(db, p, "portail_account_by_email", PT_ARGS(norm), &r);
        if (rv != PT_DB_OK) {
            return rv;
        }
    }
    if (!r || r->n == 0) {
        /* Unknown e-mail: spend the same bcrypt time as a real check, so the answer's
         * delay does not tell which addresses have an account. */
        pt_account_hash_password(p, password);
        return PT_DB_OK;
    }
    if (apr_password_validate(password, pt_rows_get(r, 0, "password_hash")) == APR_SUCCESS) {
        *id = pt_rows_int(r, 0, "id", 0);
        *state = pt_rows_get(r, 0, "state");
        *role = strcmp(pt_rows_get(r, 0, "role"), "agent") == 0 ? PT_ROLE_AGENT : PT_ROLE_PARENT;
    }
    return PT_DB_OK;
}

int pt_account_link_issue(pt_db *db, apr_pool_t *p, apr_int64_t account_id,
                          const char *purpose, int lifetime, apr_time_t now,
                          const char *new_email, const char **token)
{
    apr_int64_t t = apr_time_sec(now);
    const char *tok = pt_token_new(p);
    if (!tok) {
        return PT_DB_ERROR;
    }
    *token = tok;
    return pt_db_exec(db, p, "portail_token_insert",
                      PT_ARGS(pt_token_hash(p, tok), pt_db_int(p, account_id), purpose,
                              pt_db_int(p, t), pt_db_int(p, t + lifetime), new_email), NULL);
}

int pt_account_link_find(pt_db *db, apr_pool_t *p, const char *token, const char *purpose,
                         apr_time_t now, pt_link_state *state, apr_int64_t *account_id,
                         const char **new_email)
{
    pt_rows *r = NULL;
    int rv;
    *state = PT_LINK_UNKNOWN;
    if (!token || strlen(token) != 43) {
        return PT_DB_OK;
    }
    rv = pt_db_select(db, p, "portail_token_find", PT_ARGS(pt_token_hash(p, token), purpose), &r);
    if (rv != PT_DB_OK || r->n == 0) {
        return rv;
    }
    if (pt_rows_get(r, 0, "used_at")) {
        *state = PT_LINK_USED;
    }
    else if (pt_rows_int(r, 0, "expires_at", 0) <= apr_time_sec(now)) {
        *state = PT_LINK_EXPIRED;
    }
    else {
        *state = PT_LINK_OK;
        *account_id = pt_rows_int(r, 0, "account_id", 0);
        if (new_email) {
            *new_email = pt_rows_get(r, 0, "new_email");
        }
    }
    return PT_DB_OK;
}

int pt_account_link_use(pt_db *db, apr_pool_t *p, const char *token, const char *purpose,
                        apr_time_t now, int *used)
{
    const char *t = pt_db_int(p, apr_time_sec(now));
    return pt_db_exec(db, p, "portail_token_use",
                      PT_ARGS(t, pt_token_hash(p, token), purpose, t), used);
}

int pt_account_set_password(pt_db *db, apr_pool_t *p, apr_int64_t account_id, const char *hash,
                            apr_time_t now)
{
    const char *id = pt_db_int(p, account_id);
    int rv = pt_db_exec(db, p, "portail_account_set_password", PT_ARGS(hash, id), NULL);
    if (rv == PT_DB_OK) {
        rv = pt_db_exec(db, p, "portail_token_revoke",
                        PT_ARGS(pt_db_int(p, apr_time_sec(now)), id), NULL);
    }
    return rv == PT_DB_OK ? pt_session_destroy_all(db, p, account_id) : rv;
}
