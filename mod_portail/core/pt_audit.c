/* pt_audit — one row per change, in the change's transaction.  See pt_audit.h. */
#include <string.h>
#include "core/pt_audit.h"
#include "core/pt_dossier.h"
#include "domain/pt_check.h"

/* What the trail keeps of a value of the family file: a field of a protected class
 * (health, bank) keeps none, except the IBAN's masked form (« FR76 **** … 0189 »); the
 * action already says which field changed. */
static const char *pt_audit_value(apr_pool_t *p, const pt_dossier_field *f, const char *v)
{
    if (!f || !v || pt_dossier_section_class(f->object, f->section) == PT_DATA_COMMUNE) {
        return v;
    }
    return f->type == PT_DT_IBAN && *v ? pt_check_iban_masked(p, v) : NULL;
}

int pt_audit(pt_db *db, apr_pool_t *p, apr_time_t now, apr_int64_t actor, const char *action,
             const char *object_type, apr_int64_t object_id, const char *before,
             const char *after)
{
    /* « modification <column> » (an agent's change), « validation <column> » (a family's
     * change accepted): values of the family file, kept as pt_audit_value says. */
    const char *space = action ? strchr(action, ' ') : NULL;
    if (space && (!strncmp(action, "modification ", 13) || !strncmp(action, "validation ", 11))) {
        const pt_dossier_field *f = pt_dossier_field_find(object_type, space + 1);
        before = pt_audit_value(p, f, before);
        after = pt_audit_value(p, f, after);
    }
    return pt_db_exec(db, p, "portail_audit_insert",
                      PT_ARGS(pt_db_int(p, apr_time_sec(now)),
                              actor > 0 ? pt_db_int(p, actor) : NULL, action, object_type,
                              pt_db_int(p, object_id), before, after), NULL);
}
