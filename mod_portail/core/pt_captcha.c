/* pt_captcha — text questions signed with the portal's secret.  See pt_captcha.h. */
#include <string.h>
#include <stdlib.h>
#include <apr_strings.h>
#include <apr_lib.h>
#include <apr_general.h>
#include "core/pt_captcha.h"
#include "core/pt_token.h"

static const char *const pt_captcha_words[] = {
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
    "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit"
};

int pt_captcha_new(apr_pool_t *p, const char *secret, apr_time_t now, pt_captcha *out)
{
    unsigned char r[12];
    int a, b;
    const char *id, *payload;
    if (apr_generate_random_bytes(r, sizeof(r)) != APR_SUCCESS) {
        return PT_DB_ERROR;
    }
    a = 1 + r[0] % 9;
    b = 1 + r[1] % 9;
    id = pt_token_b64url(p, r + 2, 10);
    out->question = apr_psprintf(p, "Combien font %s plus %s ? (en chiffres)",
                                 pt_captcha_words[a], pt_captcha_words[b]);
    payload = apr_psprintf(p, "%s.%" APR_INT64_T_FMT, id,
                           (apr_int64_t)(apr_time_sec(now) + PT_CAPTCHA_LIFETIME));
    out->token = apr_pstrcat(p, payload, ".",
                             pt_token_mac(p, secret, apr_psprintf(p, "captcha:%s:%d", payload,
                                                                 a + b)), NULL);
    return PT_DB_OK;
}

/* The answer as a number: digits, or the number in words. */
static int pt_captcha_number(apr_pool_t *p, const char *answer)
{
    char *s = apr_pstrdup(p, answer), *e;
    size_t i;
    long n;
    while (*s == ' ') {
        s++;
    }
    for (e = s + strlen(s); e > s && e[-1] == ' '; e--) {
        e[-1] = '\0';
    }
    for (e = s; *e; e++) {
        *e = (char)apr_tolower(*e);
    }
    n = strtol(s, &e, 10);
    if (e != s && *e == '\0') {
        return (int)n;
    }
    for (i = 0; i < sizeof(pt_captcha_words) / sizeof(pt_captcha_words[0]); i++) {
        if (strcmp(s, pt_captcha_words[i]) == 0) {
            return (int)i;
        }
    }
    return -1;
}

int pt_captcha_check(apr_pool_t *p, const char *secret, const char *token, const char *answer,
                     apr_time_t now, const char **id)
{
    const char *dot1 = token ? strchr(token, '.') : NULL;
    const char *dot2 = dot1 ? strchr(dot1 + 1, '.') : NULL;
    const char *payload;
    int n = pt_captcha_number(p, answer ? answer : "");
    if (!dot2 || n < 0) {
        return 0;
    }
    payload = apr_pstrmemdup(p, token, dot2 - token);
    if (apr_atoi64(dot1 + 1) < apr_time_sec(now)) {
        return 0;
    }
    if (!pt_token_equal(dot2 + 1, pt_token_mac(p, secret, apr_psprintf(p, "captcha:%s:%d",
                                                                      payload, n)))) {
        return 0;
    }
    *id = apr_pstrmemdup(p, token, dot1 - token);
    return 1;
}

int pt_captcha_use(pt_db *db, apr_pool_t *p, const char *id, apr_time_t now)
{
    int affected = 0;
    int rv = pt_db_exec(db, p, "portail_captcha_use",
                        PT_ARGS(id, pt_db_int(p, apr_time_sec(now) + PT_CAPTCHA_LIFETIME)),
                        &affected);
    return rv == PT_DB_OK && affected == 0 ? PT_DB_CONFLICT : rv;
}
