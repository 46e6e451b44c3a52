/* reservations.c — /portail/famille/reservations: « Réservations », a request over a
 * period (SPEC §5), and the one path that applies every reservation, absence and
 * cancellation, the planning's single slots included (screens/creneau.c posts here).
 *
 * The family fills the form, reads the preview — every day with its outcome: booked, on
 * the waiting list, pending validation, or refused and why — and confirms.  The preview
 * carries a fingerprint of its outcomes; confirming plans again in the transaction and
 * applies only when the fingerprint is the same, else shows the new preview (409).
 */
#include <string.h>
#include <apr_strings.h>
#include "screens/screens.h"
#include "core/pt_form.h"
#include "core/pt_mail.h"
#include "core/pt_reservation.h"
#include "domain/pt_fr.h"

/* The longest range of one request: a school year. */
#define PORTAIL_RESERVATIONS_MAX_DAYS 366

static const char *const portail_reservations_motifs[] = { "maladie", "convenance", "autre", NULL };

static int portail_reservations_known(const char *const *list, const char *v)
{
    for (; *list; list++) {
        if (!strcmp(*list, v)) {
            return 1;
        }
    }
    return 0;
}

int portail_reservations_ask(pt_req *rq, apr_table_t *in, pt_resa_ask *ask, const char **names,
                             const char **error)
{
    static const char *const actions[] = { "reservation", "absence", "annulation", NULL };
    const char *debut = pt_form_get(in, "date_debut"), *fin = pt_form_get(in, "date_fin");
    apr_array_header_t *kids = apr_array_make(rq->pool, 4, sizeof(apr_int64_t));
    pt_date d1, d2;

    memset(ask, 0, sizeof(*ask));
    *error = NULL;
    *names = NULL;
    ask->account = rq->user->id;
    ask->action = pt_form_get(in, "action");
    ask->motif = pt_form_get(in, "motif");
    ask->activity = pt_form_id(pt_form_get(in, "activite"));
    ask->weekdays = pt_form_weekdays(rq->pool, in, "j");
    ask->children = kids;
    if (!portail_reservations_known(actions, ask->action)) {
        *error = "Choisissez : réserver, signaler une absence ou annuler.";
    }
    else if (!strcmp(ask->action, "absence")
             && !portail_reservations_known(portail_reservations_motifs, ask->motif)) {
        *error = "Indiquez le motif de l'absence.";
    }
    else if (ask->activity <= 0) {
        *error = "Choisissez une activité.";
    }
    else if (!pt_date_parse(debut, &d1) || !pt_date_parse(fin, &d2) || strcmp(debut, fin) > 0) {
        *error = "Indiquez une période réelle : une date de début et une date de fin "
                 "(AAAA-MM-JJ), la fin après le début.";
    }
    else if (pt_date_days(d2) - pt_date_days(d1) >= PORTAIL_RESERVATIONS_MAX_DAYS) {
        *error = "Une demande couvre une année au plus.";
    }
    else if (!strcmp(ask->weekdays, "0000000")) {
        *error = "Cochez au moins un jour de la semaine.";
    }
    if (*error) {
        return 400;
    }
    ask->first = pt_date_days(d1);
    ask->last = pt_date_days(d2);
    return portail_children_ticked(rq, in, kids, &ask->family, names, NULL, error);
}

void portail_reservations_plan_xml(pt_req *rq, pt_node *parent, const pt_resa *plan)
{
    pt_node *a = pt_xml_elem(parent, "apercu", NULL);
    int i;
    pt_xml_attr(a, "empreinte", pt_resa_fingerprint(rq->pool, plan));
    pt_xml_attr(a, "activite", plan->activite);
    pt_xml_attr_int(a, "acceptes", plan->accepted);
    pt_xml_attr_int(a, "attente", plan->pending);
    pt_xml_attr_int(a, "refuses", plan->refused);
    if (plan->late && plan->surcharge) {
        pt_xml_attr(a, "majoration", plan->surcharge);
    }
    if (plan->prepaye) {
        /* h15wallet: the days are paid from the porte-monnaie */
        pt_node *w = pt_xml_elem(a, "porte-monnaie", NULL);
        pt_xml_attr(w, "actif", plan->solde >= 0 ? "1" : "0");
        pt_xml_attr(w, "solde_fr", pt_fr_amount(rq->pool, plan->solde >= 0 ? plan->solde : 0));
        pt_xml_attr(w, "cout_fr", pt_fr_amount(rq->pool, plan->cout));
        pt_xml_attr_int(w, "insuffisant", plan->short_days);
    }
    for (i = 0; i < plan->days->nelts; i++) {
        const pt_resa_day *d = &APR_ARRAY_IDX(plan->days, i, pt_resa_day);
        pt_node *j = pt_xml_elem(a, "jour", NULL);
        pt_xml_attr(j, "date", d->iso);
        pt_xml_attr(j, "libelle", pt_date_long(rq->pool, pt_date_from_days(d->day), 1));
        pt_xml_attr(j, "prenom", d->prenom);
        pt_xml_attr(j, d->out.status ? "statut" : "refus", d->out.status ? d->out.status : d->out.why);
        if (d->out.surcharge) {
            pt_xml_attr(j, "majore", "1");
        }
        if (d->prix > 0) {
            pt_xml_attr(j, "prix_fr", pt_fr_amount(rq->pool, d->prix));
        }
    }
}

/* The form, with what was typed and, once asked, the preview. */
static int portail_reservations_form(pt_req *rq, apr_table_t *typed, const pt_resa *plan,
                                     const char *error, int status)
{
    pt_node *screen = pt_req_screen(rq, "reservations"), *t;
    static const char *const keep[] = { "action", "motif", "activite", "date_debut", "date_fin",
                                        NULL };
    const char *const *k, *weekdays;
    pt_rows *acts = NULL, *kids = NULL;
    int i;

    if (pt_db_select(rq->db, rq->pool, "portail_reservations_activities",
                     PT_ARGS(pt_db_int(rq->pool, rq->user->id)), &acts) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_famille_children",
                        PT_ARGS(pt_db_int(rq->pool, rq->user->id)), &kids) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    if (error) {
        pt_xml_elem(screen, "erreur", error);
    }
    pt_xml_rows(screen, "activite", acts, NULL);
    t = pt_xml_elem(screen, "saisie", NULL);
    for (k = keep; *k; k++) {
        pt_xml_attr(t, *k, pt_form_get(typed, *k));
    }
    weekdays = pt_form_weekdays(rq->pool, typed, "j");
    /* A new form proposes the school week. */
    pt_xml_attr(t, "weekdays", strcmp(weekdays, "0000000") || error ? weekdays : "1111100");
    for (i = 0; i < kids->n; i++) {
        pt_node *e = pt_xml_row(screen, "enfant", kids, i, NULL);
        if (apr_table_get(typed, apr_pstrcat(rq->pool, "enfant_", pt_rows_get(kids, i, "id"),
                                             NULL))) {
            pt_xml_attr(e, "coche", "1");
        }
    }
    if (plan) {
        portail_reservations_plan_xml(rq, screen, plan);
    }
    return status;
}

int portail_reservations_get(pt_req *rq)
{
    /* The planning's links pre-fill the form: ?activite=…&enfant_12=1&date_debut=… */
    return portail_reservations_form(rq, rq->query, NULL, NULL, 200);
}

/* The acknowledgement: one mail for the request, listing its days (SPEC §6). */
typedef struct portail_reservations_ack_ctx {
    pt_req *rq;
    const char *title;
} portail_reservations_ack_ctx;

static int portail_reservations_ack(void *ctx, apr_int64_t request, const pt_resa *applied)
{
    portail_reservations_ack_ctx *c = ctx;
    pt_doc *data = portail_request_ack_data(c->rq, request, c->title);
    pt_node *root = pt_xml_root(data);
    int i;
    for (i = 0; i < applied->days->nelts; i++) {
        const pt_resa_day *d = &APR_ARRAY_IDX(applied->days, i, pt_resa_day);
        pt_node *j = pt_xml_elem(root, "jour", NULL);
        pt_xml_attr(j, "libelle", pt_date_long(c->rq->pool, pt_date_from_days(d->day), 1));
        pt_xml_attr(j, "prenom", d->prenom);
        pt_xml_attr(j, d->out.status ? "statut" : "refus", d->out.status ? d->out.status : d->out.why);
    }
    return pt_mail_enqueue(c->rq->db, c->rq->pool, c->rq->user->email, "reservation-recue", data,
                           c->rq->now);
}

static const char *portail_reservations_title(pt_req *rq, const pt_resa_ask *ask,
                                              const char *activite, const char *names)
{
    /* The reason as the family chose it, never its code. */
    const char *motif = !strcmp(ask->motif ? ask->motif : "", "maladie") ? "maladie"
                        : !strcmp(ask->motif ? ask->motif : "", "convenance")
                        ? "convenance personnelle" : "autre motif";
    const char *what = !strcmp(ask->action, "absence")
                       ? apr_pstrcat(rq->pool, "Absence (", motif, ")", NULL)
                       : !strcmp(ask->action, "annulation") ? "Annulation" : "Réservation";
    const char *when = ask->first == ask->last
        ? pt_date_long(rq->pool, pt_date_from_days(ask->first), 1)
        : apr_pstrcat(rq->pool, "du ", pt_date_long(rq->pool, pt_date_from_days(ask->first), 1),
                      " au ", pt_date_long(rq->pool, pt_date_from_days(ask->last), 1), NULL);
    return apr_psprintf(rq->pool, "%s : %s — %s (%s)", what, activite, when, names);
}

int portail_reservations_post(pt_req *rq)
{
    const char *error, *names, *seen = pt_form_get(rq->form, "empreinte");
    const char *back = pt_form_get(rq->form, "retour");
    portail_reservations_ack_ctx ctx;
    apr_int64_t request = 0;
    pt_rows *act = NULL;
    pt_resa_ask ask;
    pt_resa plan;
    int rv = portail_reservations_ask(rq, rq->form, &ask, &names, &error);

    if (rv == 400) {
        return portail_reservations_form(rq, rq->form, NULL, error, 400);
    }
    if (rv) {
        return pt_req_error(rq, rv, NULL);
    }
    if (!*pt_form_get(rq->form, "confirmer")) {
        rv = pt_resa_plan(rq->db, rq->pool, rq->now, &ask, &plan);
        if (rv == PT_DB_CONFLICT) {
            return pt_req_error(rq, 404, NULL);   /* no such activity (any more) */
        }
        return rv != PT_DB_OK ? pt_req_error(rq, 503, NULL)
                              : portail_reservations_form(rq, rq->form, &plan, NULL, 200);
    }
    /* The title names the activity: one read, the plan itself is made in the transaction. */
    if (pt_db_select(rq->db, rq->pool, "portail_resa_activity",
                     PT_ARGS(pt_db_int(rq->pool, ask.activity)), &act) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    if (act->n != 1) {
        return pt_req_error(rq, 404, NULL);
    }
    ctx.rq = rq;
    seen = *seen ? seen : NULL;   /* without a preview (a script): the rules alone */
    ctx.title = portail_reservations_title(rq, &ask, pt_rows_get(act, 0, "name"), names);
    rv = pt_resa_apply(rq->db, rq->pool, rq->now, &ask, seen, ctx.title, &plan, &request,
                       portail_reservations_ack, &ctx);
    if (rv == PT_DB_CONFLICT) {
        return portail_reservations_form(rq, rq->form, &plan,
            plan.accepted + plan.pending
            ? "La situation a changé depuis votre aperçu (une place prise, une réponse "
              "de la mairie…) : vérifiez les jours ci-dessous, puis confirmez à nouveau."
            : "Aucun de ces jours ne peut être traité : voyez pourquoi ci-dessous.", 409);
    }
    if (rv != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, !strcmp(back, "planning") ? "/famille/planning"
                                                          : apr_psprintf(rq->pool,
                                                "/famille/demandes/%" APR_INT64_T_FMT, request),
                           PT_FLASH_SUCCES,
                           plan.pending ? "Votre demande est envoyée : la mairie y répondra ; "
                                          "vous la suivez dans « Mes demandes »."
                                        : "C'est fait : votre demande est enregistrée.");
}
