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
#include "core/pt_pdf.h"
#include "core/pt_payfip.h"
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
    pt_rows *inv = NULL, *pay = NULL, *fam = NULL, *live = NULL;
    int i, k;
    if (pt_db_select(rq->db, rq->pool, "portail_factures_list", PT_ARGS(account), &inv)
            != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_payfip_live_invoices",
                        PT_ARGS(account, pt_db_int(rq->pool, apr_time_sec(rq->now)
                                                              - PT_PAYFIP_LIFETIME)), &live)
           != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_factures_payments", PT_ARGS(account), &pay)
           != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_famille_families", PT_ARGS(account), &fam)
           != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    for (i = 0; i < inv->n; i++) {
        pt_node *f = portail_factures_xml(rq, screen, inv, i);
        for (k = 0; k < live->n; k++) {
            if (!strcmp(pt_rows_get(live, k, "invoice_id"), pt_rows_get(inv, i, "id"))) {
                pt_xml_attr(f, "paiement_en_cours", "1");
            }
        }
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

/* An invoice's rows: the invoice, its lines, payments and credit note. */
typedef struct {
    pt_rows *r, *lines, *pay, *avoir;
} portail_factures_rows;

static int portail_factures_load(pt_req *rq, apr_int64_t invoice, apr_int64_t account,
                                 portail_factures_rows *x)
{
    const char *id = pt_db_int(rq->pool, invoice), *acc = pt_db_int(rq->pool, account);
    if (invoice <= 0) {
        return 404;
    }
    if ((account ? pt_db_select(rq->db, rq->pool, "portail_factures_one", PT_ARGS(id, acc), &x->r)
                 : pt_db_select(rq->db, rq->pool, "portail_factures_one_agent", PT_ARGS(id), &x->r))
        != PT_DB_OK) {
        return 503;
    }
    if (x->r->n != 1) {
        return 404;
    }
    if (pt_db_select(rq->db, rq->pool, "portail_factures_lines", PT_ARGS(id), &x->lines)
            != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_factures_invoice_payments", PT_ARGS(id),
                        &x->pay) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_factures_credit_note", PT_ARGS(id), &x->avoir)
           != PT_DB_OK) {
        return 503;
    }
    return 200;
}

int portail_factures_detail(pt_req *rq, pt_node *screen, apr_int64_t invoice,
                            apr_int64_t account)
{
    portail_factures_rows x;
    pt_node *f;
    int i, rv = portail_factures_load(rq, invoice, account, &x);
    if (rv != 200) {
        return rv;
    }
    f = portail_factures_xml(rq, screen, x.r, 0);
    pt_xml_attr(f, "town", rq->site->town);
    for (i = 0; i < x.lines->n; i++) {
        pt_node *l = pt_xml_row(f, "ligne", x.lines, i, NULL);
        pt_xml_attr(l, "prix_fr", pt_fr_amount(rq->pool, pt_rows_int(x.lines, i, "prix", 0)));
        pt_xml_attr(l, "majoration_fr",
                    pt_fr_amount(rq->pool, pt_rows_int(x.lines, i, "majoration", 0)));
        pt_xml_attr(l, "montant_fr", pt_fr_amount(rq->pool, pt_rows_int(x.lines, i, "montant", 0)));
    }
    for (i = 0; i < x.pay->n; i++) {
        portail_factures_payment_xml(rq, f, x.pay, i);
    }
    if (x.avoir->n == 1) {
        pt_node *a = pt_xml_row(f, "avoir", x.avoir, 0, NULL);
        pt_xml_attr(a, "emis_fr", pt_fr_date_short(rq->pool, pt_rows_get(x.avoir, 0, "emis_le")));
        pt_xml_attr(a, "montant_fr", pt_fr_amount(rq->pool, pt_rows_int(x.avoir, 0, "montant", 0)));
    }
    return 200;
}

int portail_factures_pdf(pt_req *rq, apr_int64_t invoice, apr_int64_t account)
{
    static const char *const statuts[] = {
        "a_payer", "À payer", "partielle", "Partiellement payée", "payee", "Payée",
        "annulee", "Annulée", NULL
    };
    portail_factures_rows x;
    pt_pdf_invoice inv;
    pt_pdf_line *lines;
    const char *statut, *periode, *cp, *commune;
    long long montant, paye;
    int i, rv = portail_factures_load(rq, invoice, account, &x);
    if (rv != 200) {
        return rv;
    }
    memset(&inv, 0, sizeof(inv));
    montant = pt_rows_int(x.r, 0, "montant", 0);
    paye = pt_rows_int(x.r, 0, "paye", 0);
    statut = pt_billing_status(pt_rows_get(x.r, 0, "etat"), montant, paye);
    for (i = 0; statuts[i] && strcmp(statuts[i], statut); i += 2) {
    }
    periode = pt_rows_get(x.r, 0, "periode");
    cp = pt_rows_get(x.r, 0, "code_postal");
    commune = pt_rows_get(x.r, 0, "commune");
    inv.town = rq->site->town;
    inv.emetteur = pt_rows_get(x.r, 0, "emetteur");
    inv.numero = pt_rows_get(x.r, 0, "reference");
    inv.famille = pt_rows_get(x.r, 0, "famille");
    inv.adresse = pt_rows_get(x.r, 0, "adresse");
    inv.ville = apr_pstrcat(rq->pool, cp ? cp : "", " ", commune ? commune : "", NULL);
    inv.periode = periode && strlen(periode) == 7
                  ? pt_fr_month(rq->pool, atoi(periode), atoi(periode + 5)) : "";
    inv.emise = pt_fr_date_short(rq->pool, pt_rows_get(x.r, 0, "emise_le"));
    inv.echeance = pt_fr_date_short(rq->pool, pt_rows_get(x.r, 0, "echeance"));
    inv.statut = statuts[i] ? statuts[i + 1] : statut;
    inv.total = pt_fr_amount(rq->pool, montant);
    inv.paye = pt_fr_amount(rq->pool, paye);
    inv.reste = pt_fr_amount(rq->pool, strcmp(statut, "annulee") ? montant - paye : 0);
    inv.code_emission = pt_rows_get(x.r, 0, "code_emission");
    inv.reference = inv.numero;
    inv.code_personne = pt_rows_get(x.r, 0, "code_personne");
    inv.cancelled = !strcmp(statut, "annulee");
    lines = apr_pcalloc(rq->pool, sizeof(*lines) * (x.lines->n + 1));
    for (i = 0; i < x.lines->n; i++) {
        lines[i].enfant = pt_rows_get(x.lines, i, "enfant");
        lines[i].activite = pt_rows_get(x.lines, i, "activite");
        lines[i].jours = pt_rows_get(x.lines, i, "jours");
        lines[i].prix = pt_fr_amount(rq->pool, pt_rows_int(x.lines, i, "prix", 0));
        lines[i].majoration = pt_fr_amount(rq->pool, pt_rows_int(x.lines, i, "majoration", 0));
        lines[i].montant = pt_fr_amount(rq->pool, pt_rows_int(x.lines, i, "montant", 0));
    }
    inv.lines = lines;
    inv.nlines = x.lines->n;
    if (pt_pdf_invoice_render(rq->pool, &inv, &rq->body, &rq->body_len) != 0) {
        return 503;
    }
    rq->content_type = "application/pdf";
    rq->filename = apr_psprintf(rq->pool, "facture-%s.pdf", inv.numero);
    return 200;
}

int portail_facture_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "facture");
    int rv = portail_factures_detail(rq, screen, pt_req_param_id(rq, "facture"), rq->user->id);
    if (rv == 200) {
        rv = portail_paiement_facture_xml(rq, screen, pt_req_param_id(rq, "facture"), NULL, NULL);
    }
    return rv == 200 ? 200 : pt_req_error(rq, rv, rv == 404 ? "Cette facture n'existe pas, "
                                          "ou n'est pas une facture de votre famille." : NULL);
}

int portail_facture_pdf_get(pt_req *rq)
{
    int rv = portail_factures_pdf(rq, pt_req_param_id(rq, "facture"), rq->user->id);
    return rv == 200 ? 200 : pt_req_error(rq, rv, NULL);
}

pt_node *portail_tarif_xml(pt_req *rq, pt_node *parent, const pt_tariff *x, long qf)
{
    pt_node *tn = pt_xml_elem(parent, "tarif", NULL);
    long long price = qf == PT_QF_UNKNOWN - 1 ? -1 : pt_tariff_price(x, qf);
    int j;
    pt_xml_attr(tn, "depuis_fr", pt_fr_date_short(rq->pool, x->valid_from));
    pt_xml_attr(tn, "mode", x->mode == PT_TARIFF_EFFORT ? "taux" : "tranches");
    if (price >= 0) {
        pt_xml_attr(tn, "prix_fr", pt_fr_amount(rq->pool, price));
    }
    if (x->mode == PT_TARIFF_EFFORT) {
        pt_xml_attr(tn, "taux_fr", apr_psprintf(rq->pool, "%ld,%03ld %%", x->effort / 1000,
                                                x->effort % 1000));
        pt_xml_attr(tn, "plancher_fr", pt_fr_amount(rq->pool, x->floor_cents));
        pt_xml_attr(tn, "plafond_fr", pt_fr_amount(rq->pool, x->ceiling_cents));
    }
    for (j = 0; j < x->nbrackets; j++) {
        const pt_tariff_bracket *b = &x->brackets[j];
        pt_node *bn = pt_xml_elem(tn, "tranche", NULL);
        pt_xml_attr_int(bn, "min", b->qf_min);
        if (b->qf_max >= 0) {
            pt_xml_attr_int(bn, "max", b->qf_max);
        }
        pt_xml_attr(bn, "prix_fr", pt_fr_amount(rq->pool, b->cents));
    }
    return tn;
}

/* « Tarifs »: per family, per activity, the price that applies to it today (its QF, or the
 * highest when unknown), the brackets or the effort rate, and the coming changes. */
int portail_tarifs_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "tarifs");
    const char *today = pt_date_iso(rq->pool, pt_date_of_time(rq->now));
    pt_rows *fam = NULL, *act = NULL;
    pt_billing_tariffs t;
    int f, a, k;
    if (pt_db_select(rq->db, rq->pool, "portail_factures_quotients",
                     PT_ARGS(pt_db_int(rq->pool, rq->user->id)), &fam) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_factures_activities", PT_NOARGS, &act)
           != PT_DB_OK
        || pt_billing_tariffs_load(rq->db, rq->pool, NULL, &t) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    for (f = 0; f < fam->n; f++) {
        const char *qf_text = pt_rows_get(fam, f, "quotient");
        long qf = qf_text ? atol(qf_text) : PT_QF_UNKNOWN;
        pt_node *fn = pt_xml_elem(screen, "famille", NULL);
        pt_xml_attr(fn, "nom", pt_rows_get(fam, f, "nom"));
        pt_xml_attr(fn, "qf", qf_text);
        pt_xml_attr(fn, "qf_le", pt_fr_date_short(rq->pool, pt_rows_get(fam, f, "quotient_le")));
        for (a = 0; a < act->n; a++) {
            const pt_billing_span *span = apr_hash_get(t.by_activity, pt_rows_get(act, a, "id"),
                                                       APR_HASH_KEY_STRING);
            pt_node *an;
            int cur;
            if (!span) {
                continue;
            }
            cur = pt_tariff_pick(t.tariffs + span->first, span->n, today);
            an = pt_xml_elem(fn, "activite", NULL);
            pt_xml_attr(an, "nom", pt_rows_get(act, a, "name"));
            pt_xml_attr(an, "regie", pt_rows_get(act, a, "regie"));
            for (k = cur < 0 ? 0 : cur; k < span->n; k++) {
                pt_node *tn = portail_tarif_xml(rq, an, &t.tariffs[span->first + k], qf);
                pt_xml_attr(tn, "courant", k == cur ? "1" : "0");
            }
        }
    }
    return 200;
}
