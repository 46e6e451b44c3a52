/* factures.c — /portail/famille/factures: « Espace facturation ».
 *
 * The invoices of the account's families with their status and payments, an invoice's
 * detail (also its printable page and its PDF), and the tariffs that apply to the family
 * (« Tarifs »).  Another family's invoice is answered 404, like one that does not exist.
 * The agents' invoice page (admin/facturation.c) shows the same detail.
 */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include "screens/screens.h"
#include "core/pt_billing.h"
#include "domain/pt_fr.h"

/* An invoice's attributes, as stored and as shown. */
static pt_node *portail_factures_xml(pt_req *rq, pt_node *parent, pt_rows *r, int i)
{
    pt_node *f = pt_xml_row(parent, "facture", r, i, NULL);
    long long montant = pt_rows_int(r, i, "montant", 0), paye = pt_rows_int(r, i, "paye", 0);
    const char *statut = pt_billing_status(pt_rows_get(r, i, "etat"), montant, paye);
    const char *periode = pt_rows_get(r, i, "periode");
    pt_xml_attr(f, "statut", statut);
    pt_xml_attr(f, "montant_fr", pt_fr_amount(rq->pool, montant));
    pt_xml_attr(f, "paye_fr", pt_fr_amount(rq->pool, paye));
    pt_xml_attr(f, "reste_fr", pt_fr_amount(rq->pool, strcmp(statut, "annulee")
                                                    ? montant - paye : 0));
    pt_xml_attr(f, "emise_fr", pt_fr_date_short(rq->pool, pt_rows_get(r, i, "emise_le")));
    pt_xml_attr(f, "echeance_fr", pt_fr_date_short(rq->pool, pt_rows_get(r, i, "echeance")));
    if (periode && strlen(periode) == 7) {
        pt_xml_attr(f, "periode_fr", pt_fr_month(rq->pool, atoi(periode),
                                                 atoi(periode + 5)));
    }
    return f;
}

/* A payment row (numero, moyen, paye_le, montant) under parent. */
static void portail_factures_payment_xml(pt_req *rq, pt_node *parent, pt_rows *r, int i)
{
    pt_node *p = pt_xml_elem(parent, "reglement", NULL);
    pt_xml_attr(p, "numero", pt_rows_get(r, i, "numero"));
    pt_xml_attr(p, "moyen", pt_rows_get(r, i, "moyen"));
    pt_xml_attr(p, "date_fr", pt_fr_date_short(rq->pool, pt_rows_get(r, i, "paye_le")));
    pt_xml_attr(p, "montant_fr", pt_fr_amount(rq->pool, pt_rows_int(r, i, "montant", 0)));
}

int portail_factures_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "factures");
    const char *account = pt_db_int(rq->pool, rq->user->id);
    pt_rows *inv = NULL, *pay = NULL, *fam = NULL;
    int i, k;
    if (pt_db_select(rq->db, rq->pool, "portail_factures_list", PT_ARGS(account), &inv)
            != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_factures_payments", PT_ARGS(account), &pay)
           != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_famille_families", PT_ARGS(account), &fam)
           != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    for (i = 0; i < inv->n; i++) {
        pt_node *f = portail_factures_xml(rq, screen, inv, i);
        for (k = 0; k < pay->n; k++) {
            if (!strcmp(pt_rows_get(pay, k, "invoice_id"), pt_rows_get(inv, i, "id"))) {
                portail_factures_payment_xml(rq, f, pay, k);
            }
        }
    }
    /* The credit on each family's account (an overpayment, a cancelled paid invoice). */
    for (i = 0; i < fam->n; i++) {
        pt_rows *c = NULL;
        if (pt_db_select(rq->db, rq->pool, "portail_factures_credit",
                         PT_ARGS(pt_rows_get(fam, i, "id")), &c) != PT_DB_OK) {
            return pt_req_error(rq, 503, NULL);
        }
        if (pt_rows_int(c, 0, "solde", 0) > 0) {
            pt_node *n = pt_xml_elem(screen, "credit", NULL);
            pt_xml_attr(n, "famille", pt_rows_get(fam, i, "nom"));
            pt_xml_attr(n, "montant_fr", pt_fr_amount(rq->pool, pt_rows_int(c, 0, "solde", 0)));
        }
    }
    return 200;
}

int portail_factures_detail(pt_req *rq, pt_node *screen, apr_int64_t invoice,
                            apr_int64_t account)
{
    const char *id = pt_db_int(rq->pool, invoice), *acc = pt_db_int(rq->pool, account);
    pt_rows *r = NULL, *lines = NULL, *pay = NULL, *avoir = NULL;
    pt_node *f;
    int i;
    if (invoice <= 0) {
        return 404;
    }
    if ((account ? pt_db_select(rq->db, rq->pool, "portail_factures_one", PT_ARGS(id, acc), &r)
                 : pt_db_select(rq->db, rq->pool, "portail_factures_one_agent", PT_ARGS(id), &r))
        != PT_DB_OK) {
        return 503;
    }
    if (r->n != 1) {
        return 404;
    }
    if (pt_db_select(rq->db, rq->pool, "portail_factures_lines", PT_ARGS(id), &lines) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_factures_invoice_payments", PT_ARGS(id), &pay)
           != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_factures_credit_note", PT_ARGS(id), &avoir)
           != PT_DB_OK) {
        return 503;
    }
    f = portail_factures_xml(rq, screen, r, 0);
    pt_xml_attr(f, "town", rq->site->town);
    for (i = 0; i < lines->n; i++) {
        pt_node *l = pt_xml_row(f, "ligne", lines, i, NULL);
        pt_xml_attr(l, "prix_fr", pt_fr_amount(rq->pool, pt_rows_int(lines, i, "prix", 0)));
        pt_xml_attr(l, "majoration_fr",
                    pt_fr_amount(rq->pool, pt_rows_int(lines, i, "majoration", 0)));
        pt_xml_attr(l, "montant_fr", pt_fr_amount(rq->pool, pt_rows_int(lines, i, "montant", 0)));
    }
    for (i = 0; i < pay->n; i++) {
        portail_factures_payment_xml(rq, f, pay, i);
    }
    if (avoir->n == 1) {
        pt_node *a = pt_xml_row(f, "avoir", avoir, 0, NULL);
        pt_xml_attr(a, "emis_fr", pt_fr_date_short(rq->pool, pt_rows_get(avoir, 0, "emis_le")));
        pt_xml_attr(a, "montant_fr", pt_fr_amount(rq->pool, pt_rows_int(avoir, 0, "montant", 0)));
    }
    return 200;
}

int portail_facture_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "facture");
    int rv = portail_factures_detail(rq, screen, pt_req_param_id(rq, "facture"), rq->user->id);
    return rv == 200 ? 200 : pt_req_error(rq, rv, rv == 404 ? "Cette facture n'existe pas, "
                                          "ou n'est pas une facture de votre famille." : NULL);
}
