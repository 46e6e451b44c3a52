/* pt_billing_state — what the state of the billing allows (see pt_billing.h, h14more):
 * closing a month of a régie, moving an activity to another régie, and taking from the
 * family's credit.  Each runs inside a transaction: its own (closing) or the caller's.
 */
#include <string.h>
#include <apr_strings.h>
#include "core/pt_billing.h"
#include "core/pt_audit.h"

static int pt_billing_close_once(pt_db *db, apr_pool_t *p, const char *regie_code,
                                 const char *periode, apr_time_t now, apr_int64_t agent,
                                 const char **error)
{
    pt_rows *r = NULL;
    pt_date first, last;
    int rv, done = 0;
    if ((rv = pt_db_select(db, p, "portail_billing_regie_by_code",
                           PT_ARGS(regie_code ? regie_code : ""), &r)) != PT_DB_OK) {
        return rv;
    }
    if (r->n != 1) {
        *error = "Choisissez une régie de la liste.";
        return PT_BILLING_REFUSED;
    }
    if ((rv = pt_billing_month_check(p, periode, pt_date_of_time(now), &first, &last, error))
        != PT_DB_OK) {
        return rv;
    }
    if ((rv = pt_db_begin(db, p)) != PT_DB_OK) {
        return rv;
    }
    rv = pt_db_exec(db, p, "portail_billing_close",
                    PT_ARGS(pt_rows_get(r, 0, "id"), apr_pstrndup(p, periode, 7),
                            pt_db_int(p, apr_time_sec(now))), &done);
    if (rv == PT_DB_OK && !done) {
        *error = apr_psprintf(p, "Le mois de %s est déjà clôturé pour la régie %s.",
                              pt_fr_month(p, first.y, first.m), pt_rows_get(r, 0, "name"));
        rv = PT_BILLING_CLOSED;
    }
    if (rv == PT_DB_OK) {
        rv = pt_audit(db, p, now, agent, "cloture", "regie", pt_rows_int(r, 0, "id", 0), NULL,
                      apr_pstrndup(p, periode, 7));
    }
    if (rv != PT_DB_OK) {
        pt_db_rollback(db);
        return rv;
    }
    return pt_db_commit(db);
}

int pt_billing_close(pt_db *db, apr_pool_t *p, const char *regie_code, const char *periode,
                     apr_time_t now, apr_int64_t agent, const char **error)
{
    int rv = PT_DB_BUSY, attempt;
    *error = NULL;
    for (attempt = 0; attempt < 5 && rv == PT_DB_BUSY; attempt++) {
        if (attempt) {
            apr_sleep(apr_time_from_msec(20 * attempt));
        }
        rv = pt_billing_close_once(db, p, regie_code, periode, now, agent, error);
    }
    return rv;
}

int pt_billing_regie_change_check(pt_db *db, apr_pool_t *p, apr_int64_t activity,
                                  apr_int64_t regie, const char **error)
{
    pt_rows *r = NULL;
    pt_date first, last;
    int rv = pt_db_select(db, p, "portail_billing_regie_open_billed",
                          PT_ARGS(pt_db_int(p, activity), pt_db_int(p, regie)), &r);
    if (rv != PT_DB_OK || r->n == 0) {
        return rv;
    }
    if (!pt_billing_periode(pt_rows_get(r, 0, "periode"), &first, &last)) {
        return PT_DB_ERROR;
    }
    *error = apr_psprintf(p, "L'activité « %s » a des journées de %s déjà facturées par la "
                          "régie %s, et ce mois n'est pas clôturé : clôturez-le d'abord "
                          "(Facturation), sinon ce mois serait facturé par deux régies.",
                          pt_rows_get(r, 0, "activite"), pt_fr_month(p, first.y, first.m),
                          pt_rows_get(r, 0, "regie"));
    return PT_BILLING_CLOSED;
}

int pt_billing_credit_balance(pt_db *db, apr_pool_t *p, apr_int64_t family, long long *solde)
{
    pt_rows *r = NULL;
    int rv = pt_db_select(db, p, "portail_factures_credit", PT_ARGS(pt_db_int(p, family)), &r);
    *solde = rv == PT_DB_OK && r->n == 1 ? pt_rows_int(r, 0, "solde", 0) : 0;
    return rv;
}

int pt_billing_credit_take(pt_db *db, apr_pool_t *p, apr_int64_t family, long long montant,
                           const char **error)
{
    long long solde = 0;
    /* The family's row lock: two payments with the credit queue here, so the second
     * reads the balance the first left. */
    int rv = pt_db_exec(db, p, "portail_billing_credit_lock", PT_ARGS(pt_db_int(p, family)),
                        NULL);
    if (rv == PT_DB_OK) {
        rv = pt_billing_credit_balance(db, p, family, &solde);
    }
    if (rv == PT_DB_OK && solde < montant) {
        *error = solde > 0
                 ? apr_psprintf(p, "Le crédit de la famille est de %s : le règlement avec le "
                                "crédit ne peut pas dépasser ce montant.", pt_fr_amount(p, solde))
                 : "La famille n'a pas de crédit : choisissez un autre mode de règlement.";
        rv = PT_BILLING_REFUSED;
    }
    return rv;
}
