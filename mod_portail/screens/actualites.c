/* actualites.c — /portail/actualites/{actualite}: one news (« Actualités ») as the public
 * reads it, and its image (/portail/actualites/{actualite}/image).
 *
 * The public sees a news only while it is published and inside its window (both days
 * included, Paris date): otherwise 404, as for an id that does not exist.  Agents see
 * every news here, with a notice saying whether and when the public sees it: this page
 * is their preview.  The text is an agent's plain text, turned into paragraphs, line
 * breaks and links by pt_xml_plain_text (no markup of the agent's reaches the page).
 */
#include <string.h>
#include <apr_strings.h>
#include "screens/screens.h"
#include "domain/pt_fr.h"

int portail_actualites_load(pt_req *rq, apr_int64_t id, pt_rows **row)
{
    const char *today = pt_date_iso(rq->pool, pt_date_of_time(rq->now));
    if (id < 0) {
        return pt_req_error(rq, 404, NULL);
    }
    if (pt_db_select(rq->db, rq->pool, "portail_actualites_get",
                     PT_ARGS(today, today, pt_db_int(rq->pool, id)), row) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    if ((*row)->n != 1 || (pt_rows_int(*row, 0, "en_ligne", 0) != 1
                           && (!rq->user || rq->user->role != PT_ROLE_AGENT))) {
        return pt_req_error(rq, 404, NULL);
    }
    return 0;
}

void portail_actualites_xml(pt_req *rq, pt_node *item, pt_rows *r, int i, int paragraphs)
{
    const char *from = pt_rows_get(r, i, "visible_from");
    pt_date d = pt_date_of_time(apr_time_from_sec(pt_rows_int(r, i, "published_at", 0)));
    pt_node *pub;
    pt_xml_attr(item, "id", pt_rows_get(r, i, "id"));
    if (pt_rows_get(r, i, "image")) {
        pt_xml_attr(item, "image", "1");
        pt_xml_attr(item, "image_alt", pt_rows_get(r, i, "image_alt"));
    }
    pt_xml_elem(item, "title", pt_rows_get(r, i, "title"));
    /* Shown from the first day of its window, or from its publication. */
    if (from && pt_date_parse(from, &d) == 0) {
        d = pt_date_of_time(apr_time_from_sec(pt_rows_int(r, i, "published_at", 0)));
    }
    pub = pt_xml_elem(item, "published", pt_date_long(rq->pool, d, 1));
    pt_xml_attr(pub, "iso", pt_date_iso(rq->pool, d));
    pt_xml_plain_text(item, "texte", pt_rows_get(r, i, "body"), paragraphs);
}

int portail_actualites_get(pt_req *rq)
{
    pt_node *screen;
    pt_rows *r = NULL;
    int rv = portail_actualites_load(rq, pt_req_param_id(rq, "actualite"), &r);
    if (rv) {
        return rv;
    }
    screen = pt_req_screen(rq, "actualite");
    portail_actualites_xml(rq, pt_xml_elem(screen, "item", NULL), r, 0, 0);
    if (pt_rows_int(r, 0, "en_ligne", 0) != 1) {
        /* An agent's preview of a news the public does not see: say why. */
        pt_node *n = pt_xml_elem(screen, "apercu", NULL);
        pt_xml_attr(n, "etat", pt_rows_int(r, 0, "visible", 0) != 1 ? "brouillon"
                    : pt_rows_get(r, 0, "visible_until")
                      && strcmp(pt_rows_get(r, 0, "visible_until"),
                                pt_date_iso(rq->pool, pt_date_of_time(rq->now))) < 0
                    ? "expiree" : "programmee");
        pt_xml_attr(n, "du", pt_rows_get(r, 0, "visible_from"));
        pt_xml_attr(n, "au", pt_rows_get(r, 0, "visible_until"));
    }
    return 200;
}

int portail_actualites_image_get(pt_req *rq)
{
    pt_rows *r = NULL;
    const char *name;
    int rv = portail_actualites_load(rq, pt_req_param_id(rq, "actualite"), &r);
    if (rv) {
        return rv;
    }
    name = pt_rows_get(r, 0, "image");
    return name ? portail_photo_send(rq, name) : pt_req_error(rq, 404, NULL);
}
