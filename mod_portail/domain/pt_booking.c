/* pt_booking — the rules of one day's booking, absence or cancellation.  See pt_booking.h.
 */
#include <string.h>
#include "domain/pt_booking.h"

static int pt_booking_is(const char *status, const char *what)
{
    return status && !strcmp(status, what);
}

int pt_booking_holds_place(const char *status)
{
    return pt_booking_is_booked(status) && !pt_booking_is(status, "liste_attente");
}

int pt_booking_is_booked(const char *status)
{
    return status && *status && !pt_booking_is(status, "annule");
}

static pt_booking_outcome pt_booking_refused(const char *why)
{
    pt_booking_outcome o = { NULL, why, 0, 0 };
    return o;
}

static pt_booking_outcome pt_booking_to(const char *status)
{
    pt_booking_outcome o = { status, NULL, 0, pt_booking_holds_place(status) };
    return o;
}

pt_booking_outcome pt_booking_reserve(const pt_booking_day *d, const pt_booking_rules *r)
{
    pt_booking_outcome o;
    /* The order is the one a parent reads best: the day itself first, then the child,
     * then the rules of the activity. */
    if (d->past) {
        return pt_booking_refused("passe");
    }
    if (!d->open) {
        return pt_booking_refused("ferme");
    }
    if (!d->enrolled) {
        return pt_booking_refused("non_inscrit");
    }
    if (pt_booking_is_booked(d->status)) {
        return pt_booking_refused("deja");
    }
    if (!d->before_deadline && !r->late_surcharge) {
        return pt_booking_refused("delai");
    }
    if (d->full) {
        if (!r->waiting_list) {
            return pt_booking_refused("complet");
        }
        o = pt_booking_to("liste_attente");
    }
    else {
        o = pt_booking_to(r->validation ? "en_attente" : "reserve");
    }
    o.surcharge = !d->before_deadline;
    return o;
}

pt_booking_outcome pt_booking_absence(const pt_booking_day *d)
{
    if (d->past) {
        return pt_booking_refused("passe");
    }
    if (!pt_booking_is(d->status, "reserve")) {
        return pt_booking_refused(pt_booking_is(d->status, "absence_demandee") ? "deja"
                                  : "non_reserve");
    }
    return pt_booking_to("absence_demandee");
}

pt_booking_outcome pt_booking_cancel(const pt_booking_day *d)
{
    if (d->past) {
        return pt_booking_refused("passe");
    }
    if (pt_booking_is(d->status, "en_attente") || pt_booking_is(d->status, "liste_attente")) {
        return pt_booking_to("annule");
    }
    if (!pt_booking_is(d->status, "reserve")) {
        return pt_booking_refused("non_reserve");
    }
    if (!d->before_cancel_deadline) {
        return pt_booking_refused("non_annulable");
    }
    return pt_booking_to("annule");
}
