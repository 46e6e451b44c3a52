/* pt_reservation — reservations, absences and cancellations.  See pt_reservation.h. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include <apr_hash.h>
#include "core/pt_reservation.h"
#include "core/pt_planning.h"
#include "core/pt_request.h"
#include "core/pt_token.h"
#include "core/pt_billing.h"
#include "core/pt_wallet.h"
#include <openssl/evp.h>
#include "domain/pt_calendar.h"
#include "domain/pt_fr.h"

/* How many times a transaction is tried when the database is busy. */
#define PT_RESA_ATTEMPTS 5

/* The facts of a range, read once: the activity, its calendar, the family's enrolments
 * and bookings, the day counts. */
typedef struct pt_resa_facts {
    pt_rows *act, *enr, *book, *counts, *kids;
    pt_planning_calendar cal;
    pt_calendar_rule booking, cancel;
    int capacity;
    apr_hash_t *taken;                  /* iso -> int* places taken */
    /* a prepaid activity: its tariffs, the family's QF, the porte-monnaie's balance */
    int prepaye;
    apr_int64_t regie;
    pt_billing_tariffs tariffs;
    long qf;
    long long solde;                    /* -1: no porte-monnaie at that régie */
} pt_resa_facts;

static int pt_resa_closed(void *ctx, pt_date d)
{
    return pt_planning_day_note(ctx, pt_date_days(d)) != NULL;
}

static int pt_resa_load(pt_db *db, apr_pool_t *p, const pt_resa_ask *ask, pt_resa_facts *f)
{
    const char *act = pt_db_int(p, ask->activity), *fam = pt_db_int(p, ask->family);
    const char *first = pt_date_iso(p, pt_date_from_days(ask->first));
    const char *last = pt_date_iso(p, pt_date_from_days(ask->last));
    /* Deadlines in working days look back before the range: a month covers « J-10 ouvrés ». */
    const char *back = pt_date_iso(p, pt_date_from_days(ask->first - 31));
    int rv, i;

    rv = pt_db_select(db, p, "portail_resa_activity", PT_ARGS(act), &f->act);
    if (rv != PT_DB_OK || f->act->n != 1) {
        return rv != PT_DB_OK ? rv : PT_DB_CONFLICT;
    }
    f->prepaye = pt_rows_int(f->act, 0, "prepaye", 0) != 0;
    /* Booking a prepaid activity (pt_resa_apply_once): the family's porte-monnaie row is
     * locked before the plan reads the family's bookings, the places and the balance, so
     * two bookings of the family never both spend the same euros (PostgreSQL queues the
     * second here; SQLite's writers queue already).  Any other booking skips the write. */
    if (f->prepaye && db->txn && !strcmp(ask->action, "reservation")
        && (rv = pt_db_exec(db, p, "portail_resa_wallet_hold", PT_ARGS(fam, act), NULL))
           != PT_DB_OK) {
        return rv;
    }
    if ((rv = pt_db_select(db, p, "portail_resa_enrolments", PT_ARGS(act, fam, first, last),
                           &f->enr)) != PT_DB_OK
        || (rv = pt_db_select(db, p, "portail_resa_bookings", PT_ARGS(act, fam, first, last),
                              &f->book)) != PT_DB_OK
        || (rv = pt_db_select(db, p, "portail_resa_counts", PT_ARGS(act, first, last),
                              &f->counts)) != PT_DB_OK
        || (rv = pt_db_select(db, p, "portail_resa_children", PT_ARGS(fam), &f->kids))
           != PT_DB_OK
        || (rv = pt_planning_load(db, p, back, last, &f->cal)) != PT_DB_OK) {
        return rv;
    }
    if (!pt_calendar_parse_rule(pt_rows_get(f->act, 0, "booking_rule"), &f->booking)
        || !pt_calendar_parse_rule(pt_rows_get(f->act, 0, "cancel_rule"), &f->cancel)) {
        return PT_DB_ERROR;   /* the agents' form checks rules: a bad one is a bug */
    }
    f->capacity = (int)pt_rows_int(f->act, 0, "capacity", 0);
    f->taken = apr_hash_make(p);
    for (i = 0; i < f->counts->n; i++) {
        int *n = apr_palloc(p, sizeof(*n));
        *n = (int)pt_rows_int(f->counts, i, "taken", 0);
        apr_hash_set(f->taken, pt_rows_get(f->counts, i, "day"), APR_HASH_KEY_STRING, n);
    }
    f->regie = pt_rows_int(f->act, 0, "regie_id", 0);
    f->solde = -1;
    if (f->prepaye && !strcmp(ask->action, "reservation")) {
        pt_rows *q = NULL;
        const char *qf;
        if ((rv = pt_billing_tariffs_load(db, p, pt_db_int(p, f->regie), &f->tariffs))
                != PT_DB_OK
            || (rv = pt_db_select(db, p, "portail_resa_quotient", PT_ARGS(fam), &q)) != PT_DB_OK) {
            return rv;
        }
        qf = q->n == 1 ? pt_rows_get(q, 0, "quotient") : NULL;
        f->qf = qf && *qf ? atol(qf) : PT_QF_UNKNOWN;
        rv = pt_wallet_balance(db, p, ask->family, f->regie, &f->solde);
        if (rv == PT_WALLET_SHORT) {
            f->solde = -1;
        }
        else if (rv != PT_DB_OK) {
            return rv;
        }
    }
    return PT_DB_OK;
}

/* A prepaid day's price for the family (the billing tariff of its QF that day, plus the
 * late surcharge), and whether what is left of the balance covers it: else the day is
 * refused, « solde » (or « sans_tarif » when the town has no tariff for that day yet). */
static void pt_resa_prepaid(const pt_resa_ask *ask, const pt_resa_facts *f, pt_resa_day *rd,
                            long long *left, pt_resa *out)
{
    apr_pool_t *p = out->days->pool;
    long long prix = pt_billing_price(&f->tariffs, pt_db_int(p, ask->activity), rd->iso, f->qf);
    if (prix >= 0 && rd->out.surcharge) {
        prix += pt_tariff_surcharge(prix, (int)pt_rows_int(f->act, 0, "surcharge_pct", 0),
                                    pt_rows_int(f->act, 0, "surcharge_cents", 0));
    }
    if (prix < 0 || prix > *left) {
        memset(&rd->out, 0, sizeof(rd->out));
        rd->out.why = prix < 0 ? "sans_tarif" : "solde";
        out->short_days += prix >= 0;
        return;
    }
    *left -= prix;
    rd->prix = prix;
    out->cout += prix;
}

/* 1 when an accepted enrolment of the child covers the day. */
static int pt_resa_enrolled(const pt_resa_facts *f, const char *child, const char *iso, int wd)
{
    int i;
    for (i = 0; i < f->enr->n; i++) {
        const char *w = pt_rows_get(f->enr, i, "weekdays");
        if (!strcmp(pt_rows_get(f->enr, i, "child_id"), child)
            && strcmp(pt_rows_get(f->enr, i, "date_debut"), iso) <= 0
            && strcmp(pt_rows_get(f->enr, i, "date_fin"), iso) >= 0
            && (pt_rows_int(f->enr, i, "occasionnelle", 0) || (w && strlen(w) == 7 && w[wd] == '1'))) {
            return 1;
        }
    }
    return 0;
}

static int pt_resa_booking(const pt_resa_facts *f, const char *child, const char *iso,
                           const char **status)
{
    int i;
    for (i = 0; i < f->book->n; i++) {
        if (!strcmp(pt_rows_get(f->book, i, "child_id"), child)
            && !strcmp(pt_rows_get(f->book, i, "day"), iso)) {
            *status = pt_rows_get(f->book, i, "status");
            return i;
        }
    }
    *status = NULL;
    return -1;
}

static pt_booking_outcome pt_resa_rule(const pt_resa_ask *ask, const pt_resa_facts *f,
                                       const pt_booking_day *d)
{
    pt_booking_rules r;
    r.late_surcharge = !strcmp(pt_rows_get(f->act, 0, "late_policy"), "majoration");
    r.validation = pt_rows_int(f->act, 0, "validation", 0) != 0;
    r.waiting_list = pt_rows_int(f->act, 0, "waiting_list", 0) != 0;
    if (!strcmp(ask->action, "absence")) {
        return pt_booking_absence(d);
    }
    if (!strcmp(ask->action, "annulation")) {
        return pt_booking_cancel(d);
    }
    return pt_booking_reserve(d, &r);
}

static const char *pt_resa_surcharge_text(apr_pool_t *p, const pt_rows *act)
{
    if (strcmp(pt_rows_get(act, 0, "late_policy"), "majoration")) {
        return NULL;
    }
    return pt_fr_surcharge(p, pt_rows_int(act, 0, "surcharge_pct", 0),
                           pt_rows_int(act, 0, "surcharge_cents", 0));
}

int pt_resa_plan(pt_db *db, apr_pool_t *p, apr_time_t now, const pt_resa_ask *ask,
                 pt_resa *out)
{
    pt_resa_facts f;
    pt_date today;
    int hour, minute, rv, c, k;
    long long left;
    long day;

    memset(out, 0, sizeof(*out));
    out->days = apr_array_make(p, 16, sizeof(pt_resa_day));
    if ((rv = pt_resa_load(db, p, ask, &f)) != PT_DB_OK) {
        return rv;
    }
    out->activite = pt_rows_get(f.act, 0, "name");
    out->surcharge = pt_resa_surcharge_text(p, f.act);
    out->prepaye = f.prepaye && !strcmp(ask->action, "reservation");
    out->regie = f.regie;
    out->solde = f.solde;
    left = f.solde < 0 ? 0 : f.solde;
    pt_fr_local(apr_time_sec(now), &today, &hour, &minute);
    for (day = ask->first; day <= ask->last; day++) {
        pt_date d = pt_date_from_days(day);
        int wd = pt_date_weekday(d);
        const char *iso;
        int *taken;
        if (ask->weekdays[wd] != '1') {
            continue;
        }
        iso = pt_date_iso(p, d);
        taken = apr_hash_get(f.taken, iso, APR_HASH_KEY_STRING);
        for (c = 0; c < ask->children->nelts; c++) {
            pt_resa_day *rd = apr_array_push(out->days);
            const char *child = pt_db_int(p, APR_ARRAY_IDX(ask->children, c, apr_int64_t));
            pt_booking_day bd;
            int row = pt_resa_booking(&f, child, iso, &rd->current);
            memset(&bd, 0, sizeof(bd));
            rd->child = APR_ARRAY_IDX(ask->children, c, apr_int64_t);
            rd->booking = row >= 0 ? pt_rows_int(f.book, row, "id", 0) : 0;
            rd->day = day;
            rd->iso = iso;
            rd->prenom = "";
            for (k = 0; k < f.kids->n; k++) {
                if (!strcmp(pt_rows_get(f.kids, k, "id"), child)) {
                    rd->prenom = pt_rows_get(f.kids, k, "prenom");
                }
            }
            bd.past = day < pt_date_days(today);
            bd.open = pt_planning_open(&f.cal, ask->activity, day, NULL);
            bd.enrolled = pt_resa_enrolled(&f, child, iso, wd);
            bd.status = rd->current;
            bd.before_deadline = pt_calendar_before_deadline(&f.booking, d, today, hour, minute,
                                                             pt_resa_closed, &f.cal);
            bd.before_cancel_deadline = pt_calendar_before_deadline(&f.cancel, d, today, hour,
                                                                    minute, pt_resa_closed,
                                                                    &f.cal);
            bd.full = (taken ? *taken : 0) >= f.capacity;
            rd->out = pt_resa_rule(ask, &f, &bd);
            if (out->prepaye && rd->out.status) {
                pt_resa_prepaid(ask, &f, rd, &left, out);
            }
            /* The places this plan takes count for the next children of the same day. */
            if (rd->out.takes_place && !strcmp(ask->action, "reservation")) {
                if (!taken) {
                    taken = apr_pcalloc(p, sizeof(*taken));
                    apr_hash_set(f.taken, iso, APR_HASH_KEY_STRING, taken);
                }
                (*taken)++;
            }
            if (!rd->out.status) {
                out->refused++;
            }
            else if (!strcmp(rd->out.status, "reserve") || !strcmp(rd->out.status, "annule")) {
                out->accepted++;
            }
            else {
                out->pending++;
            }
            out->late += rd->out.surcharge;
        }
    }
    return PT_DB_OK;
}

const char *pt_resa_fingerprint(apr_pool_t *p, const pt_resa *plan)
{
    /* One SHA-256 over the days' outcomes, each written once into a small buffer: linear
     * in the days (the string used to be rebuilt for every day — 40 MB for 4 children
     * over a year), and the form carries 43 characters instead of the whole list. */
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    int i;
    if (!md || EVP_DigestInit_ex(md, EVP_sha256(), NULL) != 1) {
        EVP_MD_CTX_free(md);
        return "";
    }
    for (i = 0; i < plan->days->nelts; i++) {
        const pt_resa_day *d = &APR_ARRAY_IDX(plan->days, i, pt_resa_day);
        char buf[160];
        int len = apr_snprintf(buf, sizeof(buf), "%ld.%" APR_INT64_T_FMT ".%s%s.%lld;", d->day,
                               d->child, d->out.status ? d->out.status : d->out.why,
                               d->out.surcharge ? "+" : "", d->prix);
        EVP_DigestUpdate(md, buf, (size_t)len);
    }
    EVP_DigestFinal_ex(md, digest, &n);
    EVP_MD_CTX_free(md);
    return pt_token_b64url(p, digest, n);
}

/* Take one place of the day: *got is 1 when there was one.  `ensured`: the day's count
 * row was already made in this transaction. */
static int pt_resa_take(pt_db *db, apr_pool_t *p, const char *act, const char *iso, int ensured,
                        int *got)
{
    int rv = ensured ? PT_DB_OK
                     : pt_db_exec(db, p, "portail_day_count_ensure", PT_ARGS(act, iso), NULL);
    *got = 0;
    return rv == PT_DB_OK ? pt_db_exec(db, p, "portail_day_count_take", PT_ARGS(act, iso, act), got)
                          : rv;
}

static int pt_resa_release(pt_db *db, apr_pool_t *p, apr_time_t now, apr_int64_t actor,
                           apr_int64_t activity, const char *iso)
{
    int rv = pt_db_exec(db, p, "portail_day_count_release",
                        PT_ARGS(pt_db_int(p, activity), iso), NULL);
    pt_rows *a = NULL;
    int promoted = 0;
    if (rv == PT_DB_OK) {
        rv = pt_db_select(db, p, "portail_resa_activity", PT_ARGS(pt_db_int(p, activity)), &a);
    }
    if (rv == PT_DB_OK && a->n == 1 && !strcmp(pt_rows_get(a, 0, "promotion"), "auto")) {
        rv = pt_resa_promote(db, p, now, actor, activity, iso, &promoted);
    }
    return rv;
}

/* A prepaid day booked: its price leaves the porte-monnaie with the booking.  The plan was
 * made under the wallet's row lock (pt_resa_apply_once), so the balance covers it; should
 * it not, the plan was stale: the transaction is tried again (PT_DB_BUSY) and plans anew. */
static int pt_resa_debit(pt_db *db, apr_pool_t *p, apr_time_t now, const pt_resa_ask *ask,
                         apr_int64_t regie, const pt_resa_day *d)
{
    pt_wallet_move_t m;
    int rv;
    if (d->prix <= 0) {
        return PT_DB_OK;
    }
    memset(&m, 0, sizeof(m));
    m.family = ask->family;
    m.regie = regie;
    m.kind = "debit";
    m.montant = -d->prix;
    m.booking = d->booking;
    rv = pt_wallet_move(db, p, &m, now, NULL);
    return rv == PT_WALLET_SHORT ? PT_DB_BUSY : rv;
}

/* Apply one day of a plan; refusals found only now (the last place went meanwhile, the
 * booking changed) are written back into the day. */
static int pt_resa_apply_day(pt_db *db, apr_pool_t *p, apr_time_t now, const pt_resa_ask *ask,
                             apr_int64_t regie, apr_int64_t request, pt_resa_day *d)
{
    const char *act = pt_db_int(p, ask->activity), *at = pt_db_int(p, apr_time_sec(now));
    const char *id = pt_db_int(p, d->booking);
    pt_rows *r = NULL;
    int rv = PT_DB_OK, n = 0;

    if (!d->out.status) {
        return PT_DB_OK;
    }
    if (!strcmp(ask->action, "reservation")) {
        if (d->out.takes_place) {
            int got;
            /* pt_resa_apply_once made the first day's row. */
            if ((rv = pt_resa_take(db, p, act, d->iso, d->day == ask->first, &got)) != PT_DB_OK) {
                return rv;
            }
            if (!got) {
                /* Taken by someone else since the plan was read: the day is full now. */
                pt_booking_day bd = { 0, 1, 1, NULL, !d->out.surcharge, 1, 1 };
                pt_booking_rules rules = { 1, 0, 0 };
                pt_rows *a = NULL;
                if ((rv = pt_db_select(db, p, "portail_resa_activity", PT_ARGS(act), &a))
                    != PT_DB_OK) {
                    return rv;
                }
                rules.waiting_list = pt_rows_int(a, 0, "waiting_list", 0) != 0;
                d->out = pt_booking_reserve(&bd, &rules);
                if (!d->out.status) {
                    return PT_DB_OK;
                }
            }
        }
        rv = pt_db_select(db, p, "portail_resa_book",
                          PT_ARGS(pt_db_int(p, d->child), act, d->iso, d->out.status,
                                  d->out.surcharge ? "1" : "0", pt_db_int(p, request), at, at),
                          &r);
        if (rv == PT_DB_OK && r->n == 1) {
            d->booking = pt_rows_int(r, 0, "id", 0);
            rv = pt_resa_debit(db, p, now, ask, regie, d);
        }
        else if (rv == PT_DB_OK) {
            /* Booked meanwhile (a second tab): give the place back. */
            d->out.status = NULL;
            d->out.why = "deja";
            if (d->out.takes_place) {
                rv = pt_db_exec(db, p, "portail_day_count_release", PT_ARGS(act, d->iso), NULL);
            }
            return rv;
        }
    }
    else {
        rv = pt_db_exec(db, p, "portail_resa_set_status",
                        PT_ARGS(d->out.status, !strcmp(ask->action, "absence") ? ask->motif : NULL,
                                pt_db_int(p, request), at, id, d->current), &n);
        if (rv == PT_DB_OK && !n) {
            d->out.status = NULL;
            d->out.why = "deja";
            return PT_DB_OK;
        }
        if (rv == PT_DB_OK && !strcmp(ask->action, "annulation")) {
            rv = pt_wallet_refund_booking(db, p, d->booking, now, NULL);
        }
        if (rv == PT_DB_OK && !strcmp(ask->action, "annulation")
            && pt_booking_holds_place(d->current)) {
            rv = pt_resa_release(db, p, now, ask->account, ask->activity, d->iso);
        }
    }
    if (rv == PT_DB_OK) {
        rv = pt_db_exec(db, p, "portail_request_day_insert",
                        PT_ARGS(pt_db_int(p, request), pt_db_int(p, d->booking), ask->action,
                                d->out.status, d->out.surcharge ? "1" : "0"), NULL);
    }
    return rv;
}

static int pt_resa_apply_once(pt_db *db, apr_pool_t *p, apr_time_t now, const pt_resa_ask *ask,
                              const char *seen, const char *title, pt_resa *plan,
                              apr_int64_t *request, pt_resa_hook hook, void *ctx)
{
    const char *act = pt_db_int(p, ask->activity);
    int rv, i, pending = 0, applied = 0, closed;

    if ((rv = pt_db_begin(db, p)) != PT_DB_OK) {
        return rv;
    }
    /* Write first: SQLite then holds the write lock for the whole transaction (waiting
     * for it under busy_timeout) instead of failing when a read snapshot turns stale. */
    rv = pt_db_exec(db, p, "portail_day_count_ensure",
                    PT_ARGS(act, pt_date_iso(p, pt_date_from_days(ask->first))), NULL);
    /* The plan again, in the transaction (a prepaid activity's porte-monnaie locked
     * first: pt_resa_load). */
    if (rv == PT_DB_OK) {
        rv = pt_resa_plan(db, p, now, ask, plan);
    }
    if (rv == PT_DB_OK && ((seen && strcmp(seen, pt_resa_fingerprint(p, plan)))
                           || plan->accepted + plan->pending == 0)) {
        rv = PT_DB_CONFLICT;
    }
    if (rv == PT_DB_OK) {
        rv = pt_request_create(db, p, ask->family, ask->account,
                               !strcmp(ask->action, "absence") ? "absence" : "reservation",
                               title, now, request);
    }
    for (i = 0; rv == PT_DB_OK && i < plan->days->nelts; i++) {
        pt_resa_day *d = &APR_ARRAY_IDX(plan->days, i, pt_resa_day);
        rv = pt_resa_apply_day(db, p, now, ask, plan->regie, *request, d);
        if (d->out.status) {
            applied++;
            pending += strcmp(d->out.status, "reserve") && strcmp(d->out.status, "annule");
        }
    }
    if (rv == PT_DB_OK && !applied) {
        rv = PT_DB_CONFLICT;
    }
    /* Nothing waits for an agent: the request is answered at once (its days are final,
     * it carries no document). */
    if (rv == PT_DB_OK && !pending) {
        rv = pt_request_close_settled(db, p, *request, "acceptee", now, &closed);
    }
    if (rv == PT_DB_OK && hook) {
        rv = hook(ctx, *request, plan);
    }
    if (rv != PT_DB_OK) {
        pt_db_rollback(db);
        return rv;
    }
    return pt_db_commit(db);
}

int pt_resa_apply(pt_db *db, apr_pool_t *p, apr_time_t now, const pt_resa_ask *ask,
                  const char *seen, const char *title, pt_resa *plan, apr_int64_t *request,
                  pt_resa_hook hook, void *ctx)
{
    int rv = PT_DB_BUSY, attempt;
    for (attempt = 0; attempt < PT_RESA_ATTEMPTS && rv == PT_DB_BUSY; attempt++) {
        if (attempt) {
            apr_sleep(apr_time_from_msec(20 * attempt));
        }
        rv = pt_resa_apply_once(db, p, now, ask, seen, title, plan, request, hook, ctx);
    }
    return rv;
}

int pt_resa_promote(pt_db *db, apr_pool_t *p, apr_time_t now, apr_int64_t actor,
                    apr_int64_t activity, const char *iso, int *promoted)
{
    const char *act = pt_db_int(p, activity);
    pt_rows *w = NULL, *left = NULL;
    const char *message;
    apr_int64_t request;
    pt_date d;
    int rv, n = 0, closed;

    *promoted = 0;
    rv = pt_db_select(db, p, "portail_resa_waiting_first", PT_ARGS(act, iso), &w);
    if (rv != PT_DB_OK || w->n == 0) {
        return rv;
    }
    if ((rv = pt_resa_take(db, p, act, iso, 0, promoted)) != PT_DB_OK || !*promoted) {
        return rv;
    }
    rv = pt_db_exec(db, p, "portail_resa_set_status",
                    PT_ARGS("reserve", NULL, pt_rows_get(w, 0, "request_id"),
                            pt_db_int(p, apr_time_sec(now)), pt_rows_get(w, 0, "id"),
                            "liste_attente"), &n);
    request = pt_rows_int(w, 0, "request_id", 0);
    if (rv == PT_DB_OK && !n) {
        /* The booking left the waiting list meanwhile (PostgreSQL: another transaction
         * promoted or cancelled it): the place is not its, give it back. */
        *promoted = 0;
        return pt_db_exec(db, p, "portail_day_count_release", PT_ARGS(act, iso), NULL);
    }
    if (rv != PT_DB_OK || !request) {
        return rv;
    }
    pt_date_parse(iso, &d);
    message = apr_psprintf(p, "Une place s'est libérée : %s est inscrit·e le %s.",
                           pt_rows_get(w, 0, "prenom"), pt_date_long(p, d, 1));
    rv = pt_db_select(db, p, "portail_resa_request_pending", PT_ARGS(pt_db_int(p, request)),
                      &left);
    /* One event says it: closing the request (its last day settled) records the
     * acceptation with this message; an event beside it would be a second line of the
     * digest and of the request's history. */
    closed = 0;
    if (rv == PT_DB_OK && pt_rows_int(left, 0, "n", 0) == 0) {
        rv = pt_request_close(db, p, request, "acceptee", actor, message, 1, now, &closed);
    }
    if (rv == PT_DB_OK && !closed) {
        rv = pt_request_event(db, p, request, now, actor, "acceptation", message);
        if (rv == PT_DB_OK) {
            rv = pt_db_exec(db, p, "portail_request_mark_unread",
                            PT_ARGS(pt_db_int(p, request)), NULL);
        }
    }
    return rv;
}

int pt_resa_settle(pt_db *db, apr_pool_t *p, apr_time_t now, apr_int64_t actor,
                   apr_int64_t request, const char *status, const char **summary)
{
    int accept = !strcmp(status, "acceptee"), rv, i, done = 0, full = 0;
    const char *at = pt_db_int(p, apr_time_sec(now));
    pt_rows *r = NULL;

    if (summary) {
        *summary = NULL;
    }
    rv = pt_db_select(db, p, "portail_resa_request_days", PT_ARGS(pt_db_int(p, request)), &r);
    for (i = 0; rv == PT_DB_OK && i < r->n; i++) {
        const char *was = pt_rows_get(r, i, "outcome"), *id = pt_rows_get(r, i, "booking_id");
        const char *act = pt_rows_get(r, i, "activity_id"), *iso = pt_rows_get(r, i, "day");
        const char *to = NULL;
        int n = 0, got = 1;
        if (strcmp(was, pt_rows_get(r, i, "status"))) {
            continue;   /* moved on since (promoted, cancelled): not this request's any more */
        }
        if (!strcmp(was, "en_attente")) {
            to = accept ? "reserve" : "annule";
        }
        else if (!strcmp(was, "liste_attente")) {
            if (accept && (rv = pt_resa_take(db, p, act, iso, 0, &got)) != PT_DB_OK) {
                break;
            }
            to = accept && got ? "reserve" : "annule";
            full += accept && !got;
        }
        else if (!strcmp(was, "absence_demandee")) {
            to = accept ? "excuse" : "reserve";
        }
        else {
            continue;
        }
        rv = pt_db_exec(db, p, "portail_resa_set_status",
                        PT_ARGS(to, NULL, pt_db_int(p, request), at, id, was), &n);
        if (rv == PT_DB_OK && !n && !strcmp(was, "liste_attente") && accept && got) {
            /* Changed meanwhile: the place taken for it goes back. */
            rv = pt_db_exec(db, p, "portail_day_count_release", PT_ARGS(act, iso), NULL);
        }
        done += n;
        if (rv == PT_DB_OK && n && !strcmp(to, "annule")) {
            rv = pt_wallet_refund_booking(db, p, apr_atoi64(id), now, NULL);
        }
        if (rv == PT_DB_OK && n && !strcmp(was, "en_attente") && !accept) {
            rv = pt_resa_release(db, p, now, actor, apr_atoi64(act), iso);
        }
    }
    if (rv == PT_DB_OK && summary && done) {
        *summary = full ? apr_psprintf(p, "%d jour(s) traité(s), dont %d sans place libre "
                                          "(annulés)", done, full)
                        : apr_psprintf(p, "%d jour(s) traité(s)", done);
    }
    return rv;
}
