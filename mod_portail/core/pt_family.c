/* pt_family — checking and creating a family.  See pt_family.h. */
#include <string.h>
#include <apr_strings.h>
#include "core/pt_family.h"
#include "core/pt_account.h"
#include "domain/pt_check.h"
#include "domain/pt_code.h"
#include "domain/pt_fr.h"

#define PT_FAMILY_MAX_CHILDREN 12

static void pt_family_error(apr_table_t *errors, const char *prefix, const char *field,
                            const char *message)
{
    apr_table_setn(errors, apr_pstrcat(apr_table_elts(errors)->pool, prefix, field, NULL),
                   message);
}

static int pt_family_empty(const char *s)
{
    return !s || !*s;
}

int pt_family_check_person(apr_pool_t *p, pt_person *person, const char *prefix,
                           const char *today, apr_table_t *errors)
{
    int before = apr_table_elts(errors)->nelts;
    const char *v, *why = NULL;
    pt_date birth, now;
    int have_today = pt_date_parse(today, &now);

    if (!(v = pt_check_name(p, person->nom, &why))) {
        pt_family_error(errors, prefix, "nom", why);
    }
    person->nom = v;
    if (!(v = pt_check_name(p, person->prenom, &why))) {
        pt_family_error(errors, prefix, "prenom", why);
    }
    person->prenom = v;

    if (!pt_family_empty(person->date_naissance) || person->kind == PT_PERSON_ENFANT) {
        if (!person->date_naissance || !pt_date_parse(person->date_naissance, &birth)) {
            pt_family_error(errors, prefix, "date_naissance",
                            "Indiquez la date de naissance au format AAAA-MM-JJ, par "
                            "exemple 2018-09-14.");
        }
        else if (have_today && strcmp(person->date_naissance, today) > 0) {
            pt_family_error(errors, prefix, "date_naissance",
                            "La date de naissance ne peut pas être dans le futur.");
        }
        else if (have_today && person->kind == PT_PERSON_ENFANT && pt_date_age(birth, now) > 25) {
            pt_family_error(errors, prefix, "date_naissance",
                            "Cette date de naissance donne un enfant de plus de 25 ans : "
                            "vérifiez l'année.");
        }
    }
    if (person->kind == PT_PERSON_ENFANT) {
        if (!pt_family_empty(person->sexe) && strcmp(person->sexe, "F") && strcmp(person->sexe, "M")) {
            pt_family_error(errors, prefix, "sexe", "Le sexe s'écrit F ou M.");
        }
        return apr_table_elts(errors)->nelts - before;
    }

    if (!pt_family_empty(person->civilite) && strcmp(person->civilite, "M.")
        && strcmp(person->civilite, "Mme")) {
        pt_family_error(errors, prefix, "civilite", "La civilité s'écrit « M. » ou « Mme ».");
    }
    if (!pt_family_empty(person->email)) {
        if (!(v = pt_account_normalize_email(p, person->email))) {
            pt_family_error(errors, prefix, "email", "Cette adresse e-mail n'est pas valide ; "
                            "par exemple prenom.nom@exemple.fr.");
        }
        person->email = v;
    }
    if (!pt_family_empty(person->telephone)) {
        if (!(v = pt_check_phone(p, person->telephone, &why))) {
            pt_family_error(errors, prefix, "telephone", why);
        }
        person->telephone = v;
    }
    return apr_table_elts(errors)->nelts - before;
}

int pt_family_check(apr_pool_t *p, pt_family_input *f, apr_table_t *errors)
{
    int before = apr_table_elts(errors)->nelts, responsables = 0, enfants = 0, i;
    const char *v, *why = NULL;

    for (i = 0; f->persons && i < f->persons->nelts; i++) {
        const pt_person *person = &APR_ARRAY_IDX(f->persons, i, pt_person);
        if (person->kind == PT_PERSON_RESPONSABLE) {
            if (responsables++ == 0 && pt_family_empty(f->nom) && person->nom) {
                f->nom = pt_check_upper(p, person->nom);
            }
        }
        else {
            enfants++;
        }
    }
    if (responsables == 0) {
        pt_family_error(errors, "", "r1_nom", "Une famille a au moins un responsable.");
    }
    else if (responsables > 2) {
        pt_family_error(errors, "", "responsables", "Une famille a deux responsables au plus.");
    }
    if (enfants > PT_FAMILY_MAX_CHILDREN) {
        pt_family_error(errors, "", "enfants", "Une famille a douze enfants au plus.");
    }
    if (!(v = pt_check_name(p, f->nom, &why))) {
        pt_family_error(errors, "", "nom", why);
    }
    f->nom = v;
    if (!pt_family_empty(f->code)) {
        if (!(v = pt_code_normalize(p, f->code))) {
            pt_family_error(errors, "", "code", "Un code abonné a 12 caractères (chiffres 2 à 9 "
                            "et lettres sauf I et O), par exemple K7QM-4XPT-9HWA.");
        }
        f->code = v;
    }
    if (!pt_family_empty(f->adresse)) {
        if (!(v = pt_check_text(p, f->adresse, 200, &why)) || strchr(v, '\n')) {
            pt_family_error(errors, "", "adresse", "L'adresse tient sur une ligne de 200 "
                            "caractères au plus.");
        }
        f->adresse = v;
    }
    if (!pt_family_empty(f->code_postal)) {
        if (!(v = pt_check_postal_code(p, f->code_postal, &why))) {
            pt_family_error(errors, "", "code_postal", why);
        }
        f->code_postal = v;
    }
    if (!pt_family_empty(f->commune)) {
        if (!(v = pt_check_commune(p, f->commune, &why))) {
            pt_family_error(errors, "", "commune", why);
        }
        f->commune = v;
    }
    return apr_table_elts(errors)->nelts - before;
}

static const char *pt_family_opt(const char *s)
{
    return pt_family_empty(s) ? NULL : s;
}

int pt_family_create(pt_db *db, apr_pool_t *p, const pt_family_input *f, apr_time_t now,
                     apr_int64_t *id, const char **code)
{
    const char *c = f->code;
    pt_rows *r = NULL;
    int rv, i, rang = 0, tries;

    /* 60 random bits: a collision is all but impossible, but cheap to rule out before
     * the insert (a failed INSERT would abort a PostgreSQL transaction). */
    for (tries = 0; pt_family_empty(c) && tries < 5; tries++) {
        const char *candidate = pt_code_new(p);
        if (!candidate) {
            return PT_DB_ERROR;
        }
        rv = pt_db_select(db, p, "portail_famille_by_code", PT_ARGS(candidate), &r);
        if (rv != PT_DB_OK) {
            return rv;
        }
        if (r->n == 0) {
            c = candidate;
        }
    }
    if (pt_family_empty(c)) {
        return PT_DB_ERROR;
    }
    rv = pt_db_select(db, p, "portail_family_taken",
                      PT_ARGS(c, f->reference ? f->reference : ""), &r);
    if (rv != PT_DB_OK) {
        return rv;
    }
    if (r->n > 0) {
        return PT_DB_CONFLICT;
    }
    rv = pt_db_select(db, p, "portail_family_insert",
                      PT_ARGS(c, f->nom, pt_family_opt(f->adresse), pt_family_opt(f->code_postal),
                              pt_family_opt(f->commune), pt_family_opt(f->reference),
                              pt_db_int(p, apr_time_sec(now))), &r);
    if (rv != PT_DB_OK || r->n != 1) {
        return rv != PT_DB_OK ? rv : PT_DB_ERROR;
    }
    *id = pt_rows_int(r, 0, "id", 0);
    *code = c;
    for (i = 0; i < f->persons->nelts && rv == PT_DB_OK; i++) {
        const pt_person *pe = &APR_ARRAY_IDX(f->persons, i, pt_person);
        if (pe->kind == PT_PERSON_RESPONSABLE) {
            rv = pt_db_exec(db, p, "portail_family_insert_responsable",
                            PT_ARGS(pt_db_int(p, *id), pt_db_int(p, ++rang),
                                    pt_family_opt(pe->civilite), pe->nom, pe->prenom,
                                    pt_family_opt(pe->date_naissance), pt_family_opt(pe->email),
                                    pt_family_opt(pe->telephone)), NULL);
        }
        else {
            rv = pt_db_exec(db, p, "portail_family_insert_child",
                            PT_ARGS(pt_db_int(p, *id), pe->nom, pe->prenom, pe->date_naissance,
                                    pt_family_opt(pe->sexe)), NULL);
        }
    }
    return rv;
}
