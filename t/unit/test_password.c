/* The password rule shown on the forms (CNIL) and e-mail normalisation. */
#include <string.h>
#include "unit.h"
#include "domain/pt_password.h"
#include <apr_md5.h>
#include "core/pt_account.h"

START_TEST(password_rule)
{
    ck_assert_ptr_null(pt_password_check("une phrase de passe"));  /* 12+ characters */
    ck_assert_ptr_null(pt_password_check("Ab1!efgh"));             /* 8 with 4 kinds */
    ck_assert_ptr_nonnull(pt_password_check("Ab1defgh"));          /* 8, 3 kinds */
    ck_assert_ptr_nonnull(pt_password_check("Ab1!efg"));           /* 7 */
    ck_assert_ptr_nonnull(pt_password_check("ééééééééééé"));       /* 11 characters, 22 bytes */
    ck_assert_ptr_null(pt_password_check("éééééééééééé"));         /* 12 characters */
    ck_assert_ptr_nonnull(pt_password_check(""));
}
END_TEST

START_TEST(email_normalized)
{
    ck_assert_str_eq(pt_account_normalize_email(unit_pool, "  Marie.Dupont@Exemple.FR "),
                     "marie.dupont@exemple.fr");
    ck_assert_ptr_null(pt_account_normalize_email(unit_pool, "marie"));
    ck_assert_ptr_null(pt_account_normalize_email(unit_pool, "a@b"));
    ck_assert_ptr_null(pt_account_normalize_email(unit_pool, "a@@b.fr"));
    ck_assert_ptr_null(pt_account_normalize_email(unit_pool, "a b@c.fr"));
    ck_assert_ptr_null(pt_account_normalize_email(unit_pool, "<a@b.fr>"));
}
END_TEST

START_TEST(bcrypt_round_trip)
{
    const char *h = pt_account_hash_password(unit_pool, "Parent-demo-2026");
    ck_assert_ptr_nonnull(h);
    ck_assert(strncmp(h, "$2y$11$", 7) == 0);
    ck_assert_int_eq(apr_password_validate("Parent-demo-2026", h), APR_SUCCESS);
    ck_assert_int_ne(apr_password_validate("parent-demo-2026", h), APR_SUCCESS);
}
END_TEST

Suite *unit_password_suite(void)
{
    Suite *s = suite_create("password");
    TCase *tc = tcase_create("password");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, password_rule);
    tcase_add_test(tc, email_normalized);
    tcase_add_test(tc, bcrypt_round_trip);
    suite_add_tcase(s, tc);
    return s;
}
