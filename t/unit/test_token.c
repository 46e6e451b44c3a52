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

/* The throttle's SQL on an in-memory SQLite database: the reservation counts, blocks
 * beyond the free attempts with a doubling delay, refuses while blocked, refunds. */
static pt_db *throttle_db(void)
{
    pt_db *db = NULL;
    const char *err = NULL;
    static const char *const labels[] = { "portail_throttle_get", "portail_throttle_ensure",
                                          "portail_throttle_reserve", "portail_throttle_refund",
                                          "portail_throttle_clear" };
    size_t i;
    ck_assert_int_eq(pt_db_open(unit_pool, "sqlite3", ":memory:", &db, &err), PT_DB_OK);
    ck_assert_int_eq(pt_db_exec_raw(db, unit_pool,
                     "CREATE TABLE throttle (key TEXT PRIMARY KEY, failures INTEGER NOT NULL, "
                     "first_at BIGINT NOT NULL, last_at BIGINT NOT NULL, "
                     "blocked_until BIGINT NOT NULL DEFAULT 0)"), PT_DB_OK);
    for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++) {
        ck_assert_int_eq(pt_db_prepare_one(db, labels[i]), PT_DB_OK);
    }
    return db;
}

static int throttle_try(pt_db *db, const pt_throttle_key *k, apr_int64_t t)
{
    int wait = -1;
    ck_assert_int_eq(pt_throttle_reserve(db, unit_pool, k, 1, apr_time_from_sec(t), &wait),
                     PT_DB_OK);
    return wait;
}

START_TEST(throttle_reserves_then_blocks_with_a_doubling_delay)
{
    static const pt_throttle_rule rule = { 5, 2, 60, 3600 };
    pt_throttle_key k = { "login:acct:x@exemple.fr", &rule };
    pt_db *db = throttle_db();
    apr_int64_t t = 1000000;
    int i;
    for (i = 1; i <= 6; i++) {
        ck_assert_int_eq(throttle_try(db, &k, t), 0);      /* 6 evaluated at once */
    }
    ck_assert_int_eq(throttle_try(db, &k, t), 2);          /* the 7th waits 2 s */
    ck_assert_int_eq(throttle_try(db, &k, t + 1), 1);
    ck_assert_int_eq(throttle_try(db, &k, t + 2), 0);      /* 7th evaluated: now 4 s */
    ck_assert_int_eq(throttle_try(db, &k, t + 2), 4);
    ck_assert_int_eq(throttle_try(db, &k, t + 6), 0);      /* 8th: 8 s */
    ck_assert_int_eq(throttle_try(db, &k, t + 6), 8);
    for (i = 0; i < 10; i++) {                             /* capped at the maximum */
        t += 100;
        ck_assert_int_eq(throttle_try(db, &k, t), 0);
    }
    ck_assert_int_eq(throttle_try(db, &k, t), 60);
    /* Attempts older than the window are forgotten. */
    ck_assert_int_eq(throttle_try(db, &k, t + 3700), 0);
    ck_assert_int_eq(throttle_try(db, &k, t + 3700), 0);
    ck_assert_int_eq(pt_throttle_clear(db, unit_pool, k.key), PT_DB_OK);
    pt_db_close(db);
}
END_TEST

START_TEST(throttle_refund_gives_an_attempt_back_and_blocked_keys_refund_the_others)
{
    static const pt_throttle_rule shared = { 2, 10, 60, 3600 }, own = { 1, 10, 60, 3600 };
    pt_throttle_key keys[2] = { { "login:ip:192.0.2.1", &shared }, { "login:acct:y", &own } };
    pt_db *db = throttle_db();
    pt_rows *r = NULL;
    apr_int64_t t = 2000000;
    int wait = -1;
    ck_assert_int_eq(throttle_try(db, &keys[0], t), 0);
    ck_assert_int_eq(pt_throttle_refund(db, unit_pool, &keys[0]), PT_DB_OK);
    ck_assert_int_eq(throttle_try(db, &keys[0], t), 0);
    ck_assert_int_eq(throttle_try(db, &keys[0], t), 0);    /* 2 counted: still free */
    ck_assert_int_eq(pt_db_select(db, unit_pool, "portail_throttle_get",
                                  PT_ARGS(keys[0].key), &r), PT_DB_OK);
    ck_assert_int_eq(pt_rows_int(r, 0, "failures", 0), 2);
    /* The account's key: 2 allowed (1 free + 1 that blocks), then refused — and the
     * address's reservation of that refused attempt is given back. */
    ck_assert_int_eq(pt_throttle_refund(db, unit_pool, &keys[0]), PT_DB_OK);
    ck_assert_int_eq(pt_throttle_refund(db, unit_pool, &keys[0]), PT_DB_OK);
    ck_assert_int_eq(pt_throttle_reserve(db, unit_pool, keys, 2, apr_time_from_sec(t), &wait),
                     PT_DB_OK);
    ck_assert_int_eq(wait, 0);
    ck_assert_int_eq(pt_throttle_reserve(db, unit_pool, keys, 2, apr_time_from_sec(t), &wait),
                     PT_DB_OK);
    ck_assert_int_eq(wait, 0);
    ck_assert_int_eq(pt_throttle_reserve(db, unit_pool, keys, 2, apr_time_from_sec(t), &wait),
                     PT_DB_OK);
    ck_assert_int_eq(wait, 10);
    ck_assert_int_eq(pt_db_select(db, unit_pool, "portail_throttle_get",
                                  PT_ARGS(keys[0].key), &r), PT_DB_OK);
    ck_assert_int_eq(pt_rows_int(r, 0, "failures", 0), 2);
    ck_assert_int_eq(pt_rows_int(r, 0, "blocked_until", 0), 0);
    pt_db_close(db);
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
    tcase_add_test(tc, throttle_reserves_then_blocks_with_a_doubling_delay);
    tcase_add_test(tc, throttle_refund_gives_an_attempt_back_and_blocked_keys_refund_the_others);
    suite_add_tcase(s, tc);
    return s;
}
