/* pt_token — random tokens, SHA-256 and HMAC.  See pt_token.h. */
#include <string.h>
#include <apr_strings.h>
#include <apr_general.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include "core/pt_token.h"

const char *pt_token_b64url(apr_pool_t *p, const unsigned char *data, apr_size_t len)
{
    static const char tab[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char *out = apr_palloc(p, (len * 4) / 3 + 4), *o = out;
    apr_size_t i;
    for (i = 0; i + 2 < len; i += 3) {
        *o++ = tab[data[i] >> 2];
        *o++ = tab[((data[i] & 3) << 4) | (data[i + 1] >> 4)];
        *o++ = tab[((data[i + 1] & 15) << 2) | (data[i + 2] >> 6)];
        *o++ = tab[data[i + 2] & 63];
    }
    if (len - i == 1) {
        *o++ = tab[data[i] >> 2];
        *o++ = tab[(data[i] & 3) << 4];
    }
    else if (len - i == 2) {
        *o++ = tab[data[i] >> 2];
        *o++ = tab[((data[i] & 3) << 4) | (data[i + 1] >> 4)];
        *o++ = tab[(data[i + 1] & 15) << 2];
    }
    *o = '\0';
    return out;
}

const char *pt_token_new(apr_pool_t *p)
{
    unsigned char buf[PT_TOKEN_BYTES];
    if (apr_generate_random_bytes(buf, sizeof(buf)) != APR_SUCCESS) {
        return NULL;
    }
    return pt_token_b64url(p, buf, sizeof(buf));
}

const char *pt_token_hash(apr_pool_t *p, const char *s)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0, i;
    char *out;
    EVP_Digest(s, strlen(s), md, &n, EVP_sha256(), NULL);
    out = apr_palloc(p, 2 * n + 1);
    for (i = 0; i < n; i++) {
        static const char hex[] = "0123456789abcdef";
        out[2 * i] = hex[md[i] >> 4];
        out[2 * i + 1] = hex[md[i] & 15];
    }
    out[2 * n] = '\0';
    return out;
}

const char *pt_token_mac(apr_pool_t *p, const char *key, const char *msg)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (!HMAC(EVP_sha256(), key, (int)strlen(key), (const unsigned char *)msg, strlen(msg),
              md, &n)) {
        return NULL;
    }
    return pt_token_b64url(p, md, n);
}

int pt_token_equal(const char *a, const char *b)
{
    size_t la, lb, i;
    unsigned char diff;
    if (!a || !b) {
        return 0;
    }
    la = strlen(a);
    lb = strlen(b);
    diff = (unsigned char)(la != lb);
    for (i = 0; i < la && i < lb; i++) {
        diff |= (unsigned char)(a[i] ^ b[i]);
    }
    return diff == 0;
}
