/* reservations.c — /portail/admin/reservations: the agents' queue of reservations and
 * absences waiting for an answer (activities needing validation, waiting lists, absences
 * declared).
 *
 * Accepting or refusing closes the request; pt_request_close settles its days (a booking
 * pending becomes reserved or is cancelled and its place given to the waiting list, an
 * absence becomes « excusé » or the day stays booked).  Audited, marked new for the
 * family, reported by the next digest.
 */
#include <string.h>
#include <apr_strings.h>
#include "admin/admin.h"
#include "core/pt_audit.h"
#include "core/pt_form.h"
#include "core/pt_request.h"

int portail_admin_reservations_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "admin-reservations");
    const char *statut = pt_form_get(rq->query, "statut");
    pt_rows *r = NULL;
    int page, i;
    statut = *statut ? statut : "en_attente";
    if (strcmp(statut, "en_attente") && strcmp(statut, "acceptee") && strcmp(statut, "refusee")
        && strcmp(statut, "annulee")) {
        return pt_req_error(rq, 400, "Ce statut de demande n'existe pas.");
    }
    if (!pt_req_query_int(rq, "page", 1, 1, 100000, &page)) {
        return pt_req_error(rq, 400, "Ce numéro de page n'existe pas.");
    }
    pt_xml_attr(screen, "statut", statut);
    if (pt_db_select(rq->db, rq->pool, "portail_admin_reservations_queue",
                     PT_ARGS(statut, pt_db_int(rq->pool, PORTAIL_ADMIN_PAGE_SIZE + 1),
                             portail_admin_offset(rq, page)), &r) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    portail_admin_list_more(rq, screen, page, r, (const char *const[]){ "statut", statut, NULL });
    for (i = 0; i < r->n; i++) {
        pt_node *d = pt_xml_row(screen, "demande", r, i, NULL);
        pt_rows *days = NULL;
        /* A page holds 50 requests: one query each stays bounded. */
        if (pt_db_select(rq->db, rq->pool, "portail_resa_request_days",
                         PT_ARGS(pt_rows_get(r, i, "id")), &days) != PT_DB_OK) {
            return pt_req_error(rq, 503, NULL);
        }
        pt_xml_rows(d, "jour", days, NULL);
    }
    return 200;
}

static int portail_admin_reservation_accept(pt_req *rq, apr_int64_t id, const char **conflicts,
                                            int *done)
{
    int rv;
    *conflicts = NULL;
    *done = 0;
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK) {
        return PT_DB_ERROR;
    }
    rv = pt_request_close(rq->db, rq->pool, id, "acceptee", rq->user->id, NULL, 1, rq->now, done);
    if (rv == PT_DB_OK && *done) {
        rv = pt_audit(rq->db, rq->pool, rq->now, rq->user->id, "acceptation reservation",
                      "demande", id, NULL, NULL);
    }
    if (rv != PT_DB_OK || !*done) {
        pt_db_rollback(rq->db);
        return rv;
    }
    return pt_db_commit(rq->db);
}

int portail_admin_reservation_accepter_post(pt_req *rq)
{
    return portail_admin_request_accept(rq, portail_admin_reservation_accept,
                                        "/admin/reservations",
                                        "La demande est acceptée ; la famille le voit sur son "
                                        "planning.");
}

int portail_admin_reservations_accepter_post(pt_req *rq)
{
    return portail_admin_requests_accept(rq, portail_admin_reservation_accept,
                                         "/admin/reservations");
}

int portail_admin_reservation_refuser_post(pt_req *rq)
{
    return portail_admin_request_refuse(rq, "/admin/reservations");
}
