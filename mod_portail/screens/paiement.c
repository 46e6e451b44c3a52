/* paiement.c — paying online through PayFiP (core/pt_payfip.h).
 *
 *   POST /famille/factures/{facture}/payer    « Payer » on an invoice → 303 to PayFiP
 *   GET  /famille/porte-monnaie/recharger     the top-up form (régie, amount)
 *   POST /famille/porte-monnaie/recharger     → 303 to PayFiP
 *   GET  /famille/paiement/retour?idop=…      where PayFiP sends the browser back: settles
 *                                             the operation and says how it ended
 *   POST /payfip/notification                 PayFiP's server-to-server call (idOp)
 *
 * The return page and the notification never trust what they receive: both only name an
 * idOp, which pt_payfip_settle asks PayFiP about.  Refusals are logged (PT00040-PT00046).
 */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include "screens/screens.h"
#include "core/pt_payfip.h"
#include "core/pt_wallet.h"
#include "core/pt_form.h"
#include "domain/pt_code.h"
#include "domain/pt_fr.h"

static pt_payfip_start portail_paiement_start(pt_req *rq)
{
    pt_payfip_start in;
    memset(&in, 0, sizeof(in));
    in.account = rq->user->id;
    in.mel = rq->user->email;
    in.urlnotif = apr_pstrcat(rq->pool, rq->site->public_url, "/payfip/notification", NULL);
    in.urlredirect = apr_pstrcat(rq->pool, rq->site->public_url, "/famille/paiement/retour",
                                 NULL);
    in.town = rq->site->town;
    in.site_url = rq->site->public_url;
    return in;
}

/* The « Payer » block of an invoice page (<paiement>): the form while the invoice is due
 * and no payment is under way, « Paiement en cours » while one is. */
int portail_paiement_facture_xml(pt_req *rq, pt_node *screen, apr_int64_t invoice,
                                 const char *typed, const char *error)
{
    pt_rows *r = NULL, *live = NULL;
    const char *id = pt_db_int(rq->pool, invoice);
    pt_node *b;
    long long due;
    if (pt_db_select(rq->db, rq->pool, "portail_payfip_invoice",
                     PT_ARGS(id, pt_db_int(rq->pool, rq->user->id)), &r) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_payfip_op_live", PT_ARGS(id), &live)
           != PT_DB_OK) {
        return 503;
    }
    if (r->n != 1) {
        return 404;
    }
    due = pt_rows_int(r, 0, "montant", 0) - pt_rows_int(r, 0, "paye", 0);
    b = pt_xml_elem(screen, "paiement", NULL);
    pt_xml_attr(b, "reste_fr", pt_fr_amount(rq->pool, due > 0 ? due : 0));
    if (live->n == 1
        && pt_rows_int(live, 0, "created_at", 0) > apr_time_sec(rq->now) - PT_PAYFIP_LIFETIME) {
        pt_xml_attr(b, "en_cours", "1");
    }
    /* A refusal: beside the amount typed when there is such a field, else above. */
    if (error && (!typed || !pt_rows_int(r, 0, "payfip_partiel", 0))) {
        pt_xml_elem(b, "refus", error);
    }
    if (pt_payfip_enabled(&rq->site->payfip) && due > 0
        && !strcmp(pt_rows_get(r, 0, "etat"), "emise")) {
        pt_form_view *fv = pt_form_view_new(rq, b, apr_psprintf(rq->pool,
                                            "/famille/factures/%s/payer", id));
        if (pt_rows_int(r, 0, "payfip_partiel", 0)) {
            pt_node *f = pt_form_view_field(fv, "montant", "text", "Montant à payer (en euros)",
                                            typed ? typed : pt_fr_amount(rq->pool, due), 1);
            pt_xml_attr(f, "hint", apr_psprintf(rq->pool, "Le reste dû, ou une partie : "
                                                "au plus %s.", pt_fr_amount(rq->pool, due)));
            if (error && typed) {
                pt_form_view_error(fv, "montant", error);
            }
        }
    }
    return 200;
}

int portail_facture_payer_post(pt_req *rq)
{
    apr_int64_t invoice = pt_req_param_id(rq, "facture");
    pt_payfip_start in = portail_paiement_start(rq);
    const char *typed = pt_form_get(rq->form, "montant"), *url = NULL, *error = NULL;
    pt_node *screen;
    int rv, status;

    in.invoice = invoice;
    if (typed && *typed && (in.montant = pt_code_amount(typed)) <= 0) {
        error = "Indiquez un montant en euros, par exemple 12,50.";
        rv = PT_PAYFIP_REFUSED;
    }
    else {
        if (!typed || !*typed) {
            typed = NULL;
        }
        rv = invoice > 0 ? pt_payfip_start_op(rq->db, rq->pool, &rq->site->payfip, &in, rq->now,
                                              &url, &error)
                         : PT_PAYFIP_UNKNOWN;
    }
    if (rv == PT_DB_OK) {
        return pt_req_redirect(rq, url, PT_FLASH_INFO, NULL);
    }
    if (rv == PT_PAYFIP_UNKNOWN) {
        pt_req_log(rq, "PT00040", "payfip: invoice %" APR_INT64_T_FMT " refused to account "
                   "%" APR_INT64_T_FMT " (not its family's)", invoice, rq->user->id);
        return pt_req_error(rq, 404, "Cette facture n'existe pas, ou n'est pas une facture de "
                                     "votre famille.");
    }
    if (rv == PT_PAYFIP_UNAVAILABLE || rv == PT_PAYFIP_FAULT) {
        pt_req_log(rq, "PT00041", "payfip: creerPaiementSecurise failed: %s",
                   error ? error : "?");
        error = rv == PT_PAYFIP_FAULT
                ? apr_psprintf(rq->pool, "Le service de paiement a refusé l'opération : %s",
                               error)
                : "Le service de paiement ne répond pas. Réessayez dans quelques minutes.";
        status = 503;
        typed = NULL;
    }
    else if (rv == PT_PAYFIP_LIVE || rv == PT_PAYFIP_REFUSED) {
        pt_req_log(rq, "PT00042", "payfip: invoice %" APR_INT64_T_FMT " not paid online: %s",
                   invoice, error);
        status = rv == PT_PAYFIP_LIVE ? 409 : 400;
        if (rv == PT_PAYFIP_LIVE) {
            typed = NULL;
        }
    }
    else {
        return pt_req_error(rq, 503, NULL);
    }
    /* The invoice again, with the refusal. */
    rq->view = "facture";
    screen = pt_req_screen(rq, "facture");
    if ((rv = portail_factures_detail(rq, screen, invoice, rq->user->id)) != 200
        || (rv = portail_paiement_facture_xml(rq, screen, invoice, typed, error)) != 200) {
        return pt_req_error(rq, rv, NULL);
    }
    return status;
}

/* ---- the porte-monnaie's top-up --------------------------------------------------------- */

static int portail_recharger_page(pt_req *rq, const char *field, const char *error, int status)
{
    pt_node *screen = pt_req_screen(rq, "recharger");
    const char *account = pt_db_int(rq->pool, rq->user->id);
    pt_rows *fam = NULL, *reg = NULL, *w = NULL;
    pt_form_view *fv;
    pt_node *f;
    int i;
    if (pt_db_select(rq->db, rq->pool, "portail_famille_families", PT_ARGS(account), &fam)
            != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_payfip_regies", PT_NOARGS, &reg) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_payfip_wallets", PT_ARGS(account), &w)
           != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    for (i = 0; i < w->n; i++) {
        pt_node *n = pt_xml_row(screen, "solde", w, i, NULL);
        pt_xml_attr(n, "solde_fr", pt_fr_amount(rq->pool, pt_rows_int(w, i, "solde", 0)));
    }
    if (!pt_payfip_enabled(&rq->site->payfip) || reg->n == 0 || fam->n == 0) {
        pt_xml_attr(screen, "ferme", "1");
        return status;
    }
    fv = pt_form_view_new(rq, screen, "/famille/porte-monnaie/recharger");
    if (fam->n > 1) {
        f = pt_form_view_field(fv, "famille", "select", "Famille", pt_form_get(rq->form, "famille"),
                               1);
        for (i = 0; i < fam->n; i++) {
            pt_form_view_option(f, pt_rows_get(fam, i, "id"), pt_rows_get(fam, i, "nom"));
        }
    }
    f = pt_form_view_field(fv, "regie", "select", "Régie", pt_form_get(rq->form, "regie"), 1);
    for (i = 0; i < reg->n; i++) {
        pt_node *o = pt_form_view_option(f, pt_rows_get(reg, i, "id"), apr_psprintf(rq->pool,
                                         "%s (de %s à %s)", pt_rows_get(reg, i, "name"),
                                         pt_fr_amount(rq->pool, pt_rows_int(reg, i, "recharge_min", 0)),
                                         pt_fr_amount(rq->pool, pt_rows_int(reg, i, "recharge_max", 0))));
        (void)o;
    }
    if (field && !strcmp(field, "regie")) {
        pt_form_view_error(fv, "regie", error);
    }
    f = pt_form_view_field(fv, "montant", "text", "Montant (en euros)",
                           pt_form_get(rq->form, "montant"), 1);
    pt_xml_attr(f, "hint", "Par exemple 20 ou 35,50 ; payé par carte bancaire sur le site "
                           "sécurisé PayFiP de la DGFiP.");
    if (field && strcmp(field, "regie")) {
        pt_form_view_error(fv, field, error);
    }
    return status;
}

int portail_recharger_get(pt_req *rq)
{
    return portail_recharger_page(rq, NULL, NULL, 200);
}

int portail_recharger_post(pt_req *rq)
{
    pt_payfip_start in = portail_paiement_start(rq);
    const char *fam = pt_form_get(rq->form, "famille"), *url = NULL, *error = NULL;
    pt_rows *r = NULL;
    int rv;
    in.regie = apr_atoi64(pt_form_get(rq->form, "regie"));
    in.montant = pt_code_amount(pt_form_get(rq->form, "montant"));
    /* The family: the one chosen, or the account's only one. */
    if (pt_db_select(rq->db, rq->pool, "portail_famille_families",
                     PT_ARGS(pt_db_int(rq->pool, rq->user->id)), &r) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    for (rv = 0; rv < r->n; rv++) {
        if (r->n == 1 || !strcmp(pt_rows_get(r, rv, "id"), fam ? fam : "")) {
            in.family = pt_rows_int(r, rv, "id", 0);
        }
    }
    if (!in.family) {
        pt_req_log(rq, "PT00043", "payfip: top-up refused: no family of the account chosen");
        return portail_recharger_page(rq, "famille", "Choisissez la famille.", 400);
    }
    if (in.regie <= 0) {
        return portail_recharger_page(rq, "regie", "Choisissez la régie.", 400);
    }
    if (in.montant <= 0) {
        return portail_recharger_page(rq, "montant", "Indiquez un montant en euros, par "
                                      "exemple 20 ou 35,50.", 400);
    }
    rv = pt_payfip_start_op(rq->db, rq->pool, &rq->site->payfip, &in, rq->now, &url, &error);
    if (rv == PT_DB_OK) {
        return pt_req_redirect(rq, url, PT_FLASH_INFO, NULL);
    }
    if (rv == PT_PAYFIP_UNKNOWN) {
        pt_req_log(rq, "PT00043", "payfip: top-up refused: régie %" APR_INT64_T_FMT
                   " is not prepaid", in.regie);
        return portail_recharger_page(rq, "regie", "Choisissez une régie de la liste.", 400);
    }
    if (rv == PT_PAYFIP_REFUSED) {
        pt_req_log(rq, "PT00043", "payfip: top-up refused: %s", error);
        return portail_recharger_page(rq, "montant", error, 400);
    }
    if (rv == PT_PAYFIP_UNAVAILABLE || rv == PT_PAYFIP_FAULT) {
        pt_req_log(rq, "PT00041", "payfip: creerPaiementSecurise failed: %s",
                   error ? error : "?");
        return portail_recharger_page(rq, "montant", "Le service de paiement ne répond pas. "
                                      "Réessayez dans quelques minutes.", 503);
    }
    return pt_req_error(rq, 503, NULL);
}

/* ---- PayFiP's answers -------------------------------------------------------------------- */

/* The idOp PayFiP names (idOp or idop, in the form or the query). */
static const char *portail_paiement_idop(pt_req *rq)
{
    const char *v = NULL;
    if (rq->form) {
        v = pt_form_get(rq->form, "idOp");
        if (!*v) {
            v = pt_form_get(rq->form, "idop");
        }
    }
    if (!v || !*v) {
        v = pt_form_get(rq->query, "idop");
    }
    if (!*v) {
        v = pt_form_get(rq->query, "idOp");
    }
    return v;
}

/* Settle the idOp (pt_payfip_settle), logging what went wrong. */
static int portail_paiement_settle(pt_req *rq, const char *idop, const char **state)
{
    const char *error = NULL;
    apr_int64_t family = 0;
    int rv = pt_payfip_settle(rq->db, rq->pool, &rq->site->payfip, idop, rq->site->public_url,
                              rq->site->town, rq->now, state, &family, &error);
    if (rv == PT_PAYFIP_MISMATCH) {
        pt_req_log(rq, "PT00045", "payfip: idOp %s not recorded: %s", idop, error);
    }
    else if (rv == PT_PAYFIP_UNAVAILABLE || rv == PT_PAYFIP_FAULT) {
        pt_req_log(rq, "PT00041", "payfip: recupererDetailPaiementSecurise failed: %s",
                   error ? error : "?");
    }
    return rv;
}

int portail_paiement_retour_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "paiement");
    const char *idop = portail_paiement_idop(rq), *state = NULL;
    pt_rows *r = NULL;
    pt_node *op;
    long long solde = 0;
    /* The operation must be one of this account's families before anything is asked. */
    if (!*idop || strlen(idop) > 64
        || pt_db_select(rq->db, rq->pool, "portail_payfip_op_account",
                        PT_ARGS(idop, pt_db_int(rq->pool, rq->user->id)), &r) != PT_DB_OK
        || r->n != 1) {
        if (r == NULL && *idop && strlen(idop) <= 64) {
            return pt_req_error(rq, 503, NULL);
        }
        pt_req_log(rq, "PT00044", "payfip: return page for idOp '%.64s' refused to account "
                   "%" APR_INT64_T_FMT " (unknown, or not its family's)", idop, rq->user->id);
        return pt_req_error(rq, 404, "Ce paiement n'existe pas, ou n'est pas celui de votre "
                                     "famille.");
    }
    switch (portail_paiement_settle(rq, idop, &state)) {
    case PT_DB_OK:
        break;
    case PT_PAYFIP_MISMATCH:
        state = "anomalie";
        break;
    case PT_PAYFIP_UNAVAILABLE:
    case PT_PAYFIP_FAULT:
        state = "en_cours";
        break;
    default:
        return pt_req_error(rq, 503, NULL);
    }
    /* The row as it is now (its payment's number). */
    if (pt_db_select(rq->db, rq->pool, "portail_payfip_op_account",
                     PT_ARGS(idop, pt_db_int(rq->pool, rq->user->id)), &r) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    op = pt_xml_row(screen, "operation", r, 0, NULL);
    pt_xml_attr(op, "issue", state);
    pt_xml_attr(op, "montant_fr", pt_fr_amount(rq->pool, pt_rows_int(r, 0, "montant", 0)));
    if (!strcmp(pt_rows_get(r, 0, "objet_type"), "recharge")
        && pt_wallet_balance(rq->db, rq->pool, pt_rows_int(r, 0, "family_id", 0),
                             pt_rows_int(r, 0, "regie_id", 0), &solde) == PT_DB_OK) {
        pt_xml_attr_int(op, "solde", solde);
        pt_xml_attr(op, "solde_fr", pt_fr_amount(rq->pool, solde));
    }
    return 200;
}

int portail_payfip_notification_post(pt_req *rq)
{
    const char *idop = portail_paiement_idop(rq), *state = NULL;
    int rv = portail_paiement_settle(rq, idop, &state);
    const char *text;
    int status = 200;
    switch (rv) {
    case PT_DB_OK:
        text = apr_pstrcat(rq->pool, "OK ", state, "\n", NULL);
        break;
    case PT_PAYFIP_UNKNOWN:
        pt_req_log(rq, "PT00046", "payfip: notification for unknown idOp '%.64s' from %s",
                   idop, rq->client_ip);
        text = "Opération inconnue.\n";
        status = 404;
        break;
    case PT_PAYFIP_MISMATCH:
        text = "Le détail de l'opération ne correspond pas : rien n'est enregistré.\n";
        status = 409;
        break;
    case PT_PAYFIP_UNAVAILABLE:
    case PT_PAYFIP_FAULT:
        text = "Le service de paiement ne répond pas.\n";
        status = 503;
        break;
    default:
        text = "Service momentanément indisponible.\n";
        status = 503;
    }
    rq->content_type = "text/plain; charset=UTF-8";
    rq->body = text;
    rq->body_len = strlen(text);
    return status;
}
