/* The rendered pages' cache: what is put is got back, the least recently used goes first
 * when full, and keys differ as soon as one value of the rows differs. */
#include <string.h>
#include <apr_strings.h>
#include "unit.h"
#include <openssl/evp.h>
#include "core/pt_pagecache.h"

START_TEST(put_get_evict)
{
    pt_pagecache *c;
    const char *body;
    apr_size_t len;
    char page[300];
    memset(page, 'x', sizeof(page));
    ck_assert_int_eq(pt_pagecache_create(unit_pool, 1000, &c), APR_SUCCESS);
    ck_assert(!pt_pagecache_get(c, "a", unit_pool, &body, &len));
    pt_pagecache_put(c, "a", page, 200);
    pt_pagecache_put(c, "b", page, 200);
    ck_assert(pt_pagecache_get(c, "a", unit_pool, &body, &len));
    ck_assert_int_eq((int)len, 200);
    ck_assert(!memcmp(body, page, 200));
    /* 1000 bytes: a (just used), b, c, d fit 800; e evicts b, the least recently used. */
    pt_pagecache_put(c, "c", page, 200);
    pt_pagecache_put(c, "d", page, 200);
    pt_pagecache_put(c, "e", page, 250);
    ck_assert(!pt_pagecache_get(c, "b", unit_pool, &body, &len));
    ck_assert(pt_pagecache_get(c, "a", unit_pool, &body, &len));
    ck_assert(pt_pagecache_get(c, "e", unit_pool, &body, &len));
    ck_assert_int_eq((int)len, 250);
    /* Over a quarter of the cache: not kept. */
    pt_pagecache_put(c, "big", page, 300);
    ck_assert(!pt_pagecache_get(c, "big", unit_pool, &body, &len));
}
END_TEST

START_TEST(keys)
{
    const char *v1[] = { "12", "reserve", NULL }, *v2[] = { "12", "annule", NULL };
    const char *v3[] = { "12", NULL, NULL };
    const char *names[] = { "child_id", "status" };
    const char **vals1[] = { v1 }, **vals2[] = { v2 }, **vals3[] = { v3 };
    pt_rows r1 = { 1, 2, names, vals1 }, r2 = { 1, 2, names, vals2 }, r3 = { 1, 2, names, vals3 };
    pt_rows *s1[] = { &r1 }, *s2[] = { &r2 }, *s3[] = { &r3 };
    const char *parts[] = { "planning", "7", NULL }, *parts2[] = { "planning", "8", NULL };
    const char *k1 = pt_pagecache_key(unit_pool, parts, s1, 1);
    ck_assert_int_eq((int)strlen(k1), 64);
    ck_assert_str_eq(k1, pt_pagecache_key(unit_pool, parts, s1, 1));
    ck_assert_str_ne(k1, pt_pagecache_key(unit_pool, parts, s2, 1));
    ck_assert_str_ne(k1, pt_pagecache_key(unit_pool, parts, s3, 1));
    ck_assert_str_ne(k1, pt_pagecache_key(unit_pool, parts2, s1, 1));
    ck_assert_str_ne(k1, pt_pagecache_key(unit_pool, parts, s1, 0));
    /* SHA-256 of each value after its length (32 bits, little-endian here): the key of
     * a page does not depend on how the bytes reach the hash. */
    ck_assert_str_eq(k1, "65754c0ce3c47478c81ac7b1d452d4368acae0a8a9459f1fc33a2e8a9f995cb1");
}
END_TEST

/* Rows much larger than the hash's buffer, one value larger than it: the same key as the
 * digest of the whole stream at once. */
START_TEST(keys_of_large_rows)
{
    enum { ROWS = 3000 };
    const char *names[] = { "v" };
    const char ***vals = apr_pcalloc(unit_pool, ROWS * sizeof(*vals));
    char *big = apr_pcalloc(unit_pool, 5001), hexd[65];
    pt_rows r = { ROWS, 1, names, (const char ***)vals };
    pt_rows *sets[] = { &r };
    const char *parts[] = { "planning", NULL };
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned int n = 0, i;
    apr_uint32_t len;
    const char *rows_n = apr_itoa(unit_pool, ROWS);
    memset(big, 'b', 5000);
    EVP_DigestInit_ex(md, EVP_sha256(), NULL);
    len = 8;
    EVP_DigestUpdate(md, &len, 4);
    EVP_DigestUpdate(md, "planning", 8);
    len = (apr_uint32_t)strlen(rows_n);
    EVP_DigestUpdate(md, &len, 4);
    EVP_DigestUpdate(md, rows_n, len);
    for (i = 0; i < ROWS; i++) {
        const char **row = apr_pcalloc(unit_pool, sizeof(*row));
        row[0] = i == 1500 ? big : apr_psprintf(unit_pool, "%u-%.*s", i, (int)(i % 7), "xxxxxxx");
        row[0] = i == 10 ? NULL : row[0];        /* NULL: its mark, no bytes */
        vals[i] = row;
        len = row[0] ? (apr_uint32_t)strlen(row[0]) : 0xFFFFFFFFu;
        EVP_DigestUpdate(md, &len, 4);
        if (row[0]) {
            EVP_DigestUpdate(md, row[0], len);
        }
    }
    EVP_DigestFinal_ex(md, d, &n);
    EVP_MD_CTX_free(md);
    for (i = 0; i < n; i++) {
        apr_snprintf(hexd + 2 * i, 3, "%02x", d[i]);
    }
    ck_assert_str_eq(pt_pagecache_key(unit_pool, parts, sets, 1), hexd);
}
END_TEST

Suite *unit_pagecache_suite(void)
{
    Suite *s = suite_create("pagecache");
    TCase *tc = tcase_create("pagecache");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, put_get_evict);
    tcase_add_test(tc, keys);
    tcase_add_test(tc, keys_of_large_rows);
    suite_add_tcase(s, tc);
    return s;
}
