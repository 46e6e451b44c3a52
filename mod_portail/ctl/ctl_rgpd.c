/* ctl_rgpd.c — `portail-ctl export-family ID`: « Mes données » of one family, written to
 * the standard output as it is built (the same ZIP as the parents' screen, core/pt_rgpd.c).
 * For a request received by post or at the counter: `… export-family 12 > famille-12.zip`.
 * Recorded in the journal (actor: portail-ctl).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <apr_strings.h>
#include "core/pt_audit.h"
#include "core/pt_render.h"
#include "core/pt_rgpd.h"
#include "ctl/ctl.h"

static int ctl_rgpd_write(void *ctx, const void *data, apr_size_t len)
{
    return fwrite(data, 1, len, ctx) == len ? 0 : -1;
}

int ctl_export_family(ctl *c, const char *arg)
{
    pt_render_cache *cache = NULL;
    pt_rows *r = NULL;
    const char *err = NULL;
    char *end;
    apr_int64_t family = apr_strtoi64(arg, &end, 10);
    if (!*arg || *end || family <= 0) {
        fprintf(stderr, "portail-ctl export-family : « %s » n'est pas un numéro de famille\n",
                arg);
        return 2;
    }
    if (isatty(STDOUT_FILENO)) {
        fprintf(stderr, "portail-ctl export-family : redirigez la sortie vers un fichier "
                "(… export-family %s > famille-%s.zip)\n", arg, arg);
        return 2;
    }
    if (pt_db_select(c->db, c->pool, "portail_anonymiser_family",
                     PT_ARGS(pt_db_int(c->pool, family)), &r) != PT_DB_OK) {
        return ctl_fail("export-family : %s", c->db->error);
    }
    if (r->n == 0) {
        return ctl_fail("export-family : aucune famille n° %s", arg);
    }
    pt_render_global_init();       /* pt:t() and the other extension functions */
    if (pt_render_cache_create(c->pool, c->xslt_dir, &cache) != APR_SUCCESS) {
        return ctl_fail("feuilles de style illisibles dans %s", c->xslt_dir);
    }
    if (pt_db_begin(c->db, c->pool) != PT_DB_OK
        || pt_audit(c->db, c->pool, apr_time_now(), 0, "mes_donnees", "famille", family, NULL,
                    "export ZIP (portail-ctl)") != PT_DB_OK
        || pt_db_commit(c->db) != PT_DB_OK) {
        return ctl_fail("export-family : %s", c->db->error);
    }
    if (pt_rgpd_export(c->db, c->pool, cache, family, c->data_dir, c->town, apr_time_now(),
                       ctl_rgpd_write, stdout, &err) != 0 || fflush(stdout) != 0) {
        return ctl_fail("export-family : %s", err ? err : "écriture impossible");
    }
    return 0;
}
