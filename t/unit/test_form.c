/* Forms: every POST and query string goes through pt_form_parse. */
#include <string.h>
#include "unit.h"
#include "core/pt_form.h"

START_TEST(form_decodes_fields_and_plus)
{
    apr_table_t *t = NULL;
    const char *body = "email=marie%40exemple.fr&nom=Le+Gall&nom=Dupont&vide=";
    ck_assert_int_eq(pt_form_parse(unit_pool, body, strlen(body), 10, &t), PT_FORM_OK);
    ck_assert_str_eq(apr_table_get(t, "email"), "marie@exemple.fr");
    ck_assert_str_eq(apr_table_get(t, "nom"), "Le Gall");       /* first of repeated */
    ck_assert_str_eq(apr_table_get(t, "vide"), "");
    ck_assert_int_eq(apr_table_elts(t)->nelts, 4);
}
END_TEST

START_TEST(form_accepts_french_utf8)
{
    apr_table_t *t = NULL;
    const char *body = "prenom=%C3%89lo%C3%AFse";
    ck_assert_int_eq(pt_form_parse(unit_pool, body, strlen(body), 10, &t), PT_FORM_OK);
    ck_assert_str_eq(apr_table_get(t, "prenom"), "Éloïse");
}
END_TEST

START_TEST(form_refuses_invalid_utf8)
{
    apr_table_t *t = NULL;
    const char *cases[] = { "a=%FF", "a=%C3", "a=%C0%80", "a=%ED%A0%80", "a=%01", "a=%00b",
                            "a=\xC3(" };
    size_t i;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int rv = pt_form_parse(unit_pool, cases[i], strlen(cases[i]), 10, &t);
        ck_assert_msg(rv == PT_FORM_BAD_UTF8 || rv == PT_FORM_BAD_ESCAPE, "accepted %s", cases[i]);
    }
}
END_TEST

START_TEST(form_refuses_bad_escapes)
{
    apr_table_t *t = NULL;
    ck_assert_int_eq(pt_form_parse(unit_pool, "a=%G1", 5, 10, &t), PT_FORM_BAD_ESCAPE);
    ck_assert_int_eq(pt_form_parse(unit_pool, "a=%4", 4, 10, &t), PT_FORM_BAD_ESCAPE);
}
END_TEST

START_TEST(form_limits_field_count)
{
    apr_table_t *t = NULL;
    ck_assert_int_eq(pt_form_parse(unit_pool, "a=1&b=2&c=3", 11, 2, &t), PT_FORM_TOO_MANY);
    ck_assert_int_eq(pt_form_parse(unit_pool, "a=1&b=2", 7, 2, &t), PT_FORM_OK);
}
END_TEST

START_TEST(form_get_trims)
{
    apr_table_t *t = NULL;
    const char *body = "email=++a%40b.fr+%0A";
    ck_assert_int_eq(pt_form_parse(unit_pool, body, strlen(body), 10, &t), PT_FORM_OK);
    ck_assert_str_eq(pt_form_get(t, "email"), "a@b.fr");
    ck_assert_str_eq(pt_form_get(t, "absent"), "");
}
END_TEST

START_TEST(form_escape_round_trips)
{
    const char *s = "/portail/famille/?a=é&b=1 2";
    const char *e = pt_form_escape(unit_pool, s);
    ck_assert_ptr_null(strchr(e, '&'));
    ck_assert_ptr_null(strchr(e, ' '));
    ck_assert_str_eq(pt_form_unescape(unit_pool, e, strlen(e)), s);
}
END_TEST

START_TEST(form_cookie_reads_one_cookie)
{
    const char *h = "_ga=1; portail_anon=abc=d;portail_session=s1; portail_session=s2";
    ck_assert_str_eq(pt_form_cookie(unit_pool, h, "portail_anon"), "abc=d");
    ck_assert_str_eq(pt_form_cookie(unit_pool, h, "portail_session"), "s1");
    ck_assert_ptr_null(pt_form_cookie(unit_pool, h, "portail"));
    ck_assert_ptr_null(pt_form_cookie(unit_pool, "xportail_anon=1", "portail_anon"));
    ck_assert_ptr_null(pt_form_cookie(unit_pool, NULL, "portail_anon"));
    ck_assert_str_eq(pt_form_cookie(unit_pool, "a=", "a"), "");
}
END_TEST

Suite *unit_form_suite(void)
{
    Suite *s = suite_create("form");
    TCase *tc = tcase_create("parse");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, form_decodes_fields_and_plus);
    tcase_add_test(tc, form_accepts_french_utf8);
    tcase_add_test(tc, form_refuses_invalid_utf8);
    tcase_add_test(tc, form_refuses_bad_escapes);
    tcase_add_test(tc, form_limits_field_count);
    tcase_add_test(tc, form_get_trims);
    tcase_add_test(tc, form_escape_round_trips);
    tcase_add_test(tc, form_cookie_reads_one_cookie);
    suite_add_tcase(s, tc);
    return s;
}
