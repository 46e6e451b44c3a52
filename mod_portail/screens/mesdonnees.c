/* mesdonnees.c — /portail/famille/mes-donnees: « Mes données ».
 *
 * A parent takes away everything the portal holds about its family as one ZIP
 * (core/pt_rgpd.c), written into the response as it is built.  The download is a POST
 * with the form's CSRF token, not a GET: it is recorded in the journal (a write), and a
 * link elsewhere must not make a logged-in parent's browser fetch the family's data.
 * The answer is the file itself (not a 303): nothing changes but the journal's line.
 */
#include <string.h>
#include <apr_strings.h>
#include "screens/screens.h"
#include "core/pt_audit.h"
#include "core/pt_rgpd.h"
#include "core/pt_form.h"
#include "domain/pt_fr.h"

/* The account's families (not anonymised): id, nom. */
static int portail_mesdonnees_families(pt_req *rq, pt_rows **fam)
{
    return pt_db_select(rq->db, rq->pool, "portail_mesdonnees_family",
                        PT_ARGS(pt_db_int(rq->pool, rq->user->id)), fam);
}

int portail_mesdonnees_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "mesdonnees");
    pt_rows *fam = NULL;
    if (portail_mesdonnees_families(rq, &fam) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    pt_xml_rows(screen, "famille", fam, NULL);
    return 200;
}

static int portail_mesdonnees_stream(pt_req *rq)
{
    const apr_int64_t *family = rq->stream_ctx;
    const char *err = NULL;
    if (pt_rgpd_export(rq->db, rq->pool, rq->render, *family, rq->site->data_dir,
                       rq->site->town, rq->now, rq->write, rq->write_ctx, &err) != 0) {
        rq->error_detail = err;
        return -1;
    }
    return 0;
}

int portail_mesdonnees_post(pt_req *rq)
{
    const char *typed = pt_form_get(rq->form, "famille");
    apr_int64_t *family = apr_pcalloc(rq->pool, sizeof(*family));
    pt_rows *fam = NULL;
    pt_date today;
    int i, rv, h, m;
    if (portail_mesdonnees_families(rq, &fam) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    for (i = 0; i < fam->n && typed; i++) {
        if (!strcmp(pt_rows_get(fam, i, "id"), typed)) {
            *family = pt_rows_int(fam, i, "id", 0);
        }
    }
    if (*family == 0) {
        return pt_req_error(rq, 404, NULL);   /* another family's, or none */
    }
    if ((rv = pt_db_begin(rq->db, rq->pool)) != PT_DB_OK
        || (rv = pt_audit(rq->db, rq->pool, rq->now, rq->user->id, "mes_donnees", "famille",
                          *family, NULL, "export ZIP")) != PT_DB_OK
        || (rv = pt_db_commit(rq->db)) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 503, NULL);
    }
    pt_fr_local(apr_time_sec(rq->now), &today, &h, &m);
    rq->content_type = "application/zip";
    rq->filename = apr_psprintf(rq->pool, "mes-donnees-famille-%" APR_INT64_T_FMT "-%s.zip",
                                *family, pt_date_iso(rq->pool, today));
    rq->stream = portail_mesdonnees_stream;
    rq->stream_ctx = family;
    return 200;
}
