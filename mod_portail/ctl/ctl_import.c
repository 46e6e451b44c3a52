/* ctl_import.c — portail-ctl import-families FICHIER.csv: the town's families, at once.
 *
 * One line per person (responsable or enfant); the lines of one family share its
 * `reference` (the family's number in the town's files).  Every line is checked with the
 * rules of the agents' form (core/pt_family.c) before anything is written; then all the
 * families go in one transaction.  Any error: nothing is imported, and every error is
 * printed with its line number, so the file is fixed in one go.  The columns are
 * documented in docs/portail-ctl.md.
 */
#include <stdio.h>
#include <string.h>
#include <apr_strings.h>
#include <apr_file_io.h>
#include <apr_hash.h>
#include <apr_lib.h>
#include "core/pt_audit.h"
#include "core/pt_csv.h"
#include "core/pt_family.h"
#include "domain/pt_fr.h"
#include "ctl/ctl.h"

#define CTL_IMPORT_MAX_BYTES (64 * 1024 * 1024)
#define CTL_IMPORT_MAX_ERRORS 200

/* The columns, in any order; the first four are required in the header. */
static const char *const ctl_import_columns[] = {
    "reference", "type", "nom", "prenom",
    "civilite", "date_naissance", "sexe", "email", "telephone",
    "famille", "adresse", "code_postal", "commune", "code_abonne", NULL
};
#define CTL_IMPORT_REQUIRED 4

/* The fields of a family that several lines may give: they must agree. */
static const char *const ctl_import_family_columns[] = {
    "famille", "adresse", "code_postal", "commune", "code_abonne", NULL
};

typedef struct ctl_import_family {
    const char *reference;
    int line;                      /* its first line */
    apr_hash_t *given;             /* family column -> value */
    apr_hash_t *given_at;          /* family column -> line (int *) */
    pt_family_input in;
} ctl_import_family;

typedef struct ctl_import {
    ctl *c;
    pt_csv_errors *errors;         /* the one report of CSV imports (core/pt_csv.h) */
    int col[sizeof(ctl_import_columns) / sizeof(ctl_import_columns[0])];  /* -1: absent */
} ctl_import;

static void ctl_import_error(ctl_import *im, int line, const char *column, const char *msg)
{
    pt_csv_error(im->errors, line, column, msg);
}

/* The cell of a column on a line, without the spaces around it; "" when absent. */
static const char *ctl_import_cell(ctl_import *im, const pt_csv_record *r, const char *name)
{
    const char *v, *end;
    int i;
    for (i = 0; ctl_import_columns[i] && strcmp(ctl_import_columns[i], name); i++) {
    }
    if (!ctl_import_columns[i] || im->col[i] < 0 || im->col[i] >= r->n) {
        return "";
    }
    for (v = r->fields[im->col[i]]; apr_isspace(*v); v++) {
    }
    for (end = v + strlen(v); end > v && apr_isspace(end[-1]); end--) {
    }
    return apr_pstrmemdup(im->c->pool, v, end - v);
}

/* Spreadsheets write dates « 14/09/2018 »: accept it beside 2018-09-14. */
static const char *ctl_import_date(apr_pool_t *p, const char *v)
{
    int d, m, y;
    char tail;
    if (sscanf(v, "%2d/%2d/%4d%c", &d, &m, &y, &tail) == 3 && strlen(v) == 10) {
        return apr_psprintf(p, "%04d-%02d-%02d", y, m, d);
    }
    return v;
}

static int ctl_import_header(ctl_import *im, const pt_csv_record *h)
{
    int i, k;
    for (k = 0; ctl_import_columns[k]; k++) {
        im->col[k] = -1;
    }
    for (i = 0; i < h->n; i++) {
        char *name = apr_pstrdup(im->c->pool, h->fields[i]), *s;
        for (s = name; *s; s++) {
            *s = apr_tolower(*s);
        }
        apr_collapse_spaces(name, name);
        for (k = 0; ctl_import_columns[k] && strcmp(ctl_import_columns[k], name); k++) {
        }
        if (!ctl_import_columns[k]) {
            ctl_import_error(im, h->line, NULL,
                             apr_psprintf(im->c->pool, "colonne inconnue « %s ».", h->fields[i]));
        }
        else if (im->col[k] >= 0) {
            ctl_import_error(im, h->line, NULL,
                             apr_psprintf(im->c->pool, "colonne « %s » en double.", name));
        }
        else {
            im->col[k] = i;
        }
    }
    for (k = 0; k < CTL_IMPORT_REQUIRED; k++) {
        if (im->col[k] < 0) {
            ctl_import_error(im, h->line, NULL,
                             apr_psprintf(im->c->pool, "la colonne « %s » manque.",
                                          ctl_import_columns[k]));
        }
    }
    return im->errors->count;
}

/* One person line: checked, and added to its family. */
static void ctl_import_line(ctl_import *im, const pt_csv_record *r, apr_hash_t *by_ref,
                            apr_array_header_t *families, const char *today, int ncols)
{
    apr_pool_t *p = im->c->pool;
    const char *ref = ctl_import_cell(im, r, "reference"), *type = ctl_import_cell(im, r, "type");
    apr_table_t *errors = apr_table_make(p, 4);
    const apr_array_header_t *errs;
    ctl_import_family *fam;
    pt_person pe;
    int i;

    if (r->n != ncols) {
        ctl_import_error(im, r->line, NULL,
                         apr_psprintf(p, "%d champs au lieu de %d (un « ; » en trop ou en "
                                      "moins ?).", r->n, ncols));
        return;
    }
    if (!*ref) {
        ctl_import_error(im, r->line, "reference", "la référence de la famille manque.");
        return;
    }
    memset(&pe, 0, sizeof(pe));
    if (!strcmp(type, "responsable")) {
        pe.kind = PT_PERSON_RESPONSABLE;
    }
    else if (!strcmp(type, "enfant")) {
        pe.kind = PT_PERSON_ENFANT;
    }
    else {
        ctl_import_error(im, r->line, "type", "le type est « responsable » ou « enfant ».");
        return;
    }
    pe.civilite = ctl_import_cell(im, r, "civilite");
    pe.nom = ctl_import_cell(im, r, "nom");
    pe.prenom = ctl_import_cell(im, r, "prenom");
    pe.date_naissance = ctl_import_date(p, ctl_import_cell(im, r, "date_naissance"));
    pe.sexe = ctl_import_cell(im, r, "sexe");
    pe.email = ctl_import_cell(im, r, "email");
    pe.telephone = ctl_import_cell(im, r, "telephone");
    pt_family_check_person(p, &pe, "", today, errors);
    errs = apr_table_elts(errors);
    for (i = 0; i < errs->nelts; i++) {
        const apr_table_entry_t *e = &APR_ARRAY_IDX(errs, i, apr_table_entry_t);
        ctl_import_error(im, r->line, e->key, e->val);
    }

    fam = apr_hash_get(by_ref, ref, APR_HASH_KEY_STRING);
    if (!fam) {
        fam = apr_array_push(families);
        memset(fam, 0, sizeof(*fam));
        fam->reference = ref;
        fam->line = r->line;
        fam->given = apr_hash_make(p);
        fam->given_at = apr_hash_make(p);
        fam->in.reference = ref;
        fam->in.persons = apr_array_make(p, 4, sizeof(pt_person));
        apr_hash_set(by_ref, ref, APR_HASH_KEY_STRING, fam);
    }
    for (i = 0; ctl_import_family_columns[i]; i++) {
        const char *col = ctl_import_family_columns[i], *v = ctl_import_cell(im, r, col);
        const char *before = apr_hash_get(fam->given, col, APR_HASH_KEY_STRING);
        if (!*v) {
            continue;
        }
        if (!before) {
            int *at = apr_palloc(p, sizeof(int));
            *at = r->line;
            apr_hash_set(fam->given, col, APR_HASH_KEY_STRING, v);
            apr_hash_set(fam->given_at, col, APR_HASH_KEY_STRING, at);
        }
        else if (strcmp(before, v) != 0) {
            ctl_import_error(im, r->line, col, apr_psprintf(p, "« %s » ne correspond pas à la "
                             "ligne %d (« %s ») pour la famille %s.", v,
                             *(int *)apr_hash_get(fam->given_at, col, APR_HASH_KEY_STRING),
                             before, ref));
        }
    }
    /* Responsables first, in the order of the file: the first is responsable 1. */
    if (pe.kind == PT_PERSON_RESPONSABLE) {
        int n = 0;
        while (n < fam->in.persons->nelts
               && APR_ARRAY_IDX(fam->in.persons, n, pt_person).kind == PT_PERSON_RESPONSABLE) {
            n++;
        }
        apr_array_push(fam->in.persons);
        memmove(fam->in.persons->elts + (n + 1) * sizeof(pt_person),
                fam->in.persons->elts + n * sizeof(pt_person),
                (fam->in.persons->nelts - 1 - n) * sizeof(pt_person));
        APR_ARRAY_IDX(fam->in.persons, n, pt_person) = pe;
    }
    else {
        *(pt_person *)apr_array_push(fam->in.persons) = pe;
    }
}

/* The family's own fields, once all its lines are read. */
static void ctl_import_family_check(ctl_import *im, ctl_import_family *fam,
                                    apr_hash_t *codes)
{
    apr_pool_t *p = im->c->pool;
    apr_table_t *errors = apr_table_make(p, 4);
    const apr_array_header_t *errs;
    int i;

    fam->in.nom = apr_hash_get(fam->given, "famille", APR_HASH_KEY_STRING);
    fam->in.adresse = apr_hash_get(fam->given, "adresse", APR_HASH_KEY_STRING);
    fam->in.code_postal = apr_hash_get(fam->given, "code_postal", APR_HASH_KEY_STRING);
    fam->in.commune = apr_hash_get(fam->given, "commune", APR_HASH_KEY_STRING);
    fam->in.code = apr_hash_get(fam->given, "code_abonne", APR_HASH_KEY_STRING);
    pt_family_check(p, &fam->in, errors);
    errs = apr_table_elts(errors);
    for (i = 0; i < errs->nelts; i++) {
        const apr_table_entry_t *e = &APR_ARRAY_IDX(errs, i, apr_table_entry_t);
        const char *col = !strcmp(e->key, "code") ? "code_abonne"
                          : !strcmp(e->key, "nom") ? "famille" : NULL;
        ctl_import_error(im, fam->line, col,
                         apr_psprintf(p, "famille %s : %s", fam->reference, e->val));
    }
    if (fam->in.code && *fam->in.code) {
        ctl_import_family *other = apr_hash_get(codes, fam->in.code, APR_HASH_KEY_STRING);
        if (other) {
            ctl_import_error(im, fam->line, "code_abonne",
                             apr_psprintf(p, "le code %s est déjà celui de la famille %s "
                                          "(ligne %d).", fam->in.code, other->reference,
                                          other->line));
        }
        apr_hash_set(codes, fam->in.code, APR_HASH_KEY_STRING, fam);
    }
}

static int ctl_import_read(ctl *c, const char *path, char **data, apr_size_t *len)
{
    apr_file_t *f;
    apr_finfo_t fi;
    if (apr_file_open(&f, path, APR_FOPEN_READ | APR_FOPEN_BINARY, 0, c->pool) != APR_SUCCESS
        || apr_file_info_get(&fi, APR_FINFO_SIZE, f) != APR_SUCCESS) {
        return ctl_fail("impossible de lire %s", path);
    }
    if (fi.size > CTL_IMPORT_MAX_BYTES) {
        return ctl_fail("%s dépasse 64 Mo : découpez-le", path);
    }
    *data = apr_palloc(c->pool, (apr_size_t)fi.size + 1);
    if (apr_file_read_full(f, *data, (apr_size_t)fi.size, len) != APR_SUCCESS && fi.size > 0) {
        apr_file_close(f);
        return ctl_fail("impossible de lire %s", path);
    }
    apr_file_close(f);
    (*data)[*len] = '\0';         /* a file without a final newline is still a string */
    return 0;
}

int ctl_import_families(ctl *c, const char *path)
{
    ctl_import im;
    apr_array_header_t *records = NULL, *families = apr_array_make(c->pool, 64,
                                                                    sizeof(ctl_import_family));
    apr_hash_t *by_ref = apr_hash_make(c->pool), *codes = apr_hash_make(c->pool);
    const char *today = pt_date_iso(c->pool, pt_date_of_time(apr_time_now())), *why = NULL;
    char *data = NULL, sep;
    apr_array_header_t *out;
    const char *text;
    apr_size_t len = 0;
    int i, err_line = 0, rv;
    apr_time_t now = apr_time_now();

    memset(&im, 0, sizeof(im));
    im.c = c;
    im.errors = pt_csv_errors_new(c->pool, CTL_IMPORT_MAX_ERRORS);
    if ((rv = ctl_import_read(c, path, &data, &len)) != 0) {
        return rv;
    }
    /* « ; » from a French spreadsheet, « , » from elsewhere: the header line tells. */
    {
        const char *nl = memchr(data, '\n', len);
        sep = memchr(data, ';', nl ? (apr_size_t)(nl - data) : len) ? ';' : ',';
    }
    if (pt_csv_parse(c->pool, data, len, sep, &records, &err_line, &why) != 0) {
        pt_csv_error(im.errors, err_line, NULL, why);
        fprintf(stderr, "%s\n", pt_csv_errors_text(im.errors, c->pool, "\n"));
        return ctl_fail("%s", "aucune famille importée : corrigez le fichier et relancez");
    }
    if (records->nelts < 2) {
        return ctl_fail("%s", "le fichier n'a pas de ligne après l'en-tête");
    }
    if (ctl_import_header(&im, &APR_ARRAY_IDX(records, 0, pt_csv_record)) == 0) {
        int ncols = APR_ARRAY_IDX(records, 0, pt_csv_record).n;
        for (i = 1; i < records->nelts; i++) {
            ctl_import_line(&im, &APR_ARRAY_IDX(records, i, pt_csv_record), by_ref, families,
                            today, ncols);
        }
        for (i = 0; i < families->nelts; i++) {
            ctl_import_family_check(&im, &APR_ARRAY_IDX(families, i, ctl_import_family), codes);
        }
    }
    if (im.errors->count == 0) {
        if (pt_db_begin(c->db, c->pool) != PT_DB_OK) {
            return ctl_fail("base indisponible : %s", c->db->error);
        }
        for (i = 0; i < families->nelts; i++) {
            ctl_import_family *fam = &APR_ARRAY_IDX(families, i, ctl_import_family);
            apr_int64_t id = 0;
            const char *code = NULL;
            rv = pt_family_create(c->db, c->pool, &fam->in, now, &id, &code);
            if (rv == PT_DB_CONFLICT) {
                ctl_import_error(&im, fam->line, NULL,
                                 apr_psprintf(c->pool, "la famille %s existe déjà dans le "
                                              "portail (même référence ou même code abonné).",
                                              fam->reference));
                continue;
            }
            if (rv == PT_DB_OK) {
                rv = pt_audit(c->db, c->pool, now, 0, "import", "famille", id, NULL,
                              apr_pstrcat(c->pool, fam->in.nom, " (", code, ")", NULL));
            }
            if (rv != PT_DB_OK) {
                pt_db_rollback(c->db);
                return ctl_fail("import impossible : %s", c->db->error);
            }
            fam->in.code = code;
        }
        if (im.errors->count == 0 && pt_db_commit(c->db) != PT_DB_OK) {
            return ctl_fail("import impossible : %s", c->db->error);
        }
        if (im.errors->count > 0) {
            pt_db_rollback(c->db);
        }
    }
    if (im.errors->count > 0) {
        fprintf(stderr, "%s\n", pt_csv_errors_text(im.errors, c->pool, "\n"));
        return ctl_fail("aucune famille importée (%d erreur%s) : corrigez le fichier et "
                        "relancez", im.errors->count, im.errors->count > 1 ? "s" : "");
    }
    /* The codes to print on the letters, as CSV on standard output. */
    out = apr_array_make(c->pool, 4096, 1);
    pt_csv_write(out, ';', 3, (const char *const[]){ "reference", "code_abonne", "famille" });
    for (i = 0; i < families->nelts; i++) {
        const ctl_import_family *fam = &APR_ARRAY_IDX(families, i, ctl_import_family);
        pt_csv_write(out, ';', 3,
                     (const char *const[]){ fam->reference, fam->in.code, fam->in.nom });
    }
    text = pt_csv_text(out, &len);
    fwrite(text, 1, len, stdout);
    fprintf(stderr, "%d famille%s importée%s.\n", families->nelts,
            families->nelts > 1 ? "s" : "", families->nelts > 1 ? "s" : "");
    return 0;
}
