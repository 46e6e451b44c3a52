/* pt_request — the requests of « Mes demandes »: one table for every kind (dossier
 * changes here; pre-inscriptions, reservations, absences, documents later), a history of
 * events, and an « unread » mark while the family has not opened an answer.
 */
#ifndef PT_REQUEST_H
#define PT_REQUEST_H

#include <apr_pools.h>
#include <apr_time.h>
#include "core/pt_db.h"

/* A new pending request and its « creation » event, in the caller's transaction. */
int pt_request_create(pt_db *db, apr_pool_t *p, apr_int64_t family, apr_int64_t account,
                      const char *kind, const char *title, apr_time_t now, apr_int64_t *id);

/* One more event of its history (actor 0: the portal itself). */
int pt_request_event(pt_db *db, apr_pool_t *p, apr_int64_t id, apr_time_t now,
                     apr_int64_t actor, const char *event, const char *message);

/* Close a pending request: status acceptee, refusee or annulee, with the event of the
 * same name and the agent's message; `unread` marks it new for the family.  *closed is 0
 * when it was no longer pending (someone answered first).  The days of a reservation or
 * absence request are settled with it (pt_resa_settle). */
int pt_request_close(pt_db *db, apr_pool_t *p, apr_int64_t id, const char *status,
                     apr_int64_t actor, const char *message, int unread, apr_time_t now,
                     int *closed);

/* Close, by the portal itself, a request made in the caller's transaction whose days are
 * all final and which carries no document (a reservation applied at once): the status and
 * its event only — pt_request_close would read its days and documents for nothing. */
int pt_request_close_settled(pt_db *db, apr_pool_t *p, apr_int64_t id, const char *status,
                             apr_time_t now, int *closed);

/* An agent's answer from a queue ("dossier", "preinscription", "reservation" — the last
 * holds reservations and absences): like pt_request_close with `unread`, but the statement
 * itself only closes a request of the queue's kind, so an accept URL of one queue never
 * answers a request of another (*closed 0; pt_request_in_queue tells 404 from 409). */
int pt_request_answer(pt_db *db, apr_pool_t *p, const char *queue, apr_int64_t id,
                      const char *status, apr_int64_t actor, const char *message,
                      apr_time_t now, int *closed);
/* *found: request `id` exists and is of the queue's kind. */
int pt_request_in_queue(pt_db *db, apr_pool_t *p, const char *queue, apr_int64_t id,
                        int *found);

#endif
