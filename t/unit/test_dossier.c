/* The family file's fields (pt_dossier): what a parent or an agent types is checked and
 * normalized field by field before it becomes a request, with a French reason when it is
 * refused; stored values are shown as people read them. */
#include <string.h>
#include <apr_strings.h>
#include "unit.h"
#include "core/pt_dossier.h"

#define NBSP "\xC2\xA0"
#define NNBSP "\xE2\x80\xAF"

/* Every field of pt_dossier.def is found by its object and column, has a label, a
 * prepared UPDATE named after it, and a section some card shows. */
START_TEST(every_field_is_reachable_and_titled)
{
    const pt_dossier_field *f;
    int n = 0;
    for (f = pt_dossier_fields; f->object; f++, n++) {
        ck_assert_ptr_eq(pt_dossier_field_find(f->object, f->column), f);
        ck_assert(*f->label);
        ck_assert_str_eq(f->set_label, apr_pstrcat(unit_pool, "portail_dossier_set_",
                                                   f->object, "_", f->column, NULL));
        ck_assert_msg(pt_dossier_section_title(f->object, f->section) != NULL,
                      "%s.%s: section %s", f->object, f->column, f->section);
    }
    ck_assert_int_gt(n, 30);
    ck_assert_ptr_null(pt_dossier_field_find("enfant", "mot_de_passe"));
    ck_assert_ptr_null(pt_dossier_field_find("agent", "nom"));
    ck_assert_str_eq(pt_dossier_section_title("responsable", "banque"),
                     "Coordonnées bancaires");
    ck_assert_ptr_null(pt_dossier_section_title("famille", "sante"));
    /* Only agents change the fiscal data that sets the prices. */
    ck_assert_int_eq(pt_dossier_field_find("famille", "quotient")->family, 0);
    ck_assert_int_eq(pt_dossier_field_find("famille", "adresse")->family, 1);
}
END_TEST

typedef struct {
    const char *object, *column, *typed;
    const char *stored;          /* the normalized value, or NULL: refused */
    const char *why;             /* refused: the start of the reason */
} unit_dossier_case;

START_TEST(typed_values_are_checked_and_normalized)
{
    static const char photo[] = "abcdefghijABCDEFGHIJ0123456789-_abcdefghijk";
    const unit_dossier_case cases[] = {
        /* Text: one line, at most 200 bytes. */
        { "famille", "adresse", "  12 rue des Écoles", "12 rue des Écoles", NULL },
        { "famille", "adresse", "12 rue\nBâtiment B", NULL, "Ce champ tient sur une ligne." },
        { "enfant", "ecole", "", "", NULL },
        /* Names: required, except the account holder's (no bank details). */
        { "enfant", "prenom", "   ", NULL, "« Prénom » est obligatoire." },
        { "responsable", "nom", NULL, NULL, "« Nom » est obligatoire." },
        { "responsable", "titulaire", "", "", NULL },
        { "enfant", "date_naissance", "", NULL, "« Date de naissance » est obligatoire." },
        { "responsable", "date_naissance", "", "", NULL },
        /* Dates. */
        { "enfant", "date_naissance", "2018-09-14", "2018-09-14", NULL },
        { "enfant", "date_naissance", "2018-02-30", NULL, "Indiquez une date réelle" },
        { "enfant", "assurance_echeance", "14/09/2026", NULL, "Indiquez une date réelle" },
        /* Money: euros typed the French way, stored in cents. */
        { "famille", "revenu_reference", "31 500", "3150000", NULL },
        { "famille", "revenu_reference", "31 500,50 €", "3150050", NULL },
        { "famille", "revenu_reference", "beaucoup", NULL, "Indiquez un montant en euros" },
        /* Whole numbers: the quotient up to 9 digits, the CAF number up to 10. */
        { "famille", "quotient", "850", "850", NULL },
        { "famille", "quotient", "8,5", NULL, "Indiquez un nombre entier, en chiffres." },
        { "famille", "quotient", "1234567890", NULL, "Indiquez un nombre entier" },
        { "famille", "allocataire_caf", "1234567890", "1234567890", NULL },
        { "famille", "allocataire_caf", "12345678901", NULL, "Indiquez un nombre entier" },
        /* Choices: only the values offered. */
        { "responsable", "civilite", "Mme", "Mme", NULL },
        { "responsable", "civilite", "Madame", NULL, "Choisissez une des valeurs proposées." },
        { "enfant", "sexe", "M", "M", NULL },
        { "enfant", "sexe", "X", NULL, "Choisissez une des valeurs proposées." },
        /* E-mail, lowercased. */
        { "responsable", "email", "Claire.Martin@Exemple.FR", "claire.martin@exemple.fr", NULL },
        { "responsable", "email", "claire.martin", NULL, "Cette adresse e-mail n'est pas valide" },
        /* Photos: only a name the module gave (43 characters of base64url, .jpg or .png). */
        { "enfant", "photo", apr_pstrcat(unit_pool, photo, ".jpg", NULL),
          apr_pstrcat(unit_pool, photo, ".jpg", NULL), NULL },
        { "enfant", "photo", apr_pstrcat(unit_pool, photo, ".gif", NULL), NULL,
          "Cette photo n'est pas valide." },
        { "enfant", "photo", "../../etc/passwd.jpg", NULL, "Cette photo n'est pas valide." },
        { "enfant", "photo", apr_pstrcat(unit_pool, photo + 1, ".png", NULL), NULL,
          "Cette photo n'est pas valide." },
        /* Booleans: a ticked box is "1", anything else "0". */
        { "enfant", "lunettes", "1", "1", NULL },
        { "enfant", "lunettes", "on", "0", NULL },
        { "enfant", "lunettes", NULL, "0", NULL },
    };
    size_t i;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const pt_dossier_field *f = pt_dossier_field_find(cases[i].object, cases[i].column);
        const char *why = NULL, *got;
        ck_assert_ptr_nonnull(f);
        got = pt_dossier_check(unit_pool, f, cases[i].typed, &why);
        if (cases[i].stored) {
            ck_assert_msg(got && !strcmp(got, cases[i].stored), "case %u: « %s » gave « %s »",
                          (unsigned)i, cases[i].typed, got ? got : why);
        }
        else {
            ck_assert_msg(!got, "case %u: « %s » accepted", (unsigned)i, cases[i].typed);
            ck_assert_msg(why && !strncmp(why, cases[i].why, strlen(cases[i].why)),
                          "case %u: %s", (unsigned)i, why ? why : "(no reason)");
        }
    }
}
END_TEST

/* Free text longer than its limit, and the long text of health data (2000 bytes). */
START_TEST(text_lengths)
{
    const pt_dossier_field *line = pt_dossier_field_find("enfant", "classe");
    char big[2100];
    const char *why = NULL;
    memset(big, 'a', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    big[200] = '\0';
    ck_assert_ptr_nonnull(pt_dossier_check(unit_pool, line, big, &why));
    big[200] = 'a';
    big[201] = '\0';
    ck_assert_ptr_null(pt_dossier_check(unit_pool, line, big, &why));
    ck_assert_ptr_nonnull(why);
    /* Allergies: several lines, up to 2000 bytes. */
    big[201] = 'a';
    big[2000] = '\0';
    big[10] = '\n';
    ck_assert_ptr_nonnull(pt_dossier_check(unit_pool, pt_dossier_field_find("enfant",
                                                                             "allergies"),
                                           big, &why));
    big[2000] = 'a';
    why = NULL;
    ck_assert_ptr_null(pt_dossier_check(unit_pool, pt_dossier_field_find("enfant", "allergies"),
                                        big, &why));
    ck_assert_ptr_nonnull(why);
}
END_TEST

typedef struct {
    const char *object, *column, *value;
    int mask;
    const char *shown;
} unit_display_case;

START_TEST(stored_values_are_shown_as_people_read_them)
{
    static const unit_display_case cases[] = {
        { "enfant", "lunettes", "1", 0, "Oui" },
        { "enfant", "lunettes", "0", 0, "Non" },
        { "enfant", "droit_image", NULL, 0, "Non" },        /* never set */
        { "enfant", "ecole", NULL, 0, "" },
        { "enfant", "ecole", "", 0, "" },
        { "enfant", "ecole", "Jules Ferry", 0, "Jules Ferry" },
        { "enfant", "sexe", "F", 0, "Fille" },
        { "responsable", "civilite", "M.", 0, "Monsieur" },
        { "enfant", "date_naissance", "2018-09-14", 0, "vendredi 14 septembre 2018" },
        { "famille", "revenu_reference", "3150000", 0, "31" NNBSP "500" NBSP "€" },
        { "famille", "revenu_reference", "3150050", 0, "31" NNBSP "500,50" NBSP "€" },
        { "responsable", "iban", "FR76 3000 6000 0112 3456 7890 189", 1,
          "FR76 **** **** **** **** ***0 189" },
        { "responsable", "iban", "FR76 3000 6000 0112 3456 7890 189", 0,
          "FR76 3000 6000 0112 3456 7890 189" },
        /* A value no longer among the choices is shown as stored, not hidden. */
        { "enfant", "sexe", "X", 0, "X" },
    };
    size_t i;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const pt_dossier_field *f = pt_dossier_field_find(cases[i].object, cases[i].column);
        ck_assert_str_eq(pt_dossier_display(unit_pool, f, cases[i].value, cases[i].mask),
                         cases[i].shown);
    }
}
END_TEST

/* A select offers value / label pairs; free text offers none. */
START_TEST(choices_are_offered_for_select_fields_only)
{
    const char *const *o = pt_dossier_options(pt_dossier_field_find("enfant", "regime"));
    int n = 0;
    for (; *o; o += 2, n++) {
        ck_assert_ptr_nonnull(o[1]);
    }
    ck_assert_int_eq(n, 4);
    ck_assert_str_eq(pt_dossier_check(unit_pool, pt_dossier_field_find("enfant", "regime"),
                                      "vegetarien", NULL), "vegetarien");
    ck_assert_ptr_null(pt_dossier_options(pt_dossier_field_find("enfant", "ecole")));
    ck_assert_ptr_null(pt_dossier_options(pt_dossier_field_find("enfant", "lunettes")));
}
END_TEST

Suite *unit_dossier_suite(void)
{
    Suite *s = suite_create("dossier");
    TCase *tc = tcase_create("dossier");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, every_field_is_reachable_and_titled);
    tcase_add_test(tc, typed_values_are_checked_and_normalized);
    tcase_add_test(tc, text_lengths);
    tcase_add_test(tc, stored_values_are_shown_as_people_read_them);
    tcase_add_test(tc, choices_are_offered_for_select_fields_only);
    suite_add_tcase(s, tc);
    return s;
}
