/* preinscriptions.c — /portail/famille/preinscriptions: « Pré-inscriptions ».
 *
 * The family's enrolments with the statuses parents know: « Demande en cours » (waiting
 * for the town), « Réservation possible » (accepted, running), « Terminée », « Refusée ».
 * A new request names one activity and one or several children, a period, regular
 * (weekdays) or occasional (« Occasionnelle »), and optionally the weekdays to book at
 * once.  Only the children whose age fits the activity are offered.  The request joins
 * « Mes demandes », where the family can cancel it while it is pending.
 */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include "screens/screens.h"
#include "core/pt_form.h"
#include "core/pt_document.h"
#include "core/pt_request.h"
#include "domain/pt_calendar.h"

int portail_preinscriptions_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "preinscriptions");
    const char *today = pt_date_iso(rq->pool, pt_date_of_time(rq->now));
    pt_rows *r = NULL;
    int i;
    if (pt_db_select(rq->db, rq->pool, "portail_preinscriptions_list",
                     PT_ARGS(pt_db_int(rq->pool, rq->user->id)), &r) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    for (i = 0; i < r->n; i++) {
        const char *status = pt_rows_get(r, i, "status");
        pt_node *e = pt_xml_row(screen, "preinscription", r, i, NULL);
        /* The statuses of the seeds, from the request and the period. */
        pt_xml_attr(e, "etat", !strcmp(status, "en_attente") ? "demande-en-cours"
                    : !strcmp(status, "refusee") ? "refusee"
                    : !strcmp(status, "annulee") ? "annulee"
                    : strcmp(pt_rows_get(r, i, "date_fin"), today) < 0 ? "terminee"
                    : "reservation-possible");
    }
    return 200;
}

/* The form; step 1 chooses the activity, step 2 (activity known) the rest. */
static int portail_preinscription_form(pt_req *rq, apr_int64_t activity, apr_table_t *typed,
                                       const char *error, int status)
{
    pt_node *screen = pt_req_screen(rq, "preinscription-nouvelle");
    pt_date today = pt_date_of_time(rq->now);
    pt_rows *acts = NULL, *kids = NULL;
    int i, a;

    if (pt_db_select(rq->db, rq->pool, "portail_preinscriptions_activities", PT_NOARGS, &acts)
        != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_famille_children",
                        PT_ARGS(pt_db_int(rq->pool, rq->user->id)), &kids) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    if (error) {
        pt_xml_elem(screen, "erreur", error);
    }
    pt_xml_elem(screen, "typed", NULL);
    /* Only the activities some child of the family has the age for. */
    for (a = 0; a < acts->n; a++) {
        apr_int64_t id = pt_rows_int(acts, a, "id", 0);
        int amin = (int)pt_rows_int(acts, a, "age_min", -1);
        int amax = (int)pt_rows_int(acts, a, "age_max", -1);
        pt_node *act = NULL;
        for (i = 0; i < kids->n; i++) {
            pt_date birth;
            pt_node *k;
            if (!pt_date_parse(pt_rows_get(kids, i, "date_naissance"), &birth)
                || !pt_calendar_age_in_range(birth, today, amin, amax)) {
                continue;
            }
            if (!act) {
                act = pt_xml_elem(screen, "activite", NULL);
                pt_xml_attr(act, "id", pt_rows_get(acts, a, "id"));
                pt_xml_attr(act, "name", pt_rows_get(acts, a, "name"));
                pt_xml_attr(act, "horaires", apr_pstrcat(rq->pool,
                            pt_fr_time(rq->pool, pt_rows_get(acts, a, "start_time")), " – ",
                            pt_fr_time(rq->pool, pt_rows_get(acts, a, "end_time")), NULL));
                if (id == activity) {
                    pt_xml_attr(act, "choisie", "1");
                }
            }
            k = pt_xml_elem(act, "enfant", NULL);
            pt_xml_attr(k, "id", pt_rows_get(kids, i, "id"));
            pt_xml_attr(k, "prenom", pt_rows_get(kids, i, "prenom"));
            pt_xml_attr_int(k, "age", pt_date_age(birth, today));
            if (typed && apr_table_get(typed, apr_pstrcat(rq->pool, "enfant_",
                                                          pt_rows_get(kids, i, "id"), NULL))) {
                pt_xml_attr(k, "coche", "1");
            }
        }
    }
    if (typed) {
        pt_node *t = pt_xml_elem(screen, "saisie", NULL);
        static const char *const keep[] = { "date_debut", "date_fin", "mode", NULL };
        const char *const *k;
        for (k = keep; *k; k++) {
            pt_xml_attr(t, *k, pt_form_get(typed, *k));
        }
        pt_xml_attr(t, "weekdays", pt_form_weekdays(rq->pool, typed, "j"));
        pt_xml_attr(t, "reserve", pt_form_weekdays(rq->pool, typed, "r"));
    }
    return status;
}

int portail_preinscription_nouvelle_get(pt_req *rq)
{
    int activity = 0;
    if (!pt_req_query_int(rq, "activite", 0, 1, 1000000000, &activity)) {
        return pt_req_error(rq, 400, "Cette activité n'existe pas.");
    }
    return portail_preinscription_form(rq, activity, NULL, NULL, 200);
}

static int portail_children_cmp(const void *a, const void *b)
{
    apr_int64_t x = *(const apr_int64_t *)a, y = *(const apr_int64_t *)b;
    return x < y ? -1 : x > y;
}

int portail_children_ticked(pt_req *rq, apr_table_t *in, apr_array_header_t *kids,
                            apr_int64_t *family, const char **names, apr_array_header_t *rows,
                            const char **error)
{
    const apr_array_header_t *fields = apr_table_elts(in);
    int i;
    *names = NULL;
    for (i = 0; i < fields->nelts; i++) {
        const apr_table_entry_t *e = &APR_ARRAY_IDX(fields, i, apr_table_entry_t);
        apr_int64_t child;
        pt_rows *kid = NULL;
        if (strncmp(e->key, "enfant_", 7) != 0 || strcmp(e->val, "1") != 0) {
            continue;
        }
        child = pt_form_id(e->key + 7);
        if (child <= 0) {
            return 404;                          /* « enfant_x »: no such child */
        }
        if (pt_db_select(rq->db, rq->pool, "portail_preinscriptions_child",
                         PT_ARGS(pt_db_int(rq->pool, child), pt_db_int(rq->pool, rq->user->id)),
                         &kid) != PT_DB_OK || kid->n != 1) {
            return kid ? 404 : 503;
        }
        if (*family && *family != pt_rows_int(kid, 0, "family_id", 0)) {
            *error = "Une demande concerne les enfants d'une seule famille.";
            return 400;
        }
        *family = pt_rows_int(kid, 0, "family_id", 0);
        *(apr_int64_t *)apr_array_push(kids) = child;
        if (rows) {
            *(pt_rows **)apr_array_push(rows) = kid;
        }
        *names = *names ? apr_pstrcat(rq->pool, *names, ", ", pt_rows_get(kid, 0, "prenom"), NULL)
                        : pt_rows_get(kid, 0, "prenom");
    }
    if (!kids->nelts) {
        *error = "Cochez au moins un enfant.";
        return 400;
    }
    /* In id order, whatever the order of the fields: a preview and its confirmation
     * list the same days in the same order, so their fingerprints compare. */
    qsort(kids->elts, (size_t)kids->nelts, sizeof(apr_int64_t), portail_children_cmp);
    return 0;
}

int portail_preinscription_nouvelle_post(pt_req *rq)
{
    const char *debut = pt_form_get(rq->form, "date_debut"), *fin = pt_form_get(rq->form, "date_fin");
    int occasional = !strcmp(pt_form_get(rq->form, "mode"), "occasionnelle");
    const char *weekdays = occasional ? "0000000" : pt_form_weekdays(rq->pool, rq->form, "j");
    const char *reserve = pt_form_weekdays(rq->pool, rq->form, "r");
    const char *names = NULL, *title, *error = NULL;
    apr_int64_t activity = pt_form_id(pt_form_get(rq->form, "activite")), family = 0, request = 0;
    apr_array_header_t *kids = apr_array_make(rq->pool, 4, sizeof(apr_int64_t));
    apr_array_header_t *rows = apr_array_make(rq->pool, 4, sizeof(pt_rows *));
    pt_rows *act = NULL;
    pt_date d1, d2;
    int i, rv;

    /* No activity, or one that is not offered: the first step again (a 400, not a 503). */
    if (activity > 0 && pt_db_select(rq->db, rq->pool, "portail_preinscriptions_activity",
                                     PT_ARGS(pt_db_int(rq->pool, activity)), &act) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    if (activity <= 0 || act->n != 1) {
        return portail_preinscription_form(rq, 0, rq->form, "Choisissez une activité.", 400);
    }
    if (!pt_date_parse(debut, &d1) || !pt_date_parse(fin, &d2) || strcmp(debut, fin) > 0) {
        error = "Indiquez une période réelle : une date de début et une date de fin "
                "(AAAA-MM-JJ), la fin après le début.";
    }
    else if (strcmp(debut, pt_date_iso(rq->pool, pt_date_of_time(rq->now))) < 0) {
        error = "La période ne peut pas commencer dans le passé.";
    }
    else if (!occasional && !strcmp(weekdays, "0000000")) {
        error = "Pour une inscription régulière, cochez au moins un jour de la semaine.";
    }
    /* The children ticked, each of the activity's age at the start of the period. */
    if (!error) {
        rv = portail_children_ticked(rq, rq->form, kids, &family, &names, rows, &error);
        if (rv && rv != 400) {
            return pt_req_error(rq, rv, NULL);
        }
    }
    for (i = 0; !error && i < rows->nelts; i++) {
        pt_rows *kid = APR_ARRAY_IDX(rows, i, pt_rows *);
        pt_date birth;
        if (!pt_date_parse(pt_rows_get(kid, 0, "date_naissance"), &birth)
            || !pt_calendar_age_in_range(birth, d1, (int)pt_rows_int(act, 0, "age_min", -1),
                                         (int)pt_rows_int(act, 0, "age_max", -1))) {
            error = apr_psprintf(rq->pool, "%s n'a pas l'âge de cette activité.",
                                 pt_rows_get(kid, 0, "prenom"));
        }
    }
    if (!error) {
        /* The documents the activity requires, valid over the whole period (h16docs). */
        const char *missing = NULL;
        for (i = 0; i < rows->nelts; i++) {
            pt_rows *kid = APR_ARRAY_IDX(rows, i, pt_rows *);
            const char *labels = NULL;
            if (pt_document_missing(rq->db, rq->pool, activity, family,
                                    pt_rows_int(kid, 0, "id", 0), debut, fin, &labels)
                != PT_DB_OK) {
                return pt_req_error(rq, 503, NULL);
            }
            if (labels) {
                labels = apr_pstrcat(rq->pool, pt_rows_get(kid, 0, "prenom"), " : ", labels,
                                     NULL);
                missing = missing ? apr_pstrcat(rq->pool, missing, " ; ", labels, NULL) : labels;
            }
        }
        if (missing) {
            int rv2 = portail_preinscription_form(rq, activity, rq->form, apr_pstrcat(rq->pool,
                          "Cette activité demande des documents valables sur toute la période, "
                          "acceptés par la mairie. Il manque — ", missing, ". Envoyez-les avec "
                          "« Envoyer un document » ; une fois acceptés, refaites cette "
                          "demande.", NULL), 400);
            if (rv2 == 400) {
                pt_xml_elem(rq->page, "documents-manquants", missing);
            }
            return rv2;
        }
    }
    if (error) {
        return portail_preinscription_form(rq, activity, rq->form, error, 400);
    }
    title = apr_psprintf(rq->pool, "Pré-inscription %s : %s — du %s au %s",
                         occasional ? "occasionnelle" : "régulière",
                         pt_rows_get(act, 0, "name"), pt_date_long(rq->pool, d1, 1),
                         pt_date_long(rq->pool, d2, 1));
    title = apr_pstrcat(rq->pool, title, " (", names, ")", NULL);
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    rv = pt_request_create(rq->db, rq->pool, family, rq->user->id, "preinscription", title,
                           rq->now, &request);
    for (i = 0; rv == PT_DB_OK && i < kids->nelts; i++) {
        rv = pt_db_exec(rq->db, rq->pool, "portail_enrolment_insert",
                        PT_ARGS(pt_db_int(rq->pool, request),
                                pt_db_int(rq->pool, APR_ARRAY_IDX(kids, i, apr_int64_t)),
                                pt_db_int(rq->pool, activity), debut, fin,
                                occasional ? "1" : "0", weekdays, reserve), NULL);
    }
    if (rv == PT_DB_OK) {
        rv = portail_request_ack(rq, request, title);
    }
    if (rv != PT_DB_OK || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, "/famille/preinscriptions", PT_FLASH_SUCCES,
                           "Votre demande de pré-inscription est envoyée à la mairie ; vous "
                           "la suivez ici et dans « Mes demandes ».");
}
