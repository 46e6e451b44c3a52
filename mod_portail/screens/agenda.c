/* agenda.c — /portail/agenda/{famille}-{jeton}.ics: the family's reserved slots as an
 * iCalendar feed, for the phone's calendar.
 *
 * Calendar applications fetch it without a session, so its URL is its own key: an HMAC
 * of the family and a generation number under the portal's secret.  Nothing secret is
 * stored; « Changer l'adresse » increments the generation and the old URL answers 404.
 */
#include <string.h>
#include <apr_strings.h>
#include "screens/screens.h"
#include "core/pt_form.h"
#include "core/pt_ics.h"
#include "core/pt_token.h"

static const char *portail_agenda_mac(pt_req *rq, apr_int64_t family, apr_int64_t generation)
{
    return pt_token_mac(rq->pool, rq->secret,
                        apr_psprintf(rq->pool, "agenda:%" APR_INT64_T_FMT ":%" APR_INT64_T_FMT,
                                     family, generation));
}

const char *portail_agenda_url(pt_req *rq, apr_int64_t family, apr_int64_t generation)
{
    return apr_psprintf(rq->pool, "%s/agenda/%" APR_INT64_T_FMT "-%s.ics", rq->site->public_url,
                        family, portail_agenda_mac(rq, family, generation));
}

int portail_agenda_get(pt_req *rq)
{
    const char *jeton = apr_table_get(rq->params, "jeton"), *dash, *host;
    apr_int64_t family;
    pt_rows *f = NULL, *r = NULL;
    pt_ics *ics;
    char *end;
    int i;

    dash = jeton ? strchr(jeton, '-') : NULL;
    family = jeton ? apr_strtoi64(jeton, &end, 10) : 0;
    if (!dash || end != dash || family <= 0 || strlen(dash + 1) != 43 + 4
        || strcmp(dash + 1 + 43, ".ics") != 0) {
        return pt_req_error(rq, 404, NULL);
    }
    if (pt_db_select(rq->db, rq->pool, "portail_agenda_family",
                     PT_ARGS(pt_db_int(rq->pool, family)), &f) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    if (f->n != 1 || !pt_token_equal(apr_pstrmemdup(rq->pool, dash + 1, 43),
                                     portail_agenda_mac(rq, family,
                                                        pt_rows_int(f, 0, "ics_generation", 0)))) {
        return pt_req_error(rq, 404, NULL);
    }
    if (pt_db_select(rq->db, rq->pool, "portail_agenda_bookings",
                     PT_ARGS(pt_db_int(rq->pool, family)), &r) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    host = strstr(rq->site->public_url ? rq->site->public_url : "", "://");
    host = host ? apr_pstrndup(rq->pool, host + 3, strcspn(host + 3, ":/")) : "portail";
    ics = pt_ics_new(rq->pool, apr_pstrcat(rq->pool, "Planning famille ",
                                           pt_rows_get(f, 0, "nom"), NULL));
    for (i = 0; i < r->n; i++) {
        pt_ics_event(ics, apr_pstrcat(rq->pool, "reservation-", pt_rows_get(r, i, "id"), "@",
                                      host, NULL),
                     pt_rows_int(r, i, "updated_at", 0), pt_rows_get(r, i, "day"),
                     pt_rows_get(r, i, "start_time"), pt_rows_get(r, i, "end_time"),
                     apr_pstrcat(rq->pool, pt_rows_get(r, i, "prenom"), " — ",
                                 pt_rows_get(r, i, "name"), NULL),
                     pt_rows_get(r, i, "place"));
    }
    rq->body = pt_ics_text(ics, &rq->body_len);
    rq->content_type = "text/calendar; charset=UTF-8";
    return 200;
}

int portail_agenda_post(pt_req *rq)
{
    pt_rows *sub = NULL;
    apr_int64_t id = pt_form_id(pt_form_get(rq->form, "famille"));
    const char *family = id > 0 ? pt_db_int(rq->pool, id) : NULL;
    if (!family) {
        return pt_req_error(rq, 404, NULL);           /* « famille=abc »: no such family */
    }
    if (pt_db_select(rq->db, rq->pool, "portail_famille_subscribed",
                                PT_ARGS(pt_db_int(rq->pool, rq->user->id), family), &sub)
                   != PT_DB_OK || sub->n == 0) {
        return sub ? pt_req_error(rq, 404, NULL) : pt_req_error(rq, 503, NULL);
    }
    if (pt_db_exec(rq->db, rq->pool, "portail_agenda_revoke", PT_ARGS(family), NULL) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, "/famille/planning", PT_FLASH_SUCCES,
                           "L'adresse de votre agenda a changé : l'ancienne ne fonctionne plus. "
                           "Ajoutez la nouvelle à votre calendrier.");
}
