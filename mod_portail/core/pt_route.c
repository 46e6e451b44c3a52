/* pt_route — route pattern matching.  See pt_route.h. */
#include <string.h>
#include <apr_strings.h>
#include "core/pt_route.h"

int pt_route_match(const char *pattern, const char *path, apr_pool_t *p, apr_table_t *params)
{
    const char *pp = pattern, *sp = path;

    while (*pp && *sp) {
        if (*pp == '{') {
            const char *close = strchr(pp, '}');
            const char *seg_end = sp;
            if (!close) {
                return 0;
            }
            while (*seg_end && *seg_end != '/') {
                seg_end++;
            }
            if (seg_end == sp) {
                return 0;               /* a parameter is never empty */
            }
            if (params) {
                apr_table_setn(params, apr_pstrmemdup(p, pp + 1, close - pp - 1),
                               apr_pstrmemdup(p, sp, seg_end - sp));
            }
            pp = close + 1;
            sp = seg_end;
        }
        else if (*pp == *sp) {
            pp++;
            sp++;
        }
        else {
            return 0;
        }
    }
    return *pp == '\0' && *sp == '\0';
}
