/* home.c — /portail/: the news tiles (« Actualités ») and the way in. */
#include <apr_strings.h>
#include "screens/screens.h"
#include "domain/pt_fr.h"

int portail_home_get(pt_req *rq)
{
    pt_node *home = pt_req_screen(rq, "home");
    pt_node *news = pt_xml_elem(home, "news", NULL);
    pt_rows *r = NULL;
    int i;

    if (pt_db_select(rq->db, rq->pool, "portail_home_news", PT_NOARGS, &r) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    for (i = 0; i < r->n; i++) {
        pt_node *item = pt_xml_elem(news, "item", NULL);
        pt_node *pub;
        pt_date d = pt_date_of_time(apr_time_from_sec(pt_rows_int(r, i, "published_at", 0)));
        pt_xml_attr(item, "id", pt_rows_get(r, i, "id"));
        pt_xml_elem(item, "title", pt_rows_get(r, i, "title"));
        pt_xml_elem(item, "body", pt_rows_get(r, i, "body"));
        pub = pt_xml_elem(item, "published", pt_date_long(rq->pool, d, 1));
        pt_xml_attr(pub, "iso", pt_date_iso(rq->pool, d));
    }
    return 200;
}
