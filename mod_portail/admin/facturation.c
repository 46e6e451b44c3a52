/* facturation.c — /portail/admin/facturation: invoice runs, invoices, credit notes,
 * payments and the accounting export, for the agents of the régies.
 *
 * A run is previewed (the plan of core/pt_billing.c), then issued with the preview's
 * fingerprint: the issue plans again in its transaction and refuses (409, with the new
 * preview) when what would be billed changed meanwhile.  portail-ctl invoice-run calls
 * the same core functions.
 */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include "admin/admin.h"
#include "screens/screens.h"
#include "core/pt_billing.h"
#include "core/pt_csv.h"
#include "core/pt_form.h"
#include "domain/pt_code.h"
#include "domain/pt_fr.h"

static const char *const portail_facturation_statuts[] = {
    "a_payer", "partielle", "payee", "annulee", NULL
};

/* The channels an agent records at the counter (others arrive online), and their names. */
static const char *const portail_facturation_moyens[] = {
    "especes", "Espèces", "cheque", "Chèque", "cesu", "CESU", "virement", "Virement",
    "carte", "Carte bancaire au guichet", "payfip", "Carte bancaire en ligne",
    "porte_monnaie", "Porte-monnaie", "credit", "Crédit de la famille", NULL
};
#define PORTAIL_FACTURATION_COUNTER_MOYENS 10   /* the first five pairs */

static const char *portail_facturation_moyen(const char *code)
{
    int k;
    for (k = 0; portail_facturation_moyens[k] && strcmp(portail_facturation_moyens[k], code ? code : "");
         k += 2) {
    }
    return portail_facturation_moyens[k] ? portail_facturation_moyens[k + 1] : code;
}

/* The payments' channel filter (« moyen »): one of the channels above, else "" (all). */
static const char *portail_facturation_filtre_moyen(pt_req *rq)
{
    const char *m = pt_form_get(rq->query, "moyen");
    int k;
    for (k = 0; portail_facturation_moyens[k] && strcmp(portail_facturation_moyens[k], m); k += 2) {
    }
    return portail_facturation_moyens[k] ? portail_facturation_moyens[k] : "";
}

/* The run form (régie, month) under screen, with what was typed and an error. */
static void portail_facturation_form(pt_req *rq, pt_node *screen, pt_rows *regies,
                                     const char *regie, const char *mois, const char *field,
                                     const char *error)
{
    pt_form_view *fv = pt_form_view_new(rq, screen, "/admin/facturation/apercu");
    pt_xml_attr(pt_form_view_node(fv), "method", "get");
    pt_form_view_select(fv, "regie", "Régie", regie, 1, regies, "code", "name");
    pt_xml_attr(pt_form_view_field(fv, "mois", "month", "Mois à facturer", mois, 1), "hint",
                "Un mois terminé, par exemple 2026-11.");
    if (error) {
        pt_form_view_error(fv, field, error);
    }
}

/* Closing a month (h14more): the form (its fields « cloture_… », so that the run form's
 * ids stay unique) and the months already closed. */
static int portail_facturation_clotures(pt_req *rq, pt_node *screen, pt_rows *regies,
                                        const char *field, const char *error)
{
    apr_table_t *typed = rq->form ? rq->form : apr_table_make(rq->pool, 1);
    pt_form_view *fv = pt_form_view_new(rq, screen, "/admin/facturation/cloturer");
    pt_rows *closed = NULL;
    pt_date first, last;
    int i;
    pt_xml_attr(pt_form_view_node(fv), "id", "cloture");
    pt_form_view_select(fv, "cloture_regie", "Régie", pt_form_get(typed, "cloture_regie"), 1,
                        regies, "code", "name");
    pt_xml_attr(pt_form_view_field(fv, "cloture_mois", "month", "Mois à clôturer",
                                   pt_form_get(typed, "cloture_mois"), 1), "hint",
                "Un mois terminé, par exemple 2026-11. Une fois clôturé, il ne se facture plus.");
    if (error && field && !strncmp(field, "cloture_", 8)) {
        pt_form_view_error(fv, field, error);
    }
    if (pt_db_select(rq->db, rq->pool, "portail_billing_closed_list", PT_NOARGS, &closed)
        != PT_DB_OK) {
        return PT_DB_ERROR;
    }
    for (i = 0; i < closed->n; i++) {
        pt_node *c = pt_xml_row(screen, "cloture", closed, i, NULL);
        if (pt_billing_periode(pt_rows_get(closed, i, "periode"), &first, &last)) {
            pt_xml_attr(c, "mois_fr", pt_fr_month(rq->pool, first.y, first.m));
        }
        pt_xml_attr(c, "le_fr", pt_date_long(rq->pool, pt_date_of_time(apr_time_from_sec(
                        pt_rows_int(closed, i, "closed_at", 0))), 1));
    }
    return PT_DB_OK;
}

static int portail_facturation_page(pt_req *rq, const char *field, const char *error, int status)
{
    pt_node *screen = pt_req_screen(rq, "admin-facturation");
    const char *regie = pt_form_get(rq->query, "regie"), *periode = pt_form_get(rq->query, "periode");
    const char *statut = pt_form_get(rq->query, "statut"), *moyen = portail_facturation_filtre_moyen(rq);
    pt_rows *regies = NULL, *inv = NULL, *pay = NULL;
    int i;
    if (!strcmp(field ? field : "", "regie") || error) {
        regie = pt_form_get(rq->query, "regie");
    }
    for (i = 0; portail_facturation_statuts[i] && strcmp(statut, portail_facturation_statuts[i]);
         i++) {
    }
    if (!portail_facturation_statuts[i]) {
        statut = "";
    }
    if (pt_db_select(rq->db, rq->pool, "portail_admin_facturation_regies", PT_NOARGS, &regies)
            != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_admin_facturation_invoices",
                        PT_ARGS(regie, regie, periode, periode, statut, statut, statut, statut,
                                statut), &inv) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_admin_facturation_payments",
                        PT_ARGS(regie, regie, periode, periode, moyen, moyen), &pay) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    pt_xml_rows(screen, "regie", regies, NULL);
    pt_xml_attr(screen, "filtre_moyen", moyen);
    for (i = 0; portail_facturation_moyens[i]; i += 2) {
        pt_xml_elem(screen, "moyen", portail_facturation_moyens[i]);
    }
    portail_facturation_form(rq, screen, regies, regie, pt_form_get(rq->query, "mois"), field,
                             field && !strncmp(field, "cloture_", 8) ? NULL : error);
    if (portail_facturation_clotures(rq, screen, regies, field, error) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    pt_xml_attr(screen, "filtre_regie", regie);
    pt_xml_attr(screen, "filtre_periode", periode);
    pt_xml_attr(screen, "filtre_statut", statut);
    for (i = 0; i < inv->n; i++) {
        pt_node *f = pt_xml_row(screen, "facture", inv, i, NULL);
        long long m = pt_rows_int(inv, i, "montant", 0), pd = pt_rows_int(inv, i, "paye", 0);
        pt_xml_attr(f, "statut", pt_billing_status(pt_rows_get(inv, i, "etat"), m, pd));
        pt_xml_attr(f, "montant_fr", pt_fr_amount(rq->pool, m));
        pt_xml_attr(f, "paye_fr", pt_fr_amount(rq->pool, pd));
        pt_xml_attr(f, "emise_fr", pt_fr_date_short(rq->pool, pt_rows_get(inv, i, "emise_le")));
        pt_xml_attr(f, "echeance_fr", pt_fr_date_short(rq->pool, pt_rows_get(inv, i, "echeance")));
    }
    for (i = 0; i < pay->n; i++) {
        pt_node *p = pt_xml_row(screen, "reglement", pay, i, NULL);
        pt_xml_attr(p, "montant_fr", pt_fr_amount(rq->pool, pt_rows_int(pay, i, "montant", 0)));
        pt_xml_attr(p, "date_fr", pt_fr_date_short(rq->pool, pt_rows_get(pay, i, "paye_le")));
    }
    return status;
}

int portail_admin_facturation_get(pt_req *rq)
{
    return portail_facturation_page(rq, NULL, NULL, 200);
}

/* The plan of a run as XML: what the preview shows and what the issue compares. */
static void portail_facturation_run_xml(pt_req *rq, pt_node *screen, const pt_billing_run *run)
{
    int i, k;
    pt_date first;
    pt_xml_attr(screen, "regie", run->code);
    pt_xml_attr(screen, "regie_nom", run->name);
    pt_xml_attr(screen, "mois", run->periode);
    if (pt_date_parse(run->debut, &first)) {
        pt_xml_attr(screen, "mois_fr", pt_fr_month(rq->pool, first.y, first.m));
    }
    pt_xml_attr(screen, "empreinte", run->fingerprint);
    pt_xml_attr(screen, "total_fr", pt_fr_amount(rq->pool, run->total));
    pt_xml_attr_int(screen, "total", run->total);
    pt_xml_attr_int(screen, "jours", run->days);
    pt_xml_attr_int(screen, "factures", run->families->nelts);
    pt_xml_attr(screen, "echeance_fr", pt_fr_date_short(rq->pool, run->echeance));
    for (i = 0; i < run->families->nelts; i++) {
        const pt_billing_family *f = &APR_ARRAY_IDX(run->families, i, pt_billing_family);
        pt_node *fn = pt_xml_elem(screen, "famille", NULL);
        pt_xml_attr_int(fn, "id", f->id);
        pt_xml_attr(fn, "nom", f->nom);
        if (f->qf >= 0) {
            pt_xml_attr_int(fn, "qf", f->qf);
        }
        pt_xml_attr_int(fn, "total", f->total);
        pt_xml_attr(fn, "total_fr", pt_fr_amount(rq->pool, f->total));
        pt_xml_attr(fn, "numero", f->numero);
        for (k = 0; k < f->lines->nelts; k++) {
            const pt_billing_line *l = &APR_ARRAY_IDX(f->lines, k, pt_billing_line);
            pt_node *ln = pt_xml_elem(fn, "ligne", NULL);
            pt_xml_attr(ln, "enfant", l->enfant);
            pt_xml_attr(ln, "activite", l->activite);
            pt_xml_attr_int(ln, "jours", l->jours);
            pt_xml_attr_int(ln, "montant", l->montant);
            pt_xml_attr(ln, "prix_fr", pt_fr_amount(rq->pool, l->prix));
            pt_xml_attr(ln, "majoration_fr", pt_fr_amount(rq->pool, l->majoration));
            pt_xml_attr(ln, "montant_fr", pt_fr_amount(rq->pool, l->montant));
        }
    }
}

int portail_admin_facturation_apercu_get(pt_req *rq)
{
    pt_billing_run *run = NULL;
    const char *error = NULL;
    int rv = pt_billing_plan(rq->db, rq->pool, pt_form_get(rq->query, "regie"),
                             pt_form_get(rq->query, "mois"), pt_date_of_time(rq->now), &run,
                             &error);
    if (rv == PT_BILLING_REFUSED || rv == PT_BILLING_CLOSED) {
        rq->view = "admin-facturation";
        return portail_facturation_page(rq, run && run->regie ? "mois" : "regie", error,
                                        rv == PT_BILLING_CLOSED ? 409 : 400);
    }
    if (rv != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    portail_facturation_run_xml(rq, pt_req_screen(rq, "admin-facturation-apercu"), run);
    return 200;
}

int portail_admin_facturation_emettre_post(pt_req *rq)
{
    pt_billing_site site = { rq->site->town, rq->site->public_url ? rq->site->public_url : "" };
    const char *regie = pt_form_get(rq->form, "regie"), *mois = pt_form_get(rq->form, "mois");
    pt_billing_run *run = NULL;
    const char *error = NULL;
    int rv = pt_billing_issue(rq->db, rq->pool, regie, mois, rq->now, rq->user->id,
                              pt_form_get(rq->form, "empreinte"), &site, &run, &error);
    if (rv == PT_DB_CONFLICT && run) {
        pt_node *screen = pt_req_screen(rq, "admin-facturation-apercu");
        portail_facturation_run_xml(rq, screen, run);
        pt_xml_elem(screen, "erreur", error);
        return 409;
    }
    if (rv == PT_BILLING_REFUSED || rv == PT_BILLING_CLOSED) {
        apr_table_set(rq->query, "regie", regie);
        apr_table_set(rq->query, "mois", mois);
        rq->view = "admin-facturation";
        /* Nothing left to bill (another run was first), a closed month: a conflict, not
         * bad input. */
        return portail_facturation_page(rq, run && run->regie ? "mois" : "regie", error,
                                        (run && run->fingerprint) || rv == PT_BILLING_CLOSED
                                        ? 409 : 400);
    }
    if (rv != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, apr_psprintf(rq->pool, "/admin/facturation?regie=%s&periode=%s",
                                            pt_form_escape(rq->pool, run->code), run->periode),
                           PT_FLASH_SUCCES,
                           apr_psprintf(rq->pool, "%d facture(s) émise(s) pour %s, total %s.",
                                        run->families->nelts, run->periode,
                                        pt_fr_amount(rq->pool, run->total)));
}

int portail_admin_facturation_cloturer_post(pt_req *rq)
{
    const char *regie = pt_form_get(rq->form, "cloture_regie");
    const char *mois = pt_form_get(rq->form, "cloture_mois"), *error = NULL;
    int rv = pt_billing_close(rq->db, rq->pool, regie, mois, rq->now, rq->user->id, &error);
    pt_date first, last;
    if (rv == PT_BILLING_REFUSED || rv == PT_BILLING_CLOSED) {
        rq->view = "admin-facturation";
        return portail_facturation_page(rq, strstr(error, "régie de la liste") ? "cloture_regie"
                                                                              : "cloture_mois",
                                        error, rv == PT_BILLING_CLOSED ? 409 : 400);
    }
    if (rv != PT_DB_OK || !pt_billing_periode(mois, &first, &last)) {
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, "/admin/facturation", PT_FLASH_SUCCES,
                           apr_psprintf(rq->pool, "Le mois de %s est clôturé pour la régie %s : "
                                        "il ne se facture plus.",
                                        pt_fr_month(rq->pool, first.y, first.m), regie));
}

int portail_admin_facture_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "admin-facture");
    int rv = portail_factures_detail(rq, screen, pt_req_param_id(rq, "facture"), 0);
    return rv == 200 ? 200 : pt_req_error(rq, rv, NULL);
}

int portail_admin_facture_pdf_get(pt_req *rq)
{
    int rv = portail_factures_pdf(rq, pt_req_param_id(rq, "facture"), 0);
    return rv == 200 ? 200 : pt_req_error(rq, rv, NULL);
}

int portail_admin_facture_avoir_post(pt_req *rq)
{
    apr_int64_t id = pt_req_param_id(rq, "facture");
    const char *numero = NULL, *error = NULL;
    const char *motif = pt_form_get(rq->form, "motif");
    int rv = id > 0 ? pt_billing_cancel(rq->db, rq->pool, id, motif, rq->now, rq->user->id,
                                        &numero, &error)
                    : PT_BILLING_NOT_FOUND;
    const char *back = apr_psprintf(rq->pool, "/admin/factures/%" APR_INT64_T_FMT, id);
    if (rv == PT_BILLING_NOT_FOUND) {
        return pt_req_error(rq, 404, NULL);
    }
    if (rv == PT_BILLING_REFUSED) {
        pt_node *screen = pt_req_screen(rq, "admin-facture");
        if (portail_factures_detail(rq, screen, id, 0) != 200) {
            return pt_req_error(rq, 404, NULL);
        }
        pt_xml_elem(screen, "erreur", error);
        pt_xml_attr(screen, "motif", pt_form_get(rq->form, "motif"));
        return strstr(error, "déjà") ? 409 : 400;
    }
    if (rv != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, back, PT_FLASH_SUCCES,
                           apr_psprintf(rq->pool, "La facture est annulée par l'avoir n° %s.",
                                        numero));
}

/* The family's credit (h14more): shown, and offered as a channel while there is some. */
static int portail_reglement_credit(pt_req *rq, pt_node *screen, pt_node *moyens,
                                    apr_int64_t family)
{
    long long solde = 0;
    int rv = pt_billing_credit_balance(rq->db, rq->pool, family, &solde);
    if (rv == PT_DB_OK && solde > 0) {
        pt_xml_attr(screen, "credit_fr", pt_fr_amount(rq->pool, solde));
        pt_form_view_option(moyens, "credit",
                            apr_psprintf(rq->pool, "Crédit de la famille (%s disponibles)",
                                         pt_fr_amount(rq->pool, solde)));
    }
    return rv;
}

/* The payment form of a family: its unpaid invoices to tick, amount, channel, date. */
static int portail_reglement_page(pt_req *rq, const char *field, const char *error, int status)
{
    apr_int64_t family = pt_req_param_id(rq, "famille");
    pt_node *screen = pt_req_screen(rq, "admin-reglement");
    pt_rows *f = NULL, *inv = NULL;
    apr_table_t *typed = rq->form ? rq->form : rq->query;
    pt_form_view *fv;
    pt_node *sel, *n;
    int i;
    if (family < 0) {
        return pt_req_error(rq, 404, NULL);
    }
    if (pt_db_select(rq->db, rq->pool, "portail_admin_reglement_family",
                     PT_ARGS(pt_db_int(rq->pool, family)), &f) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_admin_reglement_invoices",
                        PT_ARGS(pt_db_int(rq->pool, family)), &inv) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    if (f->n != 1) {
        return pt_req_error(rq, 404, NULL);
    }
    pt_xml_attr(screen, "famille", pt_rows_get(f, 0, "nom"));
    pt_xml_attr_int(screen, "famille_id", family);
    fv = pt_form_view_new(rq, screen,
                          apr_psprintf(rq->pool, "/admin/familles/%" APR_INT64_T_FMT "/reglement",
                                       family));
    pt_form_view_fieldset(fv, "Factures à régler");
    for (i = 0; i < inv->n; i++) {
        const char *name = apr_pstrcat(rq->pool, "facture_", pt_rows_get(inv, i, "id"), NULL);
        long long due = pt_rows_int(inv, i, "montant", 0) - pt_rows_int(inv, i, "paye", 0);
        n = pt_form_view_field(fv, name, "checkbox",
                               apr_psprintf(rq->pool, "%s (%s) : reste %s",
                                            pt_rows_get(inv, i, "reference"),
                                            pt_rows_get(inv, i, "regie_nom"),
                                            pt_fr_amount(rq->pool, due)),
                               rq->form ? pt_form_get(typed, name) : "1", 0);
        pt_xml_attr(n, "check", "1");
    }
    pt_form_view_fieldset(fv, "Règlement");
    pt_xml_attr(pt_form_view_field(fv, "montant", "text", "Montant (en euros)",
                                   pt_form_get(typed, "montant"), 1), "hint", "Par exemple 12,50.");
    sel = pt_form_view_field(fv, "moyen", "select", "Mode de règlement",
                             pt_form_get(typed, "moyen"), 1);
    for (i = 0; i < PORTAIL_FACTURATION_COUNTER_MOYENS; i += 2) {
        pt_form_view_option(sel, portail_facturation_moyens[i], portail_facturation_moyens[i + 1]);
    }
    if (portail_reglement_credit(rq, screen, sel, family) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    pt_form_view_field(fv, "paye_le", "date", "Date du règlement",
                       rq->form ? pt_form_get(typed, "paye_le")
                                : pt_date_iso(rq->pool, pt_date_of_time(rq->now)), 1);
    pt_xml_attr(pt_form_view_field(fv, "piece", "text", "N° du chèque ou référence",
                                   pt_form_get(typed, "piece"), 0), "hint", "Facultatif.");
    pt_form_view_field(fv, "credit", "checkbox",
                       "Verser un trop-perçu en crédit sur le compte de la famille",
                       pt_form_get(typed, "credit"), 0);
    if (error) {
        pt_form_view_error(fv, field, error);
    }
    pt_xml_rows(screen, "facture", inv, NULL);
    return status;
}

int portail_admin_reglement_get(pt_req *rq)
{
    return portail_reglement_page(rq, NULL, NULL, 200);
}

int portail_admin_reglement_post(pt_req *rq)
{
    apr_int64_t family = pt_req_param_id(rq, "famille");
    const apr_array_header_t *fields = apr_table_elts(rq->form);
    apr_array_header_t *ids = apr_array_make(rq->pool, 4, sizeof(apr_int64_t));
    pt_billing_payment pay;
    pt_rows *inv = NULL;
    const char *numero = NULL, *error = NULL;
    long long credited = 0;
    int i, k, rv;

    if (family < 0) {
        return pt_req_error(rq, 404, NULL);
    }
    if (pt_db_select(rq->db, rq->pool, "portail_admin_reglement_invoices",
                     PT_ARGS(pt_db_int(rq->pool, family)), &inv) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    memset(&pay, 0, sizeof(pay));
    /* The ticked invoices, in the order of the family's list (oldest first). */
    for (k = 0; k < inv->n; k++) {
        for (i = 0; i < fields->nelts; i++) {
            const apr_table_entry_t *e = &APR_ARRAY_IDX(fields, i, apr_table_entry_t);
            if (!strncmp(e->key, "facture_", 8) && !strcmp(e->key + 8, pt_rows_get(inv, k, "id"))
                && !strcmp(e->val, "1")) {
                APR_ARRAY_PUSH(ids, apr_int64_t) = pt_rows_int(inv, k, "id", 0);
                if (!pay.regie) {
                    pay.regie = pt_rows_int(inv, k, "regie_id", 0);
                }
                else if (pay.regie != pt_rows_int(inv, k, "regie_id", 0)) {
                    return portail_reglement_page(rq, "montant", "Un règlement va à une seule "
                                                  "régie : choisissez des factures de la même "
                                                  "régie.", 400);
                }
            }
        }
    }
    pay.family = family;
    pay.moyen = pt_form_get(rq->form, "moyen");
    pay.montant = pt_code_amount(pt_form_get(rq->form, "montant"));
    pay.paye_le = pt_form_get(rq->form, "paye_le");
    pay.piece = pt_form_get(rq->form, "piece");
    pay.invoices = (const apr_int64_t *)ids->elts;
    pay.ninvoices = ids->nelts;
    pay.to_credit = !strcmp(pt_form_get(rq->form, "credit"), "1");
    rv = pt_billing_pay(rq->db, rq->pool, &pay, rq->now, rq->user->id, &numero, &credited,
                        &error);
    if (rv == PT_BILLING_REFUSED) {
        return portail_reglement_page(rq, strstr(error, "facture") && !strstr(error, "dépasse")
                                          ? "" : strstr(error, "mode") ? "moyen"
                                          : strstr(error, "date") ? "paye_le" : "montant",
                                      error, 400);
    }
    if (rv != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, apr_psprintf(rq->pool, "/admin/familles/%" APR_INT64_T_FMT
                                            "/reglement", family), PT_FLASH_SUCCES,
                           credited > 0
                           ? apr_psprintf(rq->pool, "Règlement n° %s enregistré ; %s versé(s) en "
                                          "crédit sur le compte de la famille.", numero,
                                          pt_fr_amount(rq->pool, credited))
                           : apr_psprintf(rq->pool, "Règlement n° %s enregistré.", numero));
}

/* The accounting export: one line per invoice and per payment of the filter. */
int portail_admin_facturation_export_get(pt_req *rq)
{
    static const char *const head[] = {
        "Type", "Régie", "Numéro", "Famille", "Période", "Date", "Échéance", "Montant",
        "Réglé", "Statut", "Mode de règlement", "Pièce"
    };
    static const char *const statuts[] = {
        "a_payer", "À payer", "partielle", "Partiellement payée", "payee", "Payée",
        "annulee", "Annulée", NULL
    };
    const char *regie = pt_form_get(rq->query, "regie"), *periode = pt_form_get(rq->query, "periode");
    const char *moyen = portail_facturation_filtre_moyen(rq);
    apr_array_header_t *out = pt_csv_new(rq->pool);
    pt_rows *inv = NULL, *pay = NULL;
    const char *cells[12];
    int i, k;
    if (pt_db_select(rq->db, rq->pool, "portail_admin_facturation_invoices",
                     PT_ARGS(regie, regie, periode, periode, "", "", "", "", ""), &inv) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_admin_facturation_payments",
                        PT_ARGS(regie, regie, periode, periode, moyen, moyen), &pay) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    pt_csv_write(out, ';', 12, head);
    for (i = 0; i < inv->n; i++) {
        long long m = pt_rows_int(inv, i, "montant", 0), pd = pt_rows_int(inv, i, "paye", 0);
        const char *s = pt_billing_status(pt_rows_get(inv, i, "etat"), m, pd);
        for (k = 0; statuts[k] && strcmp(statuts[k], s); k += 2) {
        }
        cells[0] = "Facture";
        cells[1] = pt_rows_get(inv, i, "regie");
        cells[2] = pt_rows_get(inv, i, "reference");
        cells[3] = pt_rows_get(inv, i, "famille");
        cells[4] = pt_rows_get(inv, i, "periode");
        cells[5] = pt_fr_date_short(rq->pool, pt_rows_get(inv, i, "emise_le"));
        cells[6] = pt_fr_date_short(rq->pool, pt_rows_get(inv, i, "echeance"));
        cells[7] = pt_fr_decimal(rq->pool, m);
        cells[8] = pt_fr_decimal(rq->pool, pd);
        cells[9] = statuts[k] ? statuts[k + 1] : s;
        cells[10] = cells[11] = NULL;
        pt_csv_write(out, ';', 12, cells);
    }
    for (i = 0; i < pay->n; i++) {
        cells[0] = "Règlement";
        cells[1] = pt_rows_get(pay, i, "regie");
        cells[2] = pt_rows_get(pay, i, "numero");
        cells[3] = pt_rows_get(pay, i, "famille");
        cells[4] = NULL;
        cells[5] = pt_fr_date_short(rq->pool, pt_rows_get(pay, i, "paye_le"));
        cells[6] = NULL;
        cells[7] = pt_fr_decimal(rq->pool, pt_rows_int(pay, i, "montant", 0));
        cells[8] = NULL;
        cells[9] = NULL;
        cells[10] = portail_facturation_moyen(pt_rows_get(pay, i, "moyen"));
        cells[11] = pt_rows_get(pay, i, "piece");
        pt_csv_write(out, ';', 12, cells);
    }
    rq->body = pt_csv_text(out, &rq->body_len);
    rq->content_type = "text/csv; charset=UTF-8";
    rq->filename = "facturation.csv";
    return 200;
}
