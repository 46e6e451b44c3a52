/* The rendered pages' cache: what is put is got back, the least recently used goes first
 * when full, and keys differ as soon as one value of the rows differs. */
#include <string.h>
#include <apr_strings.h>
#include "unit.h"
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
}
END_TEST

Suite *unit_pagecache_suite(void)
{
    Suite *s = suite_create("pagecache");
    TCase *tc = tcase_create("pagecache");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, put_get_evict);
    tcase_add_test(tc, keys);
    suite_add_tcase(s, tc);
    return s;
}
