/* demandes.c — /portail/famille/demandes: « Mes demandes ».
 *
 * Every request of the account's families in one list, whatever its kind, with its status
 * and « n nouveau(x) message(s) » on the line of an answer not opened yet.  Opening a
 * request shows its changes and history and marks it read; a pending request can be
 * cancelled by the family.
 */
#include <string.h>
#include <apr_strings.h>
#include "screens/screens.h"
#include "core/pt_dossier.h"
#include "core/pt_request.h"

int portail_demandes_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "demandes");
    pt_rows *r = NULL;
    int i, unread = 0;
    if (pt_db_select(rq->db, rq->pool, "portail_demandes_list",
                     PT_ARGS(pt_db_int(rq->pool, rq->user->id)), &r) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    for (i = 0; i < r->n; i++) {
        unread += pt_rows_int(r, i, "unread", 0) != 0;
    }
    pt_xml_attr_int(screen, "nouveaux", unread);
    pt_xml_rows(screen, "demande", r, NULL);
    return 200;
}

/* The request of the URL if it is one of this account's families (else 404), or any for
 * an agent; *r holds it. */
static int portail_demande_load(pt_req *rq, apr_int64_t *id, pt_rows **r)
{
    pt_rows *sub = NULL;
    *id = pt_req_param_id(rq, "demande");
    if (*id < 0) {
        return pt_req_error(rq, 404, NULL);
    }
    if (pt_db_select(rq->db, rq->pool, "portail_request_get",
                     PT_ARGS(pt_db_int(rq->pool, *id)), r) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    if ((*r)->n != 1) {
        return pt_req_error(rq, 404, NULL);
    }
    if (rq->user->role != PT_ROLE_AGENT) {
        if (pt_db_select(rq->db, rq->pool, "portail_famille_subscribed",
                         PT_ARGS(pt_db_int(rq->pool, rq->user->id),
                                 pt_rows_get(*r, 0, "family_id")), &sub) != PT_DB_OK) {
            return pt_req_error(rq, 503, NULL);
        }
        if (sub->n == 0) {
            return pt_req_error(rq, 404, NULL);
        }
    }
    return 0;
}

void portail_demande_changes(pt_req *rq, pt_node *parent, pt_rows *changes, int mask)
{
    int i;
    for (i = 0; i < changes->n; i++) {
        const pt_dossier_field *f = pt_dossier_field_find(pt_rows_get(changes, i, "object_type"),
                                                          pt_rows_get(changes, i, "field"));
        pt_node *c;
        if (!f) {
            continue;
        }
        c = pt_xml_elem(parent, "changement", NULL);
        pt_xml_attr(c, "demande", pt_rows_get(changes, i, "request_id"));
        pt_xml_attr(c, "label", f->label);
        if (!pt_dossier_visible(rq->user, f)) {
            pt_xml_attr(c, "reserve", "1");     /* another role's data: which field, no value */
            continue;
        }
        if (f->type == PT_DT_PHOTO) {
            pt_xml_attr(c, "photo", "1");       /* the values are pictures to show */
        }
        pt_xml_attr(c, "avant", pt_dossier_display(rq->pool, f,
                                                   pt_rows_get(changes, i, "old_value"), mask));
        pt_xml_attr(c, "apres", pt_dossier_display(rq->pool, f,
                                                   pt_rows_get(changes, i, "new_value"), mask));
    }
}

int portail_demande_get(pt_req *rq)
{
    pt_node *screen;
    pt_rows *r = NULL, *changes = NULL, *events = NULL, *days = NULL;
    apr_int64_t id;
    int rv = portail_demande_load(rq, &id, &r);
    if (rv) {
        return rv;
    }
    if (pt_db_select(rq->db, rq->pool, "portail_request_changes",
                     PT_ARGS(pt_db_int(rq->pool, id)), &changes) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_request_events",
                        PT_ARGS(pt_db_int(rq->pool, id)), &events) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_resa_request_days",
                        PT_ARGS(pt_db_int(rq->pool, id)), &days) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    screen = pt_req_screen(rq, "demande");
    pt_xml_rows(screen, "info", r, NULL);
    portail_demande_changes(rq, screen, changes, 1);
    /* A reservation or absence: its days, with their state now. */
    pt_xml_rows(screen, "jour", days, NULL);
    pt_xml_rows(screen, "evenement", events, NULL);
    /* Opened by the family: the answer is read. */
    if (rq->user->role != PT_ROLE_AGENT && pt_rows_int(r, 0, "unread", 0)
        && pt_db_exec(rq->db, rq->pool, "portail_request_read",
                      PT_ARGS(pt_db_int(rq->pool, id)), NULL) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    return 200;
}

int portail_demande_annuler_post(pt_req *rq)
{
    pt_rows *r = NULL;
    apr_int64_t id;
    int closed = 0, rv = portail_demande_load(rq, &id, &r);
    if (rv) {
        return rv;
    }
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK
        || pt_request_close(rq->db, rq->pool, id, "annulee", rq->user->id, NULL, 0, rq->now,
                            &closed) != PT_DB_OK
        || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 503, NULL);
    }
    if (!closed) {
        return pt_req_error(rq, 409, "Cette demande a déjà reçu une réponse : elle ne peut "
                                     "plus être annulée.");
    }
    portail_photo_discard(rq, id);                /* a cancelled photo is not kept */
    return pt_req_redirect(rq, "/famille/demandes", PT_FLASH_SUCCES, "Votre demande est annulée.");
}
