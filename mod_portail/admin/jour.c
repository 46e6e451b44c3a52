/* jour.c — /portail/admin/activites/{activite}/jour?date=AAAA-MM-JJ: the day sheet of an
 * activity — the children expected with what the staff must know (allergies, PAI, diet),
 * the « pointage » présent / absent / excusé, and the waiting list in order, whose first
 * gets a freed place when an agent decides (activities.promotion = 'agent').
 */
#include <string.h>
#include <apr_strings.h>
#include "admin/admin.h"
#include "core/pt_audit.h"
#include "core/pt_dossier.h"
#include "core/pt_form.h"
#include "core/pt_reservation.h"
#include "domain/pt_fr.h"
#include "domain/pt_tariff.h"

/* The activity and the date of the URL: 0, or the error's status. */
static int portail_jour_load(pt_req *rq, apr_table_t *in, pt_rows **act, pt_date *day,
                             const char **iso)
{
    apr_int64_t id = pt_req_param_id(rq, "activite");
    *iso = pt_form_get(in, "date");
    if (id < 0) {
        return pt_req_error(rq, 404, NULL);
    }
    if (!**iso) {
        *day = pt_date_of_time(rq->now);
        *iso = pt_date_iso(rq->pool, *day);
    }
    else if (!pt_date_parse(*iso, day)) {
        return pt_req_error(rq, 400, "Cette date n'existe pas : elle s'écrit AAAA-MM-JJ.");
    }
    if (pt_db_select(rq->db, rq->pool, "portail_admin_activite_get",
                     PT_ARGS(pt_db_int(rq->pool, id)), act) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    return (*act)->n == 1 ? 0 : pt_req_error(rq, 404, NULL);
}

/* The medical certificates of the day's absences (h14more): one small form per absent
 * or excused child, its field « certificat_<booking> » so that ids stay unique; `bad` is
 * the booking whose form comes back with `error` and what was typed. */
static int portail_jour_certificats(pt_req *rq, pt_node *screen, const char *activity,
                                    const char *iso, apr_int64_t bad, const char *error)
{
    pt_rows *c = NULL;
    int i;
    if (pt_db_select(rq->db, rq->pool, "portail_admin_jour_certificats", PT_ARGS(activity, iso),
                     &c) != PT_DB_OK) {
        return PT_DB_ERROR;
    }
    for (i = 0; i < c->n; i++) {
        apr_int64_t id = pt_rows_int(c, i, "id", 0);
        const char *name = apr_psprintf(rq->pool, "certificat_%" APR_INT64_T_FMT, id);
        pt_form_view *fv = pt_form_view_new(rq, screen, apr_psprintf(rq->pool,
                                            "/admin/activites/%s/jour/certificat", activity));
        pt_node *f = pt_form_view_node(fv);
        pt_xml_attr(f, "id", "certificat");
        pt_xml_attr(f, "enfant", apr_pstrcat(rq->pool, pt_rows_get(c, i, "prenom"), " ",
                                              pt_rows_get(c, i, "nom"), NULL));
        pt_xml_attr(f, "statut", pt_rows_get(c, i, "status"));
        if (pt_rows_get(c, i, "certificat_le")) {
            pt_xml_attr(f, "recu_fr", pt_fr_date_short(rq->pool, pt_rows_get(c, i, "certificat_le")));
        }
        pt_form_view_field(fv, "date", "hidden", NULL, iso, 0);
        pt_form_view_field(fv, "reservation", "hidden", NULL, pt_rows_get(c, i, "id"), 0);
        pt_xml_attr(pt_form_view_field(fv, name, "date",
                                       apr_psprintf(rq->pool, "%s %s : certificat médical reçu le",
                                                    pt_rows_get(c, i, "prenom"),
                                                    pt_rows_get(c, i, "nom")),
                                       id == bad ? pt_form_get(rq->form, name)
                                                 : pt_rows_get(c, i, "certificat_le"), 0),
                    "hint", "Laissez vide pour retirer le certificat.");
        if (id == bad && error) {
            pt_form_view_error(fv, name, error);
        }
    }
    return PT_DB_OK;
}

/* The day sheet; `bad` and `error`: a certificate's form that comes back. */
static int portail_jour_page(pt_req *rq, apr_table_t *in, apr_int64_t bad, const char *error,
                             int status)
{
    pt_node *screen = pt_req_screen(rq, "admin-jour");
    pt_rows *act = NULL, *b = NULL, *count = NULL;
    const char *iso, *id;
    pt_date day;
    int rv = portail_jour_load(rq, in, &act, &day, &iso), i;
    if (rv) {
        return rv;
    }
    id = pt_rows_get(act, 0, "id");
    if (pt_db_select(rq->db, rq->pool, "portail_admin_jour_bookings", PT_ARGS(id, iso), &b)
        != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_resa_counts", PT_ARGS(id, iso, iso), &count)
           != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    /* Allergies, PAI, diet: only for the roles that care for the children. */
    pt_dossier_rows_hide(rq->user, b, "enfant");
    pt_xml_attr(screen, "activite", id);
    pt_xml_attr(screen, "nom", pt_rows_get(act, 0, "name"));
    pt_xml_attr(screen, "capacite", pt_rows_get(act, 0, "capacity"));
    pt_xml_attr(screen, "promotion", pt_rows_get(act, 0, "promotion"));
    pt_xml_attr(screen, "date", iso);
    pt_xml_attr(screen, "libelle", pt_date_long(rq->pool, day, 1));
    pt_xml_attr(screen, "precedent", pt_date_iso(rq->pool, pt_date_from_days(pt_date_days(day) - 1)));
    pt_xml_attr(screen, "suivant", pt_date_iso(rq->pool, pt_date_from_days(pt_date_days(day) + 1)));
    pt_xml_attr(screen, "prises", count->n ? pt_rows_get(count, 0, "taken") : "0");
    for (i = 0; i < b->n; i++) {
        pt_node *e = pt_xml_row(screen, !strcmp(pt_rows_get(b, i, "status"), "liste_attente")
                                        ? "attente" : "inscrit", b, i, NULL);
        /* The diet as the family chose it (« Sans porc »), never its stored code. */
        if (pt_rows_get(b, i, "regime")) {
            pt_xml_attr(e, "regime_fr",
                        pt_dossier_display(rq->pool, pt_dossier_field_find("enfant", "regime"),
                                           pt_rows_get(b, i, "regime"), 0));
        }
    }
    pt_xml_attr(screen, "certificat_jours", pt_rows_get(act, 0, "certificat_jours"));
    if (portail_jour_certificats(rq, screen, id, iso, bad, error) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    return status;
}

int portail_admin_jour_get(pt_req *rq)
{
    return portail_jour_page(rq, rq->query, 0, NULL, 200);
}

int portail_admin_jour_post(pt_req *rq)
{
    const apr_array_header_t *fields = apr_table_elts(rq->form);
    pt_rows *act = NULL;
    const char *iso, *at = pt_db_int(rq->pool, apr_time_sec(rq->now));
    pt_date day;
    int rv = portail_jour_load(rq, rq->form, &act, &day, &iso), i, n, total = 0;
    if (rv) {
        return rv;
    }
    for (i = 0; i < fields->nelts; i++) {
        const apr_table_entry_t *e = &APR_ARRAY_IDX(fields, i, apr_table_entry_t);
        if (!strncmp(e->key, "p_", 2) && strcmp(e->val, "present") && strcmp(e->val, "absent")
            && strcmp(e->val, "excuse") && *e->val) {
            return pt_req_error(rq, 400, "Le pointage est « présent », « absent » ou « excusé ».");
        }
    }
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    for (i = 0, rv = PT_DB_OK; rv == PT_DB_OK && i < fields->nelts; i++) {
        const apr_table_entry_t *e = &APR_ARRAY_IDX(fields, i, apr_table_entry_t);
        if (strncmp(e->key, "p_", 2) || !*e->val || apr_atoi64(e->key + 2) <= 0) {
            continue;
        }
        n = 0;
        rv = pt_db_exec(rq->db, rq->pool, "portail_admin_pointage",
                        PT_ARGS(e->val, at, pt_db_int(rq->pool, apr_atoi64(e->key + 2)),
                                pt_rows_get(act, 0, "id"), iso), &n);
        total += n;
    }
    if (rv == PT_DB_OK) {
        rv = pt_audit(rq->db, rq->pool, rq->now, rq->user->id, "pointage", "activite",
                      pt_rows_int(act, 0, "id", 0), NULL,
                      apr_psprintf(rq->pool, "%s : %d enfant(s) pointé(s)", iso, total));
    }
    if (rv != PT_DB_OK || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, apr_psprintf(rq->pool, "/admin/activites/%s/jour?date=%s",
                                            pt_rows_get(act, 0, "id"), iso),
                           PT_FLASH_SUCCES, "Le pointage est enregistré.");
}

int portail_admin_jour_promouvoir_post(pt_req *rq)
{
    pt_rows *act = NULL;
    const char *iso;
    pt_date day;
    int promoted = 0, rv = portail_jour_load(rq, rq->form, &act, &day, &iso);
    if (rv) {
        return rv;
    }
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK
        || pt_resa_promote(rq->db, rq->pool, rq->now, rq->user->id, pt_rows_int(act, 0, "id", 0),
                           iso, &promoted) != PT_DB_OK
        || (promoted && pt_audit(rq->db, rq->pool, rq->now, rq->user->id, "place attribuee",
                                 "activite", pt_rows_int(act, 0, "id", 0), NULL, iso) != PT_DB_OK)
        || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 503, NULL);
    }
    if (!promoted) {
        return pt_req_error(rq, 409, "Il n'y a pas de place libre ce jour-là, ou personne en "
                                     "liste d'attente.");
    }
    return pt_req_redirect(rq, apr_psprintf(rq->pool, "/admin/activites/%s/jour?date=%s",
                                            pt_rows_get(act, 0, "id"), iso),
                           PT_FLASH_SUCCES, "La place est attribuée au premier de la liste "
                                            "d'attente ; sa famille est prévenue.");
}

/* Record (or remove, empty) the date a medical certificate was received for an absence of
 * the day (h14more): an « absent » becomes « excusé »; within the activity's
 * certificat_jours the absence is not billed (domain/pt_tariff.c).  A day already billed
 * keeps its invoice: the agent is told which one, to cancel by a credit note. */
int portail_admin_jour_certificat_post(pt_req *rq)
{
    pt_rows *act = NULL, *c = NULL, *inv = NULL;
    const char *iso, *cert, *enfant = NULL, *back;
    apr_int64_t booking = pt_form_id(pt_form_get(rq->form, "reservation"));
    pt_date day, got;
    int rv = portail_jour_load(rq, rq->form, &act, &day, &iso), i, done = 0;
    if (rv) {
        return rv;
    }
    if (pt_db_select(rq->db, rq->pool, "portail_admin_jour_certificats",
                     PT_ARGS(pt_rows_get(act, 0, "id"), iso), &c) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    for (i = 0; i < c->n; i++) {
        if (pt_rows_int(c, i, "id", 0) == booking) {
            enfant = pt_rows_get(c, i, "prenom");
        }
    }
    if (!enfant) {
        return pt_req_error(rq, 404, "Cet enfant n'est pas absent sur la feuille de ce jour.");
    }
    cert = pt_form_get(rq->form, apr_psprintf(rq->pool, "certificat_%" APR_INT64_T_FMT, booking));
    if (*cert && !pt_date_parse(cert, &got)) {
        return portail_jour_page(rq, rq->form, booking, "Indiquez la date de réception du "
                                 "certificat au format AAAA-MM-JJ, par exemple 2026-11-05.", 400);
    }
    if (*cert && pt_date_days(got) > pt_date_days(pt_date_of_time(rq->now))) {
        return portail_jour_page(rq, rq->form, booking, "Le certificat ne peut pas avoir été "
                                 "reçu après aujourd'hui : vérifiez la date.", 400);
    }
    rv = pt_db_begin(rq->db, rq->pool);
    if (rv == PT_DB_OK) {
        rv = pt_db_exec(rq->db, rq->pool, "portail_admin_jour_certificat",
                        PT_ARGS(*cert ? cert : NULL, pt_db_int(rq->pool, apr_time_sec(rq->now)),
                                pt_db_int(rq->pool, booking), pt_rows_get(act, 0, "id"), iso),
                        &done);
    }
    if (rv == PT_DB_OK && done) {
        rv = pt_audit(rq->db, rq->pool, rq->now, rq->user->id, "certificat", "activite",
                      pt_rows_int(act, 0, "id", 0), enfant,
                      apr_pstrcat(rq->pool, iso, " : ", *cert ? cert : "retiré", NULL));
    }
    if (rv == PT_DB_OK && done) {
        rv = pt_db_select(rq->db, rq->pool, "portail_admin_jour_facture",
                          PT_ARGS(pt_db_int(rq->pool, booking)), &inv);
    }
    if (rv != PT_DB_OK || !done || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return rv == PT_DB_OK && !done
               ? pt_req_error(rq, 409, "Cette absence a changé entre-temps : rechargez la feuille.")
               : pt_req_error(rq, 503, NULL);
    }
    back = apr_psprintf(rq->pool, "/admin/activites/%s/jour?date=%s", pt_rows_get(act, 0, "id"),
                        iso);
    if (!*cert) {
        return pt_req_redirect(rq, back, PT_FLASH_SUCCES,
                               apr_psprintf(rq->pool, "Le certificat médical de %s est retiré.",
                                            enfant));
    }
    return pt_req_redirect(rq, back, PT_FLASH_SUCCES, apr_psprintf(
        rq->pool, "Le certificat médical de %s est enregistré, reçu le %s : %s", enfant,
        pt_fr_date_short(rq->pool, cert),
        inv->n ? apr_psprintf(rq->pool, "cette journée est déjà facturée (facture %s) ; pour ne "
                              "plus la facturer, annulez cette facture par un avoir puis "
                              "facturez le mois de nouveau.", pt_rows_get(inv, 0, "reference"))
        : pt_tariff_billed("excuse", iso, cert, (int)pt_rows_int(act, 0, "certificat_jours", 0),
                           NULL)
        ? apr_psprintf(rq->pool, "reçu plus de %s jour(s) après l'absence, il ne l'excuse pas : "
                       "elle sera facturée.", pt_rows_get(act, 0, "certificat_jours"))
        : "l'absence ne sera pas facturée."));
}
