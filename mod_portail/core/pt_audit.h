/* pt_audit — the trail of what agents (and portail-ctl) change: who, when, what, the
 * value before and after — never a full IBAN nor a health detail: for those fields of the
 * family file only which field changed (and the IBAN masked) is kept, whatever the caller
 * passes.  Written in the transaction of the change itself, so the trail
 * and the data never disagree; browsed by agents at /portail/admin/journal. */
#ifndef PT_AUDIT_H
#define PT_AUDIT_H

#include <apr_pools.h>
#include <apr_time.h>
#include "core/pt_db.h"

/* actor: the agent's account id, 0 for portail-ctl.  object_type: "famille", "compte"…;
 * before/after: short human-readable values or NULL. */
int pt_audit(pt_db *db, apr_pool_t *p, apr_time_t now, apr_int64_t actor, const char *action,
             const char *object_type, apr_int64_t object_id, const char *before,
             const char *after);

#endif
