/* admin.c — /portail/admin/: the agents' dashboard, and what their lists share. */
#include <apr_strings.h>
#include "admin/admin.h"
#include "core/pt_form.h"

int portail_admin_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "admin");
    pt_node *counts = pt_xml_elem(screen, "counts", NULL);
    pt_rows *r = NULL;
    int c;

    if (pt_db_select(rq->db, rq->pool, "portail_admin_counts", PT_NOARGS, &r) != PT_DB_OK
        || r->n != 1) {
        return pt_req_error(rq, 503, NULL);
    }
    for (c = 0; c < r->ncols; c++) {
        pt_node *n = pt_xml_elem(counts, "count", r->values[0][c]);
        pt_xml_attr(n, "k", r->names[c]);
    }
    return 200;
}

void portail_admin_list_more(pt_req *rq, pt_node *screen, int page, pt_rows *rows,
                             const char *const *filters)
{
    const char *query = "";
    for (; filters[0]; filters += 2) {
        query = apr_pstrcat(rq->pool, query, filters[0], "=",
                            pt_form_escape(rq->pool, filters[1]), "&", NULL);
    }
    pt_xml_attr(screen, "query", query);
    pt_xml_attr_int(screen, "page", page);
    if (rows->n > PORTAIL_ADMIN_PAGE_SIZE) {
        rows->n = PORTAIL_ADMIN_PAGE_SIZE;
        pt_xml_attr(screen, "suivante", "1");
    }
}

const char *portail_admin_offset(pt_req *rq, int page)
{
    return pt_db_int(rq->pool, (apr_int64_t)(page - 1) * PORTAIL_ADMIN_PAGE_SIZE);
}
