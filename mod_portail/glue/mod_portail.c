/* mod_portail.c — the module record and its hooks.
 *
 *   pre_config   libxml2's allocator through the request arenas (core/pt_arena.h);
 *                SQLite without per-connection locks (core/pt_db.h);
 *                register the SQLite writers' mutex (directive Mutex portail-sqlite);
 *   post_config  register every prepared statement with mod_dbd (before mod_dbd groups
 *                them), check the stylesheet directory, create the writers' mutex;
 *   child_init   glibc's malloc kept from trimming; compile the stylesheets, once per
 *                process, shared by its threads;
 *   translate_name, map_to_storage
 *                a URL whose handler is "portail" names no file: no walk of the
 *                disk for it (a stat and an .htaccess lookup per directory);
 *   handler      "portail": route the request to its screen (router.c), with the
 *                request's libxml2 arena current.
 * Authentication and authorization providers are in auth.c.
 */
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <apr_strings.h>
#include <apr_optional.h>
#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_core.h"
#include "http_request.h"
#include "ap_expr.h"
#include "util_mutex.h"
#include "glue/glue.h"
#include "glue/respond.h"
#include "core/pt_sql.h"
#include "core/pt_arena.h"
#include "core/pt_payfip.h"

ap_dbd_t *(*portail_dbd_acquire)(request_rec *) = NULL;
apr_global_mutex_t *portail_writers = NULL;

static int portail_pre_config(apr_pool_t *pconf, apr_pool_t *plog, apr_pool_t *ptemp)
{
    /* libxml2's allocator, before any use of it by the portal (core/pt_arena.h);
     * PORTAIL_ARENA=0 in Apache's environment keeps malloc (bench/callgrind compares). */
    const char *arena = getenv("PORTAIL_ARENA");
    if (!arena || strcmp(arena, "0") != 0) {
        pt_arena_install();
    }
    /* SQLite's per-connection locks off (core/pt_db.h); on a restart SQLite is started
     * already and keeps the mode it has. */
    pt_db_process_init();
    return ap_mutex_register(pconf, PORTAIL_WRITERS_MUTEX, NULL, APR_LOCK_DEFAULT, 0)
           == APR_SUCCESS ? OK : HTTP_INTERNAL_SERVER_ERROR;
}

static int portail_post_config(apr_pool_t *pconf, apr_pool_t *plog, apr_pool_t *ptemp,
                               server_rec *s)
{
    APR_OPTIONAL_FN_TYPE(ap_dbd_prepare) *prepare = APR_RETRIEVE_OPTIONAL_FN(ap_dbd_prepare);
    module *dbd = ap_find_linked_module("mod_dbd.c");
    apr_hash_t *prepared = apr_hash_make(ptemp);
    server_rec *sp;
    const pt_sql_stmt *st;

    portail_dbd_acquire = APR_RETRIEVE_OPTIONAL_FN(ap_dbd_acquire);
    if (!prepare || !portail_dbd_acquire) {
        ap_log_error(APLOG_MARK, APLOG_CRIT, 0, s, PTLOGNO(00020)
                     "mod_portail needs mod_dbd: add LoadModule dbd_module");
        return HTTP_INTERNAL_SERVER_ERROR;
    }
    pt_render_global_init();
    if (ap_global_mutex_create(&portail_writers, NULL, PORTAIL_WRITERS_MUTEX, NULL, s, pconf, 0)
        != APR_SUCCESS) {
        return HTTP_INTERNAL_SERVER_ERROR;   /* logged by ap_global_mutex_create */
    }
    for (sp = s; sp; sp = sp->next) {
        portail_server_conf *sc = ap_get_module_config(sp->module_config, &portail_module);
        apr_finfo_t fi;
        const char *layout = apr_pstrcat(ptemp, portail_conf_stylesheet_dir(sc),
                                         "/layout.xsl", NULL);
        /* A virtual host without mod_dbd directives of its own shares the main server's
         * mod_dbd configuration: preparing there again registered every statement twice
         * (AH02653 « conflicting SQL statements », once per label and host). */
        const void *dbd_conf = dbd ? ap_get_module_config(sp->module_config, dbd) : sp;
        if (!apr_hash_get(prepared, &dbd_conf, sizeof(dbd_conf))) {
            apr_hash_set(prepared, apr_pmemdup(ptemp, &dbd_conf, sizeof(dbd_conf)),
                         sizeof(dbd_conf), sp);
            for (st = pt_sql_statements; st->label; st++) {
                prepare(sp, st->sql, st->label);
            }
        }
        if (apr_stat(&fi, layout, APR_FINFO_TYPE, ptemp) != APR_SUCCESS) {
            ap_log_error(APLOG_MARK, APLOG_CRIT, 0, sp, PTLOGNO(00021)
                         "mod_portail: %s not found; set PortailStylesheetDir", layout);
            return HTTP_INTERNAL_SERVER_ERROR;
        }
    }
    return OK;
}

static void portail_child_init(apr_pool_t *pchild, server_rec *s)
{
    apr_hash_t *by_dir = apr_hash_make(pchild);
    server_rec *sp;

#ifdef __GLIBC__
    /* glibc gives freed memory back to the system at every trim threshold crossed, and
     * maps large blocks afresh each time: under a booking rush madvise/munmap were 10 %
     * of a booking.  A process keeps its memory for the next request instead. */
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
    mallopt(M_MMAP_THRESHOLD, 16 * 1024 * 1024);
    mallopt(M_TOP_PAD, 4 * 1024 * 1024);
#endif
    /* libcurl's global state before the threads (PayFiP's web service). */
    pt_payfip_global_init();
    portail_request_child_init(pchild);
    if (portail_writers
        && apr_global_mutex_child_init(&portail_writers, apr_global_mutex_lockfile(portail_writers),
                                       pchild) != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_CRIT, 0, s, PTLOGNO(00022)
                     "mod_portail: no writers' mutex in this process; SQLite writers will poll");
        portail_writers = NULL;
    }
    for (sp = s; sp; sp = sp->next) {
        portail_server_conf *sc = ap_get_module_config(sp->module_config, &portail_module);
        const char *dir = portail_conf_stylesheet_dir(sc);
        pt_render_cache *cache = apr_hash_get(by_dir, dir, APR_HASH_KEY_STRING);
        const portail_route *rt;
        if (!cache) {
            if (pt_render_cache_create(pchild, dir, &cache) != APR_SUCCESS) {
                ap_log_error(APLOG_MARK, APLOG_CRIT, 0, sp, PTLOGNO(00023)
                             "mod_portail: no stylesheet cache");
                continue;
            }
            apr_hash_set(by_dir, dir, APR_HASH_KEY_STRING, cache);
            /* Compile now rather than on a parent's first click. */
            for (rt = portail_routes_table(); rt->method; rt++) {
                const char *err = rt->view ? pt_render_preload(cache, rt->view) : NULL;
                if (err) {
                    ap_log_error(APLOG_MARK, APLOG_ERR, 0, sp, PTLOGNO(00024)
                                 "mod_portail: %s", err);
                }
            }
            if (pt_render_preload(cache, "erreur")) {
                ap_log_error(APLOG_MARK, APLOG_ERR, 0, sp, PTLOGNO(00025)
                             "mod_portail: cannot compile %s/erreur.xsl", dir);
            }
        }
        /* Each process has its own copy of the configuration: setting it here is safe.
         * Pages are per server: their keys hold account ids of this server's database. */
        sc->render = cache;
        if (pt_pagecache_create(pchild, PORTAIL_PAGECACHE_BYTES, &sc->pages) != APR_SUCCESS) {
            sc->pages = NULL;
        }
    }
}

/* mod_dbd's hook on each new connection: the portal's connection settings (SQLite:
 * foreign keys, busy timeout), then prepare the statements again since SQLite expires
 * those prepared before a PRAGMA. */
static apr_status_t portail_dbd_post_connect(apr_pool_t *pool, dbd_cfg_t *cfg, ap_dbd_t *dbd)
{
    pt_db *db = pt_db_wrap(pool, dbd->driver, dbd->handle, dbd->prepared);
    int missing = 0;
    if (db->dialect != PT_DIALECT_SQLITE) {
        /* PostgreSQL: errors carry their SQLSTATE (nothing to prepare again). */
        return pt_db_connection_init(db) == PT_DB_OK ? APR_SUCCESS : APR_EGENERAL;
    }
    if (pt_db_connection_init(db) != PT_DB_OK
        || pt_db_prepare_all(db, &missing) != PT_DB_OK) {
        ap_log_error(APLOG_MARK, APLOG_ERR, 0, NULL, PTLOGNO(00026)
                     "mod_portail: cannot set up a database connection (%d statements "
                     "missing; was portail-ctl init run?): %s", missing,
                     db->error ? db->error : "?");
        return APR_EGENERAL;
    }
    return APR_SUCCESS;
}

static int portail_handler(request_rec *r)
{
    pt_arena *outer;
    int rv;
    if (!r->handler || strcmp(r->handler, "portail") != 0) {
        return DECLINED;
    }
    /* libxml2's memory of this request: one arena, dropped with r->pool (a subrequest
     * gives the outer request its arena back). */
    outer = pt_arena_swap(NULL);
    pt_arena_begin(r->pool);
    rv = portail_dispatch(r);
    pt_arena_leave();
    pt_arena_swap(outer);
    return rv;
}

/* The portal's URLs are not files.  Left to the core, each would be mapped under the
 * DocumentRoot and walked directory by directory — a stat and an .htaccess lookup for
 * each, a dozen system calls per page for nothing.  As mod_proxy does for its URLs: when
 * the <Location> gives the request to the portal (SetHandler portail, seen here through
 * the first location walk), its file name says so, and map_to_storage stops there.  The
 * <Location> sections still apply (httpd walks them again after map_to_storage);
 * <Directory> and <Files> sections never concerned these URLs.  Run after mod_alias and
 * mod_rewrite (APR_HOOK_LAST): a URL they map to a file stays theirs. */
#define PORTAIL_FILENAME "portail:"

static int portail_translate_name(request_rec *r)
{
    core_dir_config *d = ap_get_core_module_config(r->per_dir_config);
    const char *err = NULL, *handler;
    if (!d || !d->expr_handler || !r->uri || r->uri[0] != '/') {
        return DECLINED;
    }
    handler = ap_expr_str_exec(r, d->expr_handler, &err);
    if (err || !handler || strcmp(handler, "portail") != 0) {
        return DECLINED;
    }
    r->filename = apr_pstrcat(r->pool, PORTAIL_FILENAME, r->uri, NULL);
    return OK;
}

static int portail_map_to_storage(request_rec *r)
{
    return r->filename && strncmp(r->filename, PORTAIL_FILENAME,
                                  sizeof(PORTAIL_FILENAME) - 1) == 0 ? OK : DECLINED;
}

static void portail_register_hooks(apr_pool_t *p)
{
    /* Our statements must reach mod_dbd before its post_config groups them. */
    static const char *const before_dbd[] = { "mod_dbd.c", NULL };
    ap_hook_pre_config(portail_pre_config, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_post_config(portail_post_config, NULL, before_dbd, APR_HOOK_MIDDLE);
    ap_hook_child_init(portail_child_init, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_translate_name(portail_translate_name, NULL, NULL, APR_HOOK_LAST);
    ap_hook_map_to_storage(portail_map_to_storage, NULL, NULL, APR_HOOK_FIRST);
    ap_hook_handler(portail_handler, NULL, NULL, APR_HOOK_MIDDLE);
    APR_OPTIONAL_HOOK(dbd, post_connect, portail_dbd_post_connect, NULL, NULL, APR_HOOK_MIDDLE);
    portail_register_auth(p);
}

AP_DECLARE_MODULE(portail) = {
    STANDARD20_MODULE_STUFF,
    portail_create_dir_conf,
    portail_merge_dir_conf,
    portail_create_server_conf,
    portail_merge_server_conf,
    portail_cmds,
    portail_register_hooks,
    AP_MODULE_FLAG_NONE
};
