/* ctl_purge.c — `portail-ctl purge`: what the portal keeps no longer than needed.
 *
 * One table of sweeps, each removing one kind of leftover and saying what it removed:
 * expired sessions, stale guess counters, expired links (activation, reset, e-mail
 * change) and captcha answers, accounts never activated, accounts unused for years (a
 * mail warns first; the account goes after a notice if nobody logged in since), journal
 * lines older than the retention, photo files nothing refers to any more (a failed or
 * abandoned upload, a photo replaced meanwhile), and temporary files of uploads a killed
 * process left in <PortailDataDir>/tmp.  Files younger than an hour are left alone: they
 * may belong to a request running now.
 *
 * Each sweep runs in its own transaction: a purge interrupted halfway leaves the sweeps
 * done committed and the others untouched, never half a sweep; run again, it does what is
 * left, and a second run in a row removes nothing more.  With --dry-run every transaction
 * is rolled back (no mail is queued) and the same list is printed.  --now 'AAAA-MM-JJ
 * HH:MM' (Europe/Paris) stands for the present, for tests.  A new retention rule is one
 * more line in the table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include <apr_file_io.h>
#include <apr_hash.h>
#include "core/pt_db.h"
#include "core/pt_mail.h"
#include "core/pt_xml.h"
#include "ctl/ctl.h"

#define CTL_PURGE_FILE_AGE 3600            /* seconds: younger files may be in use */
#define CTL_PURGE_DAY 86400LL
#define CTL_PURGE_YEAR (365LL * CTL_PURGE_DAY)

/* The retention rules (docs/webmaster.md, « Durées de conservation »): the defaults, or
 * the options of the command line. */
static struct {
    long unactivated_days;         /* --non-actives-jours: accounts never activated */
    long inactive_years;           /* --inactifs-ans: accounts unused, then warned */
    long notice_days;              /* --preavis-jours: between the warning and removal */
    long audit_years;              /* --journal-ans: lines of the agents' journal */
} ctl_purge_keep = { 30, 3, 30, 5 };

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

static const char *ctl_purge_sec(ctl *c, apr_time_t now, long long minus)
{
    return pt_db_int(c->pool, apr_time_sec(now) - minus);
}

static int ctl_purge_sessions(ctl *c, apr_time_t now)
{
    /* Idle sessions: the longest idle timeout a site may configure is 31 days. */
    return ctl_purge_rows(c, "portail_session_purge",
                          PT_ARGS(ctl_purge_sec(c, now, 0),
                                  ctl_purge_sec(c, now, 31 * CTL_PURGE_DAY)),
                          "sessions expirées");
}

static int ctl_purge_throttles(ctl *c, apr_time_t now)
{
    return ctl_purge_rows(c, "portail_throttle_purge",
                          PT_ARGS(ctl_purge_sec(c, now, CTL_PURGE_DAY), ctl_purge_sec(c, now, 0)),
                          "compteurs d'essais périmés");
}

static int ctl_purge_tokens(ctl *c, apr_time_t now)
{
    return ctl_purge_rows(c, "portail_purge_tokens", PT_ARGS(ctl_purge_sec(c, now, 0)),
                          "liens expirés (activation, mot de passe, adresse)")
           || ctl_purge_rows(c, "portail_purge_captchas", PT_ARGS(ctl_purge_sec(c, now, 0)),
                             "réponses au captcha expirées");
}

/* Select the accounts of `list` (for the printout), then remove them by `label`. */
static int ctl_purge_accounts(ctl *c, const char *list, const char *label, const char *cut,
                              const char *what)
{
    pt_rows *r = NULL;
    int n = 0, i;
    if (pt_db_select(c->db, c->pool, list, PT_ARGS(cut), &r) != PT_DB_OK
        || pt_db_exec(c->db, c->pool, label, PT_ARGS(cut), &n) != PT_DB_OK) {
        return ctl_fail("purge (%s) : %s", what, c->db->error);
    }
    printf("%s : %d %s", what, n, c->dry_run ? "à supprimer" : "supprimé(s)");
    for (i = 0; i < r->n; i++) {
        printf("%s%s", i ? ", " : " (comptes n° ", pt_rows_get(r, i, "id"));
    }
    printf("%s\n", r->n ? ")" : "");
    return 0;
}

static int ctl_purge_unactivated(ctl *c, apr_time_t now)
{
    return ctl_purge_accounts(c, "portail_purge_unactivated_list", "portail_purge_unactivated",
                              ctl_purge_sec(c, now, ctl_purge_keep.unactivated_days
                                                    * CTL_PURGE_DAY),
                              apr_psprintf(c->pool, "comptes jamais activés après %ld jours",
                                           ctl_purge_keep.unactivated_days));
}

/* Accounts warned at least the notice ago, still unused since: removed.  (Before the
 * warnings of this run, so a warning is never followed by the removal in the same run.) */
static int ctl_purge_inactive(ctl *c, apr_time_t now)
{
    int n = 0;
    /* A warning followed by a login is forgotten: the account is in use. */
    if (pt_db_exec(c->db, c->pool, "portail_purge_warnings_obsolete", PT_NOARGS, &n)
            != PT_DB_OK) {
        return ctl_fail("purge (avertissements) : %s", c->db->error);
    }
    if (n) {
        printf("avertissements suivis d'une connexion : %d oublié(s)\n", n);
    }
    return ctl_purge_accounts(c, "portail_purge_inactive_list", "portail_purge_inactive",
                              ctl_purge_sec(c, now, ctl_purge_keep.notice_days * CTL_PURGE_DAY),
                              apr_psprintf(c->pool, "comptes inutilisés depuis %ld ans, prévenus "
                                           "il y a %ld jours ou plus",
                                           ctl_purge_keep.inactive_years,
                                           ctl_purge_keep.notice_days));
}

/* Accounts unused for years and not warned yet: a mail each, and the warning recorded in
 * the same transaction (sent once, whatever the number of runs). */
static int ctl_purge_warn(ctl *c, apr_time_t now)
{
    const char *cut = ctl_purge_sec(c, now, ctl_purge_keep.inactive_years * CTL_PURGE_YEAR);
    const char *removal = pt_fr_datetime(c->pool, apr_time_sec(now)
                                                  + ctl_purge_keep.notice_days * CTL_PURGE_DAY);
    pt_rows *r = NULL;
    int i;
    if (pt_db_select(c->db, c->pool, "portail_purge_to_warn", PT_ARGS(cut), &r) != PT_DB_OK) {
        return ctl_fail("purge (avertissements) : %s", c->db->error);
    }
    for (i = 0; i < r->n; i++) {
        pt_doc *data = pt_xml_doc(c->pool, "mail-data");
        pt_node *root = pt_xml_root(data);
        pt_xml_attr(root, "town", c->town ? c->town : "Ma commune");
        pt_xml_attr(root, "prenom", pt_rows_get(r, i, "prenom"));
        pt_xml_attr(root, "ans", apr_ltoa(c->pool, ctl_purge_keep.inactive_years));
        pt_xml_attr(root, "suppression", removal);
        pt_xml_attr(root, "lien", apr_pstrcat(c->pool, c->base_url ? c->base_url : "",
                                              "/connexion", NULL));
        if (pt_mail_enqueue(c->db, c->pool, pt_rows_get(r, i, "email"), "compte-inactif", data,
                            now) != PT_DB_OK
            || pt_db_exec(c->db, c->pool, "portail_purge_warning_insert",
                          PT_ARGS(pt_rows_get(r, i, "id"), ctl_purge_sec(c, now, 0)), NULL)
               != PT_DB_OK) {
            return ctl_fail("purge (avertissements) : %s", c->db->error);
        }
    }
    printf("comptes inutilisés depuis %ld ans : %d %s", ctl_purge_keep.inactive_years, r->n,
           c->dry_run ? "à prévenir" : "prévenu(s) par courriel");
    for (i = 0; i < r->n; i++) {
        printf("%s%s", i ? ", " : " (comptes n° ", pt_rows_get(r, i, "id"));
    }
    printf("%s\n", r->n ? apr_psprintf(c->pool, ") ; suppression après le %s", removal) : "");
    return 0;
}

static int ctl_purge_audit(ctl *c, apr_time_t now)
{
    return ctl_purge_rows(c, "portail_purge_audit",
                          PT_ARGS(ctl_purge_sec(c, now, ctl_purge_keep.audit_years
                                                        * CTL_PURGE_YEAR)),
                          apr_psprintf(c->pool, "lignes du journal de plus de %ld ans",
                                       ctl_purge_keep.audit_years));
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

/* In this order, each in its own transaction. */
static const struct {
    int (*run)(ctl *c, apr_time_t now);
    int files;                     /* needs PortailDataDir */
} ctl_sweeps[] = {
    { ctl_purge_sessions, 0 },
    { ctl_purge_throttles, 0 },
    { ctl_purge_photos, 1 },
    { ctl_purge_tmp, 1 },
    /* h16rgpd */
    { ctl_purge_tokens, 0 },
    { ctl_purge_unactivated, 0 },
    { ctl_purge_inactive, 0 },
    { ctl_purge_warn, 0 },
    { ctl_purge_audit, 0 },
    { ctl_purge_documents, 0 },
    { NULL, 0 }
};

/* A retention option: an integer in [min, max], or exit status 2 with a French message. */
static int ctl_purge_option(const char *typed, const char *name, long min, long max, long *out)
{
    char *end;
    long v;
    if (!typed) {
        return 0;
    }
    v = strtol(typed, &end, 10);
    if (!*typed || *end || v < min || v > max) {
        fprintf(stderr, "portail-ctl purge : %s attend un nombre entier entre %ld et %ld "
                "(reçu « %s »)\n", name, min, max, typed);
        return 2;
    }
    *out = v;
    return 0;
}

int ctl_purge(ctl *c)
{
    apr_time_t now = apr_time_now();
    pt_date d;
    int i, h, m, rv = 0;
    if (!ctl_digest_now(c, &d, &h, &m)) {
        fprintf(stderr, "portail-ctl purge : --now s'écrit 'AAAA-MM-JJ HH:MM' (heure de "
                "Paris), reçu « %s »\n", c->now);
        return 2;
    }
    if (c->now) {
        now = apr_time_from_sec(pt_fr_instant(d, h, m));
    }
    if ((rv = ctl_purge_option(c->keep_unactivated, "--non-actives-jours", 1, 3650,
                               &ctl_purge_keep.unactivated_days))
        || (rv = ctl_purge_option(c->keep_inactive, "--inactifs-ans", 1, 100,
                                  &ctl_purge_keep.inactive_years))
        || (rv = ctl_purge_option(c->keep_notice, "--preavis-jours", 1, 365,
                                  &ctl_purge_keep.notice_days))
        || (rv = ctl_purge_option(c->keep_audit, "--journal-ans", 1, 100,
                                  &ctl_purge_keep.audit_years))) {
        return rv;
    }
    if (!c->data_dir) {
        printf("PortailDataDir inconnu (--data-dir ou --config) : fichiers non examinés\n");
    }
    for (i = 0; ctl_sweeps[i].run && rv == 0; i++) {
        if (ctl_sweeps[i].files && !c->data_dir) {
            continue;
        }
        if (pt_db_begin(c->db, c->pool) != PT_DB_OK) {
            return ctl_fail("purge : %s", c->db->error);
        }
        rv = ctl_sweeps[i].run(c, now);
        if (rv != 0 || c->dry_run) {
            pt_db_rollback(c->db);
        }
        else if (pt_db_commit(c->db) != PT_DB_OK) {
            return ctl_fail("purge : %s", c->db->error);
        }
        fflush(stdout);
    }
    return rv;
}
