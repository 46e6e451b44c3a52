/* pt_wallet — the porte-monnaie's ledger: the one way a balance changes.
 *
 * A family's porte-monnaie at a régie (table wallets) is changed only by pt_wallet_move,
 * inside the caller's transaction: one conditional UPDATE adds the signed amount unless the
 * balance would go below zero — so two bookings racing for the last euros cannot both take
 * them, as the places of a day are taken by a conditional update — then the movement row
 * records the amount, the balance after it and what caused it.
 */
#ifndef PT_WALLET_H
#define PT_WALLET_H

#include <apr_pools.h>
#include <apr_time.h>
#include "core/pt_db.h"

/* pt_wallet_move's answer when the balance cannot cover a debit, or the family has no
 * active porte-monnaie at that régie (nothing changed).  Outside the PT_DB_* codes. */
#define PT_WALLET_SHORT 20

typedef struct pt_wallet_move_t {
    apr_int64_t family;
    apr_int64_t regie;
    const char *kind;              /* recharge, debit, remboursement, ajustement */
    long long montant;             /* cents, signed: > 0 credits, < 0 debits, never 0 */
    apr_int64_t booking;           /* the booking debited or refunded, or 0 */
    apr_int64_t payment;           /* the payment of a top-up, or 0 */
    const char *motif;             /* an agent's reason, or NULL */
    apr_int64_t agent;             /* the agent of an adjustment, or 0 */
} pt_wallet_move_t;

/* Open the family's porte-monnaie at the régie (balance 0); already open: nothing
 * changes.  PT_DB_OK either way. */
int pt_wallet_activate(pt_db *db, apr_pool_t *p, apr_int64_t family, apr_int64_t regie,
                       apr_time_t now);

/* Apply one movement inside the caller's open transaction.  PT_DB_OK and *solde (if not
 * NULL) the balance after it; PT_WALLET_SHORT when the balance would go below zero or the
 * porte-monnaie is not active (nothing written); a PT_DB_* failure otherwise. */
int pt_wallet_move(pt_db *db, apr_pool_t *p, const pt_wallet_move_t *m, apr_time_t now,
                   long long *solde);

/* The balance of the family's porte-monnaie at the régie: PT_DB_OK and *solde, or
 * PT_WALLET_SHORT when it is not active. */
int pt_wallet_balance(pt_db *db, apr_pool_t *p, apr_int64_t family, apr_int64_t regie,
                      long long *solde);

/* h15wallet: a booking's money goes back.  When the movements of the booking (its debits
 * and refunds) leave it paid, the net amount is credited back (« remboursement ») inside
 * the caller's transaction, so a booking is refunded at most what it paid, once.
 * *refunded (may be NULL) gets the cents credited, 0 when nothing was owed. */
int pt_wallet_refund_booking(pt_db *db, apr_pool_t *p, apr_int64_t booking, apr_time_t now,
                             long long *refunded);

#endif
