/* pt_token — random tokens, hashes and MACs.
 *
 * Session and link tokens are 256 random bits, given to the browser in base64url and
 * stored only as their SHA-256.  CSRF tokens are an HMAC of the session token under the
 * portal's secret, so any server of a cluster can check them without storing anything.
 */
#ifndef PT_TOKEN_H
#define PT_TOKEN_H

#include <apr_pools.h>

#define PT_TOKEN_BYTES 32

/* 256 random bits as base64url (43 characters), or NULL if the system has no entropy. */
const char *pt_token_new(apr_pool_t *p);
/* SHA-256 of s as 64 hex digits. */
const char *pt_token_hash(apr_pool_t *p, const char *s);
/* HMAC-SHA256(key, msg) as base64url. */
const char *pt_token_mac(apr_pool_t *p, const char *key, const char *msg);
/* Constant-time comparison of two NUL-terminated strings. */
int pt_token_equal(const char *a, const char *b);
/* base64url without padding of len bytes. */
const char *pt_token_b64url(apr_pool_t *p, const unsigned char *data, apr_size_t len);

#endif
