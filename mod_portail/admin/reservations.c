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
    return portail_admin_queue_get(rq, "admin-reservations", "portail_admin_reservations_queue",
                                   "portail_resa_request_days", "jour");
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
    rv = pt_request_answer(rq->db, rq->pool, "reservation", id, "acceptee", rq->user->id, NULL,
                           rq->now, done);
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
    return portail_admin_request_accept(rq, "reservation", portail_admin_reservation_accept,
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
    return portail_admin_request_refuse(rq, "reservation", "/admin/reservations",
                                        portail_admin_reservations_get);
}
