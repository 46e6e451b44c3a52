/* pt_dossier — the family file's fields.  See pt_dossier.h and pt_dossier.def. */
#include <string.h>
#include <apr_strings.h>
#include <apr_lib.h>
#include "core/pt_dossier.h"
#include "core/pt_account.h"
#include "domain/pt_check.h"
#include "domain/pt_code.h"
#include "domain/pt_fr.h"

const pt_dossier_field pt_dossier_fields[] = {
#define PT_DOSSIER_FIELD(obj, col, section, type, family, fmt, label) \
    { #obj, #col, #section, type, family, label, "portail_dossier_set_" #obj "_" #col },
#include "core/pt_dossier.def"
#undef PT_DOSSIER_FIELD
    { NULL, NULL, NULL, PT_DT_TEXT, 0, NULL, NULL }
};

/* Each section with its title and its class of data (core/pt_role.h: who may see it). */
static const struct {
    const char *object, *section, *title;
    pt_data data;
} pt_dossier_sections[] = {
    { "famille", "adresse", "Adresse", PT_DATA_COMMUNE },
    { "famille", "fiscal", "Données fiscales", PT_DATA_COMMUNE },
    { "responsable", "identite", "Identité", PT_DATA_COMMUNE },
    { "responsable", "coordonnees", "Coordonnées", PT_DATA_COMMUNE },
    { "responsable", "banque", "Coordonnées bancaires", PT_DATA_BANQUE },
    { "enfant", "identite", "Identité", PT_DATA_COMMUNE },
    { "enfant", "photo", "Photo", PT_DATA_COMMUNE },
    { "enfant", "scolarite", "Scolarité", PT_DATA_COMMUNE },
    { "enfant", "assurance", "Assurance", PT_DATA_COMMUNE },
    { "enfant", "equipements", "Lunettes et appareils", PT_DATA_COMMUNE },
    { "enfant", "autorisations", "Autorisations", PT_DATA_COMMUNE },
    { "enfant", "sante", "Données sanitaires", PT_DATA_SANTE },
    { "enfant", "contacts", "Contacts habilités", PT_DATA_COMMUNE },
    { NULL, NULL, NULL, PT_DATA_COMMUNE }
};

static const char *const pt_dossier_civilites[] = { "Mme", "Madame", "M.", "Monsieur", NULL };
static const char *const pt_dossier_sexes[] = { "F", "Fille", "M", "Garçon", NULL };
static const char *const pt_dossier_regimes[] = {
    "sans-porc", "Sans porc", "sans-viande", "Sans viande", "vegetarien", "Végétarien",
    "medical", "Régime médical (voir le PAI)", NULL
};

const pt_dossier_field *pt_dossier_field_find(const char *object, const char *column)
{
    const pt_dossier_field *f;
    for (f = pt_dossier_fields; f->object; f++) {
        if (!strcmp(f->object, object) && !strcmp(f->column, column)) {
            return f;
        }
    }
    return NULL;
}

/* The row of a section in pt_dossier_sections, -1 when the object has no such section. */
static int pt_dossier_section_find(const char *object, const char *section)
{
    int i;
    for (i = 0; pt_dossier_sections[i].object; i++) {
        if (!strcmp(pt_dossier_sections[i].object, object)
            && !strcmp(pt_dossier_sections[i].section, section)) {
            return i;
        }
    }
    return -1;
}

const char *pt_dossier_section_title(const char *object, const char *section)
{
    int i = pt_dossier_section_find(object, section);
    return i < 0 ? NULL : pt_dossier_sections[i].title;
}

pt_data pt_dossier_section_class(const char *object, const char *section)
{
    int i = pt_dossier_section_find(object, section);
    return i < 0 ? PT_DATA_COMMUNE : pt_dossier_sections[i].data;
}

int pt_dossier_visible(const pt_user *u, const pt_dossier_field *f)
{
    return pt_role_sees(u, pt_dossier_section_class(f->object, f->section));
}

void pt_dossier_rows_hide(const pt_user *u, pt_rows *r, const char *object)
{
    int c, i;
    for (c = 0; c < r->ncols; c++) {
        const pt_dossier_field *f = pt_dossier_field_find(object, r->names[c]);
        for (i = 0; f && !pt_dossier_visible(u, f) && i < r->n; i++) {
            r->values[i][c] = NULL;
        }
    }
}

const char *const *pt_dossier_options(const pt_dossier_field *f)
{
    switch (f->type) {
    case PT_DT_CIVILITE: return pt_dossier_civilites;
    case PT_DT_SEXE: return pt_dossier_sexes;
    case PT_DT_REGIME: return pt_dossier_regimes;
    default: return NULL;
    }
}

/* Names and a child's birth date cannot be emptied: the tables require them. */
static int pt_dossier_required(const pt_dossier_field *f)
{
    return (f->type == PT_DT_NAME && strcmp(f->column, "titulaire") != 0)
           || (!strcmp(f->object, "enfant") && !strcmp(f->column, "date_naissance"));
}

const char *pt_dossier_check(apr_pool_t *p, const pt_dossier_field *f, const char *typed,
                             const char **why)
{
    const char *v = typed ? typed : "", *const *o;
    pt_date d;
    int i;

    if (f->type == PT_DT_BOOL) {
        return !strcmp(v, "1") ? "1" : "0";
    }
    while (apr_isspace(*v)) {
        v++;
    }
    if (!*v) {
        if (pt_dossier_required(f)) {
            *why = apr_psprintf(p, "« %s » est obligatoire.", f->label);
            return NULL;
        }
        return "";
    }
    switch (f->type) {
    case PT_DT_TEXT:
        v = pt_check_text(p, v, 200, why);
        if (v && strchr(v, '\n')) {
            *why = "Ce champ tient sur une ligne.";
            return NULL;
        }
        return v;
    case PT_DT_LONGTEXT: return pt_check_text(p, v, 2000, why);
    case PT_DT_NAME: return pt_check_name(p, v, why);
    case PT_DT_PHONE: return pt_check_phone(p, v, why);
    case PT_DT_POSTAL: return pt_check_postal_code(p, v, why);
    case PT_DT_COMMUNE: return pt_check_commune(p, v, why);
    case PT_DT_IBAN: return pt_check_iban(p, v, why);
    case PT_DT_PHOTO:
        /* Names the module gives: 43 characters of base64url and the image's extension. */
        for (i = 0; apr_isalnum(v[i]) || v[i] == '-' || v[i] == '_'; i++) {
        }
        if (i != 43 || (strcmp(v + i, ".jpg") && strcmp(v + i, ".png"))) {
            *why = "Cette photo n'est pas valide.";
            return NULL;
        }
        return v;
    case PT_DT_BIC: return pt_check_bic(p, v, why);
    case PT_DT_EMAIL:
        if (!(v = pt_account_normalize_email(p, v))) {
            *why = "Cette adresse e-mail n'est pas valide ; par exemple prenom.nom@exemple.fr.";
        }
        return v;
    case PT_DT_DATE:
        if (!pt_date_parse(v, &d)) {
            *why = "Indiquez une date réelle au format AAAA-MM-JJ, par exemple 2018-09-14.";
            return NULL;
        }
        return v;
    case PT_DT_MONEY: {
        long long cents = pt_code_amount(v);
        if (cents < 0) {
            *why = "Indiquez un montant en euros, par exemple 31 500 ou 31 500,50.";
            return NULL;
        }
        return apr_psprintf(p, "%" APR_INT64_T_FMT, (apr_int64_t)cents);
    }
    case PT_DT_INTEGER:
    case PT_DT_DIGITS:
        for (i = 0; v[i] && apr_isdigit(v[i]); i++) {
        }
        if (v[i] || i > (f->type == PT_DT_INTEGER ? 9 : 10)) {
            *why = "Indiquez un nombre entier, en chiffres.";
            return NULL;
        }
        return v;
    default:
        for (o = pt_dossier_options(f); o && *o; o += 2) {
            if (!strcmp(*o, v)) {
                return *o;
            }
        }
        *why = "Choisissez une des valeurs proposées.";
        return NULL;
    }
}

const char *pt_dossier_display(apr_pool_t *p, const pt_dossier_field *f, const char *value,
                               int mask)
{
    const char *const *o;
    pt_date d;
    if (f->type == PT_DT_BOOL) {
        return value && !strcmp(value, "1") ? "Oui" : "Non";
    }
    if (!value || !*value) {
        return "";
    }
    if (f->type == PT_DT_IBAN && mask) {
        return pt_check_iban_masked(p, value);
    }
    if (f->type == PT_DT_DATE && pt_date_parse(value, &d)) {
        return pt_date_long(p, d, 1);
    }
    if (f->type == PT_DT_MONEY) {
        return pt_fr_euros(p, apr_atoi64(value));
    }
    for (o = pt_dossier_options(f); o && *o; o += 2) {
        if (!strcmp(*o, value)) {
            return o[1];
        }
    }
    return value;
}

int pt_dossier_apply(pt_db *db, apr_pool_t *p, const pt_dossier_field *f,
                     apr_int64_t object_id, const char *old_value, const char *new_value,
                     int *applied)
{
    /* Empty is NULL in the tables; a boolean never set is NULL and shows as « Non ». */
    const char *old = old_value && *old_value ? old_value : NULL;
    const char *val = new_value && *new_value ? new_value : NULL;
    int rv = pt_db_exec(db, p, f->set_label,
                        PT_ARGS(val, pt_db_int(p, object_id), old), applied);
    if (rv == PT_DB_OK && *applied == 0 && f->type == PT_DT_BOOL && old && !strcmp(old, "0")) {
        rv = pt_db_exec(db, p, f->set_label,
                        PT_ARGS(val, pt_db_int(p, object_id), NULL), applied);
    }
    return rv;
}

int pt_dossier_forget(pt_db *db, apr_pool_t *p, apr_int64_t request_id)
{
    pt_rows *r = NULL;
    int i, rv = pt_db_select(db, p, "portail_request_changes",
                             PT_ARGS(pt_db_int(p, request_id)), &r);
    for (i = 0; rv == PT_DB_OK && i < r->n; i++) {
        const pt_dossier_field *f = pt_dossier_field_find(pt_rows_get(r, i, "object_type"),
                                                          pt_rows_get(r, i, "field"));
        const char *old = pt_rows_get(r, i, "old_value"), *val = pt_rows_get(r, i, "new_value");
        if (!f || f->type != PT_DT_IBAN) {
            continue;
        }
        rv = pt_db_exec(db, p, "portail_request_change_mask",
                        PT_ARGS(old ? pt_check_iban_masked(p, old) : NULL,
                                val ? pt_check_iban_masked(p, val) : NULL,
                                pt_rows_get(r, i, "id")), NULL);
    }
    return rv;
}
