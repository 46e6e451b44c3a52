/* Need to know: which routes and which data each agent role opens (core/pt_role.c), and
 * the family file's fields by class (core/pt_dossier.c). */
#include <string.h>
#include "unit.h"
#include "core/pt_role.h"
#include "core/pt_dossier.h"

static pt_user unit_role_agent(int roles)
{
    pt_user u;
    memset(&u, 0, sizeof(u));
    u.role = PT_ROLE_AGENT;
    u.agent_roles = roles;
    return u;
}

START_TEST(role_routes_open_to_their_roles)
{
    pt_user parent, none = unit_role_agent(0), resto = unit_role_agent(PT_ROLE_RESTAURATION);
    pt_user factu = unit_role_agent(PT_ROLE_FACTURATION);
    memset(&parent, 0, sizeof(parent));
    parent.role = PT_ROLE_PARENT;
    ck_assert(pt_role_allows(PT_ROLE_ANY, NULL));
    ck_assert(!pt_role_allows(PT_ROLE_USER, NULL));
    ck_assert(!pt_role_allows(PT_ROLE_AGENT, &parent));
    ck_assert(pt_role_allows(PT_ROLE_AGENT, &none));            /* the dashboard */
    ck_assert(!pt_role_allows(PT_ROLE_ACCUEIL, &none));
    ck_assert(!pt_role_allows(PT_ROLE_ACCUEIL, &parent));
    ck_assert(pt_role_allows(PT_ROLE_ENFANTS, &resto));
    ck_assert(!pt_role_allows(PT_ROLE_ENFANTS, &factu));
    ck_assert(pt_role_allows(PT_ROLE_DOSSIERS, &factu));
    ck_assert(!pt_role_allows(PT_ROLE_ADMINISTRATION, &factu));
    ck_assert(!pt_role_allows(PT_ROLE_PARENT, &factu));
}
END_TEST

START_TEST(role_data_classes)
{
    pt_user parent, admin = unit_role_agent(PT_ROLE_ADMINISTRATION);
    pt_user accueil = unit_role_agent(PT_ROLE_ACCUEIL), factu = unit_role_agent(PT_ROLE_FACTURATION);
    memset(&parent, 0, sizeof(parent));
    parent.role = PT_ROLE_PARENT;
    ck_assert(pt_role_sees(&accueil, PT_DATA_SANTE));
    ck_assert(!pt_role_sees(&accueil, PT_DATA_BANQUE));
    ck_assert(pt_role_sees(&factu, PT_DATA_BANQUE));
    ck_assert(!pt_role_sees(&factu, PT_DATA_SANTE));
    ck_assert(!pt_role_sees(&admin, PT_DATA_SANTE) && !pt_role_sees(&admin, PT_DATA_BANQUE));
    ck_assert(pt_role_sees(&admin, PT_DATA_COMMUNE));
    ck_assert(pt_role_sees(&parent, PT_DATA_SANTE) && pt_role_sees(&parent, PT_DATA_BANQUE));
    ck_assert(!pt_role_sees(NULL, PT_DATA_COMMUNE));
    /* The fields by their section. */
    ck_assert(!pt_dossier_visible(&factu, pt_dossier_field_find("enfant", "allergies")));
    ck_assert(!pt_dossier_visible(&factu, pt_dossier_field_find("enfant", "regime")));
    ck_assert(pt_dossier_visible(&factu, pt_dossier_field_find("enfant", "ecole")));
    ck_assert(!pt_dossier_visible(&accueil, pt_dossier_field_find("responsable", "iban")));
    ck_assert(pt_dossier_visible(&accueil, pt_dossier_field_find("responsable", "tel_portable")));
}
END_TEST

START_TEST(role_names_both_ways)
{
    const pt_role_def *d;
    ck_assert_str_eq(pt_role_names(unit_pool, 0), "");
    ck_assert_str_eq(pt_role_names(unit_pool, PT_ROLE_FACTURATION | PT_ROLE_ACCUEIL),
                     "accueil facturation");
    for (d = pt_role_defs; d->name; d++) {
        ck_assert_int_eq(pt_role_bit(d->name), d->bit);
    }
    ck_assert_int_eq(pt_role_bit("agent"), 0);
    ck_assert_int_eq(pt_role_bit(NULL), 0);
}
END_TEST

Suite *unit_role_suite(void)
{
    Suite *s = suite_create("role");
    TCase *tc = tcase_create("role");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, role_routes_open_to_their_roles);
    tcase_add_test(tc, role_data_classes);
    tcase_add_test(tc, role_names_both_ways);
    suite_add_tcase(s, tc);
    return s;
}
