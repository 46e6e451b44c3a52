/* pt_payfip_ops — PayFiP operations: start one, settle it exactly once, reconcile the
 * forgotten ones (see pt_payfip.h). */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include <apr_lib.h>
#include "core/pt_payfip.h"
#include "core/pt_billing.h"
#include "core/pt_wallet.h"
#include "core/pt_audit.h"
#include "core/pt_form.h"
#include "core/pt_xml.h"
#include "domain/pt_fr.h"

/* Transactions are retried this many times when the database is busy. */
#define PT_PAYFIP_ATTEMPTS 5

static int pt_payfip_numcli_ok(const char *n)
{
    int i;
    for (i = 0; n && apr_isdigit(n[i]); i++) {
    }
    return n && i == 6 && n[i] == '\0';
}

/* The row of the operation, inserted in its own short transaction: a second live one of
 * the same invoice violates payfip_ops_live_invoice (PT_DB_CONFLICT). */
static int pt_payfip_insert(pt_db *db, apr_pool_t *p, const char *const *args, int nargs,
                            apr_int64_t *id)
{
    pt_rows *r = NULL;
    int rv = PT_DB_BUSY, attempt;
    for (attempt = 0; attempt < PT_PAYFIP_ATTEMPTS && rv == PT_DB_BUSY; attempt++) {
        if (attempt) {
            apr_sleep(apr_time_from_msec(20 * attempt));
        }
        if ((rv = pt_db_begin(db, p)) != PT_DB_OK) {
            continue;
        }
        rv = pt_db_select(db, p, "portail_payfip_op_insert", nargs, args, &r);
        if (rv != PT_DB_OK) {
            pt_db_rollback(db);
            continue;
        }
        *id = apr_atoi64(r->values[0][0]);
        rv = pt_db_commit(db);
    }
    return rv;
}

/* The live operation of an invoice is older than an idOp lives: settle it first (PayFiP
 * says how it ended, or that it expired), so that a tab closed on PayFiP's page does not
 * block the invoice until the next reconcile. */
static void pt_payfip_unblock(pt_db *db, apr_pool_t *p, const pt_payfip_conf *c,
                              apr_int64_t invoice, const char *site_url, const char *town,
                              apr_time_t now)
{
    pt_rows *r = NULL;
    const char *state, *error;
    apr_int64_t family;
    if (pt_db_select(db, p, "portail_payfip_op_live", PT_ARGS(pt_db_int(p, invoice)), &r)
            == PT_DB_OK && r->n == 1 && pt_rows_get(r, 0, "idop")
        && pt_rows_int(r, 0, "created_at", 0) <= apr_time_sec(now) - PT_PAYFIP_LIFETIME) {
        pt_payfip_settle(db, p, c, pt_rows_get(r, 0, "idop"), site_url, town, now, &state,
                         &family, &error);
    }
}

int pt_payfip_start_op(pt_db *db, apr_pool_t *p, const pt_payfip_conf *c,
                       const pt_payfip_start *in, apr_time_t now, const char **url,
                       const char **error)
{
    pt_rows *r = NULL;
    pt_payfip_creer cr;
    const char *kind, *numcli, *idop = NULL;
    apr_int64_t family = in->family, regie = in->regie, id = 0;
    long long montant = in->montant;
    int rv, again;

    *url = NULL;
    *error = NULL;
    if (!pt_payfip_enabled(c)) {
        *error = "Le paiement en ligne n'est pas ouvert sur ce portail.";
        return PT_PAYFIP_REFUSED;
    }
    memset(&cr, 0, sizeof(cr));
    if (in->invoice) {
        long long due;
        kind = "facture";
        rv = pt_db_select(db, p, "portail_payfip_invoice",
                          PT_ARGS(pt_db_int(p, in->invoice), pt_db_int(p, in->account)), &r);
        if (rv != PT_DB_OK) {
            return rv;
        }
        if (r->n != 1 || (in->family && pt_rows_int(r, 0, "family_id", 0) != in->family)) {
            return PT_PAYFIP_UNKNOWN;
        }
        family = pt_rows_int(r, 0, "family_id", 0);
        regie = pt_rows_int(r, 0, "regie_id", 0);
        due = pt_rows_int(r, 0, "montant", 0) - pt_rows_int(r, 0, "paye", 0);
        if (strcmp(pt_rows_get(r, 0, "etat"), "emise")) {
            *error = "Cette facture est annulée : elle ne se paie plus.";
            return PT_PAYFIP_REFUSED;
        }
        if (due <= 0) {
            *error = "Cette facture est déjà réglée.";
            return PT_PAYFIP_REFUSED;
        }
        if (montant == 0) {
            montant = due;
        }
        if (montant != due && !pt_rows_int(r, 0, "payfip_partiel", 0)) {
            *error = apr_psprintf(p, "Cette facture se paie en une fois : %s.",
                                  pt_fr_amount(p, due));
            return PT_PAYFIP_REFUSED;
        }
        if (montant <= 0 || montant > due) {
            *error = apr_psprintf(p, "Indiquez un montant entre 0,01 € et %s, le reste dû.",
                                  pt_fr_amount(p, due));
            return PT_PAYFIP_REFUSED;
        }
        numcli = pt_rows_get(r, 0, "payfip_numcli");
        cr.refdet = pt_payfip_refdet(p, pt_rows_get(r, 0, "reference"));
        cr.objet = apr_psprintf(p, "Facture %.80s", pt_rows_get(r, 0, "reference"));
    }
    else {
        long long lo, hi;
        kind = "recharge";
        rv = pt_db_select(db, p, "portail_payfip_regie", PT_ARGS(pt_db_int(p, regie)), &r);
        if (rv != PT_DB_OK) {
            return rv;
        }
        if (r->n != 1 || !pt_rows_int(r, 0, "prepaye", 0)) {
            return PT_PAYFIP_UNKNOWN;
        }
        lo = pt_rows_int(r, 0, "recharge_min", 0);
        hi = pt_rows_int(r, 0, "recharge_max", 0);
        if (montant < lo || montant > hi) {
            *error = apr_psprintf(p, "Une recharge est comprise entre %s et %s.",
                                  pt_fr_amount(p, lo), pt_fr_amount(p, hi));
            return PT_PAYFIP_REFUSED;
        }
        numcli = pt_rows_get(r, 0, "payfip_numcli");
        cr.refdet = apr_psprintf(p, "PMF%" APR_INT64_T_FMT "T%" APR_INT64_T_FMT, family,
                                 (apr_int64_t)apr_time_sec(now));
        cr.objet = apr_psprintf(p, "Recharge porte-monnaie %.60s", pt_rows_get(r, 0, "code"));
    }
    cr.numcli = numcli && *numcli ? numcli : c->numcli;
    if (!pt_payfip_numcli_ok(cr.numcli) || !cr.refdet) {
        *error = "Le paiement en ligne n'est pas configuré pour cette régie (numéro client "
                 "PayFiP).";
        return PT_PAYFIP_REFUSED;
    }
    cr.exer = apr_itoa(p, pt_date_of_time(now).y);
    cr.montant = montant;
    cr.mel = in->mel;
    cr.urlnotif = in->urlnotif;
    cr.urlredirect = in->urlredirect;
    cr.saisie = c->saisie && *c->saisie ? c->saisie : "T";
    for (again = 0; again < 2; again++) {
        rv = pt_payfip_insert(db, p, (const char *[]){
                kind, pt_db_int(p, family), pt_db_int(p, in->account),
                in->invoice ? pt_db_int(p, in->invoice) : NULL, pt_db_int(p, regie),
                pt_db_int(p, montant), cr.numcli, cr.exer, cr.refdet, cr.objet, cr.mel,
                cr.saisie, pt_db_int(p, apr_time_sec(now)) }, 13, &id);
        if (rv != PT_DB_CONFLICT || !in->invoice || again) {
            break;
        }
        pt_payfip_unblock(db, p, c, in->invoice, in->site_url, in->town, now);
    }
    if (rv == PT_DB_CONFLICT) {
        *error = "Un paiement de cette facture est déjà en cours (dans un autre onglet ou une "
                 "autre fenêtre). Terminez-le, ou attendez un quart d'heure qu'il expire.";
        return PT_PAYFIP_LIVE;
    }
    if (rv != PT_DB_OK) {
        return rv;
    }
    rv = pt_payfip_creer_call(p, c, &cr, &idop, error);
    if (rv == PT_DB_OK) {
        rv = pt_db_exec(db, p, "portail_payfip_op_idop",
                        PT_ARGS(idop, pt_db_int(p, id)), NULL);
    }
    if (rv != PT_DB_OK) {
        const char *why = *error;
        pt_db_exec(db, p, "portail_payfip_op_delete", PT_ARGS(pt_db_int(p, id)), NULL);
        *error = why;
        return rv;
    }
    *url = apr_pstrcat(p, c->page, strchr(c->page, '?') ? "&" : "?", "idop=",
                       pt_form_escape(p, idop), NULL);
    return PT_DB_OK;
}

/* The outcome of a transaction result. */
static const char *pt_payfip_outcome(const char *resultrans)
{
    switch (resultrans ? resultrans[0] : 0) {
    case 'P': case 'V': return "payee";
    case 'R': case 'Z': return "refusee";
    default: return "abandonnee";
    }
}

/* What PayFiP says must be what we asked: the same idOp, refdet, amount and client. */
static const char *pt_payfip_check(apr_pool_t *p, pt_rows *op, const char *idop,
                                   const pt_payfip_detail *d)
{
    if (d->idop && *d->idop && strcmp(d->idop, idop)) {
        return apr_psprintf(p, "idOp %s au lieu de %s", d->idop, idop);
    }
    if (!d->refdet || strcmp(d->refdet, pt_rows_get(op, 0, "refdet"))) {
        return apr_psprintf(p, "référence %s au lieu de %s", d->refdet ? d->refdet : "absente",
                            pt_rows_get(op, 0, "refdet"));
    }
    if (d->montant != pt_rows_int(op, 0, "montant", -2)) {
        return apr_psprintf(p, "montant %" APR_INT64_T_FMT " au lieu de %s centimes",
                            (apr_int64_t)d->montant,
                            pt_rows_get(op, 0, "montant"));
    }
    if (!d->numcli || strcmp(d->numcli, pt_rows_get(op, 0, "numcli"))) {
        return apr_psprintf(p, "numéro client %s au lieu de %s",
                            d->numcli ? d->numcli : "absent", pt_rows_get(op, 0, "numcli"));
    }
    return NULL;
}

/* The « Paiement reçu » mail to the family's accounts. */
static int pt_payfip_receipt_mail(pt_db *db, apr_pool_t *p, pt_rows *op, const char *numero,
                                  const pt_payfip_detail *d, const char *site_url,
                                  const char *town, apr_time_t now)
{
    pt_doc *data = pt_xml_doc(p, "mail-data");
    pt_node *root = pt_xml_root(data);
    int facture = !strcmp(pt_rows_get(op, 0, "objet_type"), "facture");
    pt_xml_attr(root, "town", town ? town : "Ma commune");
    pt_xml_attr(root, "numero", numero);
    pt_xml_attr(root, "montant", pt_fr_amount(p, pt_rows_int(op, 0, "montant", 0)));
    pt_xml_attr(root, "date", pt_date_long(p, pt_date_of_time(now), 1));
    pt_xml_attr(root, "numauto", d->numauto);
    pt_xml_attr(root, "idop", pt_rows_get(op, 0, "idop"));
    if (facture) {
        pt_xml_attr(root, "facture", pt_rows_get(op, 0, "reference"));
        pt_xml_attr(root, "lien", apr_psprintf(p, "%s/famille/factures/%s", site_url ? site_url : "",
                                               pt_rows_get(op, 0, "invoice_id")));
    }
    else {
        pt_xml_attr(root, "regie", pt_rows_get(op, 0, "regie_nom"));
        pt_xml_attr(root, "lien", apr_psprintf(p, "%s/famille/porte-monnaie",
                                               site_url ? site_url : ""));
    }
    return pt_billing_mail(db, p, pt_rows_int(op, 0, "family_id", 0), "paiement-recu", data, now);
}

/* The payment of a paid operation, inside the settlement's transaction. */
static int pt_payfip_record(pt_db *db, apr_pool_t *p, pt_rows *op, const pt_payfip_detail *d,
                            apr_time_t now, const char **numero, const char **error)
{
    pt_billing_payment pay;
    apr_int64_t invoice = pt_rows_int(op, 0, "invoice_id", 0), payment = 0;
    long long credited = 0;
    int rv;
    memset(&pay, 0, sizeof(pay));
    pay.family = pt_rows_int(op, 0, "family_id", 0);
    pay.regie = pt_rows_int(op, 0, "regie_id", 0);
    pay.moyen = "payfip";
    pay.montant = pt_rows_int(op, 0, "montant", 0);
    pay.paye_le = pt_date_iso(p, pt_date_of_time(now));
    pay.piece = apr_psprintf(p, "PayFiP %s%s%s", pt_rows_get(op, 0, "idop"),
                             d->numauto && *d->numauto ? ", autorisation " : "",
                             d->numauto ? d->numauto : "");
    if (invoice) {
        /* Paid by card while the counter was paid too: the money is received, the excess
         * goes to the family's credit rather than being refused. */
        pay.invoices = &invoice;
        pay.ninvoices = 1;
        pay.to_credit = 1;
        rv = pt_billing_pay_within(db, p, &pay, now, 0, numero, &credited, error, &payment);
    }
    else {
        pt_wallet_move_t m;
        rv = pt_billing_receipt(db, p, &pay, pt_rows_get(op, 0, "regie_code"), now, 0, numero,
                                &payment);
        if (rv == PT_DB_OK) {
            rv = pt_wallet_activate(db, p, pay.family, pay.regie, now);
        }
        memset(&m, 0, sizeof(m));
        m.family = pay.family;
        m.regie = pay.regie;
        m.kind = "recharge";
        m.montant = pay.montant;
        m.payment = payment;
        if (rv == PT_DB_OK) {
            rv = pt_wallet_move(db, p, &m, now, NULL);
        }
    }
    if (rv == PT_DB_OK) {
        rv = pt_db_exec(db, p, "portail_payfip_op_payment",
                        PT_ARGS(pt_db_int(p, payment), pt_rows_get(op, 0, "id")), NULL);
    }
    return rv;
}

/* The one transaction of a settlement: the operation's state leaves en_cours (or another
 * settlement did it first: *won = 0, nothing written), with the payment, mail and audit. */
static int pt_payfip_settle_once(pt_db *db, apr_pool_t *p, pt_rows *op,
                                 const pt_payfip_detail *d, const char *outcome,
                                 const char *site_url, const char *town, apr_time_t now,
                                 int *won, const char **error)
{
    const char *numero = NULL;
    int rv, done = 0;
    *won = 0;
    if ((rv = pt_db_begin(db, p)) != PT_DB_OK) {
        return rv;
    }
    rv = pt_db_exec(db, p, "portail_payfip_op_settle",
                    PT_ARGS(outcome, d->resultrans, d->numauto, d->dattrans, d->heurtrans,
                            pt_db_int(p, apr_time_sec(now)), pt_rows_get(op, 0, "id")), &done);
    if (rv == PT_DB_OK && !done) {
        pt_db_rollback(db);
        return PT_DB_OK;
    }
    if (rv == PT_DB_OK && !strcmp(outcome, "payee")) {
        rv = pt_payfip_record(db, p, op, d, now, &numero, error);
        if (rv == PT_DB_OK) {
            rv = pt_payfip_receipt_mail(db, p, op, numero, d, site_url, town, now);
        }
    }
    if (rv == PT_DB_OK) {
        rv = pt_audit(db, p, now, 0, apr_pstrcat(p, "payfip_", outcome, NULL), "famille",
                      pt_rows_int(op, 0, "family_id", 0), NULL,
                      apr_psprintf(p, "idOp %s : %s%s%s", pt_rows_get(op, 0, "idop"),
                                   pt_fr_amount(p, pt_rows_int(op, 0, "montant", 0)),
                                   numero ? ", reçu " : "", numero ? numero : ""));
    }
    if (rv != PT_DB_OK) {
        pt_db_rollback(db);
        return rv;
    }
    rv = pt_db_commit(db);
    *won = rv == PT_DB_OK;
    return rv;
}

int pt_payfip_settle(pt_db *db, apr_pool_t *p, const pt_payfip_conf *c, const char *idop,
                     const char *site_url, const char *town, apr_time_t now,
                     const char **state, apr_int64_t *family, const char **error)
{
    pt_rows *op = NULL;
    pt_payfip_detail d;
    const char *outcome, *why = NULL;
    int rv, attempt, won = 0;

    *state = NULL;
    *family = 0;
    *error = NULL;
    if (!idop || !*idop || strlen(idop) > 64) {
        return PT_PAYFIP_UNKNOWN;
    }
    if ((rv = pt_db_select(db, p, "portail_payfip_op", PT_ARGS(idop), &op)) != PT_DB_OK) {
        return rv;
    }
    if (op->n != 1) {
        return PT_PAYFIP_UNKNOWN;
    }
    *family = pt_rows_int(op, 0, "family_id", 0);
    *state = pt_rows_get(op, 0, "state");
    if (strcmp(*state, "en_cours")) {
        return PT_DB_OK;            /* settled already: a replay changes nothing */
    }
    /* Ask PayFiP, outside any transaction: never trust what the caller sent. */
    rv = pt_payfip_detail_call(p, c, idop, &d, &why);
    if (rv == PT_PAYFIP_FAULT) {
        if (pt_rows_int(op, 0, "created_at", 0) > apr_time_sec(now) - PT_PAYFIP_LIFETIME) {
            return PT_DB_OK;        /* nothing finished yet: still en_cours */
        }
        memset(&d, 0, sizeof(d));
        outcome = "expiree";
    }
    else if (rv != PT_DB_OK) {
        *error = why;
        return rv;
    }
    else if ((why = pt_payfip_check(p, op, idop, &d))) {
        *error = why;
        pt_db_exec(db, p, "portail_payfip_op_anomalie",
                   PT_ARGS(apr_pstrcat(p, "PayFiP a répondu : ", why, NULL),
                           pt_rows_get(op, 0, "id")), NULL);
        return PT_PAYFIP_MISMATCH;
    }
    else {
        outcome = pt_payfip_outcome(d.resultrans);
    }
    rv = PT_DB_BUSY;
    for (attempt = 0; attempt < PT_PAYFIP_ATTEMPTS && rv == PT_DB_BUSY; attempt++) {
        if (attempt) {
            apr_sleep(apr_time_from_msec(20 * attempt));
        }
        rv = pt_payfip_settle_once(db, p, op, &d, outcome, site_url, town, now, &won, error);
    }
    if (rv != PT_DB_OK) {
        if (rv == PT_BILLING_REFUSED) {
            /* The invoice was cancelled meanwhile: an agent must look. */
            pt_db_exec(db, p, "portail_payfip_op_anomalie",
                       PT_ARGS(*error, pt_rows_get(op, 0, "id")), NULL);
            return PT_PAYFIP_MISMATCH;
        }
        return rv;
    }
    if (won) {
        *state = outcome;
        return PT_DB_OK;
    }
    /* Another settlement won: its outcome. */
    if ((rv = pt_db_select(db, p, "portail_payfip_op", PT_ARGS(idop), &op)) != PT_DB_OK) {
        return rv;
    }
    *state = op->n == 1 ? pt_rows_get(op, 0, "state") : outcome;
    return PT_DB_OK;
}

int pt_payfip_reconcile(pt_db *db, apr_pool_t *p, const pt_payfip_conf *c,
                        const char *site_url, const char *town, apr_time_t now,
                        int *settled, int *failed)
{
    const char *before = pt_db_int(p, apr_time_sec(now) - PT_PAYFIP_LIFETIME);
    pt_rows *r = NULL;
    int rv, i, n = 0;
    *settled = *failed = 0;
    rv = pt_db_exec(db, p, "portail_payfip_orphans_expire",
                    PT_ARGS(pt_db_int(p, apr_time_sec(now)), before), &n);
    if (rv == PT_DB_OK) {
        *settled += n;
        rv = pt_db_select(db, p, "portail_payfip_to_reconcile", PT_ARGS(before), &r);
    }
    if (rv != PT_DB_OK) {
        return rv;
    }
    for (i = 0; i < r->n; i++) {
        const char *state, *error;
        apr_int64_t family;
        int st = pt_payfip_settle(db, p, c, pt_rows_get(r, i, "idop"), site_url, town, now,
                                  &state, &family, &error);
        if (st == PT_DB_OK && strcmp(state, "en_cours")) {
            (*settled)++;
        }
        else if (st != PT_PAYFIP_UNKNOWN) {
            (*failed)++;
        }
    }
    return PT_DB_OK;
}
