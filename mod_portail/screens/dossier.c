/* dossier.c — /portail/famille/dossier: « Dossier famille ».
 *
 * The family's file as cards (the family's address, each responsable, each child), each
 * in sections.  A family never changes its file directly: the edit form of a section
 * makes one request with the fields it changes (old and new value); until an agent
 * answers, the new value is shown beside the current one, in yellow and labelled « en
 * attente de validation ».  Agents use the same form (/portail/admin/dossier/…) and their
 * changes apply at once, in the audit trail.
 *
 * Every object named by a URL is checked against the families of the account: another
 * family's id is a 404, the same as an id that does not exist.
 */
#include <string.h>
#include <apr_strings.h>
#include "screens/screens.h"
#include "core/pt_audit.h"
#include "core/pt_dossier.h"
#include "core/pt_form.h"
#include "core/pt_mail.h"
#include "core/pt_request.h"

/* An object of the file, loaded for a screen. */
typedef struct portail_object {
    const char *type;          /* famille, responsable, enfant */
    apr_int64_t id, family;
    pt_rows *row;              /* one row: the object's columns */
    const char *title;         /* « Léo Durand », « Mme Claire Durand », « Famille DURAND » */
} portail_object;

static const char *portail_dossier_title(apr_pool_t *p, const char *type, pt_rows *r, int i)
{
    const char *civ = pt_rows_get(r, i, "civilite");
    if (!strcmp(type, "famille")) {
        return apr_pstrcat(p, "Famille ", pt_rows_get(r, i, "nom"), NULL);
    }
    return apr_pstrcat(p, civ && *civ ? civ : "", civ && *civ ? " " : "",
                       pt_rows_get(r, i, "prenom"), " ", pt_rows_get(r, i, "nom"), NULL);
}

/* The object of the URL ({objet}, {id}) if this user may see it: 0, or the error's status. */
static int portail_dossier_load(pt_req *rq, portail_object *o)
{
    const char *type = apr_table_get(rq->params, "objet");
    pt_rows *r = NULL;
    memset(o, 0, sizeof(*o));
    o->id = pt_req_param_id(rq, "id");
    if (!type || o->id < 0 || (strcmp(type, "famille") && strcmp(type, "responsable")
                               && strcmp(type, "enfant"))) {
        return pt_req_error(rq, 404, NULL);
    }
    o->type = type;
    if (pt_db_select(rq->db, rq->pool, apr_pstrcat(rq->pool, "portail_dossier_", type, NULL),
                     PT_ARGS(pt_db_int(rq->pool, o->id)), &o->row) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    if (o->row->n != 1) {
        return pt_req_error(rq, 404, NULL);
    }
    o->family = !strcmp(type, "famille") ? o->id : pt_rows_int(o->row, 0, "family_id", 0);
    if (rq->user->role != PT_ROLE_AGENT) {
        if (pt_db_select(rq->db, rq->pool, "portail_famille_subscribed",
                         PT_ARGS(pt_db_int(rq->pool, rq->user->id),
                                 pt_db_int(rq->pool, o->family)), &r) != PT_DB_OK) {
            return pt_req_error(rq, 503, NULL);
        }
        if (r->n == 0) {
            return pt_req_error(rq, 404, NULL);
        }
    }
    o->title = portail_dossier_title(rq->pool, type, o->row, 0);
    return 0;
}

/* Health and bank sections are the business of some agent roles only (core/pt_role.h). */
#define PORTAIL_DOSSIER_RESERVED "Ces données sont réservées aux agents d'un autre rôle " \
    "(données sanitaires : accueil, restauration ; coordonnées bancaires : facturation)."

static int portail_dossier_may_see(pt_req *rq, const char *type, const char *section)
{
    return pt_role_sees(rq->user, pt_dossier_section_class(type, section));
}

/* The pending new value of a field of an object, from the family's pending requests. */
static const char *portail_dossier_pending(pt_rows *pending, const char *type, const char *id,
                                           const char *field, const char **request)
{
    int i;
    for (i = pending ? pending->n - 1 : -1; i >= 0; i--) {
        if (!strcmp(pt_rows_get(pending, i, "object_type"), type)
            && !strcmp(pt_rows_get(pending, i, "object_id"), id)
            && !strcmp(pt_rows_get(pending, i, "field"), field)) {
            *request = pt_rows_get(pending, i, "request_id");
            return pt_rows_get(pending, i, "new_value");
        }
    }
    return NULL;
}

/* One card: the object's sections with their fields, current and pending values. */
static void portail_dossier_card(pt_req *rq, pt_node *parent, const char *type, pt_rows *r,
                                 int i, pt_rows *pending, int mask)
{
    pt_node *card = pt_xml_elem(parent, "objet", NULL), *section = NULL;
    const char *id = pt_rows_get(r, i, "id"), *last = "";
    const pt_dossier_field *f;

    pt_xml_attr(card, "type", type);
    pt_xml_attr(card, "id", id);
    pt_xml_attr(card, "titre", portail_dossier_title(rq->pool, type, r, i));
    for (f = pt_dossier_fields; f->object; f++) {
        const char *request = NULL, *value, *next;
        pt_node *champ;
        if (strcmp(f->object, type) != 0 || !pt_dossier_visible(rq->user, f)) {
            continue;             /* need to know: not even the section (core/pt_role.h) */
        }
        if (strcmp(f->section, last) != 0) {
            last = f->section;
            section = pt_xml_elem(card, "section", NULL);
            pt_xml_attr(section, "name", f->section);
            pt_xml_attr(section, "titre", pt_dossier_section_title(type, f->section));
        }
        if (f->family) {
            pt_xml_attr(section, "modifiable", "1");
        }
        value = pt_rows_get(r, i, f->column);
        champ = pt_xml_elem(section, "champ", NULL);
        pt_xml_attr(champ, "name", f->column);
        pt_xml_attr(champ, "label", f->label);
        pt_xml_attr(champ, "value", pt_dossier_display(rq->pool, f, value, mask));
        next = portail_dossier_pending(pending, type, id, f->column, &request);
        if (request) {
            pt_xml_attr(champ, "attente", pt_dossier_display(rq->pool, f, next, mask));
            pt_xml_attr(champ, "demande", request);
        }
    }
}

/* Every card of a family. */
static int portail_dossier_family(pt_req *rq, pt_node *parent, apr_int64_t family, int mask)
{
    static const char *const parts[][2] = {
        { "portail_dossier_famille", "famille" },
        { "portail_dossier_responsables", "responsable" },
        { "portail_dossier_enfants", "enfant" },
    };
    const char *fid = pt_db_int(rq->pool, family), *ajout_req = NULL;
    pt_node *ajout = NULL;
    pt_rows *pending = NULL;
    size_t k;
    int i;
    if (pt_db_select(rq->db, rq->pool, "portail_dossier_pending", PT_ARGS(fid), &pending)
        != PT_DB_OK) {
        return PT_DB_ERROR;
    }
    for (k = 0; k < sizeof(parts) / sizeof(parts[0]); k++) {
        pt_rows *r = NULL;
        if (pt_db_select(rq->db, rq->pool, parts[k][0], PT_ARGS(fid), &r) != PT_DB_OK) {
            return PT_DB_ERROR;
        }
        for (i = 0; i < r->n; i++) {
            portail_dossier_card(rq, parent, parts[k][1], r, i, pending, mask);
        }
    }
    /* Responsables and children asked for, not validated yet (object id 0). */
    for (i = 0; i < pending->n; i++) {
        const char *req = pt_rows_get(pending, i, "request_id");
        const pt_dossier_field *f = pt_dossier_field_find(pt_rows_get(pending, i, "object_type"),
                                                          pt_rows_get(pending, i, "field"));
        pt_node *champ;
        if (strcmp(pt_rows_get(pending, i, "object_id"), "0") != 0 || !f
            || !pt_dossier_visible(rq->user, f)) {
            continue;
        }
        if (!ajout || strcmp(ajout_req, req) != 0) {
            ajout = pt_xml_elem(parent, "ajout", NULL);
            pt_xml_attr(ajout, "type", f->object);
            pt_xml_attr(ajout, "demande", req);
            ajout_req = req;
        }
        champ = pt_xml_elem(ajout, "champ", NULL);
        pt_xml_attr(champ, "label", f->label);
        pt_xml_attr(champ, "value", pt_dossier_display(rq->pool, f,
                                                       pt_rows_get(pending, i, "new_value"), mask));
    }
    return PT_DB_OK;
}

int portail_dossier_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "dossier");
    pt_rows *families = NULL;
    int f;
    if (pt_db_select(rq->db, rq->pool, "portail_famille_families",
                     PT_ARGS(pt_db_int(rq->pool, rq->user->id)), &families) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    for (f = 0; f < families->n; f++) {
        pt_node *fam = pt_xml_elem(screen, "family", NULL);
        pt_xml_attr(fam, "id", pt_rows_get(families, f, "id"));
        pt_xml_attr(fam, "nom", pt_rows_get(families, f, "nom"));
        if (portail_dossier_family(rq, fam, pt_rows_int(families, f, "id", 0), 1) != PT_DB_OK) {
            return pt_req_error(rq, 503, NULL);
        }
    }
    return 200;
}

int portail_dossier_famille_admin(pt_req *rq, pt_node *parent, apr_int64_t family)
{
    return portail_dossier_family(rq, parent, family, 0);
}

/* The edit form of a section; `typed` NULL shows the stored values. */
static int portail_dossier_form(pt_req *rq, const portail_object *o, const char *section,
                                apr_table_t *typed, apr_table_t *errors, int status)
{
    int agent = rq->user->role == PT_ROLE_AGENT;
    pt_node *screen = pt_req_screen(rq, "dossier-section");
    pt_form_view *fv;
    const pt_dossier_field *f;
    const char *action = o->id == 0
        ? apr_pstrcat(rq->pool, "/famille/dossier/ajout/", o->type, NULL)
        : apr_psprintf(rq->pool, "%s/dossier/%s/%" APR_INT64_T_FMT "/%s",
                       agent ? "/admin" : "/famille", o->type, o->id, section);

    pt_xml_attr(screen, "objet", o->type);
    pt_xml_attr(screen, "titre", o->title);
    pt_xml_attr(screen, "section", pt_dossier_section_title(o->type, section));
    pt_xml_attr_int(screen, "famille", o->family);
    if (agent) {
        pt_xml_attr(screen, "agent", "1");
    }
    if (!agent && o->id != 0) {
        int editable = 0;
        for (f = pt_dossier_fields; f->object; f++) {
            editable |= !strcmp(f->object, o->type) && !strcmp(f->section, section) && f->family;
        }
        if (!editable) {
            /* Managed by the town (the fiscal data): the values, read-only, no form. */
            pt_xml_attr(screen, "lecture", "1");
            for (f = pt_dossier_fields; f->object; f++) {
                if (!strcmp(f->object, o->type) && !strcmp(f->section, section)) {
                    pt_node *v = pt_xml_elem(screen, "valeur", NULL);
                    pt_xml_attr(v, "label", f->label);
                    pt_xml_attr(v, "value", pt_dossier_display(rq->pool, f,
                                                               pt_rows_get(o->row, 0, f->column),
                                                               1));
                }
            }
            return status;
        }
    }
    fv = pt_form_view_new(rq, screen, action);
    if (o->id == 0) {
        pt_xml_attr(screen, "ajout", "1");
        pt_form_view_field(fv, "famille", "hidden", NULL, pt_db_int(rq->pool, o->family), 0);
    }
    for (f = pt_dossier_fields; f->object; f++) {
        const char *value, *const *opt, *type;
        pt_node *field;
        if (strcmp(f->object, o->type) || strcmp(f->section, section) || !(f->family || agent)) {
            continue;
        }
        value = typed ? pt_form_get(typed, f->column) : pt_rows_get(o->row, 0, f->column);
        if (!typed && f->type == PT_DT_MONEY) {
            value = pt_dossier_display(rq->pool, f, value, 0);   /* typed back the same way */
        }
        type = f->type == PT_DT_PHOTO ? "file"
               : f->type == PT_DT_BOOL ? "checkbox" : f->type == PT_DT_LONGTEXT ? "textarea"
               : pt_dossier_options(f) ? "select" : f->type == PT_DT_DATE ? "date"
               : f->type == PT_DT_EMAIL ? "email" : f->type == PT_DT_PHONE ? "tel" : "text";
        field = pt_form_view_field(fv, f->column, type, f->label, value ? value : "", 0);
        if ((opt = pt_dossier_options(f)) != NULL) {
            pt_form_view_option(field, "", "—");
            for (; *opt; opt += 2) {
                pt_form_view_option(field, opt[0], opt[1]);
            }
        }
        if (f->type == PT_DT_IBAN) {
            pt_xml_attr(field, "hint", "27 caractères pour un compte en France, par exemple "
                                       "FR76 3000 6000 0112 3456 7890 189.");
        }
        if (f->type == PT_DT_DATE) {
            pt_xml_attr(field, "hint", "Au format AAAA-MM-JJ si votre navigateur ne propose "
                                       "pas de calendrier.");
        }
        if (f->type == PT_DT_PHOTO) {
            pt_xml_attr(field, "accept", "image/jpeg,image/png");
            pt_xml_attr(field, "hint", "Une photo d'identité récente, JPEG ou PNG.");
        }
        if (errors && apr_table_get(errors, f->column)) {
            pt_form_view_error(fv, f->column, apr_table_get(errors, f->column));
        }
    }
    return status;
}

int portail_dossier_section_get(pt_req *rq)
{
    portail_object o;
    const char *section = apr_table_get(rq->params, "section");
    int rv = portail_dossier_load(rq, &o);
    if (rv) {
        return rv;
    }
    if (!pt_dossier_section_title(o.type, section)) {
        return pt_req_error(rq, 404, NULL);
    }
    if (!portail_dossier_may_see(rq, o.type, section)) {
        return pt_req_error(rq, 403, PORTAIL_DOSSIER_RESERVED);
    }
    return portail_dossier_form(rq, &o, section, NULL, NULL, 200);
}

pt_doc *portail_request_ack_data(pt_req *rq, apr_int64_t request, const char *title)
{
    pt_doc *data = pt_xml_doc(rq->pool, "mail-data");
    pt_node *root = pt_xml_root(data);
    pt_xml_attr(root, "town", rq->site->town);
    pt_xml_attr(root, "url", rq->site->public_url);
    pt_xml_attr(root, "prenom", rq->user->prenom);
    pt_xml_attr(root, "titre", title);
    pt_xml_attr(root, "lien", apr_psprintf(rq->pool, "%s/famille/demandes/%" APR_INT64_T_FMT,
                                           rq->site->public_url, request));
    return data;
}

/* The family's acknowledgement: « votre demande est enregistrée » (outbox, same
 * transaction). */
int portail_request_ack(pt_req *rq, apr_int64_t request, const char *title)
{
    return pt_mail_enqueue(rq->db, rq->pool, rq->user->email, "demande-recue",
                           portail_request_ack_data(rq, request, title), rq->now);
}

/* One field changed by a form: its value before, and the new one. */
typedef struct portail_change {
    const pt_dossier_field *f;
    const char *old, *val;
} portail_change;

/* The changes typed in a section: each field the user may change whose checked value
 * differs from the stored one.  Errors by field name. */
static apr_array_header_t *portail_dossier_changes(pt_req *rq, const portail_object *o,
                                                   const char *section, apr_table_t *errors)
{
    int agent = rq->user->role == PT_ROLE_AGENT;
    apr_array_header_t *changes = apr_array_make(rq->pool, 8, sizeof(portail_change));
    const pt_dossier_field *f;
    for (f = pt_dossier_fields; f->object; f++) {
        const char *why = NULL, *v, *old;
        portail_change *c;
        if (strcmp(f->object, o->type) || strcmp(f->section, section) || !(f->family || agent)) {
            continue;
        }
        if (f->type == PT_DT_PHOTO) {
            /* A file chosen, checked by its content and put in place; none: no change. */
            const pt_upload *u = pt_req_upload(rq, f->column);
            int full;
            if (!u) {
                continue;
            }
            /* A family's photos waiting for an answer are bounded (each is a file). */
            full = agent ? 0 : portail_photo_room(rq, o->family, &why);
            v = full ? NULL : portail_photo_store(rq, u, &why);
        }
        else {
            v = pt_dossier_check(rq->pool, f, pt_form_get(rq->form, f->column), &why);
        }
        if (!v) {
            apr_table_setn(errors, f->column, why);
            continue;
        }
        old = pt_rows_get(o->row, 0, f->column);
        old = old ? old : (f->type == PT_DT_BOOL ? "0" : "");
        if (strcmp(old, v) != 0) {
            c = apr_array_push(changes);
            c->f = f;
            c->old = old;
            c->val = v;
        }
    }
    return changes;
}

/* Send the changes typed in a section: a request for a family, applied at once for an
 * agent.  o->id == 0 is a new responsable or child (a family's request only). */
static int portail_dossier_submit(pt_req *rq, const portail_object *o, const char *section)
{
    int agent = rq->user->role == PT_ROLE_AGENT;
    const char *title;
    apr_table_t *errors = apr_table_make(rq->pool, 4);
    apr_array_header_t *changes;
    const pt_dossier_field *f;
    apr_int64_t request = 0;
    int rv, i, editable = 0;

    if (!pt_dossier_section_title(o->type, section)) {
        return pt_req_error(rq, 404, NULL);
    }
    if (!portail_dossier_may_see(rq, o->type, section)) {
        return pt_req_error(rq, 403, PORTAIL_DOSSIER_RESERVED);
    }
    for (f = pt_dossier_fields; f->object; f++) {
        editable |= !strcmp(f->object, o->type) && !strcmp(f->section, section) && f->family;
    }
    if (!editable && !agent) {
        return pt_req_error(rq, 403, "Ces données ne sont modifiables que par la mairie : "
                                     "contactez-la pour les faire corriger.");
    }
    changes = portail_dossier_changes(rq, o, section, errors);
    if (apr_table_elts(errors)->nelts > 0) {
        return portail_dossier_form(rq, o, section, rq->form, errors, 400);
    }
    if (changes->nelts == 0) {
        return pt_req_redirect(rq, agent ? apr_psprintf(rq->pool, "/admin/familles/%"
                                                        APR_INT64_T_FMT, o->family)
                                         : "/famille/dossier",
                               PT_FLASH_INFO, "Aucune modification : rien n'a été envoyé.");
    }
    title = o->id == 0
        ? apr_psprintf(rq->pool, "%s : %s %s", !strcmp(o->type, "enfant")
                       ? "Ajout d'un enfant" : "Ajout d'un responsable",
                       pt_form_get(rq->form, "prenom"), pt_form_get(rq->form, "nom"))
        : apr_psprintf(rq->pool, "Modification du dossier — %s : %s", o->title,
                       pt_dossier_section_title(o->type, section));
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    rv = agent ? PT_DB_OK
               : pt_request_create(rq->db, rq->pool, o->family, rq->user->id, "dossier", title,
                                   rq->now, &request);
    for (i = 0; i < changes->nelts && rv == PT_DB_OK; i++) {
        const portail_change *c = &APR_ARRAY_IDX(changes, i, portail_change);
        int applied = 0;
        if (agent) {
            rv = pt_dossier_apply(rq->db, rq->pool, c->f, o->id, c->old, c->val, &applied);
            if (rv == PT_DB_OK && !applied) {
                rv = PT_DB_CONFLICT;
            }
            if (rv == PT_DB_OK) {
                rv = pt_audit(rq->db, rq->pool, rq->now, rq->user->id,
                              apr_pstrcat(rq->pool, "modification ", c->f->column, NULL),
                              o->type, o->id, c->old, c->val);
            }
        }
        else {
            rv = pt_db_exec(rq->db, rq->pool, "portail_request_change_insert",
                            PT_ARGS(pt_db_int(rq->pool, request), o->type,
                                    pt_db_int(rq->pool, o->id), c->f->column, c->old, c->val),
                            NULL);
        }
    }
    if (rv == PT_DB_OK && !agent) {
        rv = portail_request_ack(rq, request, title);
    }
    if (rv != PT_DB_OK || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        if (rv == PT_DB_CONFLICT) {
            return pt_req_error(rq, 409, "Une autre personne vient de modifier ces données : "
                                         "rechargez la fiche et recommencez.");
        }
        return pt_req_error(rq, 503, NULL);
    }
    if (agent) {
        return pt_req_redirect(rq, apr_psprintf(rq->pool, "/admin/familles/%" APR_INT64_T_FMT,
                                                o->family),
                               PT_FLASH_SUCCES, "La modification est enregistrée.");
    }
    return pt_req_redirect(rq, "/famille/dossier", PT_FLASH_SUCCES,
                           o->id == 0
                           ? "Votre demande d'ajout est envoyée à la mairie ; elle apparaît "
                             "dans votre dossier, en attente de validation."
                           : "Votre demande de modification est envoyée à la mairie. Les "
                             "nouvelles valeurs s'affichent en attente de validation.");
}

int portail_dossier_section_post(pt_req *rq)
{
    portail_object o;
    int rv = portail_dossier_load(rq, &o);
    return rv ? rv : portail_dossier_submit(rq, &o, apr_table_get(rq->params, "section"));
}

/* A new responsable or child of one of the account's families (?famille= or the form's
 * field; the first family by default). */
static int portail_dossier_new(pt_req *rq, portail_object *o)
{
    const char *type = apr_table_get(rq->params, "objet");
    const char *fam = rq->form ? pt_form_get(rq->form, "famille") : pt_form_get(rq->query, "famille");
    pt_rows *r = NULL;
    int i;
    memset(o, 0, sizeof(*o));
    if (!type || (strcmp(type, "enfant") && strcmp(type, "responsable"))) {
        return pt_req_error(rq, 404, NULL);
    }
    o->type = type;
    o->title = !strcmp(type, "enfant") ? "Nouvel enfant" : "Nouveau responsable";
    if (pt_db_select(rq->db, rq->pool, "portail_famille_families",
                     PT_ARGS(pt_db_int(rq->pool, rq->user->id)), &r) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    for (i = 0; i < r->n; i++) {
        if (!*fam || !strcmp(fam, pt_rows_get(r, i, "id"))) {
            o->family = pt_rows_int(r, i, "id", 0);
            return 0;
        }
    }
    return pt_req_error(rq, 404, NULL);
}

int portail_dossier_ajout_get(pt_req *rq)
{
    portail_object o;
    int rv = portail_dossier_new(rq, &o);
    return rv ? rv : portail_dossier_form(rq, &o, "identite", NULL, NULL, 200);
}

int portail_dossier_ajout_post(pt_req *rq)
{
    portail_object o;
    int rv = portail_dossier_new(rq, &o);
    return rv ? rv : portail_dossier_submit(rq, &o, "identite");
}
