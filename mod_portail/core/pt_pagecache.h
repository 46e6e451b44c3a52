/* pt_pagecache — rendered pages kept per process, for the pages parents reload most (the
 * month planning on a booking-opening morning).
 *
 * Correct by construction: a screen computes its key from everything the page is made of
 * — the account, its CSRF token, the query, today's date and every row its queries
 * returned — so any change of data gives another key, and a stale page is never served;
 * the queries still run on every request, only the building of the XML and the XSLT are
 * saved.  Bounded in bytes, least recently used first out, thread-safe.
 */
#ifndef PT_PAGECACHE_H
#define PT_PAGECACHE_H

#include <apr_pools.h>
#include "core/pt_db.h"

typedef struct pt_pagecache pt_pagecache;

/* A cache of at most max_bytes of pages, living as long as p. */
apr_status_t pt_pagecache_create(apr_pool_t *p, apr_size_t max_bytes, pt_pagecache **out);

/* The page of `key`, copied into p: 1, or 0 when absent. */
int pt_pagecache_get(pt_pagecache *c, const char *key, apr_pool_t *p, const char **body,
                     apr_size_t *len);

/* Keep a page (copied).  Pages over a quarter of the cache are not kept. */
void pt_pagecache_put(pt_pagecache *c, const char *key, const char *body, apr_size_t len);

/* A key: SHA-256 (hex) of the strings `parts` (NULL-terminated) and of every value of
 * the `nrows` row sets. */
const char *pt_pagecache_key(apr_pool_t *p, const char *const *parts, pt_rows *const *rows,
                             int nrows);

#endif
