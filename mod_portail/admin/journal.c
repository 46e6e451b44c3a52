/* journal.c — /portail/admin/journal: the audit trail, newest first, filtered by the kind
 * of object (famille, responsable, enfant, compte, demande). */
#include "admin/admin.h"
#include "core/pt_form.h"

int portail_admin_journal_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "admin-journal");
    const char *objet = pt_form_get(rq->query, "objet");
    pt_rows *r = NULL;
    int page;
    if (!pt_req_query_int(rq, "page", 1, 1, 100000, &page)) {
        return pt_req_error(rq, 400, "Ce numéro de page n'existe pas.");
    }
    pt_xml_attr(screen, "objet", objet);
    if (pt_db_select(rq->db, rq->pool, "portail_admin_journal",
                     PT_ARGS(objet, objet, pt_db_int(rq->pool, PORTAIL_ADMIN_PAGE_SIZE + 1),
                             portail_admin_offset(rq, page)), &r) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    portail_admin_list_more(rq, screen, page, r, (const char *const[]){ "objet", objet, NULL });
    pt_xml_rows(screen, "entree", r, NULL);
    return 200;
}
