/* pt_wallet — the porte-monnaie's ledger (see pt_wallet.h). */
#include <stdlib.h>
#include <string.h>
#include "core/pt_wallet.h"

int pt_wallet_activate(pt_db *db, apr_pool_t *p, apr_int64_t family, apr_int64_t regie,
                       apr_time_t now)
{
    return pt_db_exec(db, p, "portail_wallet_activate",
                      PT_ARGS(pt_db_int(p, family), pt_db_int(p, regie),
                              pt_db_int(p, apr_time_sec(now))), NULL);
}

int pt_wallet_move(pt_db *db, apr_pool_t *p, const pt_wallet_move_t *m, apr_time_t now,
                   long long *solde)
{
    const char *amount = pt_db_int(p, m->montant);
    pt_rows *r = NULL;
    int rv;

    if (m->montant == 0) {
        return PT_DB_ERROR;
    }
    /* The balance and its floor in one statement: a concurrent debit either sees this one's
     * result or waits for it, never the balance before both. */
    rv = pt_db_select(db, p, "portail_wallet_move",
                      PT_ARGS(amount, pt_db_int(p, m->family), pt_db_int(p, m->regie), amount),
                      &r);
    if (rv != PT_DB_OK) {
        return rv;
    }
    if (r->n != 1) {
        return PT_WALLET_SHORT;
    }
    rv = pt_db_exec(db, p, "portail_wallet_movement_insert",
                    PT_ARGS(pt_db_int(p, m->family), pt_db_int(p, m->regie), m->kind, amount,
                            r->values[0][0],
                            m->booking ? pt_db_int(p, m->booking) : NULL,
                            m->payment ? pt_db_int(p, m->payment) : NULL, m->motif,
                            m->agent ? pt_db_int(p, m->agent) : NULL,
                            pt_db_int(p, apr_time_sec(now))), NULL);
    if (rv == PT_DB_OK && solde) {
        *solde = strtoll(r->values[0][0], NULL, 10);
    }
    return rv;
}

int pt_wallet_balance(pt_db *db, apr_pool_t *p, apr_int64_t family, apr_int64_t regie,
                      long long *solde)
{
    pt_rows *r = NULL;
    int rv = pt_db_select(db, p, "portail_wallet_balance",
                          PT_ARGS(pt_db_int(p, family), pt_db_int(p, regie)), &r);
    if (rv != PT_DB_OK) {
        return rv;
    }
    if (r->n != 1) {
        return PT_WALLET_SHORT;
    }
    *solde = pt_rows_int(r, 0, "solde", 0);
    return PT_DB_OK;
}

int pt_wallet_refund_booking(pt_db *db, apr_pool_t *p, apr_int64_t booking, apr_time_t now,
                             long long *refunded)
{
    pt_wallet_move_t m;
    pt_rows *r = NULL;
    int rv = pt_db_select(db, p, "portail_wallet_booking_net",
                          PT_ARGS(pt_db_int(p, booking)), &r);
    if (refunded) {
        *refunded = 0;
    }
    if (rv != PT_DB_OK || r->n != 1 || pt_rows_int(r, 0, "net", 0) >= 0) {
        return rv;
    }
    memset(&m, 0, sizeof(m));
    m.family = pt_rows_int(r, 0, "family_id", 0);
    m.regie = pt_rows_int(r, 0, "regie_id", 0);
    m.kind = "remboursement";
    m.montant = -pt_rows_int(r, 0, "net", 0);
    m.booking = booking;
    rv = pt_wallet_move(db, p, &m, now, NULL);
    if (rv == PT_DB_OK && refunded) {
        *refunded = m.montant;
    }
    return rv;
}
