/* pt_rgpd — a family's data as one streamed ZIP.  See pt_rgpd.h.
 *
 * libarchive writes the ZIP: entries whose size is not known in advance (the CSV files)
 * carry their length after their data, so nothing is held to compute it.  Each table is
 * read by keyset pages (`… AND id > last ORDER BY id LIMIT n`): every statement of the
 * list takes (family id, last id) and returns its key as its first column `id`.
 */
#include <string.h>
#include <stdlib.h>
#include <apr_strings.h>
#include <apr_lib.h>
#include <apr_file_io.h>
#include <archive.h>
#include <archive_entry.h>
#include "core/pt_rgpd.h"
#include "core/pt_csv.h"
#include "core/pt_xml.h"
#include "domain/pt_fr.h"

#define PT_RGPD_PAGE 200           /* rows read at a time (keep equal to the LIMITs) */
#define PT_RGPD_SHOWN 50           /* rows of a table shown in the summary, at most */

/* What the export holds: one CSV per line, in this order.  `shown`: its rows are also in
 * the summary (the family file); the others are counted there. */
static const struct {
    const char *file;              /* in the ZIP, under donnees/ */
    const char *label;             /* statement (family id, last id) */
    const char *title;             /* French, for the summary */
    int shown;
} pt_rgpd_tables[] = {
    { "famille.csv", "portail_mesdonnees_famille", "Votre famille", 1 },
    { "responsables.csv", "portail_mesdonnees_responsables", "Responsables", 1 },
    { "enfants.csv", "portail_mesdonnees_enfants", "Enfants (dont données de santé)", 1 },
    { "comptes.csv", "portail_mesdonnees_comptes", "Comptes abonnés à la famille", 1 },
    { "demandes.csv", "portail_mesdonnees_demandes", "Demandes", 0 },
    { "demandes-modifications.csv", "portail_mesdonnees_modifications",
      "Modifications du dossier demandées", 0 },
    { "demandes-historique.csv", "portail_mesdonnees_historique", "Historique des demandes", 0 },
    { "inscriptions.csv", "portail_mesdonnees_inscriptions", "Inscriptions aux activités", 0 },
    { "reservations.csv", "portail_mesdonnees_reservations", "Réservations et absences", 0 },
    { "factures.csv", "portail_mesdonnees_factures", "Factures", 0 },
    { "factures-lignes.csv", "portail_mesdonnees_lignes", "Lignes des factures", 0 },
    { "avoirs.csv", "portail_mesdonnees_avoirs", "Avoirs", 0 },
    { "reglements.csv", "portail_mesdonnees_reglements", "Règlements", 0 },
    { "credits.csv", "portail_mesdonnees_credits", "Crédits sur le compte de la famille", 0 },
    { "porte-monnaie.csv", "portail_mesdonnees_porte_monnaie", "Porte-monnaie", 1 },
    { "porte-monnaie-mouvements.csv", "portail_mesdonnees_mouvements",
      "Mouvements du porte-monnaie", 0 },
    { "documents.csv", "portail_mesdonnees_documents", "Documents envoyés", 0 },
    { NULL, NULL, NULL, 0 }
};

/* The family's files: the statement returns (id, fichier: the stored name in the data
 * directory's `dir`, nom: a readable stem for the name in the ZIP). */
static const struct {
    const char *dir;
    const char *label;
    const char *title;
} pt_rgpd_files[] = {
    { "photos", "portail_mesdonnees_photos", "Photos des enfants" },
    { "documents", "portail_mesdonnees_documents_files", "Documents envoyés" },
    { NULL, NULL, NULL }
};

/* How a column is written, from its name. */
static const char *const pt_rgpd_money[] = { "montant", "paye", "prix", "majoration", "solde",
                                            NULL };
static const char *const pt_rgpd_instants[] = { "created_at", "updated_at", "processed_at",
    "activated_at", "last_login_at", "abonne_at", "at", "active_le", NULL };
static const char *const pt_rgpd_days[] = { "date_naissance", "quotient_le", "emise_le",
    "echeance", "day", "date_debut", "date_fin", "certificat_le", "emis_le", "paye_le",
    "assurance_echeance", NULL };
static const char *const pt_rgpd_yesno[] = { "lunettes", "appareil_dentaire",
    "appareil_auditif", "autorisation_sport", "droit_image", "sortir_seul",
    "sorties_scolaires", "hospitalisation", "pai", "majore", "occasionnelle", NULL };

static int pt_rgpd_in(const char *const *list, const char *name)
{
    for (; *list; list++) {
        if (!strcmp(*list, name)) {
            return 1;
        }
    }
    return 0;
}

const char *pt_rgpd_cell(apr_pool_t *p, const char *column, const char *value, int html)
{
    const char *v;
    if (!value || !*value) {
        return value;
    }
    if (pt_rgpd_in(pt_rgpd_money, column)) {
        long long cents = apr_atoi64(value);
        return html ? pt_fr_amount(p, cents) : pt_fr_decimal(p, cents);
    }
    if (pt_rgpd_in(pt_rgpd_instants, column)) {
        pt_date d;
        int h, m;
        long long t = apr_atoi64(value);
        if (html) {
            return pt_fr_datetime(p, t);
        }
        pt_fr_local(t, &d, &h, &m);
        return apr_psprintf(p, "%s %02d:%02d", pt_fr_date_num(p, d), h, m);
    }
    if (pt_rgpd_in(pt_rgpd_days, column) && (v = pt_fr_date_short(p, value))) {
        return v;
    }
    if (pt_rgpd_in(pt_rgpd_yesno, column)) {
        return !strcmp(value, "1") ? "oui" : !strcmp(value, "0") ? "non" : value;
    }
    return value;
}

typedef struct pt_rgpd_out {
    pt_rgpd_write_fn write;
    void *ctx;
    int failed;
} pt_rgpd_out;

static la_ssize_t pt_rgpd_archive_write(struct archive *a, void *vctx, const void *buf,
                                        size_t len)
{
    pt_rgpd_out *o = vctx;
    if (o->write(o->ctx, buf, len) != 0) {
        o->failed = 1;
        archive_set_error(a, EIO, "sortie fermée");
        return -1;
    }
    return (la_ssize_t)len;
}

/* Start an entry `name`; size < 0: unknown (written after the data). */
static int pt_rgpd_entry(struct archive *a, const char *name, apr_off_t size, apr_time_t now)
{
    struct archive_entry *e = archive_entry_new();
    int rv;
    archive_entry_set_pathname_utf8(e, name);
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_mtime(e, (time_t)apr_time_sec(now), 0);
    if (size >= 0) {
        archive_entry_set_size(e, size);
    }
    rv = archive_write_header(a, e);
    archive_entry_free(e);
    return rv == ARCHIVE_OK ? 0 : -1;
}

static int pt_rgpd_data(struct archive *a, const void *data, apr_size_t len)
{
    return len == 0 || archive_write_data(a, data, len) == (la_ssize_t)len ? 0 : -1;
}

typedef struct pt_rgpd_run {
    pt_db *db;
    apr_pool_t *pool;
    struct archive *a;
    apr_int64_t family;
    apr_time_t now;
    const char *err;
    pt_node *summary;
} pt_rgpd_run;

static int pt_rgpd_fail(pt_rgpd_run *x, const char *what)
{
    const char *why = archive_error_string(x->a);
    x->err = apr_psprintf(x->pool, "%s : %s", what, why ? why : "libarchive");
    return -1;
}

/* One table: its CSV written page by page, its first rows in the summary if shown. */
static int pt_rgpd_table(pt_rgpd_run *x, int t)
{
    apr_pool_t *page;
    apr_array_header_t *out = pt_csv_new(x->pool);
    pt_node *tab = pt_xml_elem(x->summary, "table", NULL);
    const char *last = "0";
    long long count = 0;
    int more = 1;
    pt_xml_attr(tab, "fichier", apr_pstrcat(x->pool, "donnees/", pt_rgpd_tables[t].file, NULL));
    pt_xml_attr(tab, "titre", pt_rgpd_tables[t].title);
    if (pt_rgpd_entry(x->a, apr_pstrcat(x->pool, "donnees/", pt_rgpd_tables[t].file, NULL),
                      -1, x->now) != 0) {
        return pt_rgpd_fail(x, pt_rgpd_tables[t].file);
    }
    apr_pool_create(&page, x->pool);
    while (more) {
        pt_rows *r = NULL;
        int i, c;
        apr_pool_clear(page);
        if (pt_db_select(x->db, page, pt_rgpd_tables[t].label,
                         PT_ARGS(pt_db_int(page, x->family), last), &r) != PT_DB_OK) {
            apr_pool_destroy(page);
            x->err = apr_psprintf(x->pool, "%s : %s", pt_rgpd_tables[t].label, x->db->error);
            return -1;
        }
        if (count == 0) {
            pt_csv_write(out, ';', r->ncols, r->names);
            for (c = 0; c < r->ncols; c++) {
                pt_xml_attr(pt_xml_elem(tab, "colonne", NULL), "nom", r->names[c]);
            }
        }
        for (i = 0; i < r->n; i++) {
            const char **cells = apr_palloc(page, r->ncols * sizeof(*cells));
            pt_node *row = NULL;
            if (pt_rgpd_tables[t].shown && count < PT_RGPD_SHOWN) {
                row = pt_xml_elem(tab, "ligne", NULL);
            }
            for (c = 0; c < r->ncols; c++) {
                cells[c] = pt_rgpd_cell(page, r->names[c], r->values[i][c], 0);
                if (row) {
                    /* The summary's document lives in x->pool: its texts are copied. */
                    pt_xml_elem(row, "v", pt_rgpd_cell(page, r->names[c], r->values[i][c], 1));
                }
            }
            pt_csv_write(out, ';', r->ncols, cells);
            count++;
        }
        more = r->n == PT_RGPD_PAGE;
        if (r->n > 0) {
            last = apr_pstrdup(x->pool, r->values[r->n - 1][0]);
        }
        if (pt_rgpd_data(x->a, out->elts, out->nelts) != 0) {
            apr_pool_destroy(page);
            return pt_rgpd_fail(x, pt_rgpd_tables[t].file);
        }
        apr_array_clear(out);
    }
    apr_pool_destroy(page);
    pt_xml_attr_int(tab, "lignes", count);
    return archive_write_finish_entry(x->a) == ARCHIVE_OK ? 0
           : pt_rgpd_fail(x, pt_rgpd_tables[t].file);
}

/* One file of the data directory copied into the ZIP by blocks. */
static int pt_rgpd_file(pt_rgpd_run *x, apr_pool_t *p, const char *path, const char *name)
{
    apr_file_t *f;
    apr_finfo_t fi;
    char buf[32768];
    apr_size_t n;
    apr_status_t st;
    if (apr_file_open(&f, path, APR_FOPEN_READ, 0, p) != APR_SUCCESS) {
        return 1;                  /* gone meanwhile (a photo replaced): not in the ZIP */
    }
    if (apr_file_info_get(&fi, APR_FINFO_SIZE, f) != APR_SUCCESS
        || pt_rgpd_entry(x->a, name, fi.size, x->now) != 0) {
        apr_file_close(f);
        return pt_rgpd_fail(x, name);
    }
    do {
        n = sizeof(buf);
        st = apr_file_read(f, buf, &n);
        if (n > 0 && pt_rgpd_data(x->a, buf, n) != 0) {
            apr_file_close(f);
            return pt_rgpd_fail(x, name);
        }
    } while (st == APR_SUCCESS);
    apr_file_close(f);
    return archive_write_finish_entry(x->a) == ARCHIVE_OK ? 0 : pt_rgpd_fail(x, name);
}

/* A name safe in a ZIP: letters, digits and « - » of `stem`, then « -id.ext ». */
static const char *pt_rgpd_name(apr_pool_t *p, const char *dir, const char *stem,
                                const char *id, const char *stored)
{
    char *s = apr_pstrdup(p, stem ? stem : "fichier"), *c;
    const char *ext = strrchr(stored, '.');
    for (c = s; *c; c++) {
        if (!apr_isalnum(*c) && !(*c & 0x80)) {
            *c = '-';
        }
    }
    return apr_pstrcat(p, dir, "/", s, "-", id, ext && !strchr(ext, '/') ? ext : "", NULL);
}

static int pt_rgpd_files_of(pt_rgpd_run *x, int k, const char *data_dir)
{
    apr_pool_t *page;
    const char *last = "0";
    pt_node *tab = pt_xml_elem(x->summary, "fichiers", NULL);
    long long count = 0;
    int more = 1;
    pt_xml_attr(tab, "dossier", pt_rgpd_files[k].dir);
    pt_xml_attr(tab, "titre", pt_rgpd_files[k].title);
    apr_pool_create(&page, x->pool);
    while (more) {
        pt_rows *r = NULL;
        int i;
        apr_pool_clear(page);
        if (pt_db_select(x->db, page, pt_rgpd_files[k].label,
                         PT_ARGS(pt_db_int(page, x->family), last), &r) != PT_DB_OK) {
            x->err = apr_psprintf(x->pool, "%s : %s", pt_rgpd_files[k].label, x->db->error);
            apr_pool_destroy(page);
            return -1;
        }
        for (i = 0; i < r->n; i++) {
            const char *stored = pt_rows_get(r, i, "fichier");
            int rv;
            if (!stored || strchr(stored, '/') || stored[0] == '.') {
                continue;          /* only plain names of the directory */
            }
            rv = pt_rgpd_file(x, page,
                              apr_pstrcat(page, data_dir, "/", pt_rgpd_files[k].dir, "/",
                                          stored, NULL),
                              pt_rgpd_name(page, pt_rgpd_files[k].dir,
                                           pt_rows_get(r, i, "nom"), pt_rows_get(r, i, "id"),
                                           stored));
            if (rv < 0) {
                apr_pool_destroy(page);
                return -1;
            }
            count += rv == 0;
        }
        more = r->n == PT_RGPD_PAGE;
        if (r->n > 0) {
            last = apr_pstrdup(x->pool, pt_rows_get(r, r->n - 1, "id"));
        }
    }
    apr_pool_destroy(page);
    pt_xml_attr_int(tab, "nombre", count);
    return 0;
}

/* The summary, last: it counts what the files hold. */
static int pt_rgpd_summary(pt_rgpd_run *x, pt_render_cache *render, pt_doc *doc)
{
    const char *html = NULL;
    apr_size_t len = 0;
    const char *e = render ? pt_render_html(render, x->pool, doc, "mesdonnees-resume", &html,
                                            &len)
                           : "pas de feuilles de style";
    if (e) {
        x->err = apr_pstrcat(x->pool, "résumé : ", e, NULL);
        return -1;
    }
    if (pt_rgpd_entry(x->a, "resume.html", (apr_off_t)len, x->now) != 0
        || pt_rgpd_data(x->a, html, len) != 0
        || archive_write_finish_entry(x->a) != ARCHIVE_OK) {
        return pt_rgpd_fail(x, "resume.html");
    }
    return 0;
}

int pt_rgpd_export(pt_db *db, apr_pool_t *p, pt_render_cache *render, apr_int64_t family,
                   const char *data_dir, const char *town, apr_time_t now,
                   pt_rgpd_write_fn write, void *ctx, const char **err)
{
    pt_rgpd_out out = { write, ctx, 0 };
    pt_rgpd_run x;
    pt_doc *doc = pt_xml_doc(p, "mes-donnees");
    int i, rv = 0;
    memset(&x, 0, sizeof(x));
    x.db = db;
    x.pool = p;
    x.family = family;
    x.now = now;
    x.summary = pt_xml_root(doc);
    pt_xml_attr(x.summary, "ville", town ? town : "Ma commune");
    pt_xml_attr(x.summary, "le", pt_fr_datetime(p, apr_time_sec(now)));
    x.a = archive_write_new();
    /* Without Zip64 (a family's data is far below 4 GB): the lengths written after an
     * entry then have the classic 16 bytes every reader knows (Archive::Zip refuses the
     * 24-byte form after an entry whose local header has no Zip64 field). */
    if (!x.a || archive_write_set_format_zip(x.a) != ARCHIVE_OK
        || archive_write_set_options(x.a, "zip:!zip64") != ARCHIVE_OK
        || archive_write_set_bytes_per_block(x.a, 16384) != ARCHIVE_OK
        || archive_write_set_bytes_in_last_block(x.a, 1) != ARCHIVE_OK
        || archive_write_open(x.a, &out, NULL, pt_rgpd_archive_write, NULL) != ARCHIVE_OK) {
        *err = x.a ? apr_pstrdup(p, archive_error_string(x.a)) : "libarchive";
        if (x.a) {
            archive_write_free(x.a);
        }
        return -1;
    }
    for (i = 0; pt_rgpd_tables[i].file && rv == 0; i++) {
        rv = pt_rgpd_table(&x, i);
    }
    for (i = 0; data_dir && pt_rgpd_files[i].dir && rv == 0; i++) {
        rv = pt_rgpd_files_of(&x, i, data_dir);
    }
    if (rv == 0) {
        rv = pt_rgpd_summary(&x, render, doc);
    }
    if (rv == 0 && archive_write_close(x.a) != ARCHIVE_OK) {
        rv = pt_rgpd_fail(&x, "fin du ZIP");
    }
    if (rv != 0 && out.failed) {
        x.err = "la connexion a été fermée pendant l'envoi";
    }
    archive_write_free(x.a);
    *err = x.err;
    return rv;
}
