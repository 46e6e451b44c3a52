/* fermetures.c — /portail/admin/fermetures: school holidays and closures.
 *
 * A closure covers every activity or one; no slot is offered, booked or shown on a closed
 * day.  Added after bookings, it cancels those of its days (the agent is told how many
 * before confirming), and each family is told in « Mes demandes » and the digest.  They
 * are typed one by one, or imported from a CSV file (date_debut;date_fin;libelle — the
 * school holidays of the academy), all or nothing, errors by line.
 */
#include <string.h>
#include <apr_strings.h>
#include <apr_file_io.h>
#include "admin/admin.h"
#include "core/pt_audit.h"
#include "core/pt_csv.h"
#include "core/pt_form.h"
#include "core/pt_request.h"
#include "core/pt_wallet.h"
#include "domain/pt_fr.h"

/* Errors shown by line on the page; the others are counted (« et N autres erreurs »). */
#define PORTAIL_FERMETURES_MAX_ERRORS 20

/* The page: the closures, and the form to add one (`typed`: what was sent, with `errors`
 * by field).  `confirm` > 0: the step that says how many bookings the closure cancels. */
static int portail_fermetures_page(pt_req *rq, apr_table_t *typed, apr_table_t *errors,
                                   int confirm, int families, int status)
{
    pt_node *screen = pt_req_screen(rq, "admin-fermetures"), *f;
    pt_form_view *fv;
    pt_rows *r = NULL, *a = NULL;
    static const char *const fields[][3] = {
        { "date_debut", "date", "Du" }, { "date_fin", "date", "Au" },
        { "label", "text", "Libellé" }, { "activite", "select", "Activité" },
    };
    size_t k;
    int i;
    if (pt_db_select(rq->db, rq->pool, "portail_admin_fermetures_list", PT_NOARGS, &r) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_admin_activites_list", PT_NOARGS, &a)
           != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    pt_xml_rows(screen, "fermeture", r, NULL);
    pt_xml_rows(screen, "activite", a, NULL);
    if (confirm > 0) {
        pt_node *c = pt_xml_elem(screen, "confirmation", NULL);
        pt_xml_attr_int(c, "reservations", confirm);
        pt_xml_attr_int(c, "familles", families);
        for (k = 0; k < sizeof(fields) / sizeof(fields[0]); k++) {
            pt_xml_attr(c, fields[k][0], pt_form_get(typed, fields[k][0]));
        }
    }
    fv = pt_form_view_new(rq, screen, "/admin/fermetures");
    for (k = 0; k < sizeof(fields) / sizeof(fields[0]); k++) {
        const char *name = fields[k][0];
        f = pt_form_view_field(fv, name, fields[k][1], fields[k][2],
                               typed ? pt_form_get(typed, name) : "", strcmp(name, "activite") != 0);
        if (!strcmp(name, "activite")) {
            pt_form_view_option(f, "", "Toutes les activités");
            for (i = 0; i < a->n; i++) {
                pt_form_view_option(f, pt_rows_get(a, i, "id"), pt_rows_get(a, i, "name"));
            }
        }
        if (errors && apr_table_get(errors, name)) {
            pt_form_view_error(fv, name, apr_table_get(errors, name));
        }
    }
    return status;
}

int portail_admin_fermetures_get(pt_req *rq)
{
    return portail_fermetures_page(rq, NULL, NULL, 0, 0, 200);
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

/* Add a closure, in the caller's transaction: the bookings of its days still to come are
 * cancelled (never billed), their places given back and the waiting lists of those days
 * cleared; each family finds a message in « Mes demandes » with the days cancelled (and
 * in the next digest).  *cancelled: how many bookings. */
static int portail_fermeture_insert(pt_req *rq, const char *activity, const char *debut,
                                    const char *fin, const char *label, int *cancelled)
{
    const char *at = pt_db_int(rq->pool, apr_time_sec(rq->now)), *what = NULL, *message;
    pt_rows *b = NULL, *a = NULL;
    pt_date d1, d2;
    int rv = pt_db_exec(rq->db, rq->pool, "portail_admin_fermeture_insert",
                        PT_ARGS(activity, debut, fin, label), NULL);
    int i, from;

    *cancelled = 0;
    if (rv == PT_DB_OK) {
        pt_date_parse(debut, &d1);
        pt_date_parse(fin, &d2);
        rv = pt_audit(rq->db, rq->pool, rq->now, rq->user->id, "ajout fermeture", "activite",
                      activity ? apr_atoi64(activity) : 0, NULL,
                      apr_pstrcat(rq->pool, "du ", pt_date_long(rq->pool, d1, 1), " au ",
                                  pt_date_long(rq->pool, d2, 1), " : ", label, NULL));
    }
    if (rv == PT_DB_OK) {
        rv = pt_db_select(rq->db, rq->pool, "portail_admin_fermeture_bookings",
                          PT_ARGS(debut, fin, activity), &b);
    }
    if (rv != PT_DB_OK || b->n == 0) {
        return rv;
    }
    *cancelled = b->n;
    /* A prepaid day the town closes is paid back to the porte-monnaie (h15wallet); first,
     * as bookings do: the porte-monnaie's row before the days' counts. */
    for (i = 0; rv == PT_DB_OK && i < b->n; i++) {
        rv = pt_wallet_refund_booking(rq->db, rq->pool, pt_rows_int(b, i, "id", 0), rq->now,
                                      NULL);
    }
    if (rv == PT_DB_OK) {
        rv = pt_db_exec(rq->db, rq->pool, "portail_admin_fermeture_cancel",
                        PT_ARGS(at, debut, fin, activity), NULL);
    }
    if (rv == PT_DB_OK) {
        rv = pt_db_exec(rq->db, rq->pool, "portail_admin_fermeture_recount",
                        PT_ARGS(debut, fin, activity), NULL);
    }
    if (rv == PT_DB_OK && activity) {
        rv = pt_db_select(rq->db, rq->pool, "portail_admin_activite_get", PT_ARGS(activity), &a);
        what = rv == PT_DB_OK && a->n == 1
               ? apr_pstrcat(rq->pool, "« ", pt_rows_get(a, 0, "name"), " »", NULL) : NULL;
    }
    message = apr_pstrcat(rq->pool, "La mairie a fermé ", what ? what : "les activités",
                          strcmp(debut, fin) ? " du " : " le ", pt_date_long(rq->pool, d1, 1),
                          strcmp(debut, fin) ? " au " : "",
                          strcmp(debut, fin) ? pt_date_long(rq->pool, d2, 1) : "",
                          " (", label, ") : les réservations de ces jours sont annulées et ne "
                          "vous seront pas facturées.", NULL);
    /* One request a family, holding its days (the rows come by family). */
    for (i = 0, from = 0; rv == PT_DB_OK && i <= b->n; i++) {
        apr_int64_t request = 0;
        int j, closed = 0;
        if (i < b->n && !strcmp(pt_rows_get(b, i, "family_id"), pt_rows_get(b, from, "family_id"))) {
            continue;
        }
        rv = pt_request_create(rq->db, rq->pool, pt_rows_int(b, from, "family_id", 0), 0,
                               "reservation",
                               apr_pstrcat(rq->pool, "Fermeture : ", label, NULL), rq->now,
                               &request);
        for (j = from; rv == PT_DB_OK && j < i; j++) {
            rv = pt_db_exec(rq->db, rq->pool, "portail_request_day_insert",
                            PT_ARGS(pt_db_int(rq->pool, request), pt_rows_get(b, j, "id"),
                                    "annulation", "annule", "0"), NULL);
        }
        if (rv == PT_DB_OK) {
            rv = pt_request_close(rq->db, rq->pool, request, "annulee", rq->user->id, message, 1,
                                  rq->now, &closed);
        }
        from = i;
    }
    /* A family's request still waiting for an answer whose every day the closure took
     * has nothing left to answer: closed too (its days are in the closure's request). */
    for (i = 0; rv == PT_DB_OK && i < b->n; i++) {
        const char *req = pt_rows_get(b, i, "request_id");
        pt_rows *left = NULL;
        int closed = 0;
        if (!req || !strcmp(pt_rows_get(b, i, "status"), "reserve")) {
            continue;
        }
        rv = pt_db_select(rq->db, rq->pool, "portail_resa_request_pending", PT_ARGS(req), &left);
        if (rv == PT_DB_OK && pt_rows_int(left, 0, "n", 0) == 0) {
            rv = pt_request_close(rq->db, rq->pool, apr_atoi64(req), "annulee", rq->user->id,
                                  message, 0, rq->now, &closed);
        }
    }
    return rv;
}

int portail_admin_fermetures_post(pt_req *rq)
{
    const char *debut = pt_form_get(rq->form, "date_debut"), *fin = pt_form_get(rq->form, "date_fin");
    const char *label = pt_form_get(rq->form, "label"), *act = pt_form_get(rq->form, "activite");
    apr_table_t *errors = apr_table_make(rq->pool, 4);
    pt_rows *a = NULL, *b = NULL;
    pt_date d;
    int cancelled = 0, families = 0, i;

    if (!pt_date_parse(debut, &d)) {
        apr_table_setn(errors, "date_debut", "Indiquez le premier jour fermé (une date réelle).");
    }
    if (!pt_date_parse(fin, &d)) {
        apr_table_setn(errors, "date_fin", "Indiquez le dernier jour fermé (une date réelle).");
    }
    else if (!apr_table_get(errors, "date_debut") && strcmp(debut, fin) > 0) {
        apr_table_setn(errors, "date_fin", "La date de fin vient avant la date de début.");
    }
    if (!*label || strlen(label) > 200) {
        apr_table_setn(errors, "label", "Indiquez le libellé de la fermeture (« Grève », « Pont "
                                        "de l'Ascension »…), 200 caractères au plus.");
    }
    if (*act && (pt_db_select(rq->db, rq->pool, "portail_admin_activite_get", PT_ARGS(act), &a)
                 != PT_DB_OK || a->n != 1)) {
        apr_table_setn(errors, "activite", "Choisissez une activité de la liste.");
    }
    if (apr_table_elts(errors)->nelts > 0) {
        return portail_fermetures_page(rq, rq->form, errors, 0, 0, 400);
    }
    act = *act ? act : NULL;
    /* Bookings on those days: the agent sees how many the closure cancels, and confirms. */
    if (strcmp(pt_form_get(rq->form, "confirmer"), "1")) {
        if (pt_db_select(rq->db, rq->pool, "portail_admin_fermeture_bookings",
                         PT_ARGS(debut, fin, act), &b) != PT_DB_OK) {
            return pt_req_error(rq, 503, NULL);
        }
        for (i = 0; i < b->n; i++) {
            families += i == 0 || strcmp(pt_rows_get(b, i, "family_id"),
                                         pt_rows_get(b, i - 1, "family_id"));
        }
        if (b->n > 0) {
            return portail_fermetures_page(rq, rq->form, NULL, b->n, families, 200);
        }
    }
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK
        || portail_fermeture_insert(rq, act, debut, fin, label, &cancelled) != PT_DB_OK
        || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, "/admin/fermetures", PT_FLASH_SUCCES,
                           cancelled ? apr_psprintf(rq->pool, "La fermeture est ajoutée : %d "
                                                    "réservation(s) annulée(s), les familles "
                                                    "sont prévenues dans « Mes demandes ».",
                                                    cancelled)
                                     : "La fermeture est ajoutée.");
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
    int i, line = 0, n = 0, cancelled = 0;

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
        if (portail_fermeture_insert(rq, NULL, r->fields[0], r->fields[1], r->fields[2], &n)
            != PT_DB_OK) {
            pt_db_rollback(rq->db);
            return pt_req_error(rq, 503, NULL);
        }
        cancelled += n;
    }
    if (pt_db_commit(rq->db) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, "/admin/fermetures", PT_FLASH_SUCCES,
                           cancelled ? apr_psprintf(rq->pool, "Les fermetures du fichier sont "
                                                    "importées : %d réservation(s) annulée(s), "
                                                    "les familles sont prévenues.", cancelled)
                                     : "Les fermetures du fichier sont importées.");
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
