/* pt_pagecache — rendered pages per process.  See pt_pagecache.h.
 *
 * Entries are malloc'ed (a pool cannot give memory back) and chained from the most to
 * the least recently used; the hash finds them by key.  One mutex: the work under it is
 * a lookup and a memcpy.
 */
#include <stdlib.h>
#include <string.h>
#include <apr_hash.h>
#include <apr_strings.h>
#include <apr_thread_mutex.h>
#include <openssl/evp.h>
#include "core/pt_pagecache.h"

typedef struct pt_page {
    struct pt_page *newer, *older;
    char *key;
    char *body;
    apr_size_t len;
} pt_page;

struct pt_pagecache {
    apr_thread_mutex_t *lock;
    apr_hash_t *by_key;            /* key -> pt_page*; keys are the entries' own */
    pt_page *newest, *oldest;
    apr_size_t bytes, max_bytes;
};

static apr_status_t pt_pagecache_cleanup(void *data)
{
    pt_pagecache *c = data;
    while (c->oldest) {
        pt_page *e = c->oldest;
        c->oldest = e->newer;
        free(e->key);
        free(e->body);
        free(e);
    }
    return APR_SUCCESS;
}

apr_status_t pt_pagecache_create(apr_pool_t *p, apr_size_t max_bytes, pt_pagecache **out)
{
    pt_pagecache *c = apr_pcalloc(p, sizeof(*c));
    apr_status_t rv = apr_thread_mutex_create(&c->lock, APR_THREAD_MUTEX_DEFAULT, p);
    if (rv != APR_SUCCESS) {
        return rv;
    }
    c->by_key = apr_hash_make(p);
    c->max_bytes = max_bytes;
    apr_pool_cleanup_register(p, c, pt_pagecache_cleanup, apr_pool_cleanup_null);
    *out = c;
    return APR_SUCCESS;
}

static void pt_pagecache_unlink(pt_pagecache *c, pt_page *e)
{
    if (e->newer) {
        e->newer->older = e->older;
    }
    else {
        c->newest = e->older;
    }
    if (e->older) {
        e->older->newer = e->newer;
    }
    else {
        c->oldest = e->newer;
    }
    e->newer = e->older = NULL;
}

static void pt_pagecache_push(pt_pagecache *c, pt_page *e)
{
    e->older = c->newest;
    e->newer = NULL;
    if (c->newest) {
        c->newest->newer = e;
    }
    c->newest = e;
    if (!c->oldest) {
        c->oldest = e;
    }
}

static void pt_pagecache_drop(pt_pagecache *c, pt_page *e)
{
    pt_pagecache_unlink(c, e);
    apr_hash_set(c->by_key, e->key, APR_HASH_KEY_STRING, NULL);
    c->bytes -= e->len;
    free(e->key);
    free(e->body);
    free(e);
}

int pt_pagecache_get(pt_pagecache *c, const char *key, apr_pool_t *p, const char **body,
                     apr_size_t *len)
{
    pt_page *e;
    if (!c || apr_thread_mutex_lock(c->lock) != APR_SUCCESS) {
        return 0;
    }
    e = apr_hash_get(c->by_key, key, APR_HASH_KEY_STRING);
    if (e) {
        pt_pagecache_unlink(c, e);
        pt_pagecache_push(c, e);
        *body = apr_pmemdup(p, e->body, e->len);
        *len = e->len;
    }
    apr_thread_mutex_unlock(c->lock);
    return e != NULL;
}

void pt_pagecache_put(pt_pagecache *c, const char *key, const char *body, apr_size_t len)
{
    pt_page *e;
    if (!c || len > c->max_bytes / 4 || apr_thread_mutex_lock(c->lock) != APR_SUCCESS) {
        return;
    }
    if (!apr_hash_get(c->by_key, key, APR_HASH_KEY_STRING)
        && (e = calloc(1, sizeof(*e))) != NULL) {
        e->key = strdup(key);
        e->body = malloc(len ? len : 1);
        if (!e->key || !e->body) {
            free(e->key);
            free(e->body);
            free(e);
        }
        else {
            memcpy(e->body, body, len);
            e->len = len;
            while (c->oldest && c->bytes + len > c->max_bytes) {
                pt_pagecache_drop(c, c->oldest);
            }
            pt_pagecache_push(c, e);
            apr_hash_set(c->by_key, e->key, APR_HASH_KEY_STRING, e);
            c->bytes += len;
        }
    }
    apr_thread_mutex_unlock(c->lock);
}

/* The bytes hashed go through a buffer: one EVP_DigestUpdate per 4 kB rather than two
 * per value (a month's rows are ≈ 2,000 short values; the calls cost more than the hash). */
typedef struct {
    EVP_MD_CTX *md;
    apr_size_t n;
    unsigned char buf[4096];
} pt_pagecache_hash;

static void pt_pagecache_add(pt_pagecache_hash *h, const void *s, apr_size_t n)
{
    if (h->n + n > sizeof(h->buf)) {
        EVP_DigestUpdate(h->md, h->buf, h->n);
        h->n = 0;
        if (n > sizeof(h->buf)) {
            EVP_DigestUpdate(h->md, s, n);
            return;
        }
    }
    memcpy(h->buf + h->n, s, n);
    h->n += n;
}

/* Each value with its length first, and a mark for NULL: no two inputs hash alike. */
static void pt_pagecache_feed(pt_pagecache_hash *h, const char *s)
{
    apr_uint32_t n = s ? (apr_uint32_t)strlen(s) : 0xFFFFFFFFu;
    pt_pagecache_add(h, &n, sizeof(n));
    if (s) {
        pt_pagecache_add(h, s, n);
    }
}

const char *pt_pagecache_key(apr_pool_t *p, const char *const *parts, pt_rows *const *rows,
                             int nrows)
{
    static const char hex[] = "0123456789abcdef";
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned int n = 0, i;
    pt_pagecache_hash h;
    char *out;
    int k, r, c;

    h.md = EVP_MD_CTX_new();
    h.n = 0;
    if (!h.md) {
        return NULL;
    }
    EVP_DigestInit_ex(h.md, EVP_sha256(), NULL);
    for (; *parts; parts++) {
        pt_pagecache_feed(&h, *parts);
    }
    for (k = 0; k < nrows; k++) {
        const pt_rows *set = rows[k];
        pt_pagecache_feed(&h, apr_itoa(p, set ? set->n : -1));
        for (r = 0; set && r < set->n; r++) {
            for (c = 0; c < set->ncols; c++) {
                pt_pagecache_feed(&h, set->values[r][c]);
            }
        }
    }
    EVP_DigestUpdate(h.md, h.buf, h.n);
    EVP_DigestFinal_ex(h.md, d, &n);
    EVP_MD_CTX_free(h.md);
    out = apr_palloc(p, 2 * n + 1);
    for (i = 0; i < n; i++) {
        out[2 * i] = hex[d[i] >> 4];
        out[2 * i + 1] = hex[d[i] & 15];
    }
    out[2 * n] = '\0';
    return out;
}
