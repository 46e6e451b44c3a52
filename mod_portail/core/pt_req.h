/* pt_req — what a screen sees of a request, and what it answers.
 *
 * The glue fills a pt_req from the request_rec (method, path, parameters, form, user,
 * database connection) and turns the answer back into HTTP (status, redirect, cookies,
 * rendering of the XML page).  Screens are therefore plain C over APR: they never see
 * httpd, and one screen function is one (method, path) of the router table.
 */
#ifndef PT_REQ_H
#define PT_REQ_H

#include <apr_pools.h>
#include <apr_tables.h>
#include <apr_time.h>
#include "core/pt_db.h"
#include "core/pt_xml.h"
#include "core/pt_payfip.h"

/* Site settings from the directives, as the screens need them. */
typedef struct pt_site {
    const char *town;          /* PortailTown */
    const char *base;          /* URL path of the portal, e.g. "/portail" */
    const char *public_url;    /* PortailPublicURL, absolute, for mails; may be NULL */
    const char *static_url;    /* PortailStaticURL */
    const char *colour;        /* PortailColour, "#rrggbb" */
    const char *logo;          /* PortailLogo, URL or NULL */
    const char *data_dir;      /* PortailDataDir */
    const char *mail_from;     /* PortailMailFrom */
    int session_idle;          /* seconds */
    int session_lifetime;      /* seconds */
    struct pt_pagecache *pages;/* rendered pages of this server, per process; may be NULL */
    int photos_pending;        /* PortailPhotosPending */
    const char *legal_notice;  /* PortailLegalNotice, NULL for the default text */
    const char *accessibility; /* PortailAccessibility, NULL for the default text */
    pt_payfip_conf payfip;     /* PortailPayfip* (online payment off without a service) */
} pt_site;

/* Who may use a route (the router table's column) and who a user is.  PT_ROLE_AGENT is
 * any agent; the agent roles are bits (an agent holds several, core/pt_role.h): a route
 * naming one, or a named set of them, opens to an agent holding any of them.  A route
 * needing a new set gets a name here: the router's column stays one word (the browser
 * suite reads it).  PT_ROLE_SERVICE: a server-to-server call (PayFiP's notification):
 * anyone, no session, and a POST without the CSRF token a browser form carries — the
 * screen trusts nothing of it and checks with the caller's service itself. */
typedef enum {
    PT_ROLE_ANY = 0, PT_ROLE_PARENT, PT_ROLE_AGENT, PT_ROLE_USER, PT_ROLE_SERVICE,
    PT_ROLE_ACCUEIL = 0x10,
    PT_ROLE_RESTAURATION = 0x20,
    PT_ROLE_FACTURATION = 0x40,
    PT_ROLE_ADMINISTRATION = 0x80,
    /* those who care for the children: the health data, the day sheets */
    PT_ROLE_ENFANTS = PT_ROLE_ACCUEIL | PT_ROLE_RESTAURATION,
    /* the family file's change requests: bank changes go to billing */
    PT_ROLE_DOSSIERS = PT_ROLE_ACCUEIL | PT_ROLE_FACTURATION
} pt_role;

/* The logged-in account, when there is one. */
typedef struct pt_user {
    apr_int64_t id;
    const char *email;
    const char *prenom;
    const char *nom;
    pt_role role;              /* PT_ROLE_PARENT or PT_ROLE_AGENT */
    int agent_roles;           /* an agent's roles: PT_ROLE_ACCUEIL | … (0 for a parent) */
    const char *session_token; /* the raw token of the current session */
} pt_user;

typedef enum { PT_FLASH_INFO = 0, PT_FLASH_SUCCES, PT_FLASH_ERREUR } pt_flash_kind;

/* A file of a multipart/form-data POST, received into a temporary file of the data
 * directory (removed at the end of the request unless the screen moved it). */
typedef struct pt_upload {
    const char *name;          /* the form field */
    const char *filename;      /* sanitized, as the browser sent it: never trusted */
    const char *type;          /* the declared Content-Type: never trusted either */
    const char *path;          /* the temporary file */
    apr_off_t size;
} pt_upload;

typedef struct pt_req pt_req;
struct pt_req {
    apr_pool_t *pool;
    const pt_site *site;
    const char *method;        /* "GET" or "POST" (HEAD is served as GET) */
    const char *path;          /* path below the base, always starting with "/" */
    const char *client_ip;
    int https;
    apr_time_t now;

    apr_table_t *params;       /* named parts of the route pattern */
    apr_table_t *query;        /* query string */
    apr_table_t *form;         /* POST body, CSRF already checked; NULL on GET */
    apr_array_header_t *uploads; /* pt_upload of a multipart POST, else NULL */

    pt_db *db;                 /* NULL if the database is unavailable */
    const pt_user *user;       /* NULL when anonymous */
    const char *csrf;          /* the token forms must carry */
    const char *secret;        /* the portal's secret (signs tokens; from the database) */

    /* The answer. */
    pt_doc *doc;               /* <page>, prepared by the glue */
    pt_node *page;             /* its root */
    const char *view;          /* stylesheet name, defaults to the route's */
    int status;                /* HTTP status, 200 by default */
    const char *location;      /* for 303: path below base (or absolute URL) */
    const char *content_type;  /* for raw bodies (e.g. theme.css) */
    const char *body;          /* raw body instead of the rendered page */
    apr_size_t body_len;
    const char *filename;      /* a raw body to save rather than show (CSV exports) */
    int cacheable;             /* the page may come from site->pages (HTML, no message) */
    int xml;                   /* the document itself is the answer (the XML API): screens
                                * leave out nothing; for HTML they may skip what their
                                * stylesheet never reads */
    const char *cache_key;     /* set by the screen: keep the rendered page under it */
    apr_table_t *cookies;      /* cookies to set: name -> value ("" deletes) */
    const char *flash;         /* one-shot message for the next page */
    pt_flash_kind flash_kind;
    const char *allow;         /* for 405 */
    const char *error_detail;  /* an extra sentence on an error screen */
    /* A warning in the server's error log, with its number (« PT00040 »): set by the glue,
     * called through pt_req_log. */
    void (*log)(pt_req *rq, const char *number, const char *message);
    void *log_ctx;

    /* A body written while it is built, never held whole (« Mes données »): the screen
     * sets stream (with content_type and filename) and returns 200; the glue sends the
     * headers, then calls stream(rq), which writes through rq->write(rq->write_ctx, …)
     * and returns 0, or -1 after a failure (the glue then breaks the connection, so the
     * client sees an incomplete download, never a file that looks whole). */
    int (*stream)(pt_req *rq);
    void *stream_ctx;
    int (*write)(void *ctx, const void *data, apr_size_t len); /* set by the glue */
    void *write_ctx;
    struct pt_render_cache *render;/* the stylesheets, for a stream that renders */

    /* Whether the user may use (method, path): the router table's answer, set by the
     * glue (pt_req_may). */
    int (*may)(const pt_req *rq, const char *method, const char *path);
};

/* Log a refusal or an anomaly (printf-style) in Apache's error log under its number. */
void pt_req_log(pt_req *rq, const char *number, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The session cookie; screens set it at login and clear it at logout. */
#define PT_SESSION_COOKIE "portail_session"

/* A screen function: fills rq->page (or sets status/location) and returns the status. */
typedef int (*pt_screen_fn)(pt_req *rq);

/* Answer with a redirect (303 See Other) to `path` below the base, with a one-shot
 * message for the next page.  Returns 303 so screens can `return pt_req_redirect(...)`. */
int pt_req_redirect(pt_req *rq, const char *path, pt_flash_kind kind, const char *message);

/* Answer with an error screen; detail may be NULL.  Returns status. */
int pt_req_error(pt_req *rq, int status, const char *detail);

/* The screen's element under <page>. */
pt_node *pt_req_screen(pt_req *rq, const char *name);

/* Forms: <form action=…> holding <field> elements with what was typed and the errors. */
typedef struct pt_form_view pt_form_view;
pt_form_view *pt_form_view_new(pt_req *rq, pt_node *parent, const char *action);
/* Add a field; value is what was typed (or the stored value).  Returns the <field>. */
pt_node *pt_form_view_field(pt_form_view *fv, const char *name, const char *type,
                            const char *label, const char *value, int required);
/* Fields added next go into a <fieldset> with this legend (a group: « Responsable 1 »). */
pt_node *pt_form_view_fieldset(pt_form_view *fv, const char *legend);
/* An <option> of a field of type "select". */
pt_node *pt_form_view_option(pt_node *field, const char *value, const char *label);
/* Attach an error to the last field named `name` (a message about the whole form when
 * there is none); marks the form as invalid. */
void pt_form_view_error(pt_form_view *fv, const char *name, const char *message);
int pt_form_view_errors(const pt_form_view *fv);
pt_node *pt_form_view_node(const pt_form_view *fv);
/* A select field whose options are rows (value and label columns); returns the field. */
pt_node *pt_form_view_select(pt_form_view *fv, const char *name, const char *label,
                             const char *value, int required, const pt_rows *rows,
                             const char *value_col, const char *label_col);

/* Set (value) or delete (NULL) a cookie of the portal; the glue adds Path, HttpOnly,
 * SameSite and Secure. */
void pt_req_set_cookie(pt_req *rq, const char *name, const char *value);

/* The file sent in field `name`, or NULL. */
const pt_upload *pt_req_upload(pt_req *rq, const char *name);

/* Integer route parameter; -1 when missing or not a positive integer. */
apr_int64_t pt_req_param_id(pt_req *rq, const char *name);

/* 1 when the user may use the route (method, path below the base): screens show only
 * the links and forms the router table would open. */
int pt_req_may(const pt_req *rq, const char *method, const char *path);

/* Integer query parameter `name` in [min, max] into *out (dflt when absent or empty).
 * 0 when it is there but not such a number: the screen answers 400. */
int pt_req_query_int(pt_req *rq, const char *name, int dflt, int min, int max, int *out);

#endif
