/* pt_account — accounts and bcrypt.  See pt_account.h. */
#include <string.h>
#include <apr_strings.h>
#include <apr_lib.h>
#include <apr_md5.h>
#include <apr_general.h>
#include "core/pt_account.h"

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
