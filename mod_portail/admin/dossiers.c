/* dossiers.c — /portail/admin/dossiers: « Modifications du dossier », the agents' queue
 * of the families' change requests.
 *
 * Each request shows its fields, the value before and the new one, side by side.
 * Accepting applies every field with a conditional update in one transaction: if a field
 * no longer holds the value the family saw (an agent changed it meanwhile), nothing is
 * applied and the agent is shown the conflict.  Refusing carries a message to the family.
 * Both mark the request « new » in the family's « Mes demandes » and are audited.
 */
#include <string.h>
#include <apr_strings.h>
#include "admin/admin.h"
#include "screens/screens.h"
#include "core/pt_audit.h"
#include "core/pt_dossier.h"
#include "core/pt_form.h"
#include "core/pt_request.h"

int portail_admin_dossiers_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "admin-dossiers");
    const char *statut;
    pt_rows *r = NULL, *changes = NULL;
    int i, rv = portail_admin_queue_page(rq, screen, "portail_admin_dossiers_queue", &statut, &r);

    if (rv) {
        return rv;
    }
    if (pt_db_select(rq->db, rq->pool, "portail_admin_dossiers_changes", PT_ARGS(statut),
                     &changes) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    for (i = 0; i < r->n; i++) {
        pt_node *d = pt_xml_elem(screen, "demande", NULL);
        int c;
        pt_xml_attr(d, "id", pt_rows_get(r, i, "id"));
        pt_xml_attr(d, "titre", pt_rows_get(r, i, "title"));
        pt_xml_attr(d, "famille", pt_rows_get(r, i, "famille"));
        pt_xml_attr(d, "family_id", pt_rows_get(r, i, "family_id"));
        pt_xml_attr(d, "email", pt_rows_get(r, i, "email"));
        pt_xml_attr(d, "created_at", pt_rows_get(r, i, "created_at"));
        /* Its changes: the rows of this request in the (ordered) list of all. */
        for (c = 0; c < changes->n; c++) {
            if (!strcmp(pt_rows_get(changes, c, "request_id"), pt_rows_get(r, i, "id"))) {
                pt_rows one = *changes;
                one.values = changes->values + c;
                one.n = 1;
                portail_demande_changes(rq, d, &one, 0);
            }
        }
    }
    return 200;
}

/* Insert the responsable or child a family asked for (request `id`); a family has two
 * responsables at most, else *conflict says so. */
static int portail_admin_dossier_add(pt_req *rq, apr_int64_t id, const char *type,
                                     apr_table_t *v, const char **conflict)
{
    pt_rows *req = NULL, *count = NULL;
    const char *family;
    int rv = pt_db_select(rq->db, rq->pool, "portail_request_get",
                          PT_ARGS(pt_db_int(rq->pool, id)), &req);
    if (rv != PT_DB_OK || req->n != 1) {
        return rv != PT_DB_OK ? rv : PT_DB_ERROR;
    }
    family = pt_rows_get(req, 0, "family_id");
#define PORTAIL_OPT(col) (apr_table_get(v, col) && *apr_table_get(v, col) ? apr_table_get(v, col) : NULL)
    if (!strcmp(type, "enfant")) {
        rv = pt_db_exec(rq->db, rq->pool, "portail_family_insert_child",
                        PT_ARGS(family, PORTAIL_OPT("nom"), PORTAIL_OPT("prenom"),
                                PORTAIL_OPT("date_naissance"), PORTAIL_OPT("sexe")), NULL);
    }
    else {
        rv = pt_db_select(rq->db, rq->pool, "portail_admin_dossier_responsables",
                          PT_ARGS(family), &count);
        if (rv == PT_DB_OK && pt_rows_int(count, 0, "n", 0) >= 2) {
            *conflict = "la famille a déjà deux responsables";
            return PT_DB_OK;
        }
        rv = pt_db_exec(rq->db, rq->pool, "portail_family_insert_responsable",
                        PT_ARGS(family, pt_db_int(rq->pool, pt_rows_int(count, 0, "n", 0) + 1),
                                PORTAIL_OPT("civilite"), PORTAIL_OPT("nom"),
                                PORTAIL_OPT("prenom"), PORTAIL_OPT("date_naissance"), NULL,
                                NULL), NULL);
    }
#undef PORTAIL_OPT
    if (rv == PT_DB_OK) {
        rv = pt_audit(rq->db, rq->pool, rq->now, rq->user->id,
                      apr_pstrcat(rq->pool, "ajout ", type, NULL), "famille",
                      apr_atoi64(family), NULL,
                      apr_pstrcat(rq->pool, apr_table_get(v, "prenom"), " ",
                                  apr_table_get(v, "nom"), NULL));
    }
    return rv;
}

/* Accept one request in its own transaction.  *conflicts lists the fields that changed
 * meanwhile (then nothing is applied); *done is 0 when it was no longer pending. */
static int portail_admin_dossier_accept(pt_req *rq, apr_int64_t id, const char **conflicts,
                                        int *done)
{
    const char *rid = pt_db_int(rq->pool, id), *added_type = NULL;
    apr_table_t *added = apr_table_make(rq->pool, 4);
    pt_rows *changes = NULL;
    int rv, i;

    *conflicts = NULL;
    *done = 0;
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK) {
        return PT_DB_ERROR;
    }
    /* The changes are read before the request is closed: closing masks their IBANs. */
    rv = pt_db_select(rq->db, rq->pool, "portail_request_changes", PT_ARGS(rid), &changes);
    if (rv == PT_DB_OK) {
        rv = pt_request_answer(rq->db, rq->pool, "dossier", id, "acceptee", rq->user->id, NULL,
                               rq->now, done);
    }
    for (i = 0; rv == PT_DB_OK && *done && i < changes->n; i++) {
        const char *type = pt_rows_get(changes, i, "object_type");
        const pt_dossier_field *f = pt_dossier_field_find(type, pt_rows_get(changes, i, "field"));
        apr_int64_t object = pt_rows_int(changes, i, "object_id", 0);
        int applied = 0;
        if (!f) {
            rv = PT_DB_ERROR;
            break;
        }
        if (!pt_dossier_visible(rq->user, f)) {
            /* Another role's data (bank: facturation): not this agent's to accept. */
            *conflicts = f->label;
            break;
        }
        if (object == 0) {
            /* A new responsable or child: its fields, inserted below. */
            apr_table_setn(added, f->column, pt_rows_get(changes, i, "new_value"));
            added_type = f->object;
            continue;
        }
        rv = pt_dossier_apply(rq->db, rq->pool, f, object, pt_rows_get(changes, i, "old_value"),
                              pt_rows_get(changes, i, "new_value"), &applied);
        if (rv == PT_DB_OK && !applied) {
            *conflicts = *conflicts ? apr_pstrcat(rq->pool, *conflicts, ", ", f->label, NULL)
                                    : f->label;
        }
        if (rv == PT_DB_OK && applied) {
            rv = pt_audit(rq->db, rq->pool, rq->now, rq->user->id,
                          apr_pstrcat(rq->pool, "validation ", f->column, NULL), type, object,
                          pt_rows_get(changes, i, "old_value"),
                          pt_rows_get(changes, i, "new_value"));
        }
    }
    if (rv == PT_DB_OK && *done && added_type && !*conflicts) {
        rv = portail_admin_dossier_add(rq, id, added_type, added, conflicts);
    }
    if (rv != PT_DB_OK || *conflicts || !*done) {
        pt_db_rollback(rq->db);
        return rv;
    }
    rv = pt_db_commit(rq->db);
    if (rv == PT_DB_OK) {
        portail_photo_discard(rq, id);            /* the photo it replaced */
    }
    return rv;
}

/* 1 when request `id` changes a field this agent may not see. */
static int portail_admin_dossier_reserved(pt_req *rq, apr_int64_t id, int *reserved)
{
    pt_rows *changes = NULL;
    int i, rv = pt_db_select(rq->db, rq->pool, "portail_request_changes",
                             PT_ARGS(pt_db_int(rq->pool, id)), &changes);
    *reserved = 0;
    for (i = 0; rv == PT_DB_OK && i < changes->n; i++) {
        const pt_dossier_field *f = pt_dossier_field_find(pt_rows_get(changes, i, "object_type"),
                                                          pt_rows_get(changes, i, "field"));
        *reserved |= f && !pt_dossier_visible(rq->user, f);
    }
    return rv;
}

int portail_admin_dossier_accepter_post(pt_req *rq)
{
    apr_int64_t id = pt_req_param_id(rq, "demande");
    int reserved = 0;
    if (id > 0 && portail_admin_dossier_reserved(rq, id, &reserved) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    if (reserved) {
        return pt_req_error(rq, 403, "Cette demande modifie des données réservées à un autre "
                                     "rôle (coordonnées bancaires : facturation ; données "
                                     "sanitaires : accueil, restauration) : un agent de ce "
                                     "rôle la traite.");
    }
    return portail_admin_request_accept(rq, "dossier", portail_admin_dossier_accept,
                                        "/admin/dossiers",
                                        "La modification est acceptée et appliquée au dossier.");
}

int portail_admin_dossiers_accepter_post(pt_req *rq)
{
    return portail_admin_requests_accept(rq, portail_admin_dossier_accept, "/admin/dossiers");
}

int portail_admin_dossier_refuser_post(pt_req *rq)
{
    return portail_admin_request_refuse(rq, "dossier", "/admin/dossiers",
                                        portail_admin_dossiers_get);
}
