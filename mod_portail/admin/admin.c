/* admin.c — /portail/admin/: the agents' dashboard, and what their lists share. */
#include <apr_strings.h>
#include "admin/admin.h"
#include <string.h>
#include "core/pt_audit.h"
#include "core/pt_form.h"
#include "core/pt_request.h"
#include "screens/screens.h"

/* The dashboard's tiles (path, key of its text and count): each shown only to the agents
 * whose roles open it (the router table says, through pt_req_may). */
static const char *const portail_admin_tiles[] = {
    "/admin/familles", "familles", "/admin/comptes", "comptes",
    "/admin/activites", "activites", "/admin/dossiers", "dossiers",
    "/admin/preinscriptions", "preinscriptions", "/admin/reservations", "reservations",
    "/admin/journal", "journal", "/admin/facturation", "facturation",
    "/admin/documents", "documents", "/admin/actualites", "actualites",
    "/admin/payfip", "payfip", "/admin/agents", "agents",
    NULL
};

int portail_admin_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "admin");
    pt_node *counts = pt_xml_elem(screen, "counts", NULL);
    pt_rows *r = NULL;
    const char *const *t;
    int c;

    for (t = portail_admin_tiles; *t; t += 2) {
        if (pt_req_may(rq, "GET", t[0])) {
            pt_node *n = pt_xml_elem(screen, "tuile", NULL);
            pt_xml_attr(n, "chemin", t[0]);
            pt_xml_attr(n, "k", t[1]);
        }
    }

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

int portail_admin_requests_accept(pt_req *rq, portail_admin_accept_fn accept, const char *back)
{
    const apr_array_header_t *fields = apr_table_elts(rq->form);
    int i, accepted = 0, refused = 0;
    for (i = 0; i < fields->nelts; i++) {
        const apr_table_entry_t *e = &APR_ARRAY_IDX(fields, i, apr_table_entry_t);
        const char *conflicts;
        apr_int64_t id;
        char *end;
        int done;
        if (strcmp(e->key, "demande") != 0) {
            continue;
        }
        id = apr_strtoi64(e->val, &end, 10);
        if (*end || id <= 0) {
            return pt_req_error(rq, 400, "La liste des demandes est mal formée.");
        }
        if (accept(rq, id, &conflicts, &done) != PT_DB_OK) {
            return pt_req_error(rq, 503, NULL);
        }
        accepted += done && !conflicts;
        refused += !done || conflicts;
    }
    if (accepted + refused == 0) {
        return pt_req_redirect(rq, back, PT_FLASH_INFO,
                               "Cochez les demandes à accepter.");
    }
    return pt_req_redirect(rq, back, refused ? PT_FLASH_ERREUR : PT_FLASH_SUCCES,
        refused ? apr_psprintf(rq->pool, "%d demande(s) acceptée(s) ; %d non appliquée(s) "
                               "(conflit, déjà traitée ou réservée à un autre rôle) : elles restent dans la liste ou "
                               "ont déjà une réponse.", accepted, refused)
                : apr_psprintf(rq->pool, "%d demande(s) acceptée(s) et appliquée(s).", accepted));
}

/* Nothing was closed: 404 when the request is not one of this queue (or does not
 * exist), 409 when it was answered first. */
static int portail_admin_request_not_done(pt_req *rq, const char *queue, apr_int64_t id)
{
    int found = 0;
    if (pt_request_in_queue(rq->db, rq->pool, queue, id, &found) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    if (!found) {
        return pt_req_error(rq, 404, NULL);
    }
    return pt_req_error(rq, 409, "Cette demande a déjà reçu une réponse (ou a été annulée "
                                 "par la famille).");
}

int portail_admin_request_refuse(pt_req *rq, const char *queue, const char *back,
                                 pt_screen_fn page)
{
    apr_int64_t id = pt_req_param_id(rq, "demande");
    const char *message = pt_form_get(rq->form, "message");
    int done = 0, rv;
    if (id < 0) {
        return pt_req_error(rq, 404, NULL);
    }
    if (!*message || strlen(message) > 2000) {
        /* The queue again, this request's message field marked, what was typed kept. */
        if ((rv = page(rq)) != 200) {
            return rv;
        }
        pt_node *e = pt_xml_elem(rq->page, "refus-erreur",
                                 *message ? "Votre message dépasse 2 000 caractères : "
                                            "raccourcissez-le."
                                          : "Écrivez à la famille pourquoi la demande est "
                                            "refusée : ce message lui est envoyé.");
        pt_xml_attr_int(e, "demande", id);
        pt_xml_attr(e, "texte", message);
        return 400;
    }
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK
        || pt_request_answer(rq->db, rq->pool, queue, id, "refusee", rq->user->id, message,
                             rq->now, &done) != PT_DB_OK
        || (done && pt_audit(rq->db, rq->pool, rq->now, rq->user->id, "refus", "demande", id,
                             NULL, message) != PT_DB_OK)
        || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 503, NULL);
    }
    if (!done) {
        return portail_admin_request_not_done(rq, queue, id);
    }
    portail_photo_discard(rq, id);                /* a refused photo is not kept */
    return pt_req_redirect(rq, back, PT_FLASH_SUCCES,
                           "La demande est refusée ; la famille voit votre message.");
}

int portail_admin_request_accept(pt_req *rq, const char *queue, portail_admin_accept_fn accept,
                                 const char *back, const char *done_message)
{
    apr_int64_t id = pt_req_param_id(rq, "demande");
    const char *conflicts;
    int done;
    if (id < 0) {
        return pt_req_error(rq, 404, NULL);
    }
    if (accept(rq, id, &conflicts, &done) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    if (conflicts) {
        return pt_req_error(rq, 409, apr_psprintf(rq->pool, "Conflit : depuis la demande, "
                            "ces données ont été modifiées dans le dossier : %s. Rien n'a été "
                            "appliqué ; refusez la demande avec un message, ou corrigez le "
                            "dossier directement.", conflicts));
    }
    if (!done) {
        return portail_admin_request_not_done(rq, queue, id);
    }
    return pt_req_redirect(rq, back, PT_FLASH_SUCCES, done_message);
}

int portail_admin_queue_page(pt_req *rq, pt_node *screen, const char *label,
                             const char **statut, pt_rows **rows)
{
    int page;
    *statut = pt_form_get(rq->query, "statut");
    *statut = **statut ? *statut : "en_attente";
    if (strcmp(*statut, "en_attente") && strcmp(*statut, "acceptee")
        && strcmp(*statut, "refusee") && strcmp(*statut, "annulee")) {
        return pt_req_error(rq, 400, "Ce statut de demande n'existe pas.");
    }
    if (!pt_req_query_int(rq, "page", 1, 1, 100000, &page)) {
        return pt_req_error(rq, 400, "Ce numéro de page n'existe pas.");
    }
    pt_xml_attr(screen, "statut", *statut);
    if (pt_db_select(rq->db, rq->pool, label,
                     PT_ARGS(*statut, pt_db_int(rq->pool, PORTAIL_ADMIN_PAGE_SIZE + 1),
                             portail_admin_offset(rq, page)), rows) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    portail_admin_list_more(rq, screen, page, *rows,
                            (const char *const[]){ "statut", *statut, NULL });
    return 0;
}

int portail_admin_queue_get(pt_req *rq, const char *name, const char *label, const char *details,
                            const char *detail)
{
    pt_node *screen = pt_req_screen(rq, name);
    const char *statut;
    pt_rows *r = NULL;
    int i, rv = portail_admin_queue_page(rq, screen, label, &statut, &r);
    if (rv) {
        return rv;
    }
    for (i = 0; i < r->n; i++) {
        pt_node *d = pt_xml_row(screen, "demande", r, i, NULL);
        pt_rows *e = NULL;
        /* A page holds 50 requests: one query each stays bounded. */
        if (pt_db_select(rq->db, rq->pool, details, PT_ARGS(pt_rows_get(r, i, "id")), &e)
            != PT_DB_OK) {
            return pt_req_error(rq, 503, NULL);
        }
        pt_xml_rows(d, detail, e, NULL);
    }
    return 200;
}
