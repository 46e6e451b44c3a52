/* famille.c — /portail/famille/: « Espace famille », the families the account is
 * subscribed to, with their children. */
#include <string.h>
#include <apr_strings.h>
#include "screens/screens.h"
#include "domain/pt_fr.h"

int portail_famille_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "famille");
    const char *account = pt_db_int(rq->pool, rq->user->id);
    pt_date today = pt_date_of_time(rq->now);
    pt_rows *families = NULL, *children = NULL;
    int f, c;

    if (pt_db_select(rq->db, rq->pool, "portail_famille_families", PT_ARGS(account),
                     &families) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_famille_children", PT_ARGS(account),
                        &children) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    for (f = 0; f < families->n; f++) {
        const char *fid = pt_rows_get(families, f, "id");
        pt_node *fam = pt_xml_elem(screen, "family", NULL);
        pt_xml_attr(fam, "id", fid);
        pt_xml_attr(fam, "nom", pt_rows_get(families, f, "nom"));
        pt_xml_attr(fam, "code", pt_rows_get(families, f, "code_abonne"));
        for (c = 0; c < children->n; c++) {
            pt_node *child;
            pt_date birth;
            if (strcmp(pt_rows_get(children, c, "family_id"), fid) != 0) {
                continue;
            }
            child = pt_xml_elem(fam, "child", NULL);
            pt_xml_attr(child, "id", pt_rows_get(children, c, "id"));
            pt_xml_attr(child, "prenom", pt_rows_get(children, c, "prenom"));
            pt_xml_attr(child, "nom", pt_rows_get(children, c, "nom"));
            pt_xml_attr(child, "naissance", pt_rows_get(children, c, "date_naissance"));
            if (pt_date_parse(pt_rows_get(children, c, "date_naissance"), &birth)) {
                pt_xml_attr_int(child, "age", pt_date_age(birth, today));
            }
        }
    }
    return 200;
}
