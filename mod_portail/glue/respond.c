/* respond.c — the one path of every request to a screen: build the pt_req (query, form
 * with its limits and CSRF check, user, database), run the screen, and answer: a 303 with a
 * one-shot message, the rendered page (HTML, or its XML on request), or an error screen. */
#include <string.h>
#include <apr_strings.h>
#include <apr_file_io.h>
#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "glue/glue.h"
#include "glue/respond.h"
#include "core/pt_form.h"
#include "core/pt_multipart.h"
#include "core/pt_token.h"
#include "core/pt_role.h"

APLOG_USE_MODULE(portail);

static pt_site *portail_site(request_rec *r)
{
    portail_server_conf *sc = ap_get_module_config(r->server->module_config, &portail_module);
    pt_site *s = apr_pcalloc(r->pool, sizeof(*s));
    s->town = sc->town ? sc->town : "Ma commune";
    s->base = portail_conf_base_path(sc);
    /* Links in mails need an absolute URL: PortailBaseURL's, or this request's. */
    s->public_url = sc->public_url ? sc->public_url : ap_construct_url(r->pool, s->base, r);
    s->static_url = sc->static_url ? sc->static_url : "/portail-static";
    s->colour = sc->colour ? sc->colour : "#1f4e8c";
    s->logo = sc->logo;
    s->data_dir = sc->data_dir;
    s->mail_from = sc->mail_from;
    s->session_idle = portail_conf_session_idle(sc);
    s->session_lifetime = portail_conf_session_lifetime(sc);
    s->pages = sc->pages;
    s->photos_pending = portail_conf_photos_pending(sc);
    s->legal_notice = sc->legal_notice;
    s->accessibility = sc->accessibility;
    s->payfip.service = sc->payfip_service;
    s->payfip.page = sc->payfip_page ? sc->payfip_page : sc->payfip_page_default;
    s->payfip.numcli = sc->payfip_numcli;
    s->payfip.saisie = sc->payfip_saisie ? sc->payfip_saisie : "T";
    s->payfip.timeout = sc->payfip_timeout > 0 ? sc->payfip_timeout : 20;
    return s;
}

static int portail_wants_xml(request_rec *r, apr_table_t *query)
{
    const char *f = query ? apr_table_get(query, "format") : NULL;
    const char *accept = apr_table_get(r->headers_in, "Accept");
    if (f) {
        return strcmp(f, "xml") == 0;
    }
    return accept && ap_strstr_c(accept, "application/xml") && !ap_strstr_c(accept, "text/html");
}

/* The <page> every screen starts from: site, user, CSRF token, path, one-shot message. */
static void portail_page_new(pt_req *rq, const char *screen)
{
    pt_node *site, *u;
    rq->doc = pt_xml_doc(rq->pool, "page");
    rq->page = pt_xml_root(rq->doc);
    pt_xml_attr(rq->page, "screen", screen);
    site = pt_xml_elem(rq->page, "site", NULL);
    pt_xml_attr(site, "town", rq->site->town);
    pt_xml_attr(site, "base", rq->site->base);
    pt_xml_attr(site, "static", rq->site->static_url);
    pt_xml_attr(site, "logo", rq->site->logo);
    pt_xml_attr(site, "public", rq->site->public_url);
    if (rq->user) {
        u = pt_xml_elem(rq->page, "user", NULL);
        pt_xml_attr_int(u, "id", rq->user->id);
        pt_xml_attr(u, "email", rq->user->email);
        pt_xml_attr(u, "prenom", rq->user->prenom);
        pt_xml_attr(u, "nom", rq->user->nom);
        pt_xml_attr(u, "role", rq->user->role == PT_ROLE_AGENT ? "agent" : "parent");
        if (rq->user->role == PT_ROLE_AGENT) {
            pt_xml_attr(u, "roles", pt_role_names(rq->pool, rq->user->agent_roles));
        }
    }
    pt_xml_elem(rq->page, "csrf", rq->csrf);
    pt_xml_elem(rq->page, "path", rq->path);
}

/* One-shot messages travel in a cookie signed with the portal's secret: stateless, so any
 * server of a cluster shows them, and nobody can forge a message in the town's name. */
static const char *portail_flash_encode(request_rec *r, const char *secret, pt_flash_kind k,
                                        const char *msg)
{
    const char *payload = apr_psprintf(r->pool, "%d%s", (int)k, pt_form_escape(r->pool, msg));
    return apr_pstrcat(r->pool, pt_token_mac(r->pool, secret, payload), ".", payload, NULL);
}

static void portail_flash_show(request_rec *r, pt_req *rq, const char *secret)
{
    static const char *const kinds[] = { "info", "succes", "erreur" };
    const char *c = portail_cookie(r, PORTAIL_FLASH_COOKIE);
    const char *dot, *payload;
    char *msg;
    if (!c || !secret || !(dot = strchr(c, '.'))) {
        return;
    }
    payload = dot + 1;
    portail_set_cookie(r, rq->site->base, PORTAIL_FLASH_COOKIE, "", 0);
    if (!pt_token_equal(apr_pstrmemdup(r->pool, c, dot - c),
                        pt_token_mac(r->pool, secret, payload))
        || payload[0] < '0' || payload[0] > '2') {
        return;
    }
    msg = pt_form_unescape(r->pool, payload + 1, strlen(payload + 1));
    if (msg && pt_xml_text_ok(msg, strlen(msg))) {
        pt_node *f = pt_xml_elem(rq->page, "flash", msg);
        pt_xml_attr(f, "kind", kinds[payload[0] - '0']);
    }
}

/* Read the body of a form under the size limit, into a buffer the size of what comes
 * (Content-Length when given, else grown as bytes arrive): never the limit up front.
 * Returns OK or an HTTP status. */
static int portail_read_form(request_rec *r, apr_off_t max, const char **data, apr_size_t *len)
{
    const char *cl = apr_table_get(r->headers_in, "Content-Length");
    apr_off_t announced = cl ? apr_atoi64(cl) : -1;
    apr_size_t got = 0, cap;
    char *buf;
    long n;
    int rv;

    if (announced > max) {
        /* Refuse at once, without reading megabytes: close the connection after. */
        r->connection->keepalive = AP_CONN_CLOSE;
        return HTTP_REQUEST_ENTITY_TOO_LARGE;
    }
    if ((rv = ap_setup_client_block(r, REQUEST_CHUNKED_DECHUNK)) != OK) {
        return rv;
    }
    cap = announced >= 0 ? (apr_size_t)announced + 1 : 8192;
    if (cap > (apr_size_t)max + 1) {
        cap = (apr_size_t)max + 1;
    }
    buf = apr_palloc(r->pool, cap + 1);
    if (ap_should_client_block(r)) {
        for (;;) {
            if (got == cap) {
                /* More than announced (chunked, or a lying length): grow, up to max + 1
                 * so that one byte too many is seen. */
                apr_size_t bigger = cap * 2 > (apr_size_t)max + 1 ? (apr_size_t)max + 1 : cap * 2;
                char *nb;
                if (bigger <= cap) {
                    r->connection->keepalive = AP_CONN_CLOSE;
                    return HTTP_REQUEST_ENTITY_TOO_LARGE;
                }
                nb = apr_palloc(r->pool, bigger + 1);
                memcpy(nb, buf, got);
                buf = nb;
                cap = bigger;
            }
            if ((n = ap_get_client_block(r, buf + got, cap - got)) <= 0) {
                break;
            }
            got += (apr_size_t)n;
            if (got > (apr_size_t)max) {
                r->connection->keepalive = AP_CONN_CLOSE;
                return HTTP_REQUEST_ENTITY_TOO_LARGE;
            }
        }
        if (n < 0) {
            return r->status == HTTP_REQUEST_ENTITY_TOO_LARGE ? HTTP_REQUEST_ENTITY_TOO_LARGE
                                                              : HTTP_BAD_REQUEST;
        }
    }
    buf[got] = '\0';
    *data = buf;
    *len = got;
    return OK;
}

/* Files of a multipart body go to temporary files of <PortailDataDir>/tmp, on the same
 * file system as their final place so that a screen keeps one by an atomic rename. */
typedef struct portail_upload_ctx {
    request_rec *r;
    pt_req *rq;
    const char *dir;
    apr_file_t *file;
    pt_upload *current;
    int csrf_ok;                  /* the first part was the form's CSRF token */
} portail_upload_ctx;

#define PORTAIL_CSRF_REFUSED "Le formulaire a expiré ou ne vient pas du portail. Rechargez " \
                             "la page et recommencez."

/* The CSRF token of a multipart form is its FIRST part (layout.xsl writes it first in
 * every form, and browsers send fields in document order): checked as soon as that part
 * ends, so a forged or anonymous body is refused after at most one field — no file is
 * written and the rest of the body is not read.  (Not in the query string: URLs end up
 * in logs and Referer headers.) */
static int portail_upload_field(void *vctx, const char *name, const char *value, int first)
{
    portail_upload_ctx *ctx = vctx;
    if (ctx->csrf_ok) {
        return PT_MP_OK;
    }
    if (first && strcmp(name, "csrf") == 0 && pt_token_equal(value, ctx->rq->csrf)) {
        ctx->csrf_ok = 1;
        return PT_MP_OK;
    }
    return HTTP_FORBIDDEN;
}

static apr_status_t portail_upload_remove(void *path)
{
    apr_file_remove(path, NULL);   /* already moved by the screen: nothing to do */
    return APR_SUCCESS;
}

static int portail_upload_begin(void *vctx, const char *name, const char *filename,
                                const char *type)
{
    portail_upload_ctx *ctx = vctx;
    char *path;
    apr_status_t st;
    if (!ctx->csrf_ok) {
        return HTTP_FORBIDDEN;    /* a file before the token: nothing is written */
    }
    path = apr_pstrcat(ctx->r->pool, ctx->dir, "/envoi-XXXXXX", NULL);
    if (!ctx->rq->uploads) {
        ctx->rq->uploads = apr_array_make(ctx->r->pool, 1, sizeof(pt_upload));
    }
    st = apr_file_mktemp(&ctx->file, path, APR_FOPEN_CREATE | APR_FOPEN_WRITE
                         | APR_FOPEN_EXCL | APR_FOPEN_BINARY | APR_FOPEN_BUFFERED,
                         ctx->r->pool);
    if (st != APR_SUCCESS) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, st, ctx->r, PTLOGNO(00010) "upload: cannot create %s",
                      path);
        return HTTP_SERVICE_UNAVAILABLE;
    }
    apr_pool_cleanup_register(ctx->r->pool, path, portail_upload_remove,
                              apr_pool_cleanup_null);
    ctx->current = apr_array_push(ctx->rq->uploads);
    ctx->current->name = name;
    ctx->current->filename = filename;
    ctx->current->type = type;
    ctx->current->path = path;
    ctx->current->size = 0;
    return PT_MP_OK;
}

static int portail_upload_data(void *vctx, const char *buf, apr_size_t len)
{
    portail_upload_ctx *ctx = vctx;
    apr_status_t st = apr_file_write_full(ctx->file, buf, len, NULL);
    if (st != APR_SUCCESS) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, st, ctx->r, PTLOGNO(00011) "upload: cannot write %s",
                      ctx->current->path);
        return HTTP_SERVICE_UNAVAILABLE;
    }
    ctx->current->size += len;
    return PT_MP_OK;
}

static int portail_upload_end(void *vctx)
{
    portail_upload_ctx *ctx = vctx;
    apr_status_t st = apr_file_close(ctx->file);
    ctx->file = NULL;
    return st == APR_SUCCESS ? PT_MP_OK : HTTP_SERVICE_UNAVAILABLE;
}

/* A multipart/form-data body, streamed through the parser: fields into rq->form, files
 * into temporary files.  OK, or an HTTP status with *why (French). */
static int portail_read_multipart(request_rec *r, pt_req *rq, const portail_dir_conf *dc,
                                  const char *type, const char **why)
{
    const char *cl = apr_table_get(r->headers_in, "Content-Length"), *boundary = NULL;
    apr_off_t max_upload = portail_conf_max_upload(dc), max_form = portail_conf_max_form(dc);
    pt_multipart_limits lim;
    portail_upload_ctx ctx;
    pt_multipart_files files = { portail_upload_begin, portail_upload_data,
                                 portail_upload_end, &ctx, portail_upload_field };
    pt_multipart *mp;
    char buf[HUGE_STRING_LEN];
    long n;
    int rv;

    *why = "Le formulaire n'a pas été envoyé sous la forme attendue.";
    if (!rq->user) {
        /* Only the family's and the agents' forms send files: an anonymous request never
         * reaches the upload path, whatever its body. */
        r->connection->keepalive = AP_CONN_CLOSE;
        *why = PORTAIL_CSRF_REFUSED;
        return HTTP_FORBIDDEN;
    }
    if (pt_multipart_boundary(r->pool, type, &boundary) != PT_MP_OK) {
        return HTTP_BAD_REQUEST;
    }
    if (cl && apr_atoi64(cl) > max_upload + max_form) {
        r->connection->keepalive = AP_CONN_CLOSE;
        *why = apr_psprintf(r->pool, "Le fichier est trop volumineux : %" APR_OFF_T_FMT
                            " Mo au plus.", max_upload / (1024 * 1024));
        return HTTP_REQUEST_ENTITY_TOO_LARGE;
    }
    if (!rq->site->data_dir) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, PTLOGNO(00012)
                      "upload refused: PortailDataDir is not set");
        return HTTP_SERVICE_UNAVAILABLE;
    }
    memset(&ctx, 0, sizeof(ctx));
    ctx.r = r;
    ctx.rq = rq;
    ctx.dir = apr_pstrcat(r->pool, rq->site->data_dir, "/tmp", NULL);
    apr_dir_make_recursive(ctx.dir, APR_FPROT_OS_DEFAULT, r->pool);
    lim.max_parts = (apr_size_t)portail_conf_max_fields(dc);
    lim.max_header_len = 1024;
    lim.max_field_len = (apr_size_t)max_form;
    lim.max_file_len = max_upload;
    lim.max_total = max_upload + max_form;
    mp = pt_multipart_new(r->pool, boundary, &lim, &files);
    if ((rv = ap_setup_client_block(r, REQUEST_CHUNKED_DECHUNK)) != OK) {
        return rv;
    }
    rv = PT_MP_OK;
    if (ap_should_client_block(r)) {
        while (rv == PT_MP_OK && (n = ap_get_client_block(r, buf, sizeof(buf))) > 0) {
            rv = pt_multipart_feed(mp, buf, (apr_size_t)n);
        }
        if (rv == PT_MP_OK && n < 0) {
            *why = "L'envoi a été interrompu avant la fin : réessayez.";
            return HTTP_BAD_REQUEST;
        }
    }
    if (ctx.file) {
        apr_file_close(ctx.file);
    }
    if (rv == PT_MP_OK) {
        rv = pt_multipart_finish(mp, &rq->form);
    }
    if (rv == PT_MP_OK && !ctx.csrf_ok) {
        rv = HTTP_FORBIDDEN;      /* no part at all, or only the token's absence */
    }
    if (rv != PT_MP_OK) {
        *why = rv == HTTP_FORBIDDEN ? PORTAIL_CSRF_REFUSED : pt_multipart_error(mp);
        if (rv == HTTP_REQUEST_ENTITY_TOO_LARGE || rv == HTTP_FORBIDDEN) {
            r->connection->keepalive = AP_CONN_CLOSE;
        }
        return rv;
    }
    return OK;
}

static int portail_form_status(int rv)
{
    return rv == PT_FORM_TOO_MANY ? HTTP_REQUEST_ENTITY_TOO_LARGE : HTTP_BAD_REQUEST;
}

/* The CSRF token: an HMAC of the session token, or for anonymous forms (login, sign-up) of
 * a random cookie given to the browser on its first visit. */
static const char *portail_csrf(request_rec *r, pt_req *rq, const char *secret)
{
    const char *anchor = rq->user ? rq->user->session_token : portail_cookie(r, PORTAIL_ANON_COOKIE);
    if (!rq->user && (!anchor || strlen(anchor) != 43)) {
        anchor = pt_token_new(r->pool);
        if (!anchor) {
            return NULL;
        }
        portail_set_cookie(r, rq->site->base, PORTAIL_ANON_COOKIE, anchor, -1);
    }
    return pt_token_mac(r->pool, secret, apr_pstrcat(r->pool, "csrf:", anchor, NULL));
}

/* A public form (login, sign-up, lost password, logout) opened before logging in — in
 * this tab, while another tab logged in — carries the token of the anonymous cookie;
 * once a session exists the page's token is the session's.  Such a form is refused only
 * if its token matches neither: the first POST after logging in elsewhere is not
 * « formulaire expiré ».  Screens of a role always need the session's token. */
static int portail_csrf_anonymous_ok(request_rec *r, pt_req *rq, const portail_route *rt,
                                     const char *secret)
{
    const char *anchor = portail_cookie(r, PORTAIL_ANON_COOKIE);
    return rq->user && rt->role == PT_ROLE_ANY && anchor && strlen(anchor) == 43
           && pt_token_equal(pt_form_get(rq->form, "csrf"),
                             pt_token_mac(r->pool, secret,
                                          apr_pstrcat(r->pool, "csrf:", anchor, NULL)));
}

static int portail_send(request_rec *r, const char *type, const char *body, apr_size_t len)
{
    if (portail_fault_injection) {
        /* Tests: how many injected faults fired, so that a test knows it tested them. */
        portail_rctx *c = portail_rctx_get(r);
        if (c->db && pt_db_fault_fired(c->db)) {
            apr_table_setn(r->err_headers_out, "X-Portail-Fault-Injected",
                           apr_itoa(r->pool, pt_db_fault_fired(c->db)));
        }
    }
    ap_set_content_type(r, type);
    ap_set_content_length(r, (apr_off_t)len);
    if (!r->header_only) {
        ap_rwrite(body, (int)len, r);
    }
    return OK;
}

/* A streamed body (pt_req.h): written through Apache's output filters as the screen
 * builds it, flushed by them in small blocks; no Content-Length (chunked). */
static int portail_stream_write(void *ctx, const void *data, apr_size_t len)
{
    request_rec *r = ctx;
    return r->connection->aborted || ap_rwrite(data, (int)len, r) < 0 ? -1 : 0;
}

static int portail_send_stream(request_rec *r, pt_req *rq)
{
    apr_table_setn(r->headers_out, "Cache-Control", "private, no-store");
    if (rq->filename) {
        apr_table_setn(r->headers_out, "Content-Disposition",
                       apr_pstrcat(r->pool, "attachment; filename=\"", rq->filename, "\"",
                                   NULL));
    }
    ap_set_content_type(r, rq->content_type);
    if (r->header_only) {
        return OK;
    }
    rq->write = portail_stream_write;
    rq->write_ctx = r;
    if (rq->stream(rq) != 0) {
        /* Headers are gone: only a broken connection tells the client. */
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, PTLOGNO(00080) "stream broken: %s",
                      rq->error_detail ? rq->error_detail : "?");
        r->connection->keepalive = AP_CONN_CLOSE;
        r->connection->aborted = 1;
        return OK;
    }
    return OK;
}

/* Minimal French page for when even the error stylesheet cannot be used. */
static int portail_send_fallback(request_rec *r, int status)
{
    static const char page[] =
        "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"UTF-8\">"
        "<title>Service indisponible</title></head><body><h1>Service momentanément "
        "indisponible</h1><p>Le portail ne peut pas répondre pour le moment. Veuillez "
        "réessayer dans quelques minutes.</p></body></html>";
    r->status = status;
    return portail_send(r, "text/html; charset=UTF-8", page, sizeof(page) - 1);
}

/* The caching headers of a page, rendered now or taken from the page cache alike. */
static void portail_page_headers(request_rec *r, pt_req *rq)
{
    apr_table_setn(r->headers_out, "Cache-Control", rq->user ? "private, no-store" : "no-cache");
    apr_table_mergen(r->headers_out, "Vary", "Cookie, Accept");
}

static int portail_render(request_rec *r, pt_req *rq, const char *view)
{
    portail_server_conf *sc = ap_get_module_config(r->server->module_config, &portail_module);
    const char *out = NULL, *err;
    apr_size_t len = 0;

    portail_page_headers(r, rq);
    if (portail_wants_xml(r, rq->query)) {
        out = pt_xml_serialize(r->pool, rq->doc, &len);
        return portail_send(r, "application/xml; charset=UTF-8", out, len);
    }
    /* For the logs (%{portail-render}n): bench/run counts the pages really rendered. */
    apr_table_setn(r->notes, "portail-render", view);
    err = sc->render ? pt_render_html(sc->render, r->pool, rq->doc, view, &out, &len)
                     : "no stylesheet cache";
    if (err) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, PTLOGNO(00013) "rendering %s: %s", view, err);
        return portail_send_fallback(r, HTTP_INTERNAL_SERVER_ERROR);
    }
    if (rq->cache_key && r->status == HTTP_OK) {
        pt_pagecache_put(sc->pages, rq->cache_key, out, len);
    }
    return portail_send(r, "text/html; charset=UTF-8", out, len);
}

/* pt_req_log's way to the error log: the screen's number, then its sentence. */
static void portail_req_log(pt_req *rq, const char *number, const char *message)
{
    request_rec *r = rq->log_ctx;
    ap_log_rerror(APLOG_MARK, APLOG_WARNING, 0, r, "%s: %s", number, message);
}

/* Build the request context common to screens and error screens. */
static pt_req *portail_req_new(request_rec *r, const char *path)
{
    pt_req *rq = apr_pcalloc(r->pool, sizeof(*rq));
    int unavailable = 0;
    rq->pool = r->pool;
    rq->site = portail_site(r);
    rq->method = r->method_number == M_GET ? "GET" : r->method;
    rq->path = path;
    rq->client_ip = r->useragent_ip;
    rq->https = ap_http_scheme(r) && strcmp(ap_http_scheme(r), "https") == 0;
    rq->now = r->request_time;
    rq->status = HTTP_OK;
    rq->cookies = apr_table_make(r->pool, 2);
    rq->user = portail_user(r, &unavailable);
    rq->db = portail_db(r);
    rq->log = portail_req_log;
    rq->log_ctx = r;
    rq->render = ((portail_server_conf *)ap_get_module_config(r->server->module_config,
                                                              &portail_module))->render;
    return rq;
}

static int portail_error_page(request_rec *r, pt_req *rq, int status, const char *detail)
{
    pt_node *e;
    const char *allow = apr_table_get(r->err_headers_out, "Allow");
    portail_page_new(rq, "erreur");
    e = pt_xml_elem(rq->page, "erreur", NULL);
    pt_xml_attr_int(e, "code", status);
    if (detail) {
        pt_xml_elem(e, "detail", detail);
    }
    if (allow) {
        pt_xml_elem(e, "allow", allow);
    }
    r->status = status;
    if (status == HTTP_SERVICE_UNAVAILABLE) {
        apr_table_setn(r->err_headers_out, "Retry-After", "30");
    }
    return portail_render(r, rq, "erreur");
}

int portail_respond_error(request_rec *r, int status, const char *detail)
{
    portail_dir_conf *dc = ap_get_module_config(r->per_dir_config, &portail_module);
    pt_req *rq = portail_req_new(r, r->uri);
    const char *secret = rq->db ? portail_secret(r) : NULL;
    /* The query of the URL asked (before Apache's internal redirect to /erreur, if any):
     * ?format=xml gets the error as XML, like every screen. */
    const char *args = r->prev ? r->prev->args : r->args;
    if (args && pt_form_parse(r->pool, args, strlen(args), portail_conf_max_fields(dc),
                              &rq->query) != PT_FORM_OK) {
        rq->query = NULL;
    }
    portail_security_headers(r);
    rq->csrf = secret ? portail_csrf(r, rq, secret) : "";
    return portail_error_page(r, rq, status, detail);
}

static void portail_apply_cookies(request_rec *r, pt_req *rq)
{
    const apr_array_header_t *a = apr_table_elts(rq->cookies);
    const apr_table_entry_t *e = (const apr_table_entry_t *)a->elts;
    int i;
    for (i = 0; i < a->nelts; i++) {
        portail_set_cookie(r, rq->site->base, e[i].key, e[i].val, *e[i].val ? -1 : 0);
    }
}

int portail_respond(request_rec *r, const portail_route *rt, const char *path,
                    apr_table_t *params)
{
    portail_dir_conf *dc = ap_get_module_config(r->per_dir_config, &portail_module);
    pt_req *rq = portail_req_new(r, path);
    const char *secret;
    int rv, status;

    portail_security_headers(r);
    rq->params = params;
    rq->view = rt->view;
    if (!rq->db || !(secret = portail_secret(r))) {
        return portail_error_page(r, rq, HTTP_SERVICE_UNAVAILABLE, NULL);
    }
    rq->secret = secret;
    rq->csrf = portail_csrf(r, rq, secret);
    if (!rq->csrf) {
        return portail_error_page(r, rq, HTTP_SERVICE_UNAVAILABLE, NULL);
    }
    if ((rv = pt_form_parse(r->pool, r->args ? r->args : "", r->args ? strlen(r->args) : 0,
                            portail_conf_max_fields(dc), &rq->query)) != PT_FORM_OK) {
        return portail_error_page(r, rq, portail_form_status(rv),
                                  rv == PT_FORM_REPEATED
                                  ? "L'adresse de la page répète trop de fois un même paramètre."
                                  : "L'adresse de la page contient des caractères invalides.");
    }

    /* Who may see this screen: the <Location> blocks already said so to Apache; the
     * table says it again so that a forgotten block never opens a screen. */
    if (rt->role != PT_ROLE_ANY && rt->role != PT_ROLE_SERVICE && !rq->user) {
        const char *back = apr_pstrcat(r->pool, rq->site->base, path, NULL);
        apr_table_setn(r->headers_out, "Location",
                       apr_pstrcat(r->pool, rq->site->base, "/connexion?retour=",
                                   pt_form_escape(r->pool, back), NULL));
        return HTTP_SEE_OTHER;
    }
    if (!pt_role_allows(rt->role, rq->user)) {
        return portail_error_page(r, rq, HTTP_FORBIDDEN,
                                  rq->user && rq->user->role == PT_ROLE_AGENT
                                  ? "Cet écran est réservé aux agents d'un autre rôle ; "
                                    "un administrateur du portail attribue les rôles."
                                  : NULL);
    }
    rq->may = portail_route_may;

    if (r->method_number == M_POST) {
        const char *type = apr_table_get(r->headers_in, "Content-Type");
        const char *data = NULL;
        apr_size_t len = 0;
        const char *why = NULL;
        if (type && strncasecmp(type, "multipart/form-data", 19) == 0) {
            if ((rv = portail_read_multipart(r, rq, dc, type, &why)) != OK) {
                return portail_error_page(r, rq, rv, why);
            }
        }
        else if (!type || strncasecmp(type, "application/x-www-form-urlencoded", 33) != 0) {
            return portail_error_page(r, rq, HTTP_BAD_REQUEST,
                                      "Le formulaire n'a pas été envoyé sous la forme attendue.");
        }
        else if ((rv = portail_read_form(r, portail_conf_max_form(dc), &data, &len)) != OK) {
            return portail_error_page(r, rq, rv, NULL);
        }
        else if ((rv = pt_form_parse(r->pool, data, len, portail_conf_max_fields(dc),
                                     &rq->form)) != PT_FORM_OK) {
            return portail_error_page(r, rq, portail_form_status(rv), rv == PT_FORM_REPEATED
                                      ? "Le formulaire répète trop de fois un même champ." : NULL);
        }
        if (rt->role != PT_ROLE_SERVICE && !pt_token_equal(pt_form_get(rq->form, "csrf"), rq->csrf)
            && !portail_csrf_anonymous_ok(r, rq, rt, secret)) {
            return portail_error_page(r, rq, HTTP_FORBIDDEN,
                "Le formulaire a expiré ou ne vient pas du portail. Rechargez la page et "
                "recommencez.");
        }
    }

    portail_page_new(rq, rt->view ? rt->view : "raw");
    rq->xml = portail_wants_xml(r, rq->query);
    if (r->method_number == M_GET) {
        portail_flash_show(r, rq, secret);
        /* A page with a one-shot message, or asked as XML, is never a cached one. */
        const char *flash = portail_cookie(r, PORTAIL_FLASH_COOKIE);
        rq->cacheable = !(flash && *flash) && !rq->xml;
    }
    status = rt->screen(rq);
    portail_apply_cookies(r, rq);

    if (status == HTTP_SEE_OTHER) {
        const char *loc = rq->location && rq->location[0] == '/'
                          ? apr_pstrcat(r->pool, rq->site->base, rq->location, NULL)
                          : rq->location;
        if (rq->flash) {
            portail_set_cookie(r, rq->site->base, PORTAIL_FLASH_COOKIE,
                               portail_flash_encode(r, secret, rq->flash_kind, rq->flash), -1);
        }
        apr_table_setn(r->headers_out, "Location", loc ? loc : rq->site->base);
        apr_table_setn(r->headers_out, "Cache-Control", "no-store");
        r->status = HTTP_SEE_OTHER;
        return portail_send(r, "text/plain; charset=UTF-8", "", 0);
    }
    if (rq->view && strcmp(rq->view, "erreur") == 0) {
        return portail_error_page(r, rq, status, rq->error_detail);
    }
    r->status = status;
    if (rq->stream) {
        return portail_send_stream(r, rq);
    }
    if (rq->body && rq->cacheable && rq->content_type
        && strncmp(rq->content_type, "text/html", 9) == 0) {
        /* A page from the page cache (the home page, the planning): the headers it had
         * when it was rendered — the public home page is not « private ». */
        portail_page_headers(r, rq);
        return portail_send(r, rq->content_type, rq->body, rq->body_len);
    }
    if (rq->body) {
        /* A family's file (a photo, a calendar feed, an export) is nobody else's: no
         * cache keeps it, whether the request was logged in or carried a secret URL. */
        apr_table_setn(r->headers_out, "Cache-Control", "private, no-store");
        if (rq->filename) {
            /* Names are built by the screens from ids and dates: no quoting needed. */
            apr_table_setn(r->headers_out, "Content-Disposition",
                           apr_pstrcat(r->pool, "attachment; filename=\"", rq->filename, "\"",
                                       NULL));
        }
        return portail_send(r, rq->content_type, rq->body, rq->body_len);
    }
    return portail_render(r, rq, rq->view);
}
