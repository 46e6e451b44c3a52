/* payfip.c — /portail/admin/payfip: the PayFiP journal.  Every operation asked of PayFiP
 * (an invoice paid online, a porte-monnaie top-up): its idOp, state, amount, family, the
 * times it started and ended, PayFiP's result and authorisation number, the receipt it
 * gave, and an anomaly when PayFiP's detail did not match (nothing recorded then).
 * Filtered by state; the 500 newest. */
#include <string.h>
#include <apr_strings.h>
#include "admin/admin.h"
#include "core/pt_form.h"
#include "domain/pt_fr.h"

static const char *const portail_admin_payfip_states[] = {
    "en_cours", "payee", "refusee", "abandonnee", "expiree", NULL
};

/* Unix seconds as « vendredi 20 novembre 2026 à 14 h 05 » (Europe/Paris). */
static const char *portail_admin_payfip_when(apr_pool_t *p, const char *secs)
{
    return secs && *secs ? pt_fr_datetime(p, apr_atoi64(secs)) : NULL;
}

int portail_admin_payfip_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "admin-payfip");
    const char *etat = pt_form_get(rq->query, "etat");
    pt_rows *r = NULL;
    int i;
    for (i = 0; portail_admin_payfip_states[i] && strcmp(etat, portail_admin_payfip_states[i]);
         i++) {
    }
    etat = portail_admin_payfip_states[i] ? etat : "";
    if (pt_db_select(rq->db, rq->pool, "portail_admin_payfip_list", PT_ARGS(etat, etat), &r)
            != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    pt_xml_attr(screen, "filtre_etat", etat);
    for (i = 0; portail_admin_payfip_states[i]; i++) {
        pt_xml_elem(screen, "etat", portail_admin_payfip_states[i]);
    }
    for (i = 0; i < r->n; i++) {
        pt_node *o = pt_xml_row(screen, "operation", r, i, NULL);
        pt_xml_attr(o, "montant_fr", pt_fr_amount(rq->pool, pt_rows_int(r, i, "montant", 0)));
        pt_xml_attr(o, "debut_fr", portail_admin_payfip_when(rq->pool,
                                                             pt_rows_get(r, i, "created_at")));
        pt_xml_attr(o, "fin_fr", portail_admin_payfip_when(rq->pool,
                                                           pt_rows_get(r, i, "settled_at")));
    }
    return 200;
}
