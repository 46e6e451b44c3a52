/* request.c — per-request state shared by the hooks: database connection, user, secret,
 * cookies and the headers every answer carries. */
#include <string.h>
#include <apr_strings.h>
#include <apr_thread_mutex.h>
#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "glue/glue.h"
#include "core/pt_session.h"
#include "core/pt_form.h"

APLOG_USE_MODULE(portail);

request_rec *portail_main_request(request_rec *r)
{
    request_rec *main = r;
    for (;;) {
        if (main->main) {
            main = main->main;
        }
        else if (main->prev) {
            main = main->prev;
        }
        else {
            return main;
        }
    }
}

portail_rctx *portail_rctx_get(request_rec *r)
{
    /* Internal redirects (error documents) and sub-requests share the main request's
     * state, allocated from its pool: a sub-request's pool ends before the request. */
    request_rec *main = portail_main_request(r);
    portail_rctx *c = ap_get_module_config(main->request_config, &portail_module);
    if (!c) {
        c = apr_pcalloc(main->pool, sizeof(*c));
        ap_set_module_config(main->request_config, &portail_module, c);
    }
    return c;
}

static int portail_writers_lock(void *ctx, int take)
{
    apr_status_t rv = take ? apr_global_mutex_lock(portail_writers)
                           : apr_global_mutex_unlock(portail_writers);
    return rv == APR_SUCCESS ? 0 : 1;
}

pt_db *portail_db(request_rec *r)
{
    portail_rctx *c = portail_rctx_get(r);
    request_rec *main;
    ap_dbd_t *dbd;
    if (c->db_tried) {
        return c->db;
    }
    c->db_tried = 1;
    main = portail_main_request(r);
    dbd = portail_dbd_acquire ? portail_dbd_acquire(main) : NULL;
    if (!dbd) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, PTLOGNO(00001)
                      "no database connection from mod_dbd (check DBDriver / DBDParams)");
        return NULL;
    }
    /* A transaction left open by a screen is rolled back when the pool given to
     * pt_db_begin (the request's) goes: pt_db registers that on the pool itself, and
     * gives the writers' lock back with it. */
    c->db = pt_db_wrap(main->pool, dbd->driver, dbd->handle, dbd->prepared);
    if (portail_writers) {
        pt_db_set_writers_lock(c->db, portail_writers_lock, NULL);
    }
    if (portail_fault_injection) {
        const char *spec = apr_table_get(main->headers_in, "X-Portail-Fault");
        if (spec && pt_db_fault_set(c->db, spec) != PT_DB_OK) {
            ap_log_rerror(APLOG_MARK, APLOG_WARNING, 0, r, PTLOGNO(00002)
                          "X-Portail-Fault not understood: %s", spec);
        }
    }
    return c->db;
}

const char *portail_cookie(request_rec *r, const char *name)
{
    return pt_form_cookie(r->pool, apr_table_get(r->headers_in, "Cookie"), name);
}

static int portail_is_https(request_rec *r)
{
    const char *https = apr_table_get(r->subprocess_env, "HTTPS");
    return ap_http_scheme(r) && strcmp(ap_http_scheme(r), "https") == 0
           ? 1 : (https && strcasecmp(https, "on") == 0);
}

void portail_set_cookie(request_rec *r, const char *base, const char *name,
                        const char *value, long max_age)
{
    portail_server_conf *sc = ap_get_module_config(r->server->module_config, &portail_module);
    int secure = sc->cookie_secure == PORTAIL_SECURE_ON
                 || ((sc->cookie_secure == PORTAIL_SECURE_AUTO
                      || sc->cookie_secure == PORTAIL_SECURE_UNSET) && portail_is_https(r));
    const char *c = apr_psprintf(r->pool, "%s=%s; Path=%s/; HttpOnly; SameSite=Lax%s%s",
                                 name, max_age == 0 ? "" : value, base,
                                 secure ? "; Secure" : "",
                                 max_age >= 0 ? apr_psprintf(r->pool, "; Max-Age=%ld", max_age)
                                              : "");
    /* err_headers_out: the cookie also goes with error and redirect answers. */
    apr_table_addn(r->err_headers_out, "Set-Cookie", c);
}

void portail_security_headers(request_rec *r)
{
    apr_table_t *h = r->err_headers_out;
    portail_server_conf *sc = ap_get_module_config(r->server->module_config, &portail_module);
    /* A « Payer » form is answered by a 303 to PayFiP's page: its origin is a form target. */
    apr_table_setn(h, "Content-Security-Policy",
                   apr_pstrcat(r->pool, "default-src 'self'; img-src 'self' data:; "
                               "style-src 'self'; script-src 'self'; form-action 'self'",
                               sc->payfip_origin ? " " : "",
                               sc->payfip_origin ? sc->payfip_origin : "",
                               "; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
                               NULL));
    apr_table_setn(h, "X-Content-Type-Options", "nosniff");
    apr_table_setn(h, "Referrer-Policy", "same-origin");
    apr_table_setn(h, "X-Frame-Options", "DENY");
}

const pt_user *portail_user(request_rec *r, int *unavailable)
{
    portail_rctx *c = portail_rctx_get(r);
    portail_server_conf *sc;
    const char *token;
    pt_user *u = NULL;
    pt_db *db;

    if (unavailable) {
        *unavailable = 0;
    }
    if (c->user_resolved) {
        if (unavailable) {
            *unavailable = c->db_status != PT_DB_OK;
        }
        return c->user;
    }
    c->user_resolved = 1;
    token = portail_cookie(r, PT_SESSION_COOKIE);
    if (!token) {
        return NULL;
    }
    db = portail_db(r);
    if (!db) {
        c->db_status = PT_DB_ERROR;
        if (unavailable) {
            *unavailable = 1;
        }
        return NULL;
    }
    sc = ap_get_module_config(r->server->module_config, &portail_module);
    /* The user is kept for the whole request: from the main request's pool. */
    c->db_status = pt_session_lookup(db, portail_main_request(r)->pool, token,
                                     r->request_time, portail_conf_session_idle(sc), &u);
    if (c->db_status != PT_DB_OK) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, PTLOGNO(00003)
                      "session lookup failed (%s): %s", db->sqlstate ? db->sqlstate : "",
                      db->error);
        if (unavailable) {
            *unavailable = 1;
        }
        return NULL;
    }
    c->user = u;
    if (u) {
        r->user = apr_pstrdup(r->pool, u->email);
    }
    return u;
}

/* The secret is read once per process: it never changes while the portal runs. */
static apr_pool_t *portail_secret_pool;
static apr_thread_mutex_t *portail_secret_lock;
static const char *portail_secret_value;

void portail_request_child_init(apr_pool_t *pchild)
{
    apr_pool_create(&portail_secret_pool, pchild);
    apr_thread_mutex_create(&portail_secret_lock, APR_THREAD_MUTEX_DEFAULT, pchild);
    portail_secret_value = NULL;
}

const char *portail_secret(request_rec *r)
{
    const char *s;
    apr_thread_mutex_lock(portail_secret_lock);
    s = portail_secret_value;
    if (!s) {
        pt_db *db = portail_db(r);
        pt_rows *rows = NULL;
        if (db && pt_db_select(db, r->pool, "portail_settings_get", PT_ARGS("secret"), &rows)
                      == PT_DB_OK && rows->n == 1) {
            s = portail_secret_value = apr_pstrdup(portail_secret_pool, rows->values[0][0]);
        }
        else {
            ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, PTLOGNO(00004)
                          "the portal's secret is missing from the database: run "
                          "portail-ctl init");
        }
    }
    apr_thread_mutex_unlock(portail_secret_lock);
    return s;
}
