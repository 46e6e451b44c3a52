/* pt_rgpd — what the portal holds about a family, handed back to it (« Mes données »).
 *
 * One ZIP, written as it is built through a callback (Apache's output, or a file): a
 * readable summary (resume.html), one CSV per table and the family's files.  Rows are read
 * by pages of a bounded size and written at once, so memory does not grow with the
 * family's history.  The tables are one list in pt_rgpd.c: adding a table is one line
 * there and one statement in pt_sql.c.
 */
#ifndef PT_RGPD_H
#define PT_RGPD_H

#include <apr_pools.h>
#include <apr_time.h>
#include "core/pt_db.h"
#include "core/pt_render.h"

/* Write len bytes; 0 on success, -1 when the output is gone (client disconnected). */
typedef int (*pt_rgpd_write_fn)(void *ctx, const void *data, apr_size_t len);

/* The ZIP of family `family` through write(ctx, …).  data_dir: PortailDataDir (files
 * read from its subfolders; NULL: no files).  render: the stylesheets (the summary is
 * xslt/mesdonnees-resume.xsl).  town: PortailTown.  0, or -1 with *err for the log. */
int pt_rgpd_export(pt_db *db, apr_pool_t *p, pt_render_cache *render, apr_int64_t family,
                   const char *data_dir, const char *town, apr_time_t now,
                   pt_rgpd_write_fn write, void *ctx, const char **err);

/* A cell as the export writes it: money « 1234,50 », days « 03/12/2026 », instants
 * « 03/12/2026 14:05 », yes/no « oui » / « non » — from the column's name.  html: money
 * « 1 234,50 € » and instants « jeudi 3 décembre 2026 à 14 h 05 ».  Exposed for tests. */
const char *pt_rgpd_cell(apr_pool_t *p, const char *column, const char *value, int html);

#endif
