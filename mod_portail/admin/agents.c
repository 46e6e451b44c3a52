/* agents.c — /portail/admin/agents: the agents and their roles, set by an administrator.
 *
 * Each agent's roles (accueil, restauration, facturation, administration: core/pt_role.h)
 * are checkboxes of one form per agent.  A change takes effect at the agent's next page
 * (roles are read with the session), is written to the journal, and never leaves the
 * portal without an active administrator.
 */
#include <string.h>
#include <apr_strings.h>
#include "admin/admin.h"
#include "core/pt_audit.h"
#include "core/pt_form.h"
#include "core/pt_role.h"

int portail_admin_agents_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "admin-agents"), *agent = NULL;
    const char *last = "";
    const pt_role_def *d;
    pt_rows *r = NULL;
    int i;

    if (pt_db_select(rq->db, rq->pool, "portail_admin_agents_list", PT_NOARGS, &r) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    for (d = pt_role_defs; d->name; d++) {
        pt_node *n = pt_xml_elem(screen, "role", NULL);
        pt_xml_attr(n, "name", d->name);
        pt_xml_attr(n, "label", d->label);
        pt_xml_attr(n, "aide", d->hint);
    }
    /* One row per agent and role (LEFT JOIN, ordered by agent). */
    for (i = 0; i < r->n; i++) {
        const char *id = pt_rows_get(r, i, "id"), *role = pt_rows_get(r, i, "role");
        if (strcmp(id, last) != 0) {
            last = id;
            agent = pt_xml_elem(screen, "agent", NULL);
            pt_xml_attr(agent, "id", id);
            pt_xml_attr(agent, "email", pt_rows_get(r, i, "email"));
            pt_xml_attr(agent, "prenom", pt_rows_get(r, i, "prenom"));
            pt_xml_attr(agent, "nom", pt_rows_get(r, i, "nom"));
            pt_xml_attr(agent, "state", pt_rows_get(r, i, "state"));
            if (pt_rows_int(r, i, "id", 0) == rq->user->id) {
                pt_xml_attr(agent, "moi", "1");
            }
        }
        if (role && pt_role_bit(role)) {
            pt_xml_attr(pt_xml_elem(agent, "role", NULL), "name", role);
        }
    }
    return 200;
}

int portail_admin_agent_post(pt_req *rq)
{
    apr_int64_t id = pt_req_param_id(rq, "compte");
    const pt_role_def *d;
    pt_rows *a = NULL, *admins = NULL;
    int before = 0, after = 0, rv;

    if (id < 0) {
        return pt_req_error(rq, 404, NULL);
    }
    for (d = pt_role_defs; d->name; d++) {
        const char *v = pt_form_get(rq->form, d->name);
        if (*v && strcmp(v, "1") != 0) {
            return pt_req_error(rq, 400, "Cochez ou décochez les rôles proposés.");
        }
        after |= *v ? d->bit : 0;
    }
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_admin_agents_get",
                        PT_ARGS(pt_db_int(rq->pool, id)), &a) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 503, NULL);
    }
    if (a->n != 1) {                    /* a parent's account, or none: not an agent here */
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 404, NULL);
    }
    rv = pt_role_load(rq->db, rq->pool, id, &before);
    if (rv == PT_DB_OK && before == after) {
        pt_db_rollback(rq->db);
        return pt_req_redirect(rq, "/admin/agents", PT_FLASH_INFO,
                               "Aucune modification : les rôles sont les mêmes.");
    }
    if (rv == PT_DB_OK) {
        rv = pt_role_store(rq->db, rq->pool, id, after);
    }
    if (rv == PT_DB_OK) {
        rv = pt_db_select(rq->db, rq->pool, "portail_role_administrators", PT_NOARGS, &admins);
    }
    if (rv == PT_DB_OK && pt_rows_int(admins, 0, "n", 0) == 0) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 409, "Le portail garde au moins un agent actif du rôle "
                                     "administration : donnez ce rôle à un autre agent avant "
                                     "de le retirer à celui-ci.");
    }
    if (rv == PT_DB_OK) {
        rv = pt_audit(rq->db, rq->pool, rq->now, rq->user->id, "roles", "compte", id,
                      pt_role_names(rq->pool, before), pt_role_names(rq->pool, after));
    }
    if (rv != PT_DB_OK || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, "/admin/agents", PT_FLASH_SUCCES,
                           apr_psprintf(rq->pool, "Les rôles de %s sont enregistrés ; ils "
                                        "s'appliquent dès sa prochaine page.",
                                        pt_rows_get(a, 0, "email")));
}
