/* comptes.c — /portail/admin/comptes: the parents' accounts, as agents see them.
 *
 * The list with each account's state (« en attente » of its e-mail confirmation,
 * « actif », « bloqué ») and the three things an agent does for a parent on the phone:
 * send the confirmation mail again, block an account (its sessions end at once), unblock
 * it.  Each is written to the audit trail in its own transaction.
 */
#include <string.h>
#include <apr_strings.h>
#include "admin/admin.h"
#include "screens/screens.h"
#include "core/pt_audit.h"
#include "core/pt_form.h"

int portail_admin_comptes_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "admin-comptes");
    const char *q = pt_form_get(rq->query, "q"), *etat = pt_form_get(rq->query, "etat");
    const char *like = pt_db_like(rq->pool, q);
    pt_rows *r = NULL;
    int page;

    if (!pt_req_query_int(rq, "page", 1, 1, 100000, &page)) {
        return pt_req_error(rq, 400, "Ce numéro de page n'existe pas.");
    }
    if (*etat && strcmp(etat, "en_attente") && strcmp(etat, "actif") && strcmp(etat, "bloque")) {
        return pt_req_error(rq, 400, "Cet état de compte n'existe pas.");
    }
    pt_xml_attr(screen, "q", q);
    pt_xml_attr(screen, "etat", etat);
    if (pt_db_select(rq->db, rq->pool, "portail_admin_comptes_search",
                     PT_ARGS(etat, etat, q, like, like, like,
                             pt_db_int(rq->pool, PORTAIL_ADMIN_PAGE_SIZE + 1),
                             portail_admin_offset(rq, page)), &r) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    portail_admin_list_more(rq, screen, page, r,
                            (const char *const[]){ "q", q, "etat", etat, NULL });
    pt_xml_rows(screen, "compte", r, NULL);
    return 200;
}

/* The parent account of the URL (404 for an agent's or an unknown id), in a transaction
 * the caller commits. */
static int portail_admin_compte_begin(pt_req *rq, apr_int64_t *id, pt_rows **account)
{
    *id = pt_req_param_id(rq, "compte");
    if (*id < 0) {
        return pt_req_error(rq, 404, NULL);
    }
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_admin_compte_get",
                        PT_ARGS(pt_db_int(rq->pool, *id)), account) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 503, NULL);
    }
    if ((*account)->n != 1) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 404, NULL);
    }
    return 0;
}

/* Commit and go back to the list showing this account. */
static int portail_admin_compte_done(pt_req *rq, pt_rows *account, int rv, const char *message)
{
    if (rv != PT_DB_OK || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, apr_pstrcat(rq->pool, "/admin/comptes?q=",
                                           pt_form_escape(rq->pool,
                                                          pt_rows_get(account, 0, "email")),
                                           NULL),
                           PT_FLASH_SUCCES, message);
}

int portail_admin_compte_renvoyer_post(pt_req *rq)
{
    apr_int64_t id;
    pt_rows *a = NULL;
    const char *email;
    int rv = portail_admin_compte_begin(rq, &id, &a);
    if (rv) {
        return rv;
    }
    email = pt_rows_get(a, 0, "email");
    if (strcmp(pt_rows_get(a, 0, "state"), "en_attente") != 0) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 409, "Ce compte n'attend pas de confirmation de son adresse "
                                     "e-mail : il n'y a pas de lien à renvoyer.");
    }
    rv = portail_activation_send(rq, id, email, pt_rows_get(a, 0, "prenom"));
    if (rv == PT_DB_OK) {
        rv = pt_audit(rq->db, rq->pool, rq->now, rq->user->id, "renvoi-confirmation", "compte",
                      id, NULL, email);
    }
    return portail_admin_compte_done(rq, a, rv,
        apr_psprintf(rq->pool, "Un nouveau lien de confirmation part à %s ; il est valable "
                     "48 heures.", email));
}

static int portail_admin_compte_state(pt_req *rq, int block)
{
    apr_int64_t id;
    pt_rows *a = NULL;
    const char *aid;
    int changed = 0, rv = portail_admin_compte_begin(rq, &id, &a);
    if (rv) {
        return rv;
    }
    aid = pt_db_int(rq->pool, id);
    rv = pt_db_exec(rq->db, rq->pool,
                    block ? "portail_admin_compte_block" : "portail_admin_compte_unblock",
                    PT_ARGS(aid), &changed);
    if (rv == PT_DB_OK && !changed) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 409, block ? "Ce compte est déjà bloqué."
                                           : "Ce compte n'est pas bloqué.");
    }
    /* A blocked account is out at once, on every device. */
    if (rv == PT_DB_OK && block) {
        rv = pt_db_exec(rq->db, rq->pool, "portail_session_delete_account", PT_ARGS(aid), NULL);
    }
    if (rv == PT_DB_OK) {
        rv = pt_audit(rq->db, rq->pool, rq->now, rq->user->id,
                      block ? "blocage" : "deblocage", "compte", id,
                      pt_rows_get(a, 0, "state"), block ? "bloque" : NULL);
    }
    return portail_admin_compte_done(rq, a, rv,
        apr_psprintf(rq->pool, block ? "Le compte %s est bloqué." : "Le compte %s est débloqué.",
                     pt_rows_get(a, 0, "email")));
}

int portail_admin_compte_bloquer_post(pt_req *rq)
{
    return portail_admin_compte_state(rq, 1);
}

int portail_admin_compte_debloquer_post(pt_req *rq)
{
    return portail_admin_compte_state(rq, 0);
}
