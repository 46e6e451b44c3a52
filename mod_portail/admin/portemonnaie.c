/* portemonnaie.c — /portail/admin/porte-monnaie: the families' porte-monnaie balances by
 * régie, and the agents' adjustment (a signed amount with a mandatory reason: a refund
 * by hand, a correction), written by pt_wallet_move — the balance never goes below zero —
 * and recorded in the journal (pt_audit).  The family's side is screens/portemonnaie.c.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include "admin/admin.h"
#include "screens/screens.h"
#include "core/pt_audit.h"
#include "core/pt_form.h"
#include "core/pt_wallet.h"
#include "domain/pt_code.h"
#include "domain/pt_fr.h"

/* The longest reason kept. */
#define PORTAIL_PORTEMONNAIE_MOTIF_MAX 500

static int portail_admin_portemonnaie_page(pt_req *rq, const char *field, const char *error,
                                           int status)
{
    pt_node *screen = pt_req_screen(rq, "admin-porte-monnaie");
    apr_table_t *typed = rq->form ? rq->form : apr_table_make(rq->pool, 1);
    const char *q = pt_form_get(rq->query, "famille");
    pt_rows *w = NULL, *m = NULL;
    pt_form_view *fv;
    pt_node *sel, *f;
    long long total = 0;
    int i;

    if (pt_db_select(rq->db, rq->pool, "portail_portemonnaie_wallets",
                     PT_ARGS("0", "0", q, pt_db_like(rq->pool, q)), &w) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_portemonnaie_movements",
                        PT_ARGS("0", "0", "50"), &m) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    f = pt_xml_elem(screen, "filtre", NULL);
    pt_xml_attr(f, "famille", q);
    for (i = 0; i < w->n; i++) {
        pt_node *c = pt_xml_row(screen, "compte", w, i, NULL);
        pt_xml_attr(c, "solde_fr", pt_fr_amount(rq->pool, pt_rows_int(w, i, "solde", 0)));
        total += pt_rows_int(w, i, "solde", 0);
    }
    pt_xml_attr(screen, "total_fr", pt_fr_amount(rq->pool, total));
    for (i = 0; i < m->n; i++) {
        portail_portemonnaie_movement_xml(rq, screen, m, i);
    }

    fv = pt_form_view_new(rq, screen, "/admin/porte-monnaie");
    pt_xml_attr(pt_form_view_node(fv), "id", "ajuster");
    sel = pt_form_view_field(fv, "compte", "select", "Porte-monnaie",
                             pt_form_get(typed, "compte"), 1);
    for (i = 0; i < w->n; i++) {
        pt_form_view_option(sel, apr_pstrcat(rq->pool, pt_rows_get(w, i, "family_id"), "-",
                                             pt_rows_get(w, i, "regie_id"), NULL),
                            apr_psprintf(rq->pool, "Famille %s — %s (solde %s)",
                                         pt_rows_get(w, i, "famille"), pt_rows_get(w, i, "regie"),
                                         pt_fr_amount(rq->pool, pt_rows_int(w, i, "solde", 0))));
    }
    pt_xml_attr(pt_form_view_field(fv, "montant", "text", "Montant (€)",
                                   pt_form_get(typed, "montant"), 1), "hint",
                "Positif pour créditer, négatif pour débiter : « 12,50 » ou « -4,80 ». Le "
                "solde ne peut pas devenir négatif.");
    pt_xml_attr(pt_form_view_field(fv, "motif", "textarea", "Motif",
                                   pt_form_get(typed, "motif"), 1), "hint",
                "La famille le lit dans son porte-monnaie.");
    if (error) {
        pt_form_view_error(fv, field, error);
    }
    return status;
}

int portail_admin_portemonnaie_get(pt_req *rq)
{
    return portail_admin_portemonnaie_page(rq, NULL, NULL, 200);
}

/* A signed amount typed the French way (« -4,80 », « − 4,80 € », « +12 »): cents, or
 * LLONG_MIN when it is not one. */
static long long portail_admin_portemonnaie_amount(const char *s)
{
    int sign = 1;
    long long v;
    while (*s == ' ') {
        s++;
    }
    if (*s == '-' || *s == '+') {
        sign = *s == '-' ? -1 : 1;
        s++;
    }
    else if (!strncmp(s, "\xE2\x88\x92", 3)) {   /* U+2212 MINUS SIGN */
        sign = -1;
        s += 3;
    }
    while (*s == ' ') {
        s++;
    }
    v = pt_code_amount(s);
    return v < 0 ? LLONG_MIN : sign * v;
}

int portail_admin_portemonnaie_post(pt_req *rq)
{
    const char *compte = pt_form_get(rq->form, "compte"), *motif = pt_form_get(rq->form, "motif");
    long long montant = portail_admin_portemonnaie_amount(pt_form_get(rq->form, "montant"));
    long long before = 0, after = 0;
    const char *dash = strchr(compte, '-');
    pt_wallet_move_t mv;
    pt_rows *r = NULL;
    int rv, k, inactive = 0;

    memset(&mv, 0, sizeof(mv));
    mv.family = pt_form_id(dash ? apr_pstrndup(rq->pool, compte, (apr_size_t)(dash - compte)) : "");
    mv.regie = pt_form_id(dash ? dash + 1 : "");
    if (mv.family <= 0 || mv.regie <= 0) {
        return portail_admin_portemonnaie_page(rq, "compte", "Choisissez le porte-monnaie "
                                               "d'une famille.", 400);
    }
    if (montant == LLONG_MIN || montant == 0) {
        return portail_admin_portemonnaie_page(rq, "montant", "Indiquez un montant en euros "
                                               "différent de zéro, par exemple 12,50 ou -4,80.",
                                               400);
    }
    if (!*motif || strlen(motif) > PORTAIL_PORTEMONNAIE_MOTIF_MAX) {
        return portail_admin_portemonnaie_page(rq, "motif", "Indiquez le motif de l'ajustement "
                                               "(500 caractères au plus) : la famille le lit.",
                                               400);
    }
    if ((k = portail_portemonnaie_regie(rq, mv.regie, &r)) < -1) {
        return pt_req_error(rq, 503, NULL);
    }
    if (k < 0) {
        return portail_admin_portemonnaie_page(rq, "compte", "Cette régie ne fonctionne pas en "
                                               "prépayé : elle n'a pas de porte-monnaie à ajuster.",
                                               400);
    }
    mv.kind = "ajustement";
    mv.montant = montant;
    mv.motif = motif;
    mv.agent = rq->user->id;
    rv = pt_db_begin(rq->db, rq->pool);
    if (rv == PT_DB_OK) {
        rv = pt_wallet_balance(rq->db, rq->pool, mv.family, mv.regie, &before);
        inactive = rv == PT_WALLET_SHORT;
    }
    if (rv == PT_DB_OK) {
        rv = pt_wallet_move(rq->db, rq->pool, &mv, rq->now, &after);
    }
    if (rv == PT_DB_OK) {
        rv = pt_audit(rq->db, rq->pool, rq->now, rq->user->id, "ajustement porte-monnaie",
                      "famille", mv.family, pt_fr_amount(rq->pool, before),
                      apr_psprintf(rq->pool, "%s (%s, %s)", pt_fr_amount(rq->pool, after),
                                   pt_rows_get(r, k, "name"), motif));
    }
    if (rv == PT_DB_OK) {
        rv = pt_db_commit(rq->db);
    }
    else {
        pt_db_rollback(rq->db);
    }
    if (rv == PT_WALLET_SHORT && inactive) {
        return portail_admin_portemonnaie_page(rq, "compte", "Cette famille n'a pas activé de "
                                               "porte-monnaie auprès de cette régie.", 400);
    }
    if (rv == PT_WALLET_SHORT) {
        return portail_admin_portemonnaie_page(rq, "montant", apr_psprintf(rq->pool,
            "Le solde ne peut pas devenir négatif : il est de %s.",
            pt_fr_amount(rq->pool, before)), 400);
    }
    if (rv != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, "/admin/porte-monnaie", PT_FLASH_SUCCES,
                           apr_psprintf(rq->pool, "L'ajustement est enregistré : le nouveau "
                                        "solde est de %s.", pt_fr_amount(rq->pool, after)));
}
