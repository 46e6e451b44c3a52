/* pt_billing — invoice runs, credit notes, payments, reminders (see pt_billing.h). */
#include <string.h>
#include <stdlib.h>
#include <apr_strings.h>
#include <apr_hash.h>
#include "core/pt_billing.h"
#include "core/pt_mail.h"
#include "core/pt_audit.h"
#include "core/pt_xml.h"

/* Transactions are retried this many times when the database is busy. */
#define PT_BILLING_ATTEMPTS 5

static void pt_billing_refuse(const char **error, const char *why)
{
    *error = why;
}

int pt_billing_tariffs_load(pt_db *db, apr_pool_t *p, const char *regie,
                            pt_billing_tariffs *out)
{
    pt_rows *t = NULL, *b = NULL;
    apr_hash_t *index = apr_hash_make(p);
    int rv, i;
    out->by_activity = apr_hash_make(p);
    if ((rv = regie ? pt_db_select(db, p, "portail_billing_tariffs", PT_ARGS(regie), &t)
                    : pt_db_select(db, p, "portail_billing_tariffs_all", PT_NOARGS, &t))
            != PT_DB_OK
        || (rv = regie ? pt_db_select(db, p, "portail_billing_brackets", PT_ARGS(regie), &b)
                       : pt_db_select(db, p, "portail_billing_brackets_all", PT_NOARGS, &b))
           != PT_DB_OK) {
        return rv;
    }
    out->n = t->n;
    out->tariffs = apr_pcalloc(p, sizeof(pt_tariff) * (t->n + 1));
    for (i = 0; i < t->n; i++) {
        pt_tariff *x = &out->tariffs[i];
        const char *act = pt_rows_get(t, i, "activity_id");
        pt_billing_span *span = apr_hash_get(out->by_activity, act, APR_HASH_KEY_STRING);
        x->valid_from = pt_rows_get(t, i, "valid_from");
        x->mode = !strcmp(pt_rows_get(t, i, "mode"), "taux") ? PT_TARIFF_EFFORT
                                                              : PT_TARIFF_BRACKETS;
        x->effort = (long)pt_rows_int(t, i, "taux", 0);
        x->floor_cents = pt_rows_int(t, i, "plancher", 0);
        x->ceiling_cents = pt_rows_int(t, i, "plafond", 0);
        x->brackets = apr_pcalloc(p, sizeof(pt_tariff_bracket) * (b->n + 1));
        if (!span) {
            span = apr_pcalloc(p, sizeof(*span));
            span->first = i;
            apr_hash_set(out->by_activity, act, APR_HASH_KEY_STRING, span);
        }
        span->n++;
        apr_hash_set(index, pt_rows_get(t, i, "id"), APR_HASH_KEY_STRING, x);
    }
    for (i = 0; i < b->n; i++) {
        pt_tariff *x = apr_hash_get(index, pt_rows_get(b, i, "tariff_id"), APR_HASH_KEY_STRING);
        pt_tariff_bracket *k;
        if (!x) {
            continue;
        }
        k = (pt_tariff_bracket *)&x->brackets[x->nbrackets++];
        k->qf_min = (long)pt_rows_int(b, i, "qf_min", 0);
        k->qf_max = (long)pt_rows_int(b, i, "qf_max", -1);
        k->cents = pt_rows_int(b, i, "prix", 0);
    }
    return PT_DB_OK;
}

long long pt_billing_price(const pt_billing_tariffs *t, const char *activity,
                                  const char *day, long qf)
{
    pt_billing_span *span = apr_hash_get(t->by_activity, activity, APR_HASH_KEY_STRING);
    int k;
    if (!span) {
        return -1;
    }
    k = pt_tariff_pick(t->tariffs + span->first, span->n, day);
    return k < 0 ? -1 : pt_tariff_price(&t->tariffs[span->first + k], qf);
}

int pt_billing_periode(const char *periode, pt_date *first, pt_date *last)
{
    if (!periode || strlen(periode) != 7 || periode[4] != '-') {
        return 0;
    }
    {
        char buf[11];
        memcpy(buf, periode, 7);
        memcpy(buf + 7, "-01", 4);
        if (!pt_date_parse(buf, first)) {
            return 0;
        }
    }
    *last = *first;
    last->d = pt_date_days_in_month(first->y, first->m);
    return 1;
}

int pt_billing_month_check(apr_pool_t *p, const char *periode, pt_date today, pt_date *first,
                           pt_date *last, const char **error)
{
    if (!pt_billing_periode(periode, first, last)) {
        pt_billing_refuse(error, "Indiquez le mois sous la forme AAAA-MM, par exemple "
                                 "2026-11.");
        return PT_BILLING_REFUSED;
    }
    if (pt_date_days(*last) >= pt_date_days(today)) {
        *error = apr_psprintf(p, "Le mois de %s n'est pas terminé : il se facture et se "
                              "clôture à partir du %s.", pt_fr_month(p, first->y, first->m),
                              pt_date_long(p, pt_date_from_days(pt_date_days(*last) + 1), 1));
        return PT_BILLING_REFUSED;
    }
    return PT_DB_OK;
}

int pt_billing_plan(pt_db *db, apr_pool_t *p, const char *regie_code, const char *periode,
                    pt_date today, pt_billing_run **out, const char **error)
{
    pt_billing_run *run = apr_pcalloc(p, sizeof(*run));
    pt_billing_tariffs tariffs;
    pt_billing_family *fam = NULL;
    pt_rows *r = NULL, *d = NULL;
    pt_date first, last;
    int rv, i;

    *out = run;
    *error = NULL;
    run->families = apr_array_make(p, 16, sizeof(pt_billing_family));
    if ((rv = pt_db_select(db, p, "portail_billing_regie_by_code",
                           PT_ARGS(regie_code ? regie_code : ""), &r)) != PT_DB_OK) {
        return rv;
    }
    if (r->n != 1) {
        pt_billing_refuse(error, "Choisissez une régie de la liste.");
        return PT_BILLING_REFUSED;
    }
    run->regie = pt_rows_int(r, 0, "id", 0);
    run->code = pt_rows_get(r, 0, "code");
    run->name = pt_rows_get(r, 0, "name");
    run->emetteur = pt_rows_get(r, 0, "emetteur");
    run->delai = (int)pt_rows_int(r, 0, "delai_paiement", 30);
    if ((rv = pt_billing_month_check(p, periode, today, &first, &last, error)) != PT_DB_OK) {
        return rv;
    }
    run->periode = apr_pstrndup(p, periode, 7);
    run->debut = pt_date_iso(p, first);
    run->fin = pt_date_iso(p, last);
    run->emise_le = pt_date_iso(p, today);
    run->echeance = pt_date_iso(p, pt_date_from_days(pt_date_days(today) + run->delai));
    if ((rv = pt_db_select(db, p, "portail_billing_closed",
                           PT_ARGS(pt_db_int(p, run->regie), run->periode), &r)) != PT_DB_OK) {
        return rv;
    }
    if (r->n) {
        *error = apr_psprintf(p, "Le mois de %s est clôturé pour la régie %s : il ne se "
                              "facture plus.", pt_fr_month(p, first.y, first.m), run->name);
        return PT_BILLING_CLOSED;
    }
    if ((rv = pt_billing_tariffs_load(db, p, pt_db_int(p, run->regie), &tariffs)) != PT_DB_OK
        || (rv = pt_db_select(db, p, "portail_billing_days",
                              PT_ARGS(pt_db_int(p, run->regie), run->debut, run->fin), &d))
           != PT_DB_OK) {
        return rv;
    }
    for (i = 0; i < d->n; i++) {
        const char *day = pt_rows_get(d, i, "day"), *qf_text = pt_rows_get(d, i, "quotient");
        apr_int64_t family = pt_rows_int(d, i, "family_id", 0);
        apr_int64_t child = pt_rows_int(d, i, "child_id", 0);
        apr_int64_t activity = pt_rows_int(d, i, "activity_id", 0);
        long qf = qf_text ? atol(qf_text) : PT_QF_UNKNOWN;
        long long prix, maj = 0;
        pt_billing_line *line = NULL;
        int k;

        if (!pt_tariff_billed(pt_rows_get(d, i, "status"), day,
                              pt_rows_get(d, i, "certificat_le"),
                              (int)pt_rows_int(d, i, "certificat_jours", 0), NULL)) {
            continue;
        }
        prix = pt_billing_price(&tariffs, pt_rows_get(d, i, "activity_id"), day, qf);
        if (prix < 0) {
            pt_date dd;
            pt_date_parse(day, &dd);
            *error = apr_psprintf(p, "L'activité « %s » n'a pas de tarif le %s : ajoutez-en "
                                  "un avant de facturer.", pt_rows_get(d, i, "activite"),
                                  pt_date_long(p, dd, 1));
            return PT_BILLING_REFUSED;
        }
        if (pt_rows_int(d, i, "majore", 0)) {
            maj = pt_tariff_surcharge(prix, (int)pt_rows_int(d, i, "surcharge_pct", 0),
                                      pt_rows_int(d, i, "surcharge_cents", 0));
        }
        if (!fam || fam->id != family) {
            fam = apr_array_push(run->families);
            memset(fam, 0, sizeof(*fam));
            fam->id = family;
            fam->nom = pt_rows_get(d, i, "famille");
            fam->qf = qf;
            fam->lines = apr_array_make(p, 4, sizeof(pt_billing_line));
        }
        for (k = 0; k < fam->lines->nelts; k++) {
            pt_billing_line *l = &APR_ARRAY_IDX(fam->lines, k, pt_billing_line);
            if (l->child == child && l->activity == activity && l->prix == prix) {
                line = l;
            }
        }
        if (!line) {
            line = apr_array_push(fam->lines);
            memset(line, 0, sizeof(*line));
            line->child = child;
            line->activity = activity;
            line->enfant = pt_rows_get(d, i, "prenom");
            line->activite = pt_rows_get(d, i, "activite");
            line->prix = prix;
            line->days = apr_array_make(p, 8, sizeof(const char *));
        }
        APR_ARRAY_PUSH(line->days, const char *) = day;
        line->jours++;
        line->majoration += maj;
        line->montant += prix + maj;
        fam->total += prix + maj;
        run->total += prix + maj;
        run->days++;
    }
    run->fingerprint = apr_psprintf(p, "%d-%d-%" APR_INT64_T_FMT, run->families->nelts,
                                    run->days, (apr_int64_t)run->total);
    return PT_DB_OK;
}

/* The next number of a kind for the régie's year, inside the caller's transaction. */
static int pt_billing_next(pt_db *db, apr_pool_t *p, apr_int64_t regie, int year,
                           const char *kind, long long *n)
{
    pt_rows *r = NULL;
    const char *id = pt_db_int(p, regie), *y = apr_itoa(p, year);
    int rv = pt_db_exec(db, p, "portail_billing_number_ensure", PT_ARGS(id, y, kind), NULL);
    if (rv == PT_DB_OK) {
        rv = pt_db_select(db, p, "portail_billing_number_next", PT_ARGS(id, y, kind), &r);
    }
    if (rv == PT_DB_OK && r->n != 1) {
        rv = PT_DB_ERROR;
    }
    if (rv == PT_DB_OK) {
        *n = pt_rows_int(r, 0, "last", 0);
    }
    return rv;
}

/* The mails of a family's accounts: template with data prepared by the caller. */
int pt_billing_mail(pt_db *db, apr_pool_t *p, apr_int64_t family, const char *template_name,
                           pt_doc *data, apr_time_t now)
{
    pt_rows *acc = NULL;
    pt_node *root = pt_xml_root(data);
    int rv = pt_db_select(db, p, "portail_digest_accounts", PT_ARGS(pt_db_int(p, family)), &acc);
    int a;
    for (a = 0; rv == PT_DB_OK && a < acc->n; a++) {
        pt_xml_attr(root, "prenom", pt_rows_get(acc, a, "prenom"));
        rv = pt_mail_enqueue(db, p, pt_rows_get(acc, a, "email"), template_name, data, now);
    }
    return rv;
}

static pt_doc *pt_billing_mail_data(apr_pool_t *p, const pt_billing_site *site,
                                    apr_int64_t invoice, const char *numero, long long montant,
                                    const char *echeance)
{
    pt_doc *data = pt_xml_doc(p, "mail-data");
    pt_node *root = pt_xml_root(data);
    pt_date e;
    pt_xml_attr(root, "town", site && site->town ? site->town : "Ma commune");
    pt_xml_attr(root, "numero", numero);
    pt_xml_attr(root, "montant", pt_fr_amount(p, montant));
    if (echeance && pt_date_parse(echeance, &e)) {
        pt_xml_attr(root, "echeance", pt_date_long(p, e, 1));
    }
    pt_xml_attr(root, "lien", apr_psprintf(p, "%s/famille/factures/%" APR_INT64_T_FMT,
                                           site && site->url ? site->url : "", invoice));
    return data;
}

static int pt_billing_issue_family(pt_db *db, apr_pool_t *p, pt_billing_run *run,
                                   pt_billing_family *f, int year, apr_time_t now,
                                   const pt_billing_site *site)
{
    long long n = 0;
    pt_rows *r = NULL;
    const char *inv;
    int rv, k, j;
    if ((rv = pt_billing_next(db, p, run->regie, year, "facture", &n)) != PT_DB_OK) {
        return rv;
    }
    f->numero = apr_psprintf(p, "%04d-%s-%06" APR_INT64_T_FMT, year, run->code, (apr_int64_t)n);
    rv = pt_db_select(db, p, "portail_billing_invoice_insert",
                      PT_ARGS(pt_db_int(p, f->id),
                              apr_psprintf(p, "%s-%.4s%.2s", run->code, run->periode,
                                           run->periode + 5),
                              f->numero, apr_psprintf(p, "P%05" APR_INT64_T_FMT, f->id),
                              pt_db_int(p, f->total), run->emise_le, pt_db_int(p, run->regie),
                              run->periode, run->echeance, run->emetteur,
                              pt_db_int(p, apr_time_sec(now))), &r);
    if (rv != PT_DB_OK || r->n != 1) {
        return rv != PT_DB_OK ? rv : PT_DB_ERROR;
    }
    f->invoice = pt_rows_int(r, 0, "id", 0);
    inv = pt_db_int(p, f->invoice);
    for (k = 0; rv == PT_DB_OK && k < f->lines->nelts; k++) {
        pt_billing_line *l = &APR_ARRAY_IDX(f->lines, k, pt_billing_line);
        const char *child = pt_db_int(p, l->child), *act = pt_db_int(p, l->activity);
        rv = pt_db_exec(db, p, "portail_billing_line_insert",
                        PT_ARGS(inv, apr_itoa(p, k + 1), child, act, l->enfant, l->activite,
                                apr_itoa(p, l->jours), pt_db_int(p, l->prix),
                                pt_db_int(p, l->majoration), pt_db_int(p, l->montant)), NULL);
        for (j = 0; rv == PT_DB_OK && j < l->days->nelts; j++) {
            rv = pt_db_exec(db, p, "portail_billing_day_insert",
                            PT_ARGS(child, act, APR_ARRAY_IDX(l->days, j, const char *), inv),
                            NULL);
        }
    }
    if (rv == PT_DB_OK) {
        pt_doc *data = pt_billing_mail_data(p, site, f->invoice, f->numero, f->total,
                                            run->echeance);
        pt_date first;
        pt_billing_periode(run->periode, &first, &first);
        pt_xml_attr(pt_xml_root(data), "periode", pt_fr_month(p, first.y, first.m));
        pt_xml_attr(pt_xml_root(data), "emetteur", run->emetteur);
        rv = pt_billing_mail(db, p, f->id, "nouvelle-facture", data, now);
    }
    return rv;
}

static int pt_billing_issue_once(pt_db *db, apr_pool_t *p, const char *regie_code,
                                 const char *periode, apr_time_t now, apr_int64_t agent,
                                 const char *seen, const pt_billing_site *site,
                                 pt_billing_run **run, const char **error)
{
    pt_date today = pt_date_of_time(now);
    pt_rows *r = NULL;
    int rv, k;
    if ((rv = pt_db_begin(db, p)) != PT_DB_OK) {
        return rv;
    }
    /* Take the régie's numbering row first: a concurrent run of the same régie waits here
     * and then plans with what this one billed. */
    rv = pt_db_select(db, p, "portail_billing_regie_by_code",
                      PT_ARGS(regie_code ? regie_code : ""), &r);
    if (rv == PT_DB_OK && r->n == 1) {
        const char *id = r->values[0][0], *y = apr_itoa(p, today.y);
        rv = pt_db_exec(db, p, "portail_billing_number_ensure", PT_ARGS(id, y, "facture"), NULL);
        if (rv == PT_DB_OK) {
            rv = pt_db_exec(db, p, "portail_billing_number_lock", PT_ARGS(id, y, "facture"),
                            NULL);
        }
    }
    if (rv == PT_DB_OK) {
        rv = pt_billing_plan(db, p, regie_code, periode, today, run, error);
    }
    if (rv == PT_DB_OK && (*run)->families->nelts == 0) {
        *error = "Il n'y a rien à facturer pour ce mois : chaque journée réservée est déjà "
                 "facturée.";
        rv = PT_BILLING_REFUSED;
    }
    if (rv == PT_DB_OK && seen && strcmp(seen, (*run)->fingerprint)) {
        *error = "Les réservations ont changé depuis l'aperçu : vérifiez ce nouvel aperçu "
                 "avant d'émettre.";
        rv = PT_DB_CONFLICT;
    }
    for (k = 0; rv == PT_DB_OK && k < (*run)->families->nelts; k++) {
        rv = pt_billing_issue_family(db, p, *run,
                                     &APR_ARRAY_IDX((*run)->families, k, pt_billing_family),
                                     today.y, now, site);
    }
    if (rv == PT_DB_OK) {
        rv = pt_audit(db, p, now, agent, "facturation", "regie", (*run)->regie, NULL,
                      apr_psprintf(p, "%s : %d facture(s), %s", (*run)->periode,
                                   (*run)->families->nelts, pt_fr_amount(p, (*run)->total)));
    }
    if (rv != PT_DB_OK) {
        pt_db_rollback(db);
        return rv;
    }
    return pt_db_commit(db);
}

int pt_billing_issue(pt_db *db, apr_pool_t *p, const char *regie_code, const char *periode,
                     apr_time_t now, apr_int64_t agent, const char *seen,
                     const pt_billing_site *site, pt_billing_run **run, const char **error)
{
    int rv = PT_DB_BUSY, attempt;
    *error = NULL;
    for (attempt = 0; attempt < PT_BILLING_ATTEMPTS && rv == PT_DB_BUSY; attempt++) {
        if (attempt) {
            apr_sleep(apr_time_from_msec(20 * attempt));
        }
        rv = pt_billing_issue_once(db, p, regie_code, periode, now, agent, seen, site, run,
                                   error);
        /* A day billed meanwhile by another server's run (unique billed_days): again. */
        if (rv == PT_DB_CONFLICT && !*error) {
            rv = PT_DB_BUSY;
        }
    }
    return rv;
}

static int pt_billing_cancel_once(pt_db *db, apr_pool_t *p, apr_int64_t invoice,
                                  const char *motif, apr_time_t now, apr_int64_t agent,
                                  const char **numero, const char **error)
{
    pt_date today = pt_date_of_time(now);
    const char *inv = pt_db_int(p, invoice);
    pt_rows *r = NULL;
    long long n = 0, paye;
    int rv, done = 0;
    if ((rv = pt_db_begin(db, p)) != PT_DB_OK) {
        return rv;
    }
    rv = pt_db_exec(db, p, "portail_billing_invoice_cancel", PT_ARGS(inv), &done);
    if (rv == PT_DB_OK) {
        rv = pt_db_select(db, p, "portail_billing_invoice", PT_ARGS(inv), &r);
    }
    if (rv == PT_DB_OK && (r->n != 1 || !pt_rows_get(r, 0, "regie_id"))) {
        *error = "Cette facture n'existe pas.";
        rv = PT_BILLING_NOT_FOUND;
    } else if (rv == PT_DB_OK && !done) {
        *error = "Cette facture est déjà annulée par un avoir.";
        rv = PT_BILLING_REFUSED;
    }
    if (rv == PT_DB_OK) {
        rv = pt_billing_next(db, p, pt_rows_int(r, 0, "regie_id", 0), today.y, "avoir", &n);
    }
    if (rv == PT_DB_OK) {
        *numero = apr_psprintf(p, "%04d-%s-A%06" APR_INT64_T_FMT, today.y, pt_rows_get(r, 0, "code"),
                                  (apr_int64_t)n);
        rv = pt_db_exec(db, p, "portail_billing_credit_note_insert",
                        PT_ARGS(inv, *numero, pt_db_int(p, pt_rows_int(r, 0, "montant", 0)),
                                motif, pt_date_iso(p, today), agent ? pt_db_int(p, agent) : NULL,
                                pt_db_int(p, apr_time_sec(now))), NULL);
    }
    if (rv == PT_DB_OK) {
        rv = pt_db_exec(db, p, "portail_billing_days_free", PT_ARGS(inv), NULL);
    }
    paye = rv == PT_DB_OK ? pt_rows_int(r, 0, "paye", 0) : 0;
    if (rv == PT_DB_OK && paye > 0) {
        rv = pt_db_exec(db, p, "portail_billing_credit_add",
                        PT_ARGS(pt_rows_get(r, 0, "family_id"), pt_db_int(p, paye), NULL,
                                apr_psprintf(p, "Avoir %s : règlements de la facture %s",
                                             *numero, pt_rows_get(r, 0, "reference")),
                                pt_db_int(p, apr_time_sec(now))), NULL);
    }
    if (rv == PT_DB_OK) {
        rv = pt_audit(db, p, now, agent, "avoir", "facture", invoice,
                      pt_rows_get(r, 0, "reference"), *numero);
    }
    if (rv != PT_DB_OK) {
        pt_db_rollback(db);
        return rv;
    }
    return pt_db_commit(db);
}

int pt_billing_cancel(pt_db *db, apr_pool_t *p, apr_int64_t invoice, const char *motif,
                      apr_time_t now, apr_int64_t agent, const char **numero,
                      const char **error)
{
    int rv = PT_DB_BUSY, attempt;
    *error = NULL;
    if (!motif || !*motif) {
        *error = "Indiquez le motif de l'avoir.";
        return PT_BILLING_REFUSED;
    }
    for (attempt = 0; attempt < PT_BILLING_ATTEMPTS && rv == PT_DB_BUSY; attempt++) {
        if (attempt) {
            apr_sleep(apr_time_from_msec(20 * attempt));
        }
        rv = pt_billing_cancel_once(db, p, invoice, motif, now, agent, numero, error);
    }
    return rv;
}

static const char *const pt_billing_moyens[] = {
    "especes", "cheque", "cesu", "virement", "carte", "payfip", "porte_monnaie", "credit", NULL
};

int pt_billing_receipt(pt_db *db, apr_pool_t *p, const pt_billing_payment *pay,
                       const char *regie_code, apr_time_t now, apr_int64_t agent,
                       const char **numero, apr_int64_t *payment)
{
    pt_date today = pt_date_of_time(now);
    pt_rows *ins = NULL;
    long long n = 0;
    int rv = pt_billing_next(db, p, pay->regie, today.y, "recu", &n);
    if (rv != PT_DB_OK) {
        return rv;
    }
    *numero = apr_psprintf(p, "%04d-%s-R%06" APR_INT64_T_FMT, today.y, regie_code,
                           (apr_int64_t)n);
    rv = pt_db_select(db, p, "portail_billing_payment_insert",
                      PT_ARGS(pt_db_int(p, pay->family), pt_db_int(p, pay->regie),
                              *numero, pay->moyen, pt_db_int(p, pay->montant),
                              pay->paye_le, pay->piece && *pay->piece ? pay->piece : NULL,
                              agent ? pt_db_int(p, agent) : NULL,
                              pt_db_int(p, apr_time_sec(now))), &ins);
    if (rv == PT_DB_OK) {
        *payment = apr_atoi64(ins->values[0][0]);
    }
    return rv;
}

int pt_billing_pay_within(pt_db *db, apr_pool_t *p, const pt_billing_payment *pay,
                          apr_time_t now, apr_int64_t agent, const char **numero,
                          long long *credited, const char **error, apr_int64_t *payment_id)
{
    pt_rows *r = NULL;
    const char *payment = NULL;
    long long left = pay->montant;
    int k, by_credit = !strcmp(pay->moyen, "credit");
    /* Paying with the family's credit: its row locked and its balance checked first. */
    int rv = by_credit ? pt_billing_credit_take(db, p, pay->family, pay->montant, error)
                       : PT_DB_OK;
    for (k = 0; rv == PT_DB_OK && k < pay->ninvoices; k++) {
        const char *inv = pt_db_int(p, pay->invoices[k]);
        long long due, a;
        int done = 0;
        rv = pt_db_select(db, p, "portail_billing_invoice", PT_ARGS(inv), &r);
        if (rv == PT_DB_OK && (r->n != 1 || pt_rows_int(r, 0, "family_id", 0) != pay->family
                               || pt_rows_int(r, 0, "regie_id", 0) != pay->regie)) {
            *error = "Une des factures choisies n'est pas une facture de cette famille et "
                     "de cette régie.";
            rv = PT_BILLING_REFUSED;
            break;
        }
        if (rv != PT_DB_OK) {
            break;
        }
        if (!payment) {
            apr_int64_t id = 0;
            rv = pt_billing_receipt(db, p, pay, pt_rows_get(r, 0, "code"), now, agent, numero,
                                    &id);
            if (rv != PT_DB_OK) {
                break;
            }
            payment = pt_db_int(p, id);
            if (payment_id) {
                *payment_id = id;
            }
        }
        if (strcmp(pt_rows_get(r, 0, "etat"), "emise")) {
            *error = apr_psprintf(p, "La facture %s est annulée : elle ne se règle plus.",
                                  pt_rows_get(r, 0, "reference"));
            rv = PT_BILLING_REFUSED;
            break;
        }
        due = pt_rows_int(r, 0, "montant", 0) - pt_rows_int(r, 0, "paye", 0);
        a = due < left ? due : left;
        if (a <= 0) {
            continue;
        }
        rv = pt_db_exec(db, p, "portail_billing_allocate",
                        PT_ARGS(pt_db_int(p, a), inv, pt_db_int(p, a)), &done);
        if (rv == PT_DB_OK && !done) {
            rv = PT_DB_BUSY;
        }
        if (rv == PT_DB_OK) {
            rv = pt_db_exec(db, p, "portail_billing_allocation_insert",
                            PT_ARGS(payment, inv, pt_db_int(p, a)), NULL);
        }
        left -= a;
    }
    *credited = 0;
    if (rv == PT_DB_OK && left > 0 && (!pay->to_credit || by_credit)) {
        *error = apr_psprintf(p, "Le règlement dépasse de %s ce que doivent les factures "
                              "choisies : corrigez le montant, ou versez le reste en crédit "
                              "sur le compte de la famille.", pt_fr_amount(p, left));
        rv = PT_BILLING_REFUSED;
    }
    if (rv == PT_DB_OK && !payment) {
        *error = "Choisissez au moins une facture à régler.";
        rv = PT_BILLING_REFUSED;
    }
    if (rv == PT_DB_OK && left > 0) {
        rv = pt_db_exec(db, p, "portail_billing_credit_add",
                        PT_ARGS(pt_db_int(p, pay->family), pt_db_int(p, left), payment,
                                apr_psprintf(p, "Trop-perçu du règlement %s", *numero),
                                pt_db_int(p, apr_time_sec(now))), NULL);
        *credited = left;
    }
    if (rv == PT_DB_OK && by_credit) {
        rv = pt_db_exec(db, p, "portail_billing_credit_add",
                        PT_ARGS(pt_db_int(p, pay->family), pt_db_int(p, -pay->montant), payment,
                                apr_psprintf(p, "Règlement %s avec le crédit", *numero),
                                pt_db_int(p, apr_time_sec(now))), NULL);
    }
    if (rv == PT_DB_OK) {
        rv = pt_audit(db, p, now, agent, "reglement", "famille", pay->family, NULL,
                      apr_psprintf(p, "%s : %s (%s)", *numero, pt_fr_amount(p, pay->montant),
                                   pay->moyen));
    }
    return rv;
}

static int pt_billing_pay_once(pt_db *db, apr_pool_t *p, const pt_billing_payment *pay,
                               apr_time_t now, apr_int64_t agent, const char **numero,
                               long long *credited, const char **error)
{
    int rv;
    if ((rv = pt_db_begin(db, p)) != PT_DB_OK) {
        return rv;
    }
    rv = pt_billing_pay_within(db, p, pay, now, agent, numero, credited, error, NULL);
    if (rv != PT_DB_OK) {
        pt_db_rollback(db);
        return rv;
    }
    return pt_db_commit(db);
}

int pt_billing_pay(pt_db *db, apr_pool_t *p, const pt_billing_payment *pay, apr_time_t now,
                   apr_int64_t agent, const char **numero, long long *credited,
                   const char **error)
{
    pt_date d;
    int rv = PT_DB_BUSY, attempt, k;
    *error = NULL;
    for (k = 0; pt_billing_moyens[k] && strcmp(pt_billing_moyens[k], pay->moyen ? pay->moyen : "");
         k++) {
    }
    if (!pt_billing_moyens[k]) {
        *error = "Choisissez le mode de règlement.";
        return PT_BILLING_REFUSED;
    }
    if (pay->montant <= 0) {
        *error = "Indiquez un montant positif, en euros, par exemple 12,50.";
        return PT_BILLING_REFUSED;
    }
    if (!pay->paye_le || !pt_date_parse(pay->paye_le, &d)) {
        *error = "Indiquez la date du règlement.";
        return PT_BILLING_REFUSED;
    }
    if (pay->ninvoices <= 0) {
        *error = "Choisissez au moins une facture à régler.";
        return PT_BILLING_REFUSED;
    }
    for (attempt = 0; attempt < PT_BILLING_ATTEMPTS && rv == PT_DB_BUSY; attempt++) {
        if (attempt) {
            apr_sleep(apr_time_from_msec(20 * attempt));
        }
        rv = pt_billing_pay_once(db, p, pay, now, agent, numero, credited, error);
    }
    return rv;
}

const char *pt_billing_status(const char *etat, long long montant, long long paye)
{
    if (etat && !strcmp(etat, "annulee")) {
        return "annulee";
    }
    if (paye >= montant) {
        return "payee";
    }
    return paye > 0 ? "partielle" : "a_payer";
}

int pt_billing_remind(pt_db *db, apr_pool_t *p, pt_date today, apr_time_t now,
                      const pt_billing_site *site, int *sent)
{
    pt_rows *r = NULL;
    long t = pt_date_days(today);
    int rv, i;
    *sent = 0;
    if ((rv = pt_db_begin(db, p)) != PT_DB_OK) {
        return rv;
    }
    rv = pt_db_select(db, p, "portail_billing_to_remind", PT_ARGS(pt_date_iso(p, today)), &r);
    for (i = 0; rv == PT_DB_OK && i < r->n; i++) {
        pt_date e;
        int done = 0;
        if (!pt_date_parse(pt_rows_get(r, i, "echeance"), &e)
            || pt_date_days(e) - t > pt_rows_int(r, i, "relance_jours", 0)) {
            continue;
        }
        rv = pt_db_exec(db, p, "portail_billing_reminded",
                        PT_ARGS(pt_db_int(p, apr_time_sec(now)), pt_rows_get(r, i, "id")), &done);
        if (rv == PT_DB_OK && done) {
            pt_doc *data = pt_billing_mail_data(p, site, pt_rows_int(r, i, "id", 0),
                                                pt_rows_get(r, i, "reference"),
                                                pt_rows_int(r, i, "montant", 0)
                                                - pt_rows_int(r, i, "paye", 0),
                                                pt_rows_get(r, i, "echeance"));
            rv = pt_billing_mail(db, p, pt_rows_int(r, i, "family_id", 0), "relance-facture",
                                 data, now);
            (*sent)++;
        }
    }
    if (rv != PT_DB_OK) {
        pt_db_rollback(db);
        return rv;
    }
    return pt_db_commit(db);
}
