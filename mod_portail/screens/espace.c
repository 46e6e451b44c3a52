/* espace.c — /portail/espace: « Mon espace citoyen », the account's hub, with
 * « Documents à fournir »: the documents the activities of its children's enrolments
 * require and that are missing or end before the enrolment does (h16docs). */
#include "screens/screens.h"
#include "domain/pt_fr.h"

int portail_espace_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "espace");
    pt_rows *r = NULL;
    if (rq->user->role == PT_ROLE_AGENT) {
        return 200;
    }
    if (pt_db_select(rq->db, rq->pool, "portail_espace_documents",
                     PT_ARGS(pt_db_int(rq->pool, rq->user->id),
                             pt_date_iso(rq->pool, pt_date_of_time(rq->now))), &r) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    pt_xml_rows(screen, "document-a-fournir", r, NULL);
    return 200;
}
