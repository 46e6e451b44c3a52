/* Codes abonné and amounts typed by parents. */
#include <string.h>
#include "unit.h"
#include "domain/pt_code.h"

START_TEST(code_typed_loosely_is_normalized)
{
    ck_assert_str_eq(pt_code_normalize(unit_pool, "K7QM-4XPT-9HWA"), "K7QM-4XPT-9HWA");
    ck_assert_str_eq(pt_code_normalize(unit_pool, " k7qm 4xpt 9hwa "), "K7QM-4XPT-9HWA");
    ck_assert_str_eq(pt_code_normalize(unit_pool, "k7qm4xpt9hwa"), "K7QM-4XPT-9HWA");
    ck_assert_ptr_null(pt_code_normalize(unit_pool, "K7QM-4XPT-9HW"));     /* 11 */
    ck_assert_ptr_null(pt_code_normalize(unit_pool, "K7QM-4XPT-9HWAA"));   /* 13 */
    ck_assert_ptr_null(pt_code_normalize(unit_pool, "K7QM-4XPT-9HW0"));    /* 0 not used */
    ck_assert_ptr_null(pt_code_normalize(unit_pool, "K7QM-4XPT-9HWI"));    /* I not used */
    ck_assert_ptr_null(pt_code_normalize(unit_pool, ""));
}
END_TEST

START_TEST(new_codes_are_valid_and_differ)
{
    const char *a = pt_code_new(unit_pool), *b = pt_code_new(unit_pool);
    ck_assert_ptr_nonnull(a);
    ck_assert_str_eq(pt_code_normalize(unit_pool, a), a);
    ck_assert_str_ne(a, b);
    ck_assert_uint_eq(strlen(PT_CODE_ALPHABET), 32);   /* 12 x 5 bits = 60 bits */
}
END_TEST

START_TEST(amounts_typed_the_french_way)
{
    ck_assert_int_eq(pt_code_amount("86,40"), 8640);
    ck_assert_int_eq(pt_code_amount("86.40"), 8640);
    ck_assert_int_eq(pt_code_amount("86,4"), 8640);
    ck_assert_int_eq(pt_code_amount(" 86 "), 8600);
    ck_assert_int_eq(pt_code_amount("45,20 €"), 4520);
    ck_assert_int_eq(pt_code_amount("1 234,56"), 123456);
    ck_assert_int_eq(pt_code_amount("86,"), -1);
    ck_assert_int_eq(pt_code_amount("86,405"), -1);
    ck_assert_int_eq(pt_code_amount(",40"), -1);
    ck_assert_int_eq(pt_code_amount("abc"), -1);
    ck_assert_int_eq(pt_code_amount(""), -1);
    /* as pt_fr writes them: read back unchanged */
    ck_assert_int_eq(pt_code_amount("31\xE2\x80\xAF" "500\xC2\xA0€"), 3150000);
    ck_assert_int_eq(pt_code_amount("1,50\xC2\xA0€"), 150);
}
END_TEST

Suite *unit_code_suite(void)
{
    Suite *s = suite_create("code");
    TCase *tc = tcase_create("code");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, code_typed_loosely_is_normalized);
    tcase_add_test(tc, new_codes_are_valid_and_differ);
    tcase_add_test(tc, amounts_typed_the_french_way);
    suite_add_tcase(s, tc);
    return s;
}
