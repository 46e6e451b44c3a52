/* The captcha: a question in words, an answer checked by any server that has the secret. */
#include <string.h>
#include <stdio.h>
#include <apr_strings.h>
#include "unit.h"
#include "core/pt_captcha.h"

static const char *words[] = { "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept",
                                "huit", "neuf" };

static int answer_of(const char *question)
{
    char a[32], b[32];
    int i, x = -1, y = -1;
    ck_assert_int_eq(sscanf(question, "Combien font %31s plus %31s", a, b), 2);
    for (i = 0; i < 10; i++) {
        if (!strcmp(a, words[i])) x = i;
        if (!strcmp(b, words[i])) y = i;
    }
    ck_assert(x > 0 && y > 0);
    return x + y;
}

START_TEST(captcha_right_answer_in_digits_or_words)
{
    pt_captcha c;
    const char *id = NULL;
    apr_time_t now = apr_time_from_sec(1795476600);
    ck_assert_int_eq(pt_captcha_new(unit_pool, "secret", now, &c), 0);
    int n = answer_of(c.question);
    ck_assert(pt_captcha_check(unit_pool, "secret", c.token, apr_itoa(unit_pool, n), now, &id));
    ck_assert_ptr_nonnull(id);
    ck_assert(pt_captcha_check(unit_pool, "secret", c.token,
                               apr_psprintf(unit_pool, " %d ", n), now, &id));
    if (n <= 9) {
        ck_assert(pt_captcha_check(unit_pool, "secret", c.token, words[n], now, &id));
    }
}
END_TEST

START_TEST(captcha_refuses_wrong_expired_forged)
{
    pt_captcha c;
    const char *id = NULL;
    apr_time_t now = apr_time_from_sec(1795476600);
    pt_captcha_new(unit_pool, "secret", now, &c);
    int n = answer_of(c.question);
    ck_assert(!pt_captcha_check(unit_pool, "secret", c.token, apr_itoa(unit_pool, n + 1), now, &id));
    ck_assert(!pt_captcha_check(unit_pool, "secret", c.token, "", now, &id));
    ck_assert(!pt_captcha_check(unit_pool, "autre", c.token, apr_itoa(unit_pool, n), now, &id));
    ck_assert(!pt_captcha_check(unit_pool, "secret", c.token, apr_itoa(unit_pool, n),
                                now + apr_time_from_sec(PT_CAPTCHA_LIFETIME + 1), &id));
    ck_assert(!pt_captcha_check(unit_pool, "secret", "abc", "3", now, &id));
    ck_assert(!pt_captcha_check(unit_pool, "secret", NULL, "3", now, &id));
}
END_TEST

Suite *unit_captcha_suite(void)
{
    Suite *s = suite_create("captcha");
    TCase *tc = tcase_create("captcha");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, captcha_right_answer_in_digits_or_words);
    tcase_add_test(tc, captcha_refuses_wrong_expired_forged);
    suite_add_tcase(s, tc);
    return s;
}
