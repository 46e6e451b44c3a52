/* glue.h — what the httpd-facing files of mod_portail share.
 *
 * Only mod_portail/glue/ includes httpd headers.  The glue turns a request_rec into a
 * pt_req for the screens (core/pt_req.h) and their answer back into HTTP.
 */
#ifndef PORTAIL_GLUE_H
#define PORTAIL_GLUE_H

#include <apr_dbd.h>
#include <apr_global_mutex.h>
#include "httpd.h"
#include "http_config.h"
#include "mod_dbd.h"
#include "core/pt_req.h"
#include "core/pt_render.h"
#include "core/pt_pagecache.h"

/* SQLite's writers queue on this mutex, between all processes (pt_db_set_writers_lock);
 * NULL when it could not be made. */
#define PORTAIL_WRITERS_MUTEX "portail-sqlite"
extern apr_global_mutex_t *portail_writers;

/* Rendered pages kept by each process, per server (core/pt_pagecache.h). */
#define PORTAIL_PAGECACHE_BYTES (16 * 1024 * 1024)

extern module AP_MODULE_DECLARE_DATA portail_module;

/* Every log line of the module starts with its own number, « PT00012: », as httpd's
 * modules do with APLOGNO (whose AH numbers are httpd's: AH10000 and up are taken).
 * Numbers are given once, never reused: request.c 00001-00009, respond.c 00010-00019,
 * mod_portail.c 00020-00029, config.c 00030-00039, auth.c / router.c 00040-00049, next
 * free 00050 (docs/webmaster.md lists them); 00080-00089: RGPD (h16rgpd). */
#define PTLOGNO(n) "PT" #n ": "

/* Per virtual host. */
typedef struct portail_server_conf {
    const char *town;
    const char *base_path;        /* PortailBaseURL's path, e.g. "/portail" */
    const char *public_url;       /* PortailBaseURL when absolute */
    const char *static_url;
    const char *stylesheet_dir;
    const char *data_dir;
    const char *colour;
    const char *logo;
    const char *mail_from;
    int session_idle;             /* -1 = unset, for merging */
    int session_lifetime;
    int cookie_secure;            /* PORTAIL_SECURE_* */
    const char *legal_notice;     /* PortailLegalNotice's text, NULL: the default page */
    const char *accessibility;    /* PortailAccessibility's text, NULL: the default page */
    pt_render_cache *render;      /* compiled stylesheets, per process (child_init) */
    struct pt_pagecache *pages;   /* rendered pages, per process (child_init) */
    int photos_pending;           /* PortailPhotosPending, -1 = unset */
    /* PortailPayfipService / Page / Numcli / Saisie / Timeout (core/pt_payfip.h) —
     * h15payfip; payfip_origin: the page's scheme://host[:port], allowed as a form target */
    const char *payfip_service, *payfip_page, *payfip_numcli, *payfip_saisie, *payfip_origin;
    const char *payfip_page_default;  /* the service's origin + /tpi/paiement.web */
    int payfip_timeout;           /* seconds, -1 = unset */
} portail_server_conf;

#define PORTAIL_SECURE_UNSET -1
#define PORTAIL_SECURE_OFF 0
#define PORTAIL_SECURE_ON 1
#define PORTAIL_SECURE_AUTO 2

/* Per directory (<Location>). */
typedef struct portail_dir_conf {
    apr_off_t max_form;           /* bytes, -1 = unset */
    int max_fields;               /* -1 = unset */
    apr_off_t max_upload;         /* bytes of a file upload, -1 = unset */
} portail_dir_conf;

#define PORTAIL_ANON_COOKIE "portail_anon"
#define PORTAIL_FLASH_COOKIE "portail_message"

/* config.c */
extern const command_rec portail_cmds[];
void *portail_create_server_conf(apr_pool_t *p, server_rec *s);
void *portail_merge_server_conf(apr_pool_t *p, void *base, void *add);
void *portail_create_dir_conf(apr_pool_t *p, char *dir);
void *portail_merge_dir_conf(apr_pool_t *p, void *base, void *add);
/* PortailFaultInjection (tests): X-Portail-Fault is obeyed (core/pt_db.h). */
extern int portail_fault_injection;
/* Effective values, defaults applied. */
int portail_conf_session_idle(const portail_server_conf *sc);
int portail_conf_session_lifetime(const portail_server_conf *sc);
apr_off_t portail_conf_max_form(const portail_dir_conf *dc);
int portail_conf_max_fields(const portail_dir_conf *dc);
apr_off_t portail_conf_max_upload(const portail_dir_conf *dc);
const char *portail_conf_stylesheet_dir(const portail_server_conf *sc);
const char *portail_conf_base_path(const portail_server_conf *sc);
int portail_conf_photos_pending(const portail_server_conf *sc);

/* request.c: the per-request state the hooks share. */
typedef struct portail_rctx {
    pt_db *db;                    /* NULL until asked for, or if unavailable */
    int db_tried;
    const pt_user *user;
    int user_resolved;
    int db_status;                /* PT_DB_* of the session lookup */
} portail_rctx;

/* The request whose pool holds the per-request state: the main request of a sub-request,
 * the first of internal redirects (they share its pool). */
request_rec *portail_main_request(request_rec *r);
portail_rctx *portail_rctx_get(request_rec *r);
/* The database connection of this request (mod_dbd), or NULL. */
pt_db *portail_db(request_rec *r);
/* The logged-in user, resolved once per request; NULL when anonymous.  *unavailable is
 * set when the database could not be asked. */
const pt_user *portail_user(request_rec *r, int *unavailable);
/* The portal's secret (from the database, cached per process). */
const char *portail_secret(request_rec *r);
/* A cookie of the request, or NULL. */
const char *portail_cookie(request_rec *r, const char *name);
/* Add a Set-Cookie with the portal's attributes (Path=base, HttpOnly, SameSite=Lax,
 * Secure under HTTPS); max_age < 0 = session cookie, 0 = delete. */
void portail_set_cookie(request_rec *r, const char *base, const char *name,
                        const char *value, long max_age);
/* Security headers every answer of the portal carries. */
void portail_security_headers(request_rec *r);

/* request.c, called from child_init */
void portail_request_child_init(apr_pool_t *pchild);

/* router.c */
int portail_dispatch(request_rec *r);

/* auth.c */
void portail_register_auth(apr_pool_t *p);

/* mod_portail.c: mod_dbd functions, looked up in post_config. */
extern ap_dbd_t *(*portail_dbd_acquire)(request_rec *);

#endif
