/* pt_request — requests and their history.  See pt_request.h. */
#include <string.h>
#include "core/pt_request.h"
#include "core/pt_reservation.h"
#include "core/pt_dossier.h"

int pt_request_create(pt_db *db, apr_pool_t *p, apr_int64_t family, apr_int64_t account,
                      const char *kind, const char *title, apr_time_t now, apr_int64_t *id)
{
    const char *at = pt_db_int(p, apr_time_sec(now));
    pt_rows *r = NULL;
    int rv = pt_db_select(db, p, "portail_request_insert",
                          PT_ARGS(pt_db_int(p, family), account > 0 ? pt_db_int(p, account) : NULL,
                                  kind, title, at, at), &r);
    if (rv != PT_DB_OK || r->n != 1) {
        return rv != PT_DB_OK ? rv : PT_DB_ERROR;
    }
    *id = pt_rows_int(r, 0, "id", 0);
    return pt_request_event(db, p, *id, now, account, "creation", NULL);
}

int pt_request_event(pt_db *db, apr_pool_t *p, apr_int64_t id, apr_time_t now,
                     apr_int64_t actor, const char *event, const char *message)
{
    return pt_db_exec(db, p, "portail_request_event_insert",
                      PT_ARGS(pt_db_int(p, id), pt_db_int(p, apr_time_sec(now)),
                              actor > 0 ? pt_db_int(p, actor) : NULL, event,
                              message && *message ? message : NULL), NULL);
}

/* The kinds of a queue ("" = any): reservations and absences share the agents' queue. */
static const char *pt_request_kind2(const char *queue)
{
    return !strcmp(queue, "reservation") ? "absence" : queue;
}

/* `settled`: the request was made in this very transaction with its days final, no
 * document and no change of the family file (pt_request_close_settled): nothing follows. */
static int pt_request_close_kind(pt_db *db, apr_pool_t *p, const char *queue, apr_int64_t id,
                                 const char *status, apr_int64_t actor, const char *message,
                                 int unread, apr_time_t now, int settled, int *closed)
{
    const char *at = pt_db_int(p, apr_time_sec(now));
    const char *event = !strcmp(status, "acceptee") ? "acceptation"
                        : !strcmp(status, "refusee") ? "refus" : "annulation";
    int rv = pt_db_exec(db, p, "portail_request_close",
                        PT_ARGS(status, at, actor > 0 ? pt_db_int(p, actor) : NULL,
                                message && *message ? message : NULL, unread ? "1" : "0", at,
                                pt_db_int(p, id), queue, queue, pt_request_kind2(queue)),
                        closed);
    if (rv == PT_DB_OK && *closed) {
        rv = pt_request_event(db, p, id, now, actor, event, message);
    }
    /* Whoever closes it, the days a reservation or absence request holds follow. */
    if (rv == PT_DB_OK && *closed && !settled) {
        rv = pt_resa_settle(db, p, now, actor, id, status, NULL);
    }
    /* And the state of a document it carries (h16docs). */
    if (rv == PT_DB_OK && *closed && !settled) {
        rv = pt_db_exec(db, p, "portail_document_settle", PT_ARGS(status, pt_db_int(p, id)), NULL);
    }
    /* A change of the family file keeps no full IBAN once decided (its caller applied an
     * accepted one before closing: admin/dossiers.c).  A settled reservation has none. */
    if (rv == PT_DB_OK && *closed && !settled) {
        rv = pt_dossier_forget(db, p, id);
    }
    return rv;
}

int pt_request_close(pt_db *db, apr_pool_t *p, apr_int64_t id, const char *status,
                     apr_int64_t actor, const char *message, int unread, apr_time_t now,
                     int *closed)
{
    return pt_request_close_kind(db, p, "", id, status, actor, message, unread, now, 0, closed);
}

int pt_request_close_settled(pt_db *db, apr_pool_t *p, apr_int64_t id, const char *status,
                             apr_time_t now, int *closed)
{
    return pt_request_close_kind(db, p, "", id, status, 0, NULL, 0, now, 1, closed);
}

int pt_request_answer(pt_db *db, apr_pool_t *p, const char *queue, apr_int64_t id,
                      const char *status, apr_int64_t actor, const char *message,
                      apr_time_t now, int *closed)
{
    return pt_request_close_kind(db, p, queue, id, status, actor, message, 1, now, 0, closed);
}

int pt_request_in_queue(pt_db *db, apr_pool_t *p, const char *queue, apr_int64_t id,
                        int *found)
{
    pt_rows *r = NULL;
    int rv = pt_db_select(db, p, "portail_request_in_queue",
                          PT_ARGS(pt_db_int(p, id), queue, pt_request_kind2(queue)), &r);
    *found = rv == PT_DB_OK && r->n > 0;
    return rv;
}
