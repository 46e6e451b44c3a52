/* abonnements.c — /portail/espace/abonnements: « Mes abonnements ».
 *
 * A parent links the account to the family with the code abonné of the town's letter, or
 * with the references of one of the family's invoices.  The link takes effect at once
 * (the family space reads it at every request; no new login needed).  Codes are
 * guessable: every try is reserved per account and per address in the database before
 * the code is looked up (pt_throttle), and tries are slowed down from the sixth in a row.
 */
#include <string.h>
#include <apr_strings.h>
#include "screens/screens.h"
#include "core/pt_form.h"
#include "core/pt_throttle.h"
#include "domain/pt_code.h"

/* Per account: four tries free, the fifth blocks 30 s (so the sixth in a row waits),
 * doubling up to an hour.  Per address (families behind one town-hall or school
 * connection): twenty. */
static const pt_throttle_rule portail_abonnements_per_account = { 4, 30, 3600, 86400 };
static const pt_throttle_rule portail_abonnements_per_address = { 20, 2, 3600, 86400 };

static int portail_abonnements_page(pt_req *rq, const char *failed_form, const char *field,
                                    const char *error, int status)
{
    static const struct { const char *name, *label; } invoice_fields[] = {
        { "code_emission", "Code émission" },
        { "reference", "Référence de la facture" },
        { "montant", "Montant (en euros)" },
        { "code_personne", "Code personne" },
    };
    pt_node *screen = pt_req_screen(rq, "abonnements");
    pt_form_view *by_code, *by_invoice;
    pt_rows *r = NULL;
    apr_table_t *typed = rq->form;
    size_t i;

    if (pt_db_select(rq->db, rq->pool, "portail_famille_families",
                     PT_ARGS(pt_db_int(rq->pool, rq->user->id)), &r) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    pt_xml_rows(screen, "family", r, NULL);

    by_code = pt_form_view_new(rq, screen, "/espace/abonnements");
    pt_xml_attr(pt_form_view_node(by_code), "id", "par-code");
    pt_form_view_field(by_code, "par", "hidden", NULL, "code", 0);
    pt_xml_attr(pt_form_view_field(by_code, "code", "text", "Code abonné",
                                   failed_form && !strcmp(failed_form, "code")
                                   ? pt_form_get(typed, "code") : "", 1),
                "hint", "12 caractères, sur le courrier de la mairie ; par exemple K7QM-4XPT-9HWA.");

    by_invoice = pt_form_view_new(rq, screen, "/espace/abonnements");
    pt_xml_attr(pt_form_view_node(by_invoice), "id", "par-facture");
    pt_form_view_field(by_invoice, "par", "hidden", NULL, "facture", 0);
    for (i = 0; i < sizeof(invoice_fields) / sizeof(invoice_fields[0]); i++) {
        pt_form_view_field(by_invoice, invoice_fields[i].name, "text", invoice_fields[i].label,
                           failed_form && !strcmp(failed_form, "facture")
                           ? pt_form_get(typed, invoice_fields[i].name) : "", 1);
    }
    if (error) {
        pt_form_view_error(!strcmp(failed_form, "code") ? by_code : by_invoice, field, error);
    }
    return status;
}

int portail_abonnements_get(pt_req *rq)
{
    return portail_abonnements_page(rq, NULL, NULL, NULL, 200);
}

/* The throttle keys of this try: the client address and the account (when logged in). */
static int portail_abonnements_keys(pt_req *rq, pt_throttle_key keys[2])
{
    int n = 0;
    keys[n].key = apr_pstrcat(rq->pool, "abonnement:ip:", rq->client_ip, NULL);
    keys[n++].rule = &portail_abonnements_per_address;
    if (rq->user) {
        keys[n].key = apr_psprintf(rq->pool, "abonnement:acct:%" APR_INT64_T_FMT, rq->user->id);
        keys[n++].rule = &portail_abonnements_per_account;
    }
    return n;
}

/* Reserve this try before the code is looked up: 0 when it may be, 429 with *error when
 * too many tries, 503. */
static int portail_abonnements_reserve(pt_req *rq, const char **error)
{
    pt_throttle_key keys[2];
    int n = portail_abonnements_keys(rq, keys), wait = 0;
    if (pt_throttle_reserve(rq->db, rq->pool, keys, n, rq->now, &wait) != PT_DB_OK) {
        return 503;
    }
    if (wait > 0) {
        *error = apr_psprintf(rq->pool, "Trop d'essais sans succès. Par sécurité, réessayez "
                              "dans %d seconde%s.", wait, wait > 1 ? "s" : "");
        return 429;
    }
    return 0;
}

/* A right code forgives the account's wrong tries, and gives the address (shared) its try
 * back. */
static void portail_abonnements_found(pt_req *rq)
{
    pt_throttle_key keys[2];
    int n = portail_abonnements_keys(rq, keys);
    pt_throttle_refund(rq->db, rq->pool, &keys[0]);
    if (n > 1) {
        pt_throttle_clear(rq->db, rq->pool, keys[1].key);
    }
}

static int portail_abonnements_lookup(pt_req *rq, const char *label, int nargs,
                                      const char *const *args, apr_int64_t *family,
                                      const char **nom)
{
    pt_rows *r = NULL;
    int rv = pt_db_select(rq->db, rq->pool, label, nargs, args, &r);
    *family = 0;
    if (rv == PT_DB_OK && r->n == 1) {
        *family = pt_rows_int(r, 0, "id", 0);
        *nom = pt_rows_get(r, 0, "nom");
    }
    return rv == PT_DB_OK ? 0 : 503;
}

int portail_abonnements_by_code(pt_req *rq, const char *typed, apr_int64_t *family,
                                const char **nom, const char **error)
{
    const char *code = pt_code_normalize(rq->pool, typed);
    int rv = portail_abonnements_reserve(rq, error);
    *family = 0;
    if (rv || (code && (rv = portail_abonnements_lookup(rq, "portail_famille_by_code",
                                                        PT_ARGS(code), family, nom)) != 0)) {
        return rv;
    }
    if (*family) {
        portail_abonnements_found(rq);
    }
    else {
        *error = code ? "Aucune famille ne correspond à ce code abonné. Vérifiez-le sur le "
                        "courrier de la mairie."
                      : "Ce code n'a pas la forme d'un code abonné : 12 caractères, lettres et "
                        "chiffres, comme K7QM-4XPT-9HWA.";
    }
    return 0;
}

/* The family of an invoice's references, like portail_abonnements_by_code. */
static int portail_abonnements_by_invoice(pt_req *rq, const char **field, apr_int64_t *family,
                                          const char **nom, const char **error)
{
    long long cents = pt_code_amount(pt_form_get(rq->form, "montant"));
    int rv;
    *family = 0;
    *field = "code_emission";
    if (cents < 0) {
        *field = "montant";
        *error = "Indiquez le montant de la facture en euros, par exemple 86,40.";
        return 0;
    }
    if ((rv = portail_abonnements_reserve(rq, error)) != 0) {
        return rv;
    }
    rv = portail_abonnements_lookup(rq, "portail_abonnements_by_invoice",
                                    PT_ARGS(pt_form_get(rq->form, "code_emission"),
                                            pt_form_get(rq->form, "reference"),
                                            pt_db_int(rq->pool, cents),
                                            pt_form_get(rq->form, "code_personne")),
                                    family, nom);
    if (rv == 0 && *family) {
        portail_abonnements_found(rq);
    }
    else if (rv == 0) {
        *error = "Aucune facture ne correspond à ces références. Vérifiez-les sur la facture.";
    }
    return rv;
}

int portail_abonnements_post(pt_req *rq)
{
    const char *par = !strcmp(pt_form_get(rq->form, "par"), "facture") ? "facture" : "code";
    const char *field = "code", *error = NULL, *nom = NULL;
    apr_int64_t family = 0;
    int rv = !strcmp(par, "code")
             ? portail_abonnements_by_code(rq, pt_form_get(rq->form, "code"), &family, &nom,
                                           &error)
             : portail_abonnements_by_invoice(rq, &field, &family, &nom, &error);

    if (rv == 503) {
        return pt_req_error(rq, 503, NULL);
    }
    if (!family) {
        return portail_abonnements_page(rq, par, field, error, rv ? rv : 400);
    }
    if (pt_db_exec(rq->db, rq->pool, "portail_account_subscribe",
                   PT_ARGS(pt_db_int(rq->pool, rq->user->id), pt_db_int(rq->pool, family),
                           pt_db_int(rq->pool, apr_time_sec(rq->now))), NULL) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, "/famille/", PT_FLASH_SUCCES,
        apr_psprintf(rq->pool, "Votre compte est rattaché à la famille %s : votre espace "
                     "famille est ouvert.", nom));
}

int portail_abonnements_desabonner_post(pt_req *rq)
{
    apr_int64_t family = pt_req_param_id(rq, "famille");
    int removed = 0;
    if (family < 0) {
        return pt_req_error(rq, 404, NULL);
    }
    if (pt_db_exec(rq->db, rq->pool, "portail_abonnements_unsubscribe",
                   PT_ARGS(pt_db_int(rq->pool, rq->user->id), pt_db_int(rq->pool, family)),
                   &removed) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    /* Not a family of this account: the same as a family that does not exist. */
    if (removed == 0) {
        return pt_req_error(rq, 404, NULL);
    }
    return pt_req_redirect(rq, "/espace/abonnements", PT_FLASH_SUCCES,
                           "Votre compte n'est plus rattaché à cette famille.");
}
