/* pt_route — matching a path against a route pattern with named parameters.
 *
 * Patterns are literal segments and `{name}` segments ("/admin/familles/{id}"); a `{name}`
 * matches one non-empty segment.  The table itself lives in the glue (router.c).
 */
#ifndef PT_ROUTE_H
#define PT_ROUTE_H

#include <apr_pools.h>
#include <apr_tables.h>

/* True when path matches pattern; named segments are added to params (if not NULL). */
int pt_route_match(const char *pattern, const char *path, apr_pool_t *p, apr_table_t *params);

#endif
