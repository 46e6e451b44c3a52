/* preinscriptions.c — /portail/admin/preinscriptions: the agents' queue of
 * pre-inscriptions.
 *
 * Accepting enrols the children: the activity appears on their planning over the period
 * as « Non réservé », and « Réservé » on the days the family asked to book with it —
 * within capacity: each place is taken by one conditional update of the day's count, so
 * the last place never goes twice; a full day goes to the waiting list where the activity
 * has one.  Refusing carries a message.  Both are audited and marked new for the family.
 */
#include <string.h>
#include <apr_strings.h>
#include "admin/admin.h"
#include "core/pt_audit.h"
#include "core/pt_form.h"
#include "core/pt_planning.h"
#include "core/pt_request.h"

int portail_admin_preinscriptions_get(pt_req *rq)
{
    return portail_admin_queue_get(rq, "admin-preinscriptions", "portail_admin_preinscriptions_queue",
                                   "portail_enrolments_of_request", "inscription");
}

/* Book the days asked with an enrolment: *booked and *waiting count them. */
static int portail_preinscription_book(pt_req *rq, pt_rows *e, int i, apr_int64_t request,
                                       int *booked, int *waiting)
{
    const char *reserve = pt_rows_get(e, i, "reserve_weekdays");
    const char *weekdays = pt_rows_get(e, i, "weekdays");
    const char *child = pt_rows_get(e, i, "child_id"), *act = pt_rows_get(e, i, "activity_id");
    const char *now = pt_db_int(rq->pool, apr_time_sec(rq->now));
    int occasional = pt_rows_int(e, i, "occasionnelle", 0) != 0, rv;
    pt_planning_calendar cal;
    pt_rows *wl = NULL;
    pt_date d1, d2;
    long day;

    if (!reserve || !strchr(reserve, '1') || !pt_date_parse(pt_rows_get(e, i, "date_debut"), &d1)
        || !pt_date_parse(pt_rows_get(e, i, "date_fin"), &d2)) {
        return PT_DB_OK;
    }
    rv = pt_planning_load(rq->db, rq->pool, pt_rows_get(e, i, "date_debut"),
                          pt_rows_get(e, i, "date_fin"), &cal);
    if (rv == PT_DB_OK) {
        rv = pt_db_select(rq->db, rq->pool, "portail_admin_activite_get", PT_ARGS(act), &wl);
    }
    for (day = pt_date_days(d1); rv == PT_DB_OK && day <= pt_date_days(d2); day++) {
        int wd = pt_date_weekday(pt_date_from_days(day)), taken = 0;
        const char *iso;
        if (reserve[wd] != '1' || (!occasional && weekdays[wd] != '1')
            || !pt_planning_open(&cal, apr_atoi64(act), day, NULL)) {
            continue;
        }
        iso = pt_date_iso(rq->pool, pt_date_from_days(day));
        rv = pt_db_exec(rq->db, rq->pool, "portail_day_count_ensure", PT_ARGS(act, iso), NULL);
        if (rv == PT_DB_OK) {
            rv = pt_db_exec(rq->db, rq->pool, "portail_day_count_take",
                            PT_ARGS(act, iso, act), &taken);
        }
        if (rv == PT_DB_OK && (taken || pt_rows_int(wl, 0, "waiting_list", 0))) {
            rv = pt_db_exec(rq->db, rq->pool, "portail_booking_insert",
                            PT_ARGS(child, act, iso, taken ? "reserve" : "liste_attente", "0",
                                    pt_db_int(rq->pool, request), now, now), NULL);
            *booked += taken;
            *waiting += !taken;
        }
    }
    return rv;
}

static int portail_admin_preinscription_accept(pt_req *rq, apr_int64_t id,
                                               const char **conflicts, int *done)
{
    pt_rows *e = NULL;
    int rv, i, booked = 0, waiting = 0;
    *conflicts = NULL;
    *done = 0;
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK) {
        return PT_DB_ERROR;
    }
    rv = pt_request_answer(rq->db, rq->pool, "preinscription", id, "acceptee", rq->user->id, NULL,
                           rq->now, done);
    if (rv == PT_DB_OK && *done) {
        rv = pt_db_select(rq->db, rq->pool, "portail_enrolments_of_request",
                          PT_ARGS(pt_db_int(rq->pool, id)), &e);
    }
    for (i = 0; rv == PT_DB_OK && *done && i < e->n; i++) {
        rv = portail_preinscription_book(rq, e, i, id, &booked, &waiting);
    }
    if (rv == PT_DB_OK && *done) {
        rv = pt_audit(rq->db, rq->pool, rq->now, rq->user->id, "acceptation preinscription",
                      "demande", id, NULL,
                      apr_psprintf(rq->pool, "%d jour(s) réservé(s), %d en liste d'attente",
                                   booked, waiting));
    }
    if (rv != PT_DB_OK || !*done) {
        pt_db_rollback(rq->db);
        return rv;
    }
    return pt_db_commit(rq->db);
}

int portail_admin_preinscription_accepter_post(pt_req *rq)
{
    return portail_admin_request_accept(rq, "preinscription", portail_admin_preinscription_accept,
                                        "/admin/preinscriptions",
                                        "La pré-inscription est acceptée : l'activité apparaît "
                                        "sur le planning de la famille.");
}

int portail_admin_preinscriptions_accepter_post(pt_req *rq)
{
    return portail_admin_requests_accept(rq, portail_admin_preinscription_accept,
                                         "/admin/preinscriptions");
}

int portail_admin_preinscription_refuser_post(pt_req *rq)
{
    return portail_admin_request_refuse(rq, "preinscription", "/admin/preinscriptions",
                                        portail_admin_preinscriptions_get);
}
