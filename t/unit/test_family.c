/* A family as an agent types it or `portail-ctl import-families` reads it (pt_family):
 * one set of rules, each mistake a French sentence under the field it concerns, so the
 * form links it to its field and the import prints it with its line. */
#include <string.h>
#include <apr_strings.h>
#include <apr_tables.h>
#include "unit.h"
#include "core/pt_family.h"

#define UNIT_TODAY "2026-12-01"

typedef struct {
    pt_person person;
    const char *field;           /* the field in error (prefix "r1_" / "e1_"), or NULL */
    const char *why;             /* the start of its sentence */
} unit_person_case;

START_TEST(persons_are_checked_field_by_field)
{
    static const unit_person_case cases[] = {
        { { PT_PERSON_RESPONSABLE, "Mme", "Martin", "Claire", NULL, NULL,
            "claire@exemple.fr", "06 12 34 56 78" }, NULL, NULL },
        { { PT_PERSON_RESPONSABLE, "Mme", "", "Claire", NULL, NULL, NULL, NULL },
          "r1_nom", "" },
        { { PT_PERSON_RESPONSABLE, NULL, "Martin", "<b>Claire</b>", NULL, NULL, NULL, NULL },
          "r1_prenom", "" },
        { { PT_PERSON_RESPONSABLE, "Madame", "Martin", "Claire", NULL, NULL, NULL, NULL },
          "r1_civilite", "La civilité s'écrit « M. » ou « Mme »." },
        { { PT_PERSON_RESPONSABLE, "M.", "Martin", "Paul", NULL, NULL, "paul.martin", NULL },
          "r1_email", "Cette adresse e-mail n'est pas valide" },
        { { PT_PERSON_RESPONSABLE, "M.", "Martin", "Paul", NULL, NULL, NULL, "12" },
          "r1_telephone", "" },
        /* A responsable's birth date is optional, but real when given. */
        { { PT_PERSON_RESPONSABLE, "M.", "Martin", "Paul", "1985-13-01", NULL, NULL, NULL },
          "r1_date_naissance", "Indiquez la date de naissance au format AAAA-MM-JJ" },
        /* A child's is required, not in the future, and not of an adult over 25. */
        { { PT_PERSON_ENFANT, NULL, "Martin", "Léa", "2018-09-14", "F", NULL, NULL },
          NULL, NULL },
        { { PT_PERSON_ENFANT, NULL, "Martin", "Léa", NULL, "F", NULL, NULL },
          "e1_date_naissance", "Indiquez la date de naissance au format AAAA-MM-JJ" },
        { { PT_PERSON_ENFANT, NULL, "Martin", "Léa", "2027-01-01", NULL, NULL, NULL },
          "e1_date_naissance", "La date de naissance ne peut pas être dans le futur." },
        { { PT_PERSON_ENFANT, NULL, "Martin", "Léa", "1998-01-01", NULL, NULL, NULL },
          "e1_date_naissance", "Cette date de naissance donne un enfant de plus de 25 ans" },
        { { PT_PERSON_ENFANT, NULL, "Martin", "Léa", "2018-09-14", "X", NULL, NULL },
          "e1_sexe", "Le sexe s'écrit F ou M." },
    };
    size_t i;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        apr_table_t *errors = apr_table_make(unit_pool, 4);
        pt_person person = cases[i].person;
        const char *prefix = person.kind == PT_PERSON_ENFANT ? "e1_" : "r1_";
        int n = pt_family_check_person(unit_pool, &person, prefix, UNIT_TODAY, errors);
        if (!cases[i].field) {
            ck_assert_msg(n == 0, "case %u: %d errors", (unsigned)i, n);
            continue;
        }
        ck_assert_msg(n == 1, "case %u: %d errors", (unsigned)i, n);
        ck_assert_msg(apr_table_get(errors, cases[i].field) != NULL, "case %u: no %s",
                      (unsigned)i, cases[i].field);
        ck_assert_msg(!strncmp(apr_table_get(errors, cases[i].field), cases[i].why,
                               strlen(cases[i].why)), "case %u: %s", (unsigned)i,
                      apr_table_get(errors, cases[i].field));
        ck_assert(*apr_table_get(errors, cases[i].field));
    }
}
END_TEST

/* Normalized in place: what is stored is what the checks accepted. */
START_TEST(person_is_normalized)
{
    apr_table_t *errors = apr_table_make(unit_pool, 4);
    pt_person r = { PT_PERSON_RESPONSABLE, "M.", "  Martin ", "Paul", "", NULL,
                    "Paul.Martin@Exemple.FR", "06.12.34.56.78" };
    ck_assert_int_eq(pt_family_check_person(unit_pool, &r, "r1_", UNIT_TODAY, errors), 0);
    ck_assert_str_eq(r.nom, "Martin");
    ck_assert_str_eq(r.email, "paul.martin@exemple.fr");
    ck_assert_str_eq(r.telephone, "06 12 34 56 78");
}
END_TEST

static pt_family_input *unit_family(int responsables, int enfants)
{
    pt_family_input *f = apr_pcalloc(unit_pool, sizeof(*f));
    int i;
    f->persons = apr_array_make(unit_pool, 4, sizeof(pt_person));
    for (i = 0; i < responsables + enfants; i++) {
        pt_person *p = apr_array_push(f->persons);
        memset(p, 0, sizeof(*p));
        p->kind = i < responsables ? PT_PERSON_RESPONSABLE : PT_PERSON_ENFANT;
        p->nom = "Bénard";
        p->prenom = "Camille";
    }
    return f;
}

START_TEST(family_rules)
{
    apr_table_t *errors = apr_table_make(unit_pool, 4);
    pt_family_input *f = unit_family(1, 2);

    /* The family's name defaults to its first responsable's, in capitals. */
    f->adresse = "3 place de la Mairie";
    f->code_postal = "44000";
    f->commune = "Nantes";
    ck_assert_int_eq(pt_family_check(unit_pool, f, errors), 0);
    ck_assert_str_eq(f->nom, "BÉNARD");

    /* No responsable: no name for the family either. */
    ck_assert_int_eq(pt_family_check(unit_pool, unit_family(0, 1), errors), 2);
    ck_assert_str_eq(apr_table_get(errors, "r1_nom"), "Une famille a au moins un responsable.");
    apr_table_clear(errors);
    ck_assert_int_eq(pt_family_check(unit_pool, unit_family(3, 0), errors), 1);
    ck_assert_str_eq(apr_table_get(errors, "responsables"),
                     "Une famille a deux responsables au plus.");
    apr_table_clear(errors);
    ck_assert_int_eq(pt_family_check(unit_pool, unit_family(2, 13), errors), 1);
    ck_assert_str_eq(apr_table_get(errors, "enfants"), "Une famille a douze enfants au plus.");
    apr_table_clear(errors);
    ck_assert_int_eq(pt_family_check(unit_pool, unit_family(2, 12), errors), 0);

    /* Each of its own fields, under its name. */
    f = unit_family(1, 0);
    f->nom = "<script>";
    f->code = "K7QM-4XPT-9HWI";
    f->adresse = "3 place\nde la Mairie";
    f->code_postal = "4400";
    f->commune = "Nantes 44";
    ck_assert_int_eq(pt_family_check(unit_pool, f, errors), 5);
    ck_assert_ptr_nonnull(apr_table_get(errors, "nom"));
    ck_assert_ptr_nonnull(strstr(apr_table_get(errors, "code"), "12 caractères"));
    ck_assert_str_eq(apr_table_get(errors, "adresse"),
                     "L'adresse tient sur une ligne de 200 caractères au plus.");
    ck_assert_ptr_nonnull(apr_table_get(errors, "code_postal"));
    ck_assert_ptr_nonnull(apr_table_get(errors, "commune"));

    /* A code typed in lower case with spaces is the same code. */
    apr_table_clear(errors);
    f = unit_family(1, 0);
    f->code = "k7qm 4xpt 9hwa";
    ck_assert_int_eq(pt_family_check(unit_pool, f, errors), 0);
    ck_assert_str_eq(f->code, "K7QM-4XPT-9HWA");
}
END_TEST

Suite *unit_family_suite(void)
{
    Suite *s = suite_create("family");
    TCase *tc = tcase_create("family");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, persons_are_checked_field_by_field);
    tcase_add_test(tc, person_is_normalized);
    tcase_add_test(tc, family_rules);
    suite_add_tcase(s, tc);
    return s;
}
