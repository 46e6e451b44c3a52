/* pt_audit — one row per change, in the change's transaction.  See pt_audit.h. */
#include "core/pt_audit.h"

int pt_audit(pt_db *db, apr_pool_t *p, apr_time_t now, apr_int64_t actor, const char *action,
             const char *object_type, apr_int64_t object_id, const char *before,
             const char *after)
{
    return pt_db_exec(db, p, "portail_audit_insert",
                      PT_ARGS(pt_db_int(p, apr_time_sec(now)),
                              actor > 0 ? pt_db_int(p, actor) : NULL, action, object_type,
                              pt_db_int(p, object_id), before, after), NULL);
}
