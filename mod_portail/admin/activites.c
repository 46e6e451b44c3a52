/* activites.c — /portail/admin/activites: the activities and their rules.
 *
 * An activity has a type, an age range, a capacity per day, default hours, periods (date
 * range, weekdays, hours) and booking rules written as the town says them: deadline
 * « J-2 10:00 » (calendar or working days), cancellation deadline, late booking refused or
 * accepted with a surcharge (a percentage or an amount), agent validation, waiting list.
 */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include <apr_lib.h>
#include "admin/admin.h"
#include "core/pt_audit.h"
#include "core/pt_form.h"
#include "domain/pt_calendar.h"
#include "domain/pt_code.h"

static const char *const portail_activite_types[] = {
    "REST", "Restauration scolaire", "PERI", "Accueil périscolaire (PERI)",
    "EXTRA", "Accueil de loisirs (EXTRA)", "SPORT", "Sport", "ETUDE", "Études surveillées",
    NULL
};

/* "HH:MM" on 24 hours. */
static int portail_time_ok(const char *v)
{
    return strlen(v) == 5 && apr_isdigit(v[0]) && apr_isdigit(v[1]) && v[2] == ':'
           && apr_isdigit(v[3]) && apr_isdigit(v[4]) && (v[0] - '0') * 10 + (v[1] - '0') < 24
           && v[3] < '6';
}

/* An integer in [min, max] or "" (NULL out); 0 when invalid. */
static int portail_int_field(const char *v, int min, int max, const char **out,
                             apr_pool_t *p)
{
    char *end;
    long n;
    if (!*v) {
        *out = NULL;
        return 1;
    }
    n = strtol(v, &end, 10);
    if (*end || n < min || n > max) {
        return 0;
    }
    *out = apr_ltoa(p, n);
    return 1;
}

int portail_admin_activites_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "admin-activites");
    pt_rows *r = NULL;
    if (pt_db_select(rq->db, rq->pool, "portail_admin_activites_list", PT_NOARGS, &r)
        != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    pt_xml_rows(screen, "activite", r, NULL);
    if (pt_req_may(rq, "GET", "/admin/activites/nouvelle")) {
        pt_xml_attr(screen, "modifiable", "1");
    }
    return 200;
}

/* The fields of the activity form, in its order. */
static const struct { const char *name, *type, *label, *hint; int required; }
    portail_activite_fields[] = {
    { "name", "text", "Nom de l'activité", NULL, 1 },
    { "type", "select", "Type", NULL, 1 },
    { "description", "textarea", "Description", NULL, 0 },
    { "place", "text", "Lieu", NULL, 0 },
    { "age_min", "number", "Âge minimum (ans)", NULL, 0 },
    { "age_max", "number", "Âge maximum (ans)", NULL, 0 },
    { "capacity", "number", "Places par jour", NULL, 1 },
    { "start_time", "time", "Heure de début", "Par exemple 11:30.", 1 },
    { "end_time", "time", "Heure de fin", "Par exemple 13:30.", 1 },
    { "booking_rule", "text", "Délai de réservation",
      "Par exemple « J-2 10:00 » (deux jours avant, 10 h) ou « J-1 ouvrés 18:00 ».", 1 },
    { "cancel_rule", "text", "Délai d'annulation", "Même écriture que le délai de "
      "réservation.", 1 },
    { "late_policy", "select", "Réservation après le délai", NULL, 1 },
    { "surcharge", "text", "Majoration",
      "Un pourcentage (« 20 % ») ou un montant (« 1,50 € ») ; vide : aucune.", 0 },
    { "validation", "checkbox", "Chaque réservation est validée par un agent", NULL, 0 },
    { "waiting_list", "checkbox", "Liste d'attente quand l'activité est complète", NULL, 0 },
    { "promotion", "select", "Place libérée", NULL, 1 },
};

/* The choices of the select fields: value, label pairs. */
static const char *const portail_activite_late[] = {
    "refus", "Refusée", "majoration", "Acceptée avec majoration", NULL
};
static const char *const portail_activite_promotion[] = {
    "auto", "Donnée aussitôt au premier de la liste d'attente",
    "agent", "Attribuée par un agent (feuille du jour)", NULL
};

static const char *const *portail_activite_choices(const char *field)
{
    return !strcmp(field, "type") ? portail_activite_types
           : !strcmp(field, "late_policy") ? portail_activite_late
           : !strcmp(field, "promotion") ? portail_activite_promotion : NULL;
}

/* A stored value of field i as the agent reads it. */
static const char *portail_activite_shown(apr_pool_t *p, size_t i, const char *v)
{
    const char *name = portail_activite_fields[i].name, *const *o;
    if (!strcmp(portail_activite_fields[i].type, "checkbox")) {
        return v && !strcmp(v, "1") ? "oui" : "non";
    }
    for (o = portail_activite_choices(name); o && *o; o += 2) {
        if (v && !strcmp(*o, v)) {
            return o[1];
        }
    }
    v = v && *v ? v : "—";
    return !strcmp(portail_activite_fields[i].type, "time") ? pt_fr_time(p, v) : v;
}

/* What a change of the activity changes, for the journal: « Places par jour : 20 ;
 * Majoration : 20 % » before and after, the unchanged fields left out. */
static void portail_activite_diff(apr_pool_t *p, pt_rows *row, apr_table_t *v,
                                  const char **before, const char **after)
{
    size_t i;
    *before = *after = NULL;
    for (i = 0; i < sizeof(portail_activite_fields) / sizeof(portail_activite_fields[0]); i++) {
        const char *name = portail_activite_fields[i].name, *old, *val;
        if (!strcmp(name, "surcharge")) {
            old = pt_fr_surcharge(p, pt_rows_int(row, 0, "surcharge_pct", 0),
                                  pt_rows_int(row, 0, "surcharge_cents", 0));
            val = pt_fr_surcharge(p, apr_atoi64(apr_table_get(v, "surcharge_pct")),
                                  apr_atoi64(apr_table_get(v, "surcharge_cents")));
            old = *old ? old : "—";
            val = *val ? val : "—";
        }
        else {
            old = portail_activite_shown(p, i, pt_rows_get(row, 0, name));
            val = portail_activite_shown(p, i, apr_table_get(v, name));
        }
        if (strcmp(old, val)) {
            const char *l = portail_activite_fields[i].label;
            *before = apr_pstrcat(p, *before ? *before : "", *before ? " ; " : "", l, " : ", old,
                                  NULL);
            *after = apr_pstrcat(p, *after ? *after : "", *after ? " ; " : "", l, " : ", val,
                                 NULL);
        }
    }
}

/* The form of an activity: `row` the stored one (or NULL), `typed` what was sent. */
static int portail_activite_form(pt_req *rq, const char *action, pt_rows *row,
                                 apr_table_t *typed, apr_table_t *errors, int status)
{
    pt_node *screen = pt_req_screen(rq, "admin-activite");
    pt_form_view *fv = pt_form_view_new(rq, screen, action);
    const char *const *o;
    size_t i;

    for (i = 0; i < sizeof(portail_activite_fields) / sizeof(portail_activite_fields[0]); i++) {
        const char *v = typed ? pt_form_get(typed, portail_activite_fields[i].name)
                              : pt_rows_get(row, 0, portail_activite_fields[i].name);
        pt_node *f;
        if (!typed && row && !strcmp(portail_activite_fields[i].name, "surcharge")) {
            /* As the check below reads it back: saving the form unchanged keeps it. */
            v = pt_fr_surcharge(rq->pool, pt_rows_int(row, 0, "surcharge_pct", 0),
                                pt_rows_int(row, 0, "surcharge_cents", 0));
        }
        if (!row && !typed) {
            v = !strcmp(portail_activite_fields[i].name, "booking_rule") || !strcmp(portail_activite_fields[i].name, "cancel_rule")
                ? "J-2 10:00" : "";
        }
        f = pt_form_view_field(fv, portail_activite_fields[i].name, portail_activite_fields[i].type, portail_activite_fields[i].label,
                               v ? v : "", portail_activite_fields[i].required);
        if (portail_activite_fields[i].hint) {
            pt_xml_attr(f, "hint", portail_activite_fields[i].hint);
        }
        for (o = portail_activite_choices(portail_activite_fields[i].name); o && *o; o += 2) {
            pt_form_view_option(f, o[0], o[1]);
        }
        if (errors && apr_table_get(errors, portail_activite_fields[i].name)) {
            pt_form_view_error(fv, portail_activite_fields[i].name, apr_table_get(errors, portail_activite_fields[i].name));
        }
    }
    portail_admin_activite_documents_form(rq, fv, row ? pt_rows_int(row, 0, "id", 0) : 0, typed);
    return status;
}

/* Check the form; the values to store in *v (name -> value, NULL for none). */
static apr_table_t *portail_activite_check(pt_req *rq, apr_table_t **v)
{
    apr_table_t *e = apr_table_make(rq->pool, 4);
    const char *name = pt_form_get(rq->form, "name"), *type = pt_form_get(rq->form, "type");
    const char *sur = pt_form_get(rq->form, "surcharge"), *n = NULL, *const *o;
    const char *rules[] = { "booking_rule", "cancel_rule" };
    const char *times[] = { "start_time", "end_time" };
    pt_calendar_rule rule;
    int i, known = 0;

    *v = apr_table_make(rq->pool, 16);
    if (!*name || strlen(name) > 100) {
        apr_table_setn(e, "name", "Indiquez le nom de l'activité (100 caractères au plus).");
    }
    apr_table_setn(*v, "name", name);
    for (o = portail_activite_types; *o; o += 2) {
        known |= !strcmp(*o, type);
    }
    if (!known) {
        apr_table_setn(e, "type", "Choisissez un type d'activité.");
    }
    apr_table_setn(*v, "type", type);
    apr_table_setn(*v, "description", pt_form_get(rq->form, "description"));
    apr_table_setn(*v, "place", pt_form_get(rq->form, "place"));
    if (!portail_int_field(pt_form_get(rq->form, "age_min"), 0, 25, &n, rq->pool)) {
        apr_table_setn(e, "age_min", "Un âge entre 0 et 25 ans, ou vide.");
    }
    apr_table_setn(*v, "age_min", n);
    if (!portail_int_field(pt_form_get(rq->form, "age_max"), 0, 25, &n, rq->pool)) {
        apr_table_setn(e, "age_max", "Un âge entre 0 et 25 ans, ou vide.");
    }
    else if (n && apr_table_get(*v, "age_min") && atoi(n) < atoi(apr_table_get(*v, "age_min"))) {
        apr_table_setn(e, "age_max", "L'âge maximum ne peut pas être inférieur à l'âge minimum.");
    }
    apr_table_setn(*v, "age_max", n);
    if (!portail_int_field(pt_form_get(rq->form, "capacity"), 1, 100000, &n, rq->pool) || !n) {
        apr_table_setn(e, "capacity", "Indiquez le nombre de places par jour (au moins 1).");
    }
    apr_table_setn(*v, "capacity", n);
    for (i = 0; i < 2; i++) {
        const char *t = pt_form_get(rq->form, times[i]);
        if (!portail_time_ok(t)) {
            apr_table_setn(e, times[i], "Une heure au format HH:MM, par exemple 07:30.");
        }
        apr_table_setn(*v, times[i], t);
        if (!pt_calendar_parse_rule(pt_form_get(rq->form, rules[i]), &rule)) {
            apr_table_setn(e, rules[i], "Écrivez le délai comme « J-2 10:00 » : J moins un "
                                        "nombre de jours (« ouvrés » pour ne compter que les "
                                        "jours ouvrés), puis l'heure.");
        }
        apr_table_setn(*v, rules[i], pt_form_get(rq->form, rules[i]));
    }
    if (!apr_table_get(e, "end_time") && !apr_table_get(e, "start_time")
        && strcmp(apr_table_get(*v, "start_time"), apr_table_get(*v, "end_time")) >= 0) {
        apr_table_setn(e, "end_time", "L'heure de fin vient après l'heure de début.");
    }
    apr_table_setn(*v, "late_policy",
                   strcmp(pt_form_get(rq->form, "late_policy"), "majoration") ? "refus" : "majoration");
    apr_table_setn(*v, "surcharge_pct", "0");
    apr_table_setn(*v, "surcharge_cents", "0");
    if (*sur) {
        char *end;
        long pct = strtol(sur, &end, 10);
        while (*end == ' ') {
            end++;
        }
        if (*end == '%' && !end[1] && pct > 0 && pct <= 200) {
            apr_table_setn(*v, "surcharge_pct", apr_ltoa(rq->pool, pct));
        }
        else if (pt_code_amount(sur) > 0) {
            apr_table_setn(*v, "surcharge_cents", apr_off_t_toa(rq->pool, pt_code_amount(sur)));
        }
        else {
            apr_table_setn(e, "surcharge", "Une majoration s'écrit « 20 % » ou « 1,50 € ».");
        }
    }
    apr_table_setn(*v, "validation", !strcmp(pt_form_get(rq->form, "validation"), "1") ? "1" : "0");
    apr_table_setn(*v, "waiting_list",
                   !strcmp(pt_form_get(rq->form, "waiting_list"), "1") ? "1" : "0");
    /* Absent from older forms and scripts: the default of the schema. */
    apr_table_setn(*v, "promotion",
                   !strcmp(pt_form_get(rq->form, "promotion"), "agent") ? "agent" : "auto");
    return e;
}

/* The 17 values of the insert and the update, in the columns' order of both. */
#define PORTAIL_ACTIVITE_VALUES(v) \
            apr_table_get(v, "name"), apr_table_get(v, "type"), \
            *apr_table_get(v, "description") ? apr_table_get(v, "description") : NULL, \
            *apr_table_get(v, "place") ? apr_table_get(v, "place") : NULL, \
            apr_table_get(v, "age_min"), apr_table_get(v, "age_max"), \
            apr_table_get(v, "capacity"), apr_table_get(v, "start_time"), \
            apr_table_get(v, "end_time"), apr_table_get(v, "booking_rule"), \
            apr_table_get(v, "cancel_rule"), apr_table_get(v, "late_policy"), \
            apr_table_get(v, "surcharge_pct"), apr_table_get(v, "surcharge_cents"), \
            apr_table_get(v, "validation"), apr_table_get(v, "waiting_list"), \
            apr_table_get(v, "promotion")

int portail_admin_activites_nouvelle_get(pt_req *rq)
{
    return portail_activite_form(rq, "/admin/activites/nouvelle", NULL, NULL, NULL, 200);
}

int portail_admin_activites_nouvelle_post(pt_req *rq)
{
    apr_table_t *v, *e = portail_activite_check(rq, &v);
    pt_rows *r = NULL;
    apr_int64_t id;
    if (apr_table_elts(e)->nelts > 0) {
        return portail_activite_form(rq, "/admin/activites/nouvelle", NULL, rq->form, e, 400);
    }
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_admin_activite_insert",
                        PT_ARGS(PORTAIL_ACTIVITE_VALUES(v)), &r) != PT_DB_OK || r->n != 1
        || pt_audit(rq->db, rq->pool, rq->now, rq->user->id, "creation", "activite",
                    (id = pt_rows_int(r, 0, "id", 0)), NULL, apr_table_get(v, "name")) != PT_DB_OK
        || portail_admin_activite_documents_save(rq, id) != PT_DB_OK
        || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, apr_psprintf(rq->pool, "/admin/activites/%" APR_INT64_T_FMT, id),
                           PT_FLASH_SUCCES, "L'activité est créée : ajoutez-lui ses périodes.");
}

/* The activity of the URL with its periods: 0 or the error's status. */
static int portail_activite_load(pt_req *rq, apr_int64_t *id, pt_rows **row)
{
    *id = pt_req_param_id(rq, "activite");
    if (*id < 0) {
        return pt_req_error(rq, 404, NULL);
    }
    if (pt_db_select(rq->db, rq->pool, "portail_admin_activite_get",
                     PT_ARGS(pt_db_int(rq->pool, *id)), row) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    return (*row)->n == 1 ? 0 : pt_req_error(rq, 404, NULL);
}

static int portail_activite_page(pt_req *rq, apr_int64_t id, pt_rows *row, apr_table_t *typed,
                                 apr_table_t *errors, int status)
{
    pt_rows *periods = NULL;
    const char *action = apr_psprintf(rq->pool, "/admin/activites/%" APR_INT64_T_FMT, id);
    int rv = portail_activite_form(rq, action, row, typed, errors, status);
    pt_node *screen = pt_xml_elem(rq->page, "periodes", NULL);
    pt_xml_attr_int(screen, "activite", id);
    pt_xml_attr(screen, "nom", pt_rows_get(row, 0, "name"));
    /* What the agent's roles open here: the settings, the day sheets (pt_req_may). */
    if (pt_req_may(rq, "POST", action)) {
        pt_xml_attr(screen, "modifiable", "1");
    }
    if (pt_req_may(rq, "GET", apr_pstrcat(rq->pool, action, "/jour", NULL))) {
        pt_xml_attr(screen, "jour", "1");
    }
    if (pt_db_select(rq->db, rq->pool, "portail_admin_periodes_list",
                     PT_ARGS(pt_db_int(rq->pool, id)), &periods) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    pt_xml_rows(screen, "periode", periods, NULL);
    return rv;
}

int portail_admin_activite_get(pt_req *rq)
{
    apr_int64_t id;
    pt_rows *row = NULL;
    int rv = portail_activite_load(rq, &id, &row);
    return rv ? rv : portail_activite_page(rq, id, row, NULL, NULL, 200);
}

int portail_admin_activite_post(pt_req *rq)
{
    apr_int64_t id;
    pt_rows *row = NULL;
    apr_table_t *v, *e;
    const char *id_arg, *before, *after;
    int rv = portail_activite_load(rq, &id, &row);
    if (rv) {
        return rv;
    }
    e = portail_activite_check(rq, &v);
    if (apr_table_elts(e)->nelts > 0) {
        return portail_activite_page(rq, id, row, rq->form, e, 400);
    }
    id_arg = pt_db_int(rq->pool, id);
    portail_activite_diff(rq->pool, row, v, &before, &after);
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK
        || pt_db_exec(rq->db, rq->pool, "portail_admin_activite_update",
                      PT_ARGS(PORTAIL_ACTIVITE_VALUES(v), id_arg), NULL) != PT_DB_OK
        || pt_audit(rq->db, rq->pool, rq->now, rq->user->id, "modification", "activite", id,
                    before ? before : "Aucun changement", after) != PT_DB_OK
        || portail_admin_activite_documents_save(rq, id) != PT_DB_OK
        || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, apr_psprintf(rq->pool, "/admin/activites/%" APR_INT64_T_FMT, id),
                           PT_FLASH_SUCCES, "L'activité est enregistrée.");
}

int portail_admin_periode_post(pt_req *rq)
{
    apr_int64_t id;
    pt_rows *row = NULL;
    const char *debut = pt_form_get(rq->form, "date_debut"), *fin = pt_form_get(rq->form, "date_fin");
    const char *days = pt_form_weekdays(rq->pool, rq->form, "j");
    pt_date d1, d2;
    int rv = portail_activite_load(rq, &id, &row);
    if (rv) {
        return rv;
    }
    if (!pt_date_parse(debut, &d1) || !pt_date_parse(fin, &d2) || strcmp(debut, fin) > 0
        || !strcmp(days, "0000000")) {
        return pt_req_error(rq, 400, "Une période a une date de début et une date de fin "
                                     "réelles (AAAA-MM-JJ), la fin après le début, et au "
                                     "moins un jour de la semaine.");
    }
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK
        || pt_db_exec(rq->db, rq->pool, "portail_admin_periode_insert",
                      PT_ARGS(pt_db_int(rq->pool, id), debut, fin, days), NULL) != PT_DB_OK
        || pt_audit(rq->db, rq->pool, rq->now, rq->user->id, "ajout periode", "activite", id,
                    NULL, apr_pstrcat(rq->pool, debut, " → ", fin, " ", days, NULL)) != PT_DB_OK
        || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, apr_psprintf(rq->pool, "/admin/activites/%" APR_INT64_T_FMT, id),
                           PT_FLASH_SUCCES, "La période est ajoutée.");
}
