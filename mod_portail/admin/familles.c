/* familles.c — /portail/admin/familles: the agents' side of the families.
 *
 * List and search, create a family with a generated code abonné, the family's page with
 * the accounts subscribed to it (and « Détacher »), and the printable letter « Votre code
 * abonné » the town posts to the family.  Every change is written to the audit trail in
 * its own transaction.
 */
#include <string.h>
#include <apr_strings.h>
#include "admin/admin.h"
#include "screens/screens.h"
#include "core/pt_audit.h"
#include "core/pt_family.h"
#include "core/pt_form.h"
#include "domain/pt_code.h"
#include "domain/pt_fr.h"

#define PORTAIL_ADMIN_FORM_CHILDREN 4

int portail_admin_familles_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "admin-familles");
    const char *q = pt_form_get(rq->query, "q");
    const char *like = pt_db_like(rq->pool, q);
    const char *code = pt_code_normalize(rq->pool, q);
    pt_rows *r = NULL;
    int page;

    if (!pt_req_query_int(rq, "page", 1, 1, 100000, &page)) {
        return pt_req_error(rq, 400, "Ce numéro de page n'existe pas.");
    }
    pt_xml_attr(screen, "q", q);
    if (pt_db_select(rq->db, rq->pool, "portail_admin_familles_search",
                     PT_ARGS(q, like, code ? code : q, q, like, like, like, like,
                             like, pt_db_int(rq->pool, PORTAIL_ADMIN_PAGE_SIZE + 1),
                             portail_admin_offset(rq, page)),
                     &r) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    portail_admin_list_more(rq, screen, page, r, (const char *const[]){ "q", q, NULL });
    pt_xml_rows(screen, "family", r, NULL);
    return 200;
}

/* The fields of one person of the form, prefix "r1_", "r2_", "e1_"… */
static void portail_admin_person_fields(pt_form_view *fv, apr_table_t *typed, const char *prefix,
                                        pt_person_kind kind, int required)
{
    apr_pool_t *p = apr_table_elts(typed)->pool;
#define PORTAIL_F(name) apr_pstrcat(p, prefix, name, NULL)
    if (kind == PT_PERSON_RESPONSABLE) {
        pt_node *civ = pt_form_view_field(fv, PORTAIL_F("civilite"), "select", "Civilité",
                                          pt_form_get(typed, PORTAIL_F("civilite")), 0);
        pt_form_view_option(civ, "", "—");
        pt_form_view_option(civ, "Mme", "Madame");
        pt_form_view_option(civ, "M.", "Monsieur");
    }
    pt_form_view_field(fv, PORTAIL_F("nom"), "text", "Nom", pt_form_get(typed, PORTAIL_F("nom")),
                       required && kind == PT_PERSON_RESPONSABLE);
    pt_form_view_field(fv, PORTAIL_F("prenom"), "text", "Prénom",
                       pt_form_get(typed, PORTAIL_F("prenom")), required);
    pt_xml_attr(pt_form_view_field(fv, PORTAIL_F("date_naissance"), "date",
                                   "Date de naissance",
                                   pt_form_get(typed, PORTAIL_F("date_naissance")),
                                   required && kind == PT_PERSON_ENFANT),
                "hint", "Au format AAAA-MM-JJ si votre navigateur ne propose pas de calendrier.");
    if (kind == PT_PERSON_RESPONSABLE) {
        pt_form_view_field(fv, PORTAIL_F("email"), "email", "Adresse e-mail",
                           pt_form_get(typed, PORTAIL_F("email")), 0);
        pt_form_view_field(fv, PORTAIL_F("telephone"), "tel", "Téléphone portable",
                           pt_form_get(typed, PORTAIL_F("telephone")), 0);
    }
    else {
        pt_node *sexe = pt_form_view_field(fv, PORTAIL_F("sexe"), "select", "Sexe",
                                           pt_form_get(typed, PORTAIL_F("sexe")), 0);
        pt_form_view_option(sexe, "", "—");
        pt_form_view_option(sexe, "F", "Fille");
        pt_form_view_option(sexe, "M", "Garçon");
    }
#undef PORTAIL_F
}

static int portail_admin_familles_form(pt_req *rq, apr_table_t *typed, apr_table_t *errors,
                                       int status)
{
    pt_node *screen = pt_req_screen(rq, "admin-familles-nouvelle");
    pt_form_view *fv = pt_form_view_new(rq, screen, "/admin/familles/nouvelle");
    const apr_array_header_t *errs;
    int i;

    if (!typed) {
        typed = apr_table_make(rq->pool, 1);
    }
    pt_form_view_fieldset(fv, "Famille");
    pt_xml_attr(pt_form_view_field(fv, "nom", "text", "Nom de la famille",
                                   pt_form_get(typed, "nom"), 0),
                "hint", "Si vous le laissez vide : le nom du premier responsable.");
    pt_form_view_field(fv, "adresse", "text", "Adresse", pt_form_get(typed, "adresse"), 0);
    pt_form_view_field(fv, "code_postal", "text", "Code postal", pt_form_get(typed, "code_postal"), 0);
    pt_form_view_field(fv, "commune", "text", "Commune", pt_form_get(typed, "commune"), 0);
    pt_xml_attr(pt_form_view_field(fv, "code", "text", "Code abonné",
                                   pt_form_get(typed, "code"), 0),
                "hint", "Laissez vide : un code est créé. Ne le remplissez que pour reprendre "
                        "un code déjà envoyé à la famille.");
    pt_form_view_fieldset(fv, "Responsable 1");
    portail_admin_person_fields(fv, typed, "r1_", PT_PERSON_RESPONSABLE, 1);
    pt_form_view_fieldset(fv, "Responsable 2 (facultatif)");
    portail_admin_person_fields(fv, typed, "r2_", PT_PERSON_RESPONSABLE, 0);
    for (i = 1; i <= PORTAIL_ADMIN_FORM_CHILDREN; i++) {
        pt_form_view_fieldset(fv, apr_psprintf(rq->pool, "Enfant %d%s", i,
                                               i > 1 ? " (facultatif)" : ""));
        portail_admin_person_fields(fv, typed, apr_psprintf(rq->pool, "e%d_", i),
                                    PT_PERSON_ENFANT, 0);
    }
    errs = apr_table_elts(errors ? errors : typed);
    for (i = 0; errors && i < errs->nelts; i++) {
        const apr_table_entry_t *e = &APR_ARRAY_IDX(errs, i, apr_table_entry_t);
        pt_form_view_error(fv, e->key, e->val);
    }
    return status;
}

int portail_admin_familles_nouvelle_get(pt_req *rq)
{
    return portail_admin_familles_form(rq, NULL, NULL, 200);
}

/* One person of the form, when any of its fields is filled in (or `always`). */
static int portail_admin_person_typed(pt_req *rq, apr_array_header_t *persons,
                                       const char *prefix, pt_person_kind kind, int always,
                                       const char *default_nom)
{
    pt_person pe;
#define PORTAIL_V(name) pt_form_get(rq->form, apr_pstrcat(rq->pool, prefix, name, NULL))
    memset(&pe, 0, sizeof(pe));
    pe.kind = kind;
    pe.civilite = PORTAIL_V("civilite");
    pe.nom = PORTAIL_V("nom");
    pe.prenom = PORTAIL_V("prenom");
    pe.date_naissance = PORTAIL_V("date_naissance");
    pe.sexe = PORTAIL_V("sexe");
    pe.email = PORTAIL_V("email");
    pe.telephone = PORTAIL_V("telephone");
#undef PORTAIL_V
    if (!always && !*pe.nom && !*pe.prenom && !*pe.date_naissance && !*pe.email
        && !*pe.telephone) {
        return 0;
    }
    if (kind == PT_PERSON_ENFANT && !*pe.nom) {
        pe.nom = default_nom;
    }
    *(pt_person *)apr_array_push(persons) = pe;
    return 1;
}

int portail_admin_familles_nouvelle_post(pt_req *rq)
{
    apr_table_t *errors = apr_table_make(rq->pool, 8);
    const char *today = pt_date_iso(rq->pool, pt_date_of_time(rq->now));
    const char *prefixes[2 + PORTAIL_ADMIN_FORM_CHILDREN];
    const char *of_person[2 + PORTAIL_ADMIN_FORM_CHILDREN];
    pt_family_input f;
    const char *code = NULL;
    apr_int64_t id = 0;
    int i, n = 0, rv;

    memset(&f, 0, sizeof(f));
    f.nom = pt_form_get(rq->form, "nom");
    f.adresse = pt_form_get(rq->form, "adresse");
    f.code_postal = pt_form_get(rq->form, "code_postal");
    f.commune = pt_form_get(rq->form, "commune");
    f.code = pt_form_get(rq->form, "code");
    f.persons = apr_array_make(rq->pool, 6, sizeof(pt_person));
    prefixes[0] = "r1_";
    prefixes[1] = "r2_";
    for (i = 2; i < 2 + PORTAIL_ADMIN_FORM_CHILDREN; i++) {
        prefixes[i] = apr_psprintf(rq->pool, "e%d_", i - 1);
    }
    /* The first responsable always (his fields are required), the others when typed. */
    for (i = 0; i < 2 + PORTAIL_ADMIN_FORM_CHILDREN; i++) {
        if (portail_admin_person_typed(rq, f.persons, prefixes[i],
                                       i < 2 ? PT_PERSON_RESPONSABLE : PT_PERSON_ENFANT, i == 0,
                                       pt_form_get(rq->form, "r1_nom"))) {
            of_person[n++] = prefixes[i];
        }
    }
    for (i = 0; i < n; i++) {
        pt_family_check_person(rq->pool, &APR_ARRAY_IDX(f.persons, i, pt_person), of_person[i],
                               today, errors);
    }
    pt_family_check(rq->pool, &f, errors);
    if (apr_table_elts(errors)->nelts > 0) {
        return portail_admin_familles_form(rq, rq->form, errors, 400);
    }
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    rv = pt_family_create(rq->db, rq->pool, &f, rq->now, &id, &code);
    if (rv == PT_DB_OK) {
        rv = pt_audit(rq->db, rq->pool, rq->now, rq->user->id, "creation", "famille", id, NULL,
                      apr_pstrcat(rq->pool, f.nom, " (", code, ")", NULL));
    }
    if (rv != PT_DB_OK || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        if (rv == PT_DB_CONFLICT) {
            apr_table_setn(errors, "code", "Ce code abonné est déjà celui d'une autre famille.");
            return portail_admin_familles_form(rq, rq->form, errors, 409);
        }
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, apr_psprintf(rq->pool, "/admin/familles/%" APR_INT64_T_FMT, id),
                           PT_FLASH_SUCCES,
                           apr_psprintf(rq->pool, "La famille %s est créée, avec le code abonné "
                                        "%s. Imprimez son courrier « Votre code abonné ».",
                                        f.nom, code));
}

/* The family of the URL with its responsables, children, accounts and documents; 0 or an
 * error. */
static int portail_admin_famille_load(pt_req *rq, pt_node *screen, apr_int64_t *id)
{
    static const struct { const char *label, *element; } parts[] = {
        { "portail_admin_famille_get", "family" },
        { "portail_admin_famille_responsables", "responsable" },
        { "portail_admin_famille_children", "child" },
        { "portail_admin_famille_comptes", "compte" },
        { "portail_admin_famille_documents", "document" },
    };
    size_t i;
    *id = pt_req_param_id(rq, "famille");
    if (*id < 0) {
        return pt_req_error(rq, 404, NULL);
    }
    for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
        pt_rows *r = NULL;
        if (pt_db_select(rq->db, rq->pool, parts[i].label,
                         PT_ARGS(pt_db_int(rq->pool, *id)), &r) != PT_DB_OK) {
            return pt_req_error(rq, 503, NULL);
        }
        if (i == 0 && r->n == 0) {
            return pt_req_error(rq, 404, NULL);
        }
        pt_xml_rows(screen, parts[i].element, r, NULL);
    }
    return 0;
}

int portail_admin_famille_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "admin-famille");
    apr_int64_t id;
    int rv = portail_admin_famille_load(rq, screen, &id);
    if (rv) {
        return rv;
    }
    /* The front desk's actions, for the roles that have them (pt_req_may). */
    if (pt_req_may(rq, "GET", apr_psprintf(rq->pool, "/admin/familles/%" APR_INT64_T_FMT
                                           "/courrier", id))) {
        pt_xml_attr(screen, "accueil", "1");
    }
    if (pt_req_may(rq, "GET", apr_psprintf(rq->pool, "/admin/familles/%" APR_INT64_T_FMT
                                           "/reglement", id))) {
        pt_xml_attr(screen, "facturation", "1");
    }
    if (pt_req_may(rq, "GET", apr_psprintf(rq->pool, "/admin/familles/%" APR_INT64_T_FMT
                                           "/anonymiser", id))) {
        pt_xml_attr(screen, "administration", "1");
    }
    /* The whole file, unmasked, each section with its edit link: only the sections the
     * agent's roles may see (health, bank: core/pt_role.h). */
    if (portail_dossier_famille_admin(rq, pt_xml_elem(screen, "dossier", NULL), id) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    return 200;
}

int portail_admin_courrier_get(pt_req *rq)
{
    apr_int64_t id;
    pt_node *screen = pt_req_screen(rq, "admin-courrier");
    int rv = portail_admin_famille_load(rq, screen, &id);
    if (rv) {
        return rv;
    }
    pt_xml_attr(screen, "date", pt_date_long(rq->pool, pt_date_of_time(rq->now), 1));
    return 200;
}

int portail_admin_famille_detacher_post(pt_req *rq)
{
    apr_int64_t family = pt_req_param_id(rq, "famille"), account = pt_req_param_id(rq, "compte");
    const char *back = apr_psprintf(rq->pool, "/admin/familles/%" APR_INT64_T_FMT, family);
    int removed = 0;

    if (family < 0 || account < 0) {
        return pt_req_error(rq, 404, NULL);
    }
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK
        || pt_db_exec(rq->db, rq->pool, "portail_abonnements_unsubscribe",
                      PT_ARGS(pt_db_int(rq->pool, account), pt_db_int(rq->pool, family)),
                      &removed) != PT_DB_OK
        || (removed && pt_audit(rq->db, rq->pool, rq->now, rq->user->id, "detachement",
                                "famille", family,
                                apr_psprintf(rq->pool, "compte %" APR_INT64_T_FMT, account),
                                NULL) != PT_DB_OK)
        || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 503, NULL);
    }
    if (!removed) {
        return pt_req_error(rq, 404, "Ce compte n'est pas rattaché à cette famille.");
    }
    return pt_req_redirect(rq, back, PT_FLASH_SUCCES,
                           "Le compte n'est plus rattaché à la famille.");
}
