/* home.c — /portail/: the news tiles (« Actualités ») and the way in.
 *
 * The public's most visited page comes from the page cache (core/pt_pagecache.c).  Its
 * key is made of today's date (Paris), the rows of the current news — those published
 * and inside their window on that date, which the query selects — and who is logged in
 * (with the CSRF token the logout form carries; nobody for the public, whose page is the
 * same for all).  Publishing, unpublishing, editing a news, or a window opening or
 * closing at midnight changes those rows or that date, hence the key: no invalidation
 * to forget, and no action needed for a window's edge to show. */
#include <apr_strings.h>
#include "screens/screens.h"
#include "core/pt_pagecache.h"
#include "domain/pt_fr.h"

int portail_home_get(pt_req *rq)
{
    const char *today = pt_date_iso(rq->pool, pt_date_of_time(rq->now));
    pt_node *news;
    pt_rows *r = NULL;
    int i;

    if (pt_db_select(rq->db, rq->pool, "portail_home_news", PT_ARGS(today, today), &r)
        != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    if (rq->cacheable) {
        const pt_user *u = rq->user;
        pt_rows *const sets[] = { r };
        const char *const parts[] = {
            "home", today, u ? pt_db_int(rq->pool, u->id) : "-",
            u && u->prenom ? u->prenom : "", u && u->nom ? u->nom : "",
            u ? (u->role == PT_ROLE_AGENT ? "agent" : "parent") : "",
            u && rq->csrf ? rq->csrf : "", NULL
        };
        const char *key = pt_pagecache_key(rq->pool, parts, sets, 1);
        if (key && pt_pagecache_get(rq->site->pages, key, rq->pool, &rq->body, &rq->body_len)) {
            rq->content_type = "text/html; charset=UTF-8";
            return 200;
        }
        rq->cache_key = key;
    }
    news = pt_xml_elem(pt_req_screen(rq, "home"), "news", NULL);
    for (i = 0; i < r->n; i++) {
        /* A tile: the title, the date, the image and the first paragraph. */
        portail_actualites_xml(rq, pt_xml_elem(news, "item", NULL), r, i, 1);
    }
    return 200;
}
