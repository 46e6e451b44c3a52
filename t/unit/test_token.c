/* Tokens: session tokens are 256 random bits, stored as SHA-256; CSRF is an HMAC. */
#include <string.h>
#include "unit.h"
#include "core/pt_token.h"
#include "core/pt_throttle.h"

START_TEST(token_is_256_bits_base64url_and_random)
{
    const char *a = pt_token_new(unit_pool), *b = pt_token_new(unit_pool);
    ck_assert_uint_eq(strlen(a), 43);
    ck_assert_str_ne(a, b);
    ck_assert_uint_eq(strspn(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), 43);
}
END_TEST

START_TEST(hash_is_sha256)
{
    ck_assert_str_eq(pt_token_hash(unit_pool, "abc"),
                     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
END_TEST

START_TEST(mac_is_hmac_sha256)
{
    /* RFC 4231 test case 2, base64url */
    ck_assert_str_eq(pt_token_mac(unit_pool, "Jefe", "what do ya want for nothing?"),
                     "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM");
}
END_TEST

START_TEST(equal_is_exact)
{
    ck_assert(pt_token_equal("abc", "abc"));
    ck_assert(!pt_token_equal("abc", "abd"));
    ck_assert(!pt_token_equal("abc", "abcd"));
    ck_assert(!pt_token_equal("", "a"));
    ck_assert(!pt_token_equal(NULL, "a"));
}
END_TEST

START_TEST(throttle_delay_doubles_after_free_tries)
{
    pt_throttle_rule rule = { 5, 2, 60, 3600 };
    ck_assert_int_eq(pt_throttle_delay(&rule, 5), 0);
    ck_assert_int_eq(pt_throttle_delay(&rule, 6), 2);
    ck_assert_int_eq(pt_throttle_delay(&rule, 7), 4);
    ck_assert_int_eq(pt_throttle_delay(&rule, 10), 32);
    ck_assert_int_eq(pt_throttle_delay(&rule, 11), 60);
    ck_assert_int_eq(pt_throttle_delay(&rule, 1000), 60);
}
END_TEST

Suite *unit_token_suite(void)
{
    Suite *s = suite_create("token");
    TCase *tc = tcase_create("token");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, token_is_256_bits_base64url_and_random);
    tcase_add_test(tc, hash_is_sha256);
    tcase_add_test(tc, mac_is_hmac_sha256);
    tcase_add_test(tc, equal_is_exact);
    tcase_add_test(tc, throttle_delay_doubles_after_free_tries);
    suite_add_tcase(s, tc);
    return s;
}
