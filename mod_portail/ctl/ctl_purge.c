/* ctl_purge.c — `portail-ctl purge`: what the portal keeps no longer than needed.
 *
 * One table of sweeps, each removing one kind of leftover and saying what it removed:
 * expired sessions, stale guess counters, photo files nothing refers to any more (a
 * failed or abandoned upload, a photo replaced meanwhile), and temporary files of
 * uploads a killed process left in <PortailDataDir>/tmp.  Files younger than an hour are
 * left alone: they may belong to a request running now.  With --dry-run nothing is
 * removed (the database sweeps run in a transaction rolled back) and the same list is
 * printed.  A new retention rule is one more line in the table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include <apr_file_io.h>
#include <apr_hash.h>
#include "core/pt_db.h"
#include "ctl/ctl.h"

#define CTL_PURGE_FILE_AGE 3600            /* seconds: younger files may be in use */

/* One statement of the purge: its count of rows removed. */
static int ctl_purge_rows(ctl *c, const char *label, int nargs, const char *const *args,
                          const char *what)
{
    int n = 0;
    if (pt_db_exec(c->db, c->pool, label, nargs, args, &n) != PT_DB_OK) {
        return ctl_fail("purge (%s) : %s", what, c->db->error);
    }
    printf("%s : %d %s\n", what, n, c->dry_run ? "à supprimer" : "supprimé(s)");
    return 0;
}

static int ctl_purge_sessions(ctl *c, apr_time_t now)
{
    /* Idle sessions: the longest idle timeout a site may configure is 31 days. */
    return ctl_purge_rows(c, "portail_session_purge",
                          PT_ARGS(pt_db_int(c->pool, apr_time_sec(now)),
                                  pt_db_int(c->pool, apr_time_sec(now) - 31 * 86400)),
                          "sessions expirées");
}

static int ctl_purge_throttles(ctl *c, apr_time_t now)
{
    return ctl_purge_rows(c, "portail_throttle_purge",
                          PT_ARGS(pt_db_int(c->pool, apr_time_sec(now) - 86400),
                                  pt_db_int(c->pool, apr_time_sec(now))),
                          "compteurs d'essais périmés");
}

/* Remove the regular files of <data>/<sub> older than the age limit and not in `keep`
 * (NULL: none kept); each printed. */
static int ctl_purge_files(ctl *c, apr_time_t now, const char *sub, apr_hash_t *keep,
                           const char *why)
{
    const char *dir = apr_pstrcat(c->pool, c->data_dir, "/", sub, NULL);
    apr_dir_t *d;
    apr_finfo_t fi;
    int n = 0;
    if (apr_dir_open(&d, dir, c->pool) != APR_SUCCESS) {
        printf("%s : dossier absent, rien à faire\n", sub);
        return 0;
    }
    while (apr_dir_read(&fi, APR_FINFO_NAME | APR_FINFO_TYPE | APR_FINFO_MTIME, d)
           == APR_SUCCESS) {
        const char *path;
        if (fi.filetype != APR_REG || (keep && apr_hash_get(keep, fi.name, APR_HASH_KEY_STRING))
            || fi.mtime > now - apr_time_from_sec(CTL_PURGE_FILE_AGE)) {
            continue;
        }
        path = apr_pstrcat(c->pool, dir, "/", fi.name, NULL);
        if (!c->dry_run && apr_file_remove(path, c->pool) != APR_SUCCESS) {
            apr_dir_close(d);
            return ctl_fail("impossible de supprimer %s", path);
        }
        printf("%s/%s : %s, %s\n", sub, fi.name, why, c->dry_run ? "à supprimer" : "supprimé");
        n++;
    }
    apr_dir_close(d);
    printf("%s : %d fichier(s) %s\n", sub, n, c->dry_run ? "à supprimer" : "supprimé(s)");
    return 0;
}

static int ctl_purge_photos(ctl *c, apr_time_t now)
{
    apr_hash_t *keep = apr_hash_make(c->pool);
    pt_rows *r = NULL;
    int i;
    if (pt_db_select(c->db, c->pool, "portail_photo_all_used", PT_NOARGS, &r) != PT_DB_OK) {
        return ctl_fail("purge (photos) : %s", c->db->error);
    }
    for (i = 0; i < r->n; i++) {
        apr_hash_set(keep, pt_rows_get(r, i, "name"), APR_HASH_KEY_STRING, "");
    }
    return ctl_purge_files(c, now, "photos", keep, "photo d'aucun enfant ni d'aucune demande "
                                                   "en attente");
}

static int ctl_purge_tmp(ctl *c, apr_time_t now)
{
    return ctl_purge_files(c, now, "tmp", NULL, "envoi interrompu");
}

/* Documents (h16docs): accepted ones whose validity ended, and refused or cancelled ones
 * sent, more than PortailDocumentRetention months ago (12 by default) lose their row;
 * then the files of <data>/documents no row refers to (those, and what a failure left). */
#define CTL_PURGE_DOCUMENT_MONTHS 12

static int ctl_purge_documents(ctl *c, apr_time_t now)
{
    int months = c->document_retention ? atoi(c->document_retention) : 0, i, n = 0;
    pt_date today = pt_date_of_time(now), cut;
    apr_hash_t *keep = apr_hash_make(c->pool);
    pt_rows *r = NULL;
    months = months > 0 ? months : CTL_PURGE_DOCUMENT_MONTHS;
    cut.y = today.y - months / 12;
    cut.m = today.m - months % 12;
    if (cut.m < 1) {
        cut.m += 12;
        cut.y--;
    }
    cut.d = today.d < pt_date_days_in_month(cut.y, cut.m) ? today.d
                                                           : pt_date_days_in_month(cut.y, cut.m);
    if (pt_db_select(c->db, c->pool, "portail_documents_expired",
                     PT_ARGS(pt_date_iso(c->pool, cut),
                             pt_db_int(c->pool, pt_fr_instant(cut, 0, 0))), &r) != PT_DB_OK) {
        return ctl_fail("purge (documents) : %s", c->db->error);
    }
    for (i = 0; i < r->n; i++) {
        if (pt_db_exec(c->db, c->pool, "portail_document_delete",
                       PT_ARGS(pt_rows_get(r, i, "id")), NULL) != PT_DB_OK) {
            return ctl_fail("purge (documents) : %s", c->db->error);
        }
        printf("document %s : expiré ou refusé depuis plus de %d mois, %s\n",
               pt_rows_get(r, i, "id"), months, c->dry_run ? "à supprimer" : "supprimé");
        n++;
    }
    printf("documents expirés depuis plus de %d mois : %d %s\n", months, n,
           c->dry_run ? "à supprimer" : "supprimé(s)");
    if (!c->data_dir) {
        return 0;
    }
    if (pt_db_select(c->db, c->pool, "portail_documents_files", PT_NOARGS, &r) != PT_DB_OK) {
        return ctl_fail("purge (documents) : %s", c->db->error);
    }
    for (i = 0; i < r->n; i++) {
        apr_hash_set(keep, pt_rows_get(r, i, "name"), APR_HASH_KEY_STRING, "");
    }
    return ctl_purge_files(c, now, "documents", keep, "fichier d'aucun document conservé");
}

static const struct {
    int (*run)(ctl *c, apr_time_t now);
    int files;                     /* needs PortailDataDir */
} ctl_sweeps[] = {
    { ctl_purge_sessions, 0 },
    { ctl_purge_throttles, 0 },
    { ctl_purge_photos, 1 },
    { ctl_purge_tmp, 1 },
    { ctl_purge_documents, 0 },
    { NULL, 0 }
};

int ctl_purge(ctl *c)
{
    apr_time_t now = apr_time_now();
    int i, rv = 0;
    if (!c->data_dir) {
        printf("PortailDataDir inconnu (--data-dir ou --config) : fichiers non examinés\n");
    }
    if (pt_db_begin(c->db, c->pool) != PT_DB_OK) {
        return ctl_fail("purge : %s", c->db->error);
    }
    for (i = 0; ctl_sweeps[i].run && rv == 0; i++) {
        if (!ctl_sweeps[i].files || c->data_dir) {
            rv = ctl_sweeps[i].run(c, now);
        }
    }
    if (rv != 0 || c->dry_run) {
        pt_db_rollback(c->db);
        return rv;
    }
    return pt_db_commit(c->db) == PT_DB_OK ? 0 : ctl_fail("purge : %s", c->db->error);
}
