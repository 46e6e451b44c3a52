/* fermetures.c — /portail/admin/fermetures: school holidays and closures.
 *
 * A closure covers every activity or one; no slot is offered, booked or shown on a closed
 * day.  They are typed one by one, or imported from a CSV file (date_debut;date_fin;
 * libelle — the school holidays of the academy), all or nothing, errors by line.
 */
#include <string.h>
#include <apr_strings.h>
#include <apr_file_io.h>
#include "admin/admin.h"
#include "core/pt_audit.h"
#include "core/pt_csv.h"
#include "core/pt_form.h"
#include "domain/pt_fr.h"

/* Errors shown by line on the page; the others are counted (« et N autres erreurs »). */
#define PORTAIL_FERMETURES_MAX_ERRORS 20

int portail_admin_fermetures_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "admin-fermetures");
    pt_rows *r = NULL, *a = NULL;
    if (pt_db_select(rq->db, rq->pool, "portail_admin_fermetures_list", PT_NOARGS, &r) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_admin_activites_list", PT_NOARGS, &a)
           != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    pt_xml_rows(screen, "fermeture", r, NULL);
    pt_xml_rows(screen, "activite", a, NULL);
    return 200;
}

/* One closure: checked; NULL or why not. */
static const char *portail_fermeture_check(const char *debut, const char *fin, const char *label)
{
    pt_date d;
    if (!pt_date_parse(debut, &d) || !pt_date_parse(fin, &d)) {
        return "les dates s'écrivent AAAA-MM-JJ et doivent exister";
    }
    if (strcmp(debut, fin) > 0) {
        return "la date de fin vient avant la date de début";
    }
    if (!*label || strlen(label) > 200) {
        return "le libellé (200 caractères au plus) manque";
    }
    return NULL;
}

static int portail_fermeture_insert(pt_req *rq, const char *activity, const char *debut,
                                    const char *fin, const char *label)
{
    int rv = pt_db_exec(rq->db, rq->pool, "portail_admin_fermeture_insert",
                        PT_ARGS(activity, debut, fin, label), NULL);
    return rv == PT_DB_OK
           ? pt_audit(rq->db, rq->pool, rq->now, rq->user->id, "ajout fermeture", "activite",
                      activity ? apr_atoi64(activity) : 0, NULL,
                      apr_pstrcat(rq->pool, debut, " → ", fin, " ", label, NULL))
           : rv;
}

int portail_admin_fermetures_post(pt_req *rq)
{
    const char *debut = pt_form_get(rq->form, "date_debut"), *fin = pt_form_get(rq->form, "date_fin");
    const char *label = pt_form_get(rq->form, "label"), *act = pt_form_get(rq->form, "activite");
    const char *why = portail_fermeture_check(debut, fin, label);
    if (why) {
        return pt_req_error(rq, 400, apr_pstrcat(rq->pool, "Fermeture refusée : ", why, ".", NULL));
    }
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK
        || portail_fermeture_insert(rq, *act ? act : NULL, debut, fin, label) != PT_DB_OK
        || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 400, "Fermeture refusée : cette activité n'existe pas.");
    }
    return pt_req_redirect(rq, "/admin/fermetures", PT_FLASH_SUCCES, "La fermeture est ajoutée.");
}

int portail_admin_fermetures_import_post(pt_req *rq)
{
    const pt_upload *u = pt_req_upload(rq, "fichier");
    apr_array_header_t *recs = NULL;
    const char *why = NULL;
    pt_csv_errors *errors;
    apr_file_t *f;
    char *data;
    apr_size_t len = 0;
    int i, line = 0;

    if (!u || u->size > 1024 * 1024) {
        return pt_req_error(rq, 400, "Choisissez un fichier CSV (1 Mo au plus).");
    }
    data = apr_palloc(rq->pool, (apr_size_t)u->size + 1);
    if (apr_file_open(&f, u->path, APR_FOPEN_READ | APR_FOPEN_BINARY, 0, rq->pool) != APR_SUCCESS) {
        return pt_req_error(rq, 503, NULL);
    }
    apr_file_read_full(f, data, (apr_size_t)u->size, &len);
    apr_file_close(f);
    if (pt_csv_parse(rq->pool, data, len, ';', &recs, &line, &why) != 0) {
        return pt_req_error(rq, 400, apr_psprintf(rq->pool, "Rien n'est importé : ligne %d : %s",
                                                  line, why));
    }
    /* One report for every import: the first errors by line, the others counted. */
    errors = pt_csv_errors_new(rq->pool, PORTAIL_FERMETURES_MAX_ERRORS);
    for (i = 0; i < recs->nelts; i++) {
        const pt_csv_record *r = &APR_ARRAY_IDX(recs, i, pt_csv_record);
        const char *bad = r->n != 3 ? "3 champs attendus (date_debut;date_fin;libelle)"
                          : portail_fermeture_check(r->fields[0], r->fields[1], r->fields[2]);
        if (i == 0 && r->n == 3 && !strcmp(r->fields[0], "date_debut")) {
            continue;                                       /* the header line */
        }
        if (bad) {
            pt_csv_error(errors, r->line, NULL, bad);
        }
    }
    if (errors->count) {
        return pt_req_error(rq, 400, apr_pstrcat(rq->pool, "Rien n'est importé : ",
                                                 pt_csv_errors_text(errors, rq->pool, " ; "),
                                                 ".", NULL));
    }
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    for (i = 0; i < recs->nelts; i++) {
        const pt_csv_record *r = &APR_ARRAY_IDX(recs, i, pt_csv_record);
        if (i == 0 && !strcmp(r->fields[0], "date_debut")) {
            continue;
        }
        if (portail_fermeture_insert(rq, NULL, r->fields[0], r->fields[1], r->fields[2])
            != PT_DB_OK) {
            pt_db_rollback(rq->db);
            return pt_req_error(rq, 503, NULL);
        }
    }
    if (pt_db_commit(rq->db) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, "/admin/fermetures", PT_FLASH_SUCCES,
                           "Les fermetures du fichier sont importées.");
}

int portail_admin_fermeture_supprimer_post(pt_req *rq)
{
    apr_int64_t id = pt_req_param_id(rq, "fermeture");
    int n = 0;
    if (id < 0) {
        return pt_req_error(rq, 404, NULL);
    }
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK
        || pt_db_exec(rq->db, rq->pool, "portail_admin_fermeture_delete",
                      PT_ARGS(pt_db_int(rq->pool, id)), &n) != PT_DB_OK
        || (n && pt_audit(rq->db, rq->pool, rq->now, rq->user->id, "suppression fermeture",
                          "fermeture", id, NULL, NULL) != PT_DB_OK)
        || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 503, NULL);
    }
    return n ? pt_req_redirect(rq, "/admin/fermetures", PT_FLASH_SUCCES, "La fermeture est supprimée.")
             : pt_req_error(rq, 404, NULL);
}
