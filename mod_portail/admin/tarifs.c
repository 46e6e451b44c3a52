/* tarifs.c — /portail/admin/tarifs: régies, the activities they bill, and dated tariffs
 * (QF brackets or effort rate).  A tariff is never changed: a new one from a later date
 * replaces it for the days from that date (what was billed keeps its price in the invoice
 * lines).  Overlapping brackets are refused (domain/pt_tariff.c).
 */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include "admin/admin.h"
#include "screens/screens.h"
#include "core/pt_audit.h"
#include "core/pt_billing.h"
#include "core/pt_form.h"
#include "domain/pt_code.h"
#include "domain/pt_fr.h"

/* Bracket rows offered by the form. */
#define PORTAIL_TARIFS_ROWS 6

/* The form that moves an activity to another régie (h14more), fields « ar_… ». */
static void portail_tarifs_activite_form(pt_req *rq, pt_node *screen, pt_rows *acts,
                                         pt_rows *regies, const char *form, const char *field,
                                         const char *error)
{
    int mine = form && !strcmp(form, "activite");
    apr_table_t *typed = mine && rq->form ? rq->form : apr_table_make(rq->pool, 1);
    pt_form_view *fv = pt_form_view_new(rq, screen, "/admin/tarifs/activite");
    pt_xml_attr(pt_form_view_node(fv), "id", "activite");
    pt_form_view_select(fv, "ar_activite", "Activité", pt_form_get(typed, "ar_activite"), 1, acts,
                        "id", "name");
    pt_form_view_select(fv, "ar_regie", "Nouvelle régie", pt_form_get(typed, "ar_regie"), 1,
                        regies, "id", "name");
    if (mine && error) {
        pt_form_view_error(fv, field, error);
    }
}

/* h15wallet: the porte-monnaie and PayFiP fields of a régie's settings form, with what was
 * typed (NULL: a new form, the defaults of migration 015).  A régie is created with those
 * defaults (billed monthly) and set here. */
static void portail_tarifs_wallet_view(pt_req *rq, pt_form_view *fv, apr_table_t *typed)
{
    pt_form_view_fieldset(fv, "Porte-monnaie et paiement en ligne");
    pt_xml_attr(pt_form_view_field(fv, "prepaye", "checkbox",
                                   "Prépayé : les réservations sont payées par le porte-monnaie",
                                   typed ? pt_form_get(typed, "prepaye") : "", 0), "hint",
                "Sinon les activités de la régie sont facturées chaque mois.");
    pt_form_view_field(fv, "recharge_min", "text", "Rechargement minimum (€)",
                       typed ? pt_form_get(typed, "recharge_min") : "10,00", 1);
    pt_form_view_field(fv, "recharge_max", "text", "Rechargement maximum (€)",
                       typed ? pt_form_get(typed, "recharge_max") : "300,00", 1);
    pt_xml_attr(pt_form_view_field(fv, "payfip_numcli", "text", "Numéro client PayFiP",
                                   typed ? pt_form_get(typed, "payfip_numcli") : "", 0), "hint",
                "6 chiffres, donnés par la DGFiP ; vide : celui de la configuration du site.");
}

/* Those fields read back: NULL, or a French message with *field. */
typedef struct portail_tarifs_wallet {
    int prepaye;
    long long min, max;
    const char *numcli;        /* NULL when empty */
} portail_tarifs_wallet;

static const char *portail_tarifs_wallet_read(apr_table_t *in, portail_tarifs_wallet *w,
                                              const char **field)
{
    const char *numcli = pt_form_get(in, "payfip_numcli");
    const char *min = pt_form_get(in, "recharge_min"), *max = pt_form_get(in, "recharge_max");
    size_t i, len = strlen(numcli);
    w->prepaye = *pt_form_get(in, "prepaye") != '\0';
    w->min = pt_code_amount(min);
    w->max = pt_code_amount(max);
    w->numcli = len ? numcli : NULL;
    if (w->min <= 0 || w->max <= 0 || w->max < w->min) {
        *field = w->min <= 0 ? "recharge_min" : "recharge_max";
        return "Indiquez les montants minimum et maximum d'un rechargement en euros, par "
               "exemple 10,00 et 300,00, le maximum au moins égal au minimum.";
    }
    for (i = 0; i < len && numcli[i] >= '0' && numcli[i] <= '9'; i++) {
    }
    if (len && (len != 6 || i != len)) {
        *field = "payfip_numcli";
        return "Le numéro client PayFiP s'écrit en 6 chiffres.";
    }
    return NULL;
}

static int portail_tarifs_page(pt_req *rq, const char *form, const char *field,
                               const char *error, int status)
{
    pt_node *screen = pt_req_screen(rq, "admin-tarifs");
    apr_table_t *typed = rq->form ? rq->form : rq->query;
    pt_rows *regies = NULL, *acts = NULL;
    pt_billing_tariffs t;
    pt_form_view *fr, *ft, *fp;
    pt_node *sel;
    int i, k;
    if (pt_db_select(rq->db, rq->pool, "portail_admin_facturation_regies", PT_NOARGS, &regies)
            != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_admin_tarifs_activities", PT_NOARGS, &acts)
           != PT_DB_OK
        || pt_billing_tariffs_load(rq->db, rq->pool, NULL, &t) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    for (i = 0; i < regies->n; i++) {
        pt_node *rn = pt_xml_row(screen, "regie", regies, i, NULL);
        pt_xml_attr(rn, "recharge_min_fr",
                    pt_fr_amount(rq->pool, pt_rows_int(regies, i, "recharge_min", 0)));
        pt_xml_attr(rn, "recharge_max_fr",
                    pt_fr_amount(rq->pool, pt_rows_int(regies, i, "recharge_max", 0)));
    }
    for (i = 0; i < acts->n; i++) {
        pt_node *an = pt_xml_row(screen, "activite", acts, i, NULL);
        const pt_billing_span *span = apr_hash_get(t.by_activity, pt_rows_get(acts, i, "id"),
                                                   APR_HASH_KEY_STRING);
        for (k = 0; span && k < span->n; k++) {
            portail_tarif_xml(rq, an, &t.tariffs[span->first + k], PT_QF_UNKNOWN - 1);
        }
    }

    fr = pt_form_view_new(rq, screen, "/admin/tarifs/regies");
    pt_xml_attr(pt_form_view_node(fr), "id", "regie");
    pt_form_view_field(fr, "code", "text", "Code (lettres et chiffres, 2 à 8)",
                       form && !strcmp(form, "regie") ? pt_form_get(typed, "code") : "", 1);
    pt_form_view_field(fr, "name", "text", "Nom de la régie",
                       form && !strcmp(form, "regie") ? pt_form_get(typed, "name") : "", 1);
    pt_form_view_field(fr, "emetteur", "text", "Émetteur imprimé sur les factures",
                       form && !strcmp(form, "regie") ? pt_form_get(typed, "emetteur") : "", 1);
    pt_form_view_field(fr, "delai_paiement", "number", "Délai de paiement (jours)",
                       form && !strcmp(form, "regie") ? pt_form_get(typed, "delai_paiement")
                                                      : "30", 1);
    pt_form_view_field(fr, "relance_jours", "number", "Relance (jours avant l'échéance)",
                       form && !strcmp(form, "regie") ? pt_form_get(typed, "relance_jours")
                                                      : "5", 1);

    /* h15wallet: an existing régie's porte-monnaie and PayFiP settings. */
    fp = pt_form_view_new(rq, screen, "/admin/tarifs/regies/parametres");
    pt_xml_attr(pt_form_view_node(fp), "id", "parametres");
    sel = pt_form_view_field(fp, "regie_id", "select", "Régie",
                             form && !strcmp(form, "parametres") ? pt_form_get(typed, "regie_id")
                                                                 : "", 1);
    for (i = 0; i < regies->n; i++) {
        pt_form_view_option(sel, pt_rows_get(regies, i, "id"), pt_rows_get(regies, i, "name"));
    }
    portail_tarifs_wallet_view(rq, fp, form && !strcmp(form, "parametres") ? typed : NULL);

    ft = pt_form_view_new(rq, screen, "/admin/tarifs");
    pt_xml_attr(pt_form_view_node(ft), "id", "tarif");
    typed = form && !strcmp(form, "tarif") ? typed : apr_table_make(rq->pool, 1);
    pt_form_view_select(ft, "activite", "Activité", pt_form_get(typed, "activite"), 1, acts, "id",
                        "name");
    pt_form_view_select(ft, "regie", "Régie qui facture l'activité", pt_form_get(typed, "regie"),
                        1, regies, "id", "name");
    pt_xml_attr(pt_form_view_field(ft, "valid_from", "date", "Valable à partir du",
                                   pt_form_get(typed, "valid_from"), 1), "hint",
                "Le tarif s'applique aux journées à partir de cette date ; ce qui est déjà "
                "facturé ne change pas.");
    sel = pt_form_view_field(ft, "mode", "select", "Calcul", pt_form_get(typed, "mode"), 1);
    pt_form_view_option(sel, "tranches", "Par tranches de quotient familial");
    pt_form_view_option(sel, "taux", "Taux d'effort (pourcentage du quotient familial)");
    pt_form_view_fieldset(ft, "Tranches (laissez vides les lignes inutiles ; maximum vide : "
                              "« et au-delà »)");
    for (i = 1; i <= PORTAIL_TARIFS_ROWS; i++) {
        const char *mn = apr_psprintf(rq->pool, "qf_min_%d", i);
        const char *mx = apr_psprintf(rq->pool, "qf_max_%d", i);
        const char *px = apr_psprintf(rq->pool, "prix_%d", i);
        pt_form_view_field(ft, mn, "number", apr_psprintf(rq->pool, "Tranche %d : quotient de",
                                                          i), pt_form_get(typed, mn), 0);
        pt_form_view_field(ft, mx, "number", apr_psprintf(rq->pool, "Tranche %d : jusqu'à", i),
                           pt_form_get(typed, mx), 0);
        pt_form_view_field(ft, px, "text", apr_psprintf(rq->pool, "Tranche %d : prix (€)", i),
                           pt_form_get(typed, px), 0);
    }
    pt_form_view_fieldset(ft, "Taux d'effort");
    pt_xml_attr(pt_form_view_field(ft, "taux", "text", "Taux (% du quotient familial)",
                                   pt_form_get(typed, "taux"), 0), "hint", "Par exemple 0,400.");
    pt_form_view_field(ft, "plancher", "text", "Prix minimum (€)", pt_form_get(typed, "plancher"), 0);
    pt_form_view_field(ft, "plafond", "text", "Prix maximum (€), aussi celui d'un quotient inconnu",
                       pt_form_get(typed, "plafond"), 0);
    portail_tarifs_activite_form(rq, screen, acts, regies, form, field, error);
    if (error && !(form && !strcmp(form, "activite"))) {
        pt_form_view_error(form && !strcmp(form, "regie") ? fr
                           : form && !strcmp(form, "parametres") ? fp : ft, field, error);
    }
    return status;
}

int portail_admin_tarifs_get(pt_req *rq)
{
    return portail_tarifs_page(rq, NULL, NULL, NULL, 200);
}

/* A whole number typed in [min, max]; -1 when not. */
static long portail_tarifs_int(const char *s, long min, long max)
{
    char *end;
    long v;
    if (!s || !*s) {
        return -1;
    }
    v = strtol(s, &end, 10);
    return *end || v < min || v > max ? -1 : v;
}

/* An effort rate typed « 0,400 » or « 0.4 » (percent) in thousandths of a percent; -1. */
static long portail_tarifs_rate(const char *s)
{
    long whole = 0, frac = 0, digits = 0;
    if (!s || !*s) {
        return -1;
    }
    for (; *s >= '0' && *s <= '9'; s++) {
        whole = whole * 10 + (*s - '0');
        if (whole > 100) {
            return -1;
        }
    }
    if (*s == ',' || *s == '.') {
        for (s++; *s >= '0' && *s <= '9' && digits < 3; s++, digits++) {
            frac = frac * 10 + (*s - '0');
        }
    }
    if (*s) {
        return -1;
    }
    for (; digits < 3; digits++) {
        frac *= 10;
    }
    return whole * 1000 + frac;
}

int portail_admin_tarifs_post(pt_req *rq)
{
    apr_table_t *in = rq->form;
    const char *act = pt_form_get(in, "activite"), *regie = pt_form_get(in, "regie");
    const char *from = pt_form_get(in, "valid_from"), *mode = pt_form_get(in, "mode");
    pt_tariff_bracket b[PORTAIL_TARIFS_ROWS];
    pt_rows *r = NULL;
    long rate = 0;
    long long floor_c = 0, ceil_c = 0;
    const char *why;
    pt_date d;
    int n = 0, i, rv;

    if (portail_tarifs_int(act, 1, 999999999) < 0 || portail_tarifs_int(regie, 1, 999999999) < 0) {
        return portail_tarifs_page(rq, "tarif", "activite", "Choisissez l'activité et sa régie.",
                                   400);
    }
    if (!pt_date_parse(from, &d)) {
        return portail_tarifs_page(rq, "tarif", "valid_from",
                                   "Indiquez la date à partir de laquelle le tarif s'applique.",
                                   400);
    }
    if (!strcmp(mode, "taux")) {
        rate = portail_tarifs_rate(pt_form_get(in, "taux"));
        floor_c = pt_code_amount(pt_form_get(in, "plancher"));
        ceil_c = pt_code_amount(pt_form_get(in, "plafond"));
        if (rate <= 0) {
            return portail_tarifs_page(rq, "tarif", "taux", "Indiquez le taux d'effort en "
                                       "pourcentage du quotient familial, par exemple 0,400.", 400);
        }
        if (floor_c < 0 || ceil_c < 0 || ceil_c < floor_c) {
            return portail_tarifs_page(rq, "tarif", "plafond", "Indiquez un prix minimum et un "
                                       "prix maximum en euros, le maximum au moins égal au "
                                       "minimum.", 400);
        }
    }
    else if (!strcmp(mode, "tranches")) {
        for (i = 1; i <= PORTAIL_TARIFS_ROWS; i++) {
            const char *mn = pt_form_get(in, apr_psprintf(rq->pool, "qf_min_%d", i));
            const char *mx = pt_form_get(in, apr_psprintf(rq->pool, "qf_max_%d", i));
            const char *px = pt_form_get(in, apr_psprintf(rq->pool, "prix_%d", i));
            if (!*mn && !*mx && !*px) {
                continue;
            }
            b[n].qf_min = portail_tarifs_int(mn, 0, 1000000);
            b[n].qf_max = *mx ? portail_tarifs_int(mx, 0, 1000000) : -1;
            b[n].cents = pt_code_amount(px);
            if (b[n].qf_min < 0 || (*mx && b[n].qf_max < 0) || b[n].cents < 0) {
                return portail_tarifs_page(rq, "tarif", apr_psprintf(rq->pool, "prix_%d", i),
                                           apr_psprintf(rq->pool, "Tranche %d : indiquez des "
                                                        "quotients entiers et un prix en euros, "
                                                        "par exemple 3,20.", i), 400);
            }
            n++;
        }
        if ((why = pt_tariff_brackets_check(b, n)) != NULL) {
            return portail_tarifs_page(rq, "tarif", "qf_min_1", why, 400);
        }
    }
    else {
        return portail_tarifs_page(rq, "tarif", "mode", "Choisissez le calcul du tarif.", 400);
    }

    rv = pt_db_begin(rq->db, rq->pool);
    if (rv == PT_DB_OK) {
        rv = pt_billing_regie_change_check(rq->db, rq->pool, apr_atoi64(act), apr_atoi64(regie),
                                           &why);
    }
    if (rv == PT_BILLING_CLOSED) {
        pt_db_rollback(rq->db);
        return portail_tarifs_page(rq, "tarif", "regie", why, 409);
    }
    if (rv == PT_DB_OK) {
        rv = pt_db_exec(rq->db, rq->pool, "portail_admin_tarifs_set_regie", PT_ARGS(regie, act),
                        NULL);
    }
    if (rv == PT_DB_OK) {
        rv = pt_db_select(rq->db, rq->pool, "portail_admin_tarifs_insert",
                          PT_ARGS(act, from, mode, pt_db_int(rq->pool, rate),
                                  pt_db_int(rq->pool, floor_c), pt_db_int(rq->pool, ceil_c),
                                  pt_db_int(rq->pool, apr_time_sec(rq->now))), &r);
    }
    for (i = 0; rv == PT_DB_OK && i < n; i++) {
        rv = pt_db_exec(rq->db, rq->pool, "portail_admin_tarifs_bracket_insert",
                        PT_ARGS(r->values[0][0], pt_db_int(rq->pool, b[i].qf_min),
                                b[i].qf_max >= 0 ? pt_db_int(rq->pool, b[i].qf_max) : NULL,
                                pt_db_int(rq->pool, b[i].cents)), NULL);
    }
    if (rv == PT_DB_OK) {
        rv = pt_audit(rq->db, rq->pool, rq->now, rq->user->id, "tarif", "activite",
                      apr_atoi64(act), NULL, apr_pstrcat(rq->pool, mode, " depuis ", from, NULL));
    }
    if (rv == PT_DB_OK) {
        rv = pt_db_commit(rq->db);
    }
    else {
        pt_db_rollback(rq->db);
    }
    if (rv == PT_DB_CONFLICT) {
        return portail_tarifs_page(rq, "tarif", "valid_from", "Cette activité a déjà un tarif "
                                   "à partir de cette date, ou l'activité ou la régie n'existe "
                                   "pas.", 409);
    }
    if (rv != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, "/admin/tarifs", PT_FLASH_SUCCES, "Le tarif est enregistré.");
}

int portail_admin_tarifs_regie_post(pt_req *rq)
{
    apr_table_t *in = rq->form;
    const char *code = pt_form_get(in, "code"), *name = pt_form_get(in, "name");
    const char *emetteur = pt_form_get(in, "emetteur");
    long delai = portail_tarifs_int(pt_form_get(in, "delai_paiement"), 0, 365);
    long relance = portail_tarifs_int(pt_form_get(in, "relance_jours"), 0, 365);
    size_t i, len = strlen(code);
    int rv;
    for (i = 0; i < len && ((code[i] >= 'A' && code[i] <= 'Z') || (code[i] >= '0' && code[i] <= '9'));
         i++) {
    }
    if (len < 2 || len > 8 || i != len) {
        return portail_tarifs_page(rq, "regie", "code", "Le code de la régie s'écrit en 2 à 8 "
                                   "lettres majuscules ou chiffres, par exemple CANT.", 400);
    }
    if (!*name || strlen(name) > 200 || !*emetteur || strlen(emetteur) > 300) {
        return portail_tarifs_page(rq, "regie", *name ? "emetteur" : "name",
                                   "Indiquez le nom de la régie et l'émetteur imprimé sur les "
                                   "factures.", 400);
    }
    if (delai < 0 || relance < 0) {
        return portail_tarifs_page(rq, "regie", delai < 0 ? "delai_paiement" : "relance_jours",
                                   "Indiquez un nombre de jours entre 0 et 365.", 400);
    }
    rv = pt_db_exec(rq->db, rq->pool, "portail_admin_tarifs_regie_insert",
                    PT_ARGS(code, name, emetteur, pt_db_int(rq->pool, delai),
                            pt_db_int(rq->pool, relance), pt_db_int(rq->pool, apr_time_sec(rq->now))),
                    NULL);
    if (rv == PT_DB_CONFLICT) {
        return portail_tarifs_page(rq, "regie", "code", "Une régie a déjà ce code.", 409);
    }
    if (rv != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, "/admin/tarifs", PT_FLASH_SUCCES, "La régie est créée.");
}

/* Move an activity to another régie (h14more): refused while a month it was billed in by
 * its current régie is not closed (core/pt_billing_state.c); audited; one transaction. */
int portail_admin_tarifs_activite_post(pt_req *rq)
{
    const char *act = pt_form_get(rq->form, "ar_activite");
    const char *regie = pt_form_get(rq->form, "ar_regie"), *why = NULL;
    int rv, done = 0;
    if (portail_tarifs_int(act, 1, 999999999) < 0) {
        return portail_tarifs_page(rq, "activite", "ar_activite", "Choisissez l'activité.", 400);
    }
    if (portail_tarifs_int(regie, 1, 999999999) < 0) {
        return portail_tarifs_page(rq, "activite", "ar_regie",
                                   "Choisissez la régie qui facturera l'activité.", 400);
    }
    rv = pt_db_begin(rq->db, rq->pool);
    if (rv == PT_DB_OK) {
        rv = pt_billing_regie_change_check(rq->db, rq->pool, apr_atoi64(act), apr_atoi64(regie),
                                           &why);
    }
    if (rv == PT_DB_OK) {
        rv = pt_db_exec(rq->db, rq->pool, "portail_admin_tarifs_set_regie", PT_ARGS(regie, act),
                        &done);
    }
    if (rv == PT_DB_OK && done) {
        rv = pt_audit(rq->db, rq->pool, rq->now, rq->user->id, "regie", "activite",
                      apr_atoi64(act), NULL, apr_pstrcat(rq->pool, "régie ", regie, NULL));
    }
    if (rv == PT_DB_OK && done) {
        rv = pt_db_commit(rq->db);
    }
    else {
        pt_db_rollback(rq->db);
    }
    if (rv == PT_BILLING_CLOSED) {
        return portail_tarifs_page(rq, "activite", "ar_regie", why, 409);
    }
    if (rv == PT_DB_CONFLICT || (rv == PT_DB_OK && !done)) {
        return portail_tarifs_page(rq, "activite", "ar_activite",
                                   "Cette activité ou cette régie n'existe pas.", 400);
    }
    if (rv != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, "/admin/tarifs", PT_FLASH_SUCCES,
                           "L'activité est désormais facturée par cette régie.");
}

/* h15wallet: an existing régie's porte-monnaie (prépayé, top-up bounds) and PayFiP client
 * number, recorded in the journal. */
int portail_admin_tarifs_parametres_post(pt_req *rq)
{
    apr_int64_t regie = pt_form_id(pt_form_get(rq->form, "regie_id"));
    portail_tarifs_wallet w;
    const char *why, *field = NULL;
    int rv, n = 0;
    if (regie <= 0) {
        return portail_tarifs_page(rq, "parametres", "regie_id", "Choisissez la régie.", 400);
    }
    if ((why = portail_tarifs_wallet_read(rq->form, &w, &field)) != NULL) {
        return portail_tarifs_page(rq, "parametres", field, why, 400);
    }
    rv = pt_db_begin(rq->db, rq->pool);
    if (rv == PT_DB_OK) {
        rv = pt_db_exec(rq->db, rq->pool, "portail_admin_tarifs_regie_settings",
                        PT_ARGS(pt_db_int(rq->pool, w.prepaye), pt_db_int(rq->pool, w.min),
                                pt_db_int(rq->pool, w.max), w.numcli,
                                pt_db_int(rq->pool, regie)), &n);
    }
    if (rv == PT_DB_OK && n == 1) {
        rv = pt_audit(rq->db, rq->pool, rq->now, rq->user->id, "parametres", "regie", regie,
                      NULL, apr_psprintf(rq->pool, "%s, rechargement de %s à %s, PayFiP %s",
                                         w.prepaye ? "prépayé" : "facturé chaque mois",
                                         pt_fr_amount(rq->pool, w.min),
                                         pt_fr_amount(rq->pool, w.max),
                                         w.numcli ? w.numcli : "par défaut"));
    }
    if (rv == PT_DB_OK && n == 1) {
        rv = pt_db_commit(rq->db);
    }
    else {
        pt_db_rollback(rq->db);
    }
    if (rv == PT_DB_OK && n != 1) {
        return portail_tarifs_page(rq, "parametres", "regie_id", "Choisissez une régie de la liste.",
                                   400);
    }
    if (rv != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, "/admin/tarifs", PT_FLASH_SUCCES,
                           "Les paramètres de la régie sont enregistrés.");
}
