/* documents.c — /portail/admin/documents: the agents' queue of the documents families
 * send (the queue screens of the other requests: admin.c), and the types of document
 * (/portail/admin/documents/types).
 *
 * Each request shows its document (a preview of an image, the file to download).
 * Accepting records its validity — the end date for a type that expires; the period
 * covered for a medical certificate, whose acceptance excuses the child's absences of
 * that period in the same transaction (core/pt_document.c).  Refusing carries a message
 * to the family.  Both are audited, marked new in « Mes demandes », reported by the digest.
 */
#include <string.h>
#include <apr_strings.h>
#include "admin/admin.h"
#include "screens/screens.h"
#include "core/pt_audit.h"
#include "core/pt_document.h"
#include "core/pt_form.h"
#include "core/pt_request.h"
#include "domain/pt_check.h"
#include "domain/pt_fr.h"

int portail_admin_documents_get(pt_req *rq)
{
    return portail_admin_queue_get(rq, "admin-documents", "portail_admin_documents_queue",
                                   "portail_document_of_request", "document");
}

/* The dates typed for request `id` (valide_du, valide_au: empty or YYYY-MM-DD, the end
 * not before the start): 1, or 0 with *why. */
static int portail_admin_document_dates(pt_req *rq, const char **from, const char **until,
                                        const char **why)
{
    pt_date a, b;
    *from = pt_form_get(rq->form, "valide_du");
    *until = pt_form_get(rq->form, "valide_au");
    if ((**from && !pt_date_parse(*from, &a)) || (**until && !pt_date_parse(*until, &b))) {
        *why = "Une date s'écrit AAAA-MM-JJ, par exemple 2027-08-31.";
        return 0;
    }
    if (**from && **until && strcmp(*from, *until) > 0) {
        *why = "La fin de validité vient après son début.";
        return 0;
    }
    *from = **from ? *from : NULL;
    *until = **until ? *until : NULL;
    return 1;
}

static int portail_admin_document_accept(pt_req *rq, apr_int64_t id, const char **conflicts,
                                         int *done)
{
    const char *from, *until, *why = NULL;
    int excused = 0, rv;
    *conflicts = NULL;
    *done = 0;
    if (!portail_admin_document_dates(rq, &from, &until, &why)) {
        *conflicts = why;
        return PT_DB_OK;
    }
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK) {
        return PT_DB_ERROR;
    }
    rv = pt_document_accept(rq->db, rq->pool, id, rq->user->id, from, until, rq->now, done,
                            &excused, &why);
    if (rv != PT_DB_OK || !*done || why) {
        *conflicts = why;           /* a bulk acceptance without the dates a type needs */
        pt_db_rollback(rq->db);
        return rv;
    }
    return pt_db_commit(rq->db);
}

int portail_admin_document_accepter_post(pt_req *rq)
{
    apr_int64_t id = pt_req_param_id(rq, "demande");
    const char *from, *until, *why = NULL;
    pt_rows *d = NULL;
    int rv;
    if (id < 0) {
        return pt_req_error(rq, 404, NULL);
    }
    if (pt_db_select(rq->db, rq->pool, "portail_document_of_request",
                     PT_ARGS(pt_db_int(rq->pool, id)), &d) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    if (d->n != 1) {
        return pt_req_error(rq, 404, NULL);
    }
    /* The dates its type needs, checked before anything is done. */
    if (portail_admin_document_dates(rq, &from, &until, &why)) {
        if (pt_rows_int(d, 0, "expires", 0) && !until) {
            why = "Indiquez la date de fin de validité du document.";
        }
        else if (pt_rows_int(d, 0, "excuses_absences", 0) && !from
                 && !strcmp(pt_rows_get(d, 0, "member_kind"), "enfant")) {
            why = "Indiquez la période couverte par le certificat médical (du … au …).";
        }
    }
    if (why) {
        pt_node *e;
        if ((rv = portail_admin_documents_get(rq)) != 200) {
            return rv;
        }
        e = pt_xml_elem(rq->page, "acceptation-erreur", why);
        pt_xml_attr_int(e, "demande", id);
        pt_xml_attr(e, "valide_du", pt_form_get(rq->form, "valide_du"));
        pt_xml_attr(e, "valide_au", pt_form_get(rq->form, "valide_au"));
        return 400;
    }
    return portail_admin_request_accept(rq, "document", portail_admin_document_accept,
                                        "/admin/documents",
                                        "Le document est accepté ; la famille le voit dans "
                                        "« Mes demandes ».");
}

int portail_admin_documents_accepter_post(pt_req *rq)
{
    return portail_admin_requests_accept(rq, portail_admin_document_accept, "/admin/documents");
}

int portail_admin_document_refuser_post(pt_req *rq)
{
    return portail_admin_request_refuse(rq, "document", "/admin/documents",
                                        portail_admin_documents_get);
}

int portail_admin_document_fichier_get(pt_req *rq)
{
    return portail_document_send(rq, pt_req_param_id(rq, "document"), 1);
}

/* --- the types of document ------------------------------------------------------------- */

/* The list, each type with its own form, and the form of a new one (what was typed kept,
 * `error` on the label of type `failed`, 0 for the new one). */
static int portail_admin_documents_types_page(pt_req *rq, apr_int64_t failed, const char *error,
                                              int status)
{
    pt_node *screen = pt_req_screen(rq, "admin-documents-types");
    pt_form_view *fv = pt_form_view_new(rq, screen, "/admin/documents/types");
    apr_table_t *typed = failed == 0 && rq->form ? rq->form : NULL;
    pt_rows *r = NULL;
    if (pt_db_select(rq->db, rq->pool, "portail_admin_documents_types", PT_NOARGS, &r)
        != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    pt_xml_rows(screen, "type", r, NULL);
    pt_form_view_field(fv, "label", "text", "Nom du type", typed ? pt_form_get(typed, "label")
                                                                : "", 1);
    pt_form_view_field(fv, "expires", "checkbox", "Il a une date de fin de validité",
                       typed ? pt_form_get(typed, "expires") : "1", 0);
    pt_form_view_field(fv, "excuses_absences", "checkbox",
                       "Accepté pour un enfant, il excuse ses absences de sa période "
                       "(certificat médical)", typed ? pt_form_get(typed, "excuses_absences")
                                                     : "", 0);
    if (error && failed == 0) {
        pt_form_view_error(fv, "label", error);
    }
    if (error && failed > 0) {
        pt_node *e = pt_xml_elem(screen, "type-erreur", error);
        pt_xml_attr_int(e, "type", failed);
        pt_xml_attr(e, "label", pt_form_get(rq->form, "label"));
    }
    return status;
}

int portail_admin_documents_types_get(pt_req *rq)
{
    return portail_admin_documents_types_page(rq, 0, NULL, 200);
}

/* Create (id 0) or change type `id` from the form.  A label used twice is a 409. */
static int portail_admin_documents_type_save(pt_req *rq, apr_int64_t id)
{
    const char *why = NULL, *label = pt_check_text(rq->pool, pt_form_get(rq->form, "label"), 100,
                                                   &why);
    const char *expires = strcmp(pt_form_get(rq->form, "expires"), "1") ? "0" : "1";
    const char *excuses = strcmp(pt_form_get(rq->form, "excuses_absences"), "1") ? "0" : "1";
    const char *active = strcmp(pt_form_get(rq->form, "active"), "1") ? "0" : "1";
    int rv, n = 0;
    if (!label || !*label || strchr(label, '\n')) {
        return portail_admin_documents_types_page(rq, id, label ? "Indiquez le nom du type "
                                                  "de document, sur une ligne." : why, 400);
    }
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    rv = id == 0 ? pt_db_exec(rq->db, rq->pool, "portail_admin_document_type_insert",
                              PT_ARGS(label, expires, excuses,
                                      pt_db_int(rq->pool, apr_time_sec(rq->now))), &n)
                 : pt_db_exec(rq->db, rq->pool, "portail_admin_document_type_update",
                              PT_ARGS(label, expires, excuses, active, pt_db_int(rq->pool, id)),
                              &n);
    if (rv == PT_DB_OK && n == 1) {
        rv = pt_audit(rq->db, rq->pool, rq->now, rq->user->id,
                      id == 0 ? "creation type de document" : "modification type de document",
                      "type_document", id, NULL, label);
    }
    if (rv != PT_DB_OK || n != 1 || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        if (rv == PT_DB_CONFLICT) {
            return portail_admin_documents_types_page(rq, id, "Un type de document porte déjà "
                                                      "ce nom.", 409);
        }
        return rv == PT_DB_OK && n == 0 ? pt_req_error(rq, 404, NULL)
                                        : pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, "/admin/documents/types", PT_FLASH_SUCCES,
                           id == 0 ? "Le type de document est créé."
                                   : "Le type de document est enregistré.");
}

int portail_admin_documents_types_post(pt_req *rq)
{
    return portail_admin_documents_type_save(rq, 0);
}

int portail_admin_documents_type_post(pt_req *rq)
{
    apr_int64_t id = pt_req_param_id(rq, "type");
    return id < 0 ? pt_req_error(rq, 404, NULL) : portail_admin_documents_type_save(rq, id);
}

/* --- the documents an activity requires (admin/activites.c) ----------------------------- */

void portail_admin_activite_documents_form(pt_req *rq, pt_form_view *fv, apr_int64_t activity,
                                           apr_table_t *typed)
{
    pt_rows *r = NULL;
    int i;
    if (pt_db_select(rq->db, rq->pool, "portail_admin_activite_documents",
                     PT_ARGS(pt_db_int(rq->pool, activity)), &r) != PT_DB_OK || r->n == 0) {
        return;
    }
    pt_form_view_fieldset(fv, "Documents exigés à la pré-inscription (valables sur toute la "
                              "période demandée)");
    for (i = 0; i < r->n; i++) {
        const char *name = apr_pstrcat(rq->pool, "document_", pt_rows_get(r, i, "id"), NULL);
        pt_form_view_field(fv, name, "checkbox", pt_rows_get(r, i, "label"),
                           typed ? pt_form_get(typed, name) : pt_rows_get(r, i, "exige"), 0);
    }
}

int portail_admin_activite_documents_save(pt_req *rq, apr_int64_t activity)
{
    const apr_array_header_t *fields = apr_table_elts(rq->form);
    const char *a = pt_db_int(rq->pool, activity);
    int i, rv = pt_db_exec(rq->db, rq->pool, "portail_admin_activite_documents_clear",
                           PT_ARGS(a), NULL);
    for (i = 0; rv == PT_DB_OK && i < fields->nelts; i++) {
        const apr_table_entry_t *e = &APR_ARRAY_IDX(fields, i, apr_table_entry_t);
        apr_int64_t type;
        if (strncmp(e->key, "document_", 9) != 0 || strcmp(e->val, "1") != 0
            || (type = pt_form_id(e->key + 9)) <= 0) {
            continue;
        }
        rv = pt_db_exec(rq->db, rq->pool, "portail_admin_activite_document_insert",
                        PT_ARGS(a, pt_db_int(rq->pool, type)), NULL);
    }
    return rv;
}
