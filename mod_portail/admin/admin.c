/* admin.c — /portail/admin/: the agents' dashboard. */
#include "screens/screens.h"

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
