/* pt_reservation — the family's reservations, absences and cancellations, as requests.
 *
 * A request names an action (réservation, absence, annulation), one activity, one or
 * several children of one family, a range of dates and weekdays: a single slot of the
 * planning is the range of one day.  pt_resa_plan() gives the outcome of every day under
 * the rules of domain/pt_booking — what the family reads before confirming — with a
 * bounded number of queries whatever the length of the range.  pt_resa_apply() plans again
 * inside its transaction and applies exactly that, or nothing when the situation changed
 * since the family read it.
 *
 * Places: a booking takes one by a conditional update of the day's count (taken <
 * capacity), so two families never get the last place; when the update takes nothing the
 * day goes to the waiting list (or is refused « complet »).  A place freed goes to the
 * first of the waiting list at once, or when an agent decides (activities.promotion).
 */
#ifndef PT_RESERVATION_H
#define PT_RESERVATION_H

#include <apr_pools.h>
#include <apr_tables.h>
#include <apr_time.h>
#include "core/pt_db.h"
#include "domain/pt_booking.h"

/* What the family asks. */
typedef struct pt_resa_ask {
    const char *action;                 /* reservation | absence | annulation */
    const char *motif;                  /* an absence's reason: maladie, convenance, autre */
    apr_int64_t account, family, activity;
    const apr_array_header_t *children; /* apr_int64_t ids, of `family` (checked by caller) */
    long first, last;                   /* pt_date_days */
    const char *weekdays;               /* 7 x '0'/'1', Monday first */
} pt_resa_ask;

/* One day of one child, and what the rules say of it. */
typedef struct pt_resa_day {
    apr_int64_t child, booking;         /* booking: the existing row, 0 when none */
    long day;
    const char *iso, *prenom, *current; /* current: the booking's status, NULL when none */
    pt_booking_outcome out;
    long long prix;                     /* prepaid: cents debited from the porte-monnaie */
} pt_resa_day;

typedef struct pt_resa {
    const char *activite;               /* the activity's name */
    const char *surcharge;              /* « 20 % », « 2,00 € »: the late booking's surcharge */
    apr_array_header_t *days;           /* pt_resa_day, by date then child */
    int accepted, pending, refused, late;
    /* The activity's régie is prepaid (« prépayé »): every day booked is debited from the
     * family's porte-monnaie at that régie when applied; a day its balance cannot cover,
     * after the days before it, is refused (« solde »). */
    int prepaye;
    apr_int64_t regie;
    long long solde;                    /* the balance before, -1 when not activated */
    long long cout;                     /* what the accepted days cost */
    int short_days;                     /* days refused for the balance */
} pt_resa;

/* The outcome of every day asked (read-only). */
int pt_resa_plan(pt_db *db, apr_pool_t *p, apr_time_t now, const pt_resa_ask *ask,
                 pt_resa *out);

/* A short text standing for every outcome of a plan (a SHA-256 of them, base64url, linear
 * in the days): the preview carries it, the confirmation compares it with the plan made at
 * that moment. */
const char *pt_resa_fingerprint(apr_pool_t *p, const pt_resa *plan);

/* Called inside the transaction once the request exists (the acknowledgement mail). */
typedef int (*pt_resa_hook)(void *ctx, apr_int64_t request, const pt_resa *applied);

/* Plan again and apply, in one transaction retried while the database is busy: the
 * request (« Mes demandes ») with its days, the bookings and the places.  `seen` (may be
 * NULL) is the fingerprint of the preview: when the new plan differs, nothing is applied
 * and PT_DB_CONFLICT is returned with *plan the new one.  A plan with no day to apply
 * gives PT_DB_CONFLICT too.  Returns PT_DB_BUSY when the retries are exhausted. */
int pt_resa_apply(pt_db *db, apr_pool_t *p, apr_time_t now, const pt_resa_ask *ask,
                  const char *seen, const char *title, pt_resa *plan, apr_int64_t *request,
                  pt_resa_hook hook, void *ctx);

/* A request is answered (acceptee, refusee) or cancelled by the family (annulee): settle
 * its days still in the state it gave them — accepted: « en_attente » → « reserve »,
 * waiting list → a place if there is one (else cancelled), absence → « excuse »; refused
 * or cancelled: back to what they were, places freed and given to the waiting list.  In
 * the caller's transaction (pt_request_close calls it).  *summary (may be NULL) says
 * what was done. */
int pt_resa_settle(pt_db *db, apr_pool_t *p, apr_time_t now, apr_int64_t actor,
                   apr_int64_t request, const char *status, const char **summary);

/* Give the place of a day to the first of its waiting list, if a place is free: its
 * booking becomes « reserve », its request says so (and is accepted when nothing of it
 * waits any more).  *promoted is 1 when someone got the place.  In the caller's
 * transaction. */
int pt_resa_promote(pt_db *db, apr_pool_t *p, apr_time_t now, apr_int64_t actor,
                    apr_int64_t activity, const char *iso, int *promoted);

#endif
