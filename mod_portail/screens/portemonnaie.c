/* portemonnaie.c — /portail/famille/porte-monnaie: the family's porte-monnaie (SPEC §7).
 *
 * At each régie that bills « prépayé » a family may activate a porte-monnaie; the page
 * shows each one's balance and its movements (top-up, booking debited, booking refunded,
 * the town's adjustment with its reason) and offers « Recharger » (the card top-up,
 * /famille/porte-monnaie/recharger).  Bookings of that régie's activities are paid from
 * it (core/pt_reservation.c); the agents' side is admin/portemonnaie.c.
 */
#include <string.h>
#include <apr_strings.h>
#include "screens/screens.h"
#include "core/pt_form.h"
#include "core/pt_wallet.h"
#include "domain/pt_fr.h"

/* Movements shown per porte-monnaie. */
#define PORTAIL_PORTEMONNAIE_MOVEMENTS 100

void portail_portemonnaie_movement_xml(pt_req *rq, pt_node *parent, const pt_rows *m, int i)
{
    pt_node *n = pt_xml_row(parent, "mouvement", m, i, NULL);
    long long montant = pt_rows_int(m, i, "montant", 0);
    pt_xml_attr(n, "date_fr", pt_fr_datetime(rq->pool, pt_rows_int(m, i, "created_at", 0)));
    pt_xml_attr(n, "montant_fr", apr_pstrcat(rq->pool, montant > 0 ? "+" : "",
                                             pt_fr_amount(rq->pool, montant), NULL));
    pt_xml_attr(n, "solde_fr", pt_fr_amount(rq->pool, pt_rows_int(m, i, "solde", 0)));
}

int portail_portemonnaie_regie(pt_req *rq, apr_int64_t regie, pt_rows **r)
{
    int k;
    if (pt_db_select(rq->db, rq->pool, "portail_portemonnaie_regies", PT_NOARGS, r)
            != PT_DB_OK) {
        return -2;
    }
    for (k = 0; k < (*r)->n; k++) {
        if (pt_rows_int(*r, k, "id", 0) == regie) {
            return k;
        }
    }
    return -1;
}

/* The page, with the activation form (what was typed, its error). */
static int portail_portemonnaie_page(pt_req *rq, const char *field, const char *error,
                                     int status)
{
    pt_node *screen = pt_req_screen(rq, "porte-monnaie");
    const char *account = pt_db_int(rq->pool, rq->user->id);
    apr_table_t *typed = rq->form ? rq->form : rq->query;
    pt_rows *fam = NULL, *reg = NULL, *w = NULL, *m = NULL;
    pt_form_view *fv;
    pt_node *sel;
    int i, k, j, offered = 0;

    if (pt_db_select(rq->db, rq->pool, "portail_famille_families", PT_ARGS(account), &fam)
            != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_portemonnaie_regies", PT_NOARGS, &reg)
           != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_portemonnaie_wallets",
                        PT_ARGS(account, account, "", ""), &w) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_portemonnaie_movements",
                        PT_ARGS(account, account, "2000"), &m) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    for (i = 0; i < w->n; i++) {
        pt_node *c = pt_xml_row(screen, "compte", w, i, NULL);
        int shown = 0;
        pt_xml_attr(c, "solde_fr", pt_fr_amount(rq->pool, pt_rows_int(w, i, "solde", 0)));
        pt_xml_attr(c, "active_fr", pt_fr_datetime(rq->pool, pt_rows_int(w, i, "active_le", 0)));
        pt_xml_attr(c, "recharge_min_fr",
                    pt_fr_amount(rq->pool, pt_rows_int(w, i, "recharge_min", 0)));
        pt_xml_attr(c, "recharge_max_fr",
                    pt_fr_amount(rq->pool, pt_rows_int(w, i, "recharge_max", 0)));
        for (k = 0; k < m->n && shown < PORTAIL_PORTEMONNAIE_MOVEMENTS; k++) {
            if (!strcmp(pt_rows_get(m, k, "family_id"), pt_rows_get(w, i, "family_id"))
                && !strcmp(pt_rows_get(m, k, "regie_id"), pt_rows_get(w, i, "regie_id"))) {
                portail_portemonnaie_movement_xml(rq, c, m, k);
                shown++;
            }
        }
    }

    /* Activation: the prepaid régies where one of the families has none yet. */
    fv = pt_form_view_new(rq, screen, "/famille/porte-monnaie");
    pt_xml_attr(pt_form_view_node(fv), "id", "activer");
    sel = pt_form_view_field(fv, "famille", fam->n > 1 ? "select" : "hidden", "Famille",
                             fam->n == 1 ? pt_rows_get(fam, 0, "id")
                                         : pt_form_get(typed, "famille"), 1);
    for (i = 0; fam->n > 1 && i < fam->n; i++) {
        pt_form_view_option(sel, pt_rows_get(fam, i, "id"),
                            apr_pstrcat(rq->pool, "Famille ", pt_rows_get(fam, i, "nom"), NULL));
    }
    sel = pt_form_view_field(fv, "regie", "select", "Régie", pt_form_get(typed, "regie"), 1);
    for (k = 0; k < reg->n; k++) {
        int missing = 0;
        for (i = 0; i < fam->n; i++) {
            int has = 0;
            for (j = 0; j < w->n; j++) {
                has |= !strcmp(pt_rows_get(w, j, "family_id"), pt_rows_get(fam, i, "id"))
                       && !strcmp(pt_rows_get(w, j, "regie_id"), pt_rows_get(reg, k, "id"));
            }
            missing |= !has;
        }
        if (missing) {
            pt_form_view_option(sel, pt_rows_get(reg, k, "id"), pt_rows_get(reg, k, "name"));
            offered++;
        }
    }
    pt_xml_attr_int(pt_form_view_node(fv), "offertes", offered + (error != NULL));
    if (error) {
        pt_form_view_error(fv, field, error);
    }
    return status;
}

int portail_portemonnaie_get(pt_req *rq)
{
    return portail_portemonnaie_page(rq, NULL, NULL, 200);
}

/* « Activer le porte-monnaie » at a prepaid régie, for one of the account's families. */
int portail_portemonnaie_post(pt_req *rq)
{
    apr_int64_t family = pt_form_id(pt_form_get(rq->form, "famille"));
    apr_int64_t regie = pt_form_id(pt_form_get(rq->form, "regie"));
    pt_rows *own = NULL, *r = NULL;
    long long solde;
    int rv, k;

    if (family <= 0) {
        return portail_portemonnaie_page(rq, "famille", "Choisissez la famille.", 400);
    }
    if (pt_db_select(rq->db, rq->pool, "portail_famille_subscribed",
                     PT_ARGS(pt_db_int(rq->pool, rq->user->id), pt_db_int(rq->pool, family)),
                     &own) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    if (own->n != 1) {
        return pt_req_error(rq, 404, NULL);   /* another family's, or none */
    }
    if (regie <= 0) {
        return portail_portemonnaie_page(rq, "regie", "Choisissez la régie.", 400);
    }
    if ((k = portail_portemonnaie_regie(rq, regie, &r)) < -1) {
        return pt_req_error(rq, 503, NULL);
    }
    if (k < 0) {
        return portail_portemonnaie_page(rq, "regie", "Cette régie ne propose pas de "
                                         "porte-monnaie : ses activités sont facturées chaque "
                                         "mois.", 400);
    }
    if (pt_wallet_balance(rq->db, rq->pool, family, regie, &solde) == PT_DB_OK) {
        return portail_portemonnaie_page(rq, "regie", "Votre porte-monnaie est déjà activé "
                                         "auprès de cette régie.", 409);
    }
    rv = pt_wallet_activate(rq->db, rq->pool, family, regie, rq->now);
    if (rv != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, "/famille/porte-monnaie", PT_FLASH_SUCCES,
                           apr_pstrcat(rq->pool, "Votre porte-monnaie est activé auprès de la "
                                       "régie « ", pt_rows_get(r, k, "name"), " » : "
                                       "rechargez-le pour réserver.", NULL));
}
