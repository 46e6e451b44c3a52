/* ctl_payfip.c — portail-ctl payfip-reconcile (cron, every 5 minutes): the PayFiP
 * operations still en_cours 15 minutes after they started — the family closed PayFiP's
 * page, the notification never came — are asked to PayFiP and settled by the same
 * function as the notification and the return page (core/pt_payfip_ops.c); an operation
 * PayFiP has no finished transaction for is expired.  The PortailPayfip* directives come
 * from the Apache configuration (--config), or --payfip for the service. */
#include <stdio.h>
#include <stdlib.h>
#include "core/pt_payfip.h"
#include "ctl/ctl.h"

int ctl_payfip_reconcile(ctl *c)
{
    pt_payfip_conf conf = { c->payfip_service, c->payfip_page, c->payfip_numcli,
                            c->payfip_saisie, c->payfip_timeout ? atoi(c->payfip_timeout) : 20 };
    pt_date d;
    int h, m, settled = 0, failed = 0;
    apr_time_t now;
    if (!conf.service || !*conf.service) {
        return ctl_fail("%s", "payfip-reconcile : indiquez le service (PortailPayfipService "
                              "dans --config, ou --payfip URL)");
    }
    if (!conf.page) {
        conf.page = conf.service;   /* only the service is called here */
    }
    if (!ctl_digest_now(c, &d, &h, &m)) {
        return ctl_fail("--now attend 'AAAA-MM-JJ HH:MM' : %s", c->now);
    }
    now = c->now ? apr_time_from_sec(pt_fr_instant(d, h, m)) : apr_time_now();
    pt_payfip_global_init();
    if (pt_payfip_reconcile(c->db, c->pool, &conf, c->base_url, c->town, now, &settled,
                            &failed) != PT_DB_OK) {
        return ctl_fail("payfip-reconcile : %s", c->db->error ? c->db->error : "base occupée");
    }
    printf("%d paiement(s) réglé(s), %d sans réponse de PayFiP\n", settled, failed);
    return failed ? 2 : 0;
}
