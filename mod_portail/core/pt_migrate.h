/* pt_migrate — schema creation and numbered migrations (portail-ctl init / migrate).
 *
 * sql/<dialect>/NNN_name.sql files are applied in order, each in one transaction with the
 * row recording it in schema_version, so a failed migration leaves nothing behind.
 */
#ifndef PT_MIGRATE_H
#define PT_MIGRATE_H

#include <apr_tables.h>
#include "core/pt_db.h"

/* Split a script into statements: a statement ends with ';' at the end of a line,
 * outside quotes; `--` comments are dropped. */
apr_array_header_t *pt_migrate_split(apr_pool_t *p, const char *script);

/* Apply every migration of sqldir/<dialect>/ not applied yet.  *applied counts them;
 * *current is the resulting version.  On failure *err says which file and why. */
int pt_migrate_run(pt_db *db, apr_pool_t *p, const char *sqldir, int *applied, int *current,
                   const char **err);

/* Run every statement of a file in one transaction (demo data). */
int pt_migrate_load(pt_db *db, apr_pool_t *p, const char *path, const char **err);

/* Read a whole script file into *text (NUL-terminated). */
int pt_migrate_read(apr_pool_t *p, const char *path, char **text, const char **err);

/* Run every statement of a script held in memory in one transaction (the living town of
 * `portail-ctl demo-ville`, whose dates are computed first); `label` names it in errors. */
int pt_migrate_load_text(pt_db *db, apr_pool_t *p, const char *label, const char *text,
                         const char **err);

#endif
