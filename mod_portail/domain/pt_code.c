/* pt_code — codes abonné and typed amounts.  See pt_code.h. */
#include <string.h>
#include <apr_strings.h>
#include <apr_lib.h>
#include <apr_general.h>
#include "domain/pt_code.h"

const char *pt_code_normalize(apr_pool_t *p, const char *typed)
{
    char raw[13];
    int n = 0;
    const char *s;
    for (s = typed ? typed : ""; *s; s++) {
        char c = (char)apr_toupper((unsigned char)*s);
        if (c == ' ' || c == '-' || c == '.') {
            continue;
        }
        if (n == 12 || !strchr(PT_CODE_ALPHABET, c) || c == '\0') {
            return NULL;
        }
        raw[n++] = c;
    }
    if (n != 12) {
        return NULL;
    }
    return apr_psprintf(p, "%.4s-%.4s-%.4s", raw, raw + 4, raw + 8);
}

const char *pt_code_new(apr_pool_t *p)
{
    unsigned char r[12];
    char raw[13];
    int i;
    if (apr_generate_random_bytes(r, sizeof(r)) != APR_SUCCESS) {
        return NULL;
    }
    for (i = 0; i < 12; i++) {
        raw[i] = PT_CODE_ALPHABET[r[i] & 31];      /* 32 letters: 5 unbiased bits each */
    }
    raw[12] = '\0';
    return pt_code_normalize(p, raw);
}

long long pt_code_amount(const char *typed)
{
    long long euros = 0, cents = 0;
    int digits = 0, decimals = -1;
    const char *s = typed ? typed : "";
    while (*s == ' ') s++;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9') {
            if (decimals >= 0) {
                if (++decimals > 2) return -1;
                cents = cents * 10 + (*s - '0');
            }
            else {
                if (++digits > 9) return -1;
                euros = euros * 10 + (*s - '0');
            }
        }
        else if ((*s == ',' || *s == '.') && decimals < 0 && digits > 0) {
            decimals = 0;
        }
        else if (*s == ' ' || !strncmp(s, "\xE2\x82\xAC", 3) || !strncmp(s, "\xC2\xA0", 2)
                 || !strncmp(s, "\xE2\x80\xAF", 3)) {
            /* spaces, €, no-break spaces (U+00A0, and U+202F between thousands, as
             * pt_fr_amount writes them): skip the rest of a multi-byte sign */
            if ((unsigned char)*s == 0xE2) s += 2;
            else if ((unsigned char)*s == 0xC2) s += 1;
        }
        else {
            return -1;
        }
    }
    if (digits == 0 || decimals == 0) {
        return -1;
    }
    if (decimals == 1) {
        cents *= 10;
    }
    return euros * 100 + (decimals > 0 ? cents : 0);
}
