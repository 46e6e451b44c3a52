/* creneau.c — /portail/famille/planning/creneau?enfant=…&activite=…&date=…: one slot of
 * the planning, and what the family may do with it — book it, declare an absence, cancel
 * — each with its outcome under the rules, confirmed by one button.
 *
 * The confirmation page is what works without JavaScript; with it, the planning shows
 * the same page in a dialog.  The buttons post to /famille/reservations like the period
 * form: one path applies every request.
 */
#include <string.h>
#include <apr_strings.h>
#include "screens/screens.h"
#include "core/pt_form.h"
#include "domain/pt_fr.h"

int portail_creneau_get(pt_req *rq)
{
    static const char *const actions[] = { "reservation", "absence", "annulation", NULL };
    pt_node *screen = pt_req_screen(rq, "creneau");
    const char *date = pt_form_get(rq->query, "date"), *enfant = pt_form_get(rq->query, "enfant");
    const char *activite = pt_form_get(rq->query, "activite"), *error, *names;
    const char *const *a;
    apr_table_t *in = apr_table_make(rq->pool, 12);
    const pt_resa_day *d = NULL;
    const char *etat = NULL;
    pt_date day;
    int rv, possible = 0;

    if (!pt_date_parse(date, &day) || apr_atoi64(enfant) <= 0 || apr_atoi64(activite) <= 0) {
        return pt_req_error(rq, 400, "Ce créneau n'existe pas : il faut un enfant, une activité "
                                     "et une date AAAA-MM-JJ qui existe.");
    }
    apr_table_set(in, "activite", activite);
    apr_table_set(in, apr_pstrcat(rq->pool, "enfant_", enfant, NULL), "1");
    apr_table_set(in, "date_debut", date);
    apr_table_set(in, "date_fin", date);
    apr_table_set(in, apr_psprintf(rq->pool, "j%d", pt_date_weekday(day) + 1), "1");
    apr_table_set(in, "motif", "maladie");
    for (a = actions; *a; a++) {
        pt_resa_ask ask;
        pt_resa plan;
        pt_node *c;
        apr_table_set(in, "action", *a);
        rv = portail_reservations_ask(rq, in, &ask, &names, &error);
        if (rv) {
            return pt_req_error(rq, rv == 400 ? 404 : rv, NULL);
        }
        rv = pt_resa_plan(rq->db, rq->pool, rq->now, &ask, &plan);
        if (rv != PT_DB_OK) {
            return pt_req_error(rq, rv == PT_DB_CONFLICT ? 404 : 503, NULL);
        }
        d = &APR_ARRAY_IDX(plan.days, 0, pt_resa_day);
        c = pt_xml_elem(screen, "choix", NULL);
        pt_xml_attr(c, "action", *a);
        portail_reservations_plan_xml(rq, c, &plan);
        possible += d->out.status != NULL;
        if (!strcmp(*a, "reservation")) {
            pt_xml_attr(screen, "activite", plan.activite);
            /* Without a booking, what the day is: enrolled and free to book, or not a day
             * of this child (not enrolled) or of this activity (it does not run). */
            etat = d->current && *d->current ? d->current
                   : d->out.why && (!strcmp(d->out.why, "non_inscrit")
                                    || !strcmp(d->out.why, "ferme")) ? d->out.why : NULL;
        }
    }
    pt_xml_attr(screen, "enfant", enfant);
    pt_xml_attr(screen, "prenom", names);
    pt_xml_attr(screen, "activite-id", activite);
    pt_xml_attr(screen, "date", date);
    pt_xml_attr_int(screen, "jds", pt_date_weekday(day) + 1);
    pt_xml_attr(screen, "libelle", pt_date_long(rq->pool, day, 1));
    pt_xml_attr(screen, "actuel", d && d->current ? d->current : "");
    pt_xml_attr(screen, "etat", etat && !(d && d->current && *d->current) ? etat : "");
    if (!possible) {
        pt_xml_attr(screen, "rien", "1");
    }
    return 200;
}
