/* ctl_billing.c — portail-ctl invoice-run and invoice-reminders: the invoice run of the
 * agents' screen (core/pt_billing.c) from cron, and the reminders before due dates. */
#include <stdio.h>
#include <string.h>
#include <apr_strings.h>
#include "core/pt_billing.h"
#include "domain/pt_fr.h"
#include "ctl/ctl.h"

/* The instant of --now, or the system's (ctl.h). */
int ctl_billing_now(ctl *c, apr_time_t *now)
{
    pt_date d;
    int h, m;
    if (!ctl_digest_now(c, &d, &h, &m)) {
        return 0;
    }
    *now = c->now ? apr_time_from_sec(pt_fr_instant(d, h, m)) : apr_time_now();
    return 1;
}

static void ctl_billing_print(apr_pool_t *p, const pt_billing_run *run, int issued)
{
    int i, k;
    for (i = 0; i < run->families->nelts; i++) {
        const pt_billing_family *f = &APR_ARRAY_IDX(run->families, i, pt_billing_family);
        printf("%s\t%s\t%s\n", issued ? f->numero : "(aperçu)", f->nom,
               pt_fr_amount(p, f->total));
        for (k = 0; k < f->lines->nelts; k++) {
            const pt_billing_line *l = &APR_ARRAY_IDX(f->lines, k, pt_billing_line);
            printf("\t%s\t%s\t%d j × %s\t+ %s\t= %s\n", l->enfant, l->activite, l->jours,
                   pt_fr_amount(p, l->prix), pt_fr_amount(p, l->majoration),
                   pt_fr_amount(p, l->montant));
        }
    }
    printf("%d facture(s), %d journée(s), total %s\n", run->families->nelts, run->days,
           pt_fr_amount(p, run->total));
}

int ctl_invoice_run(ctl *c)
{
    pt_billing_site site = { c->town, c->base_url ? c->base_url : "" };
    pt_billing_run *run = NULL;
    const char *error = NULL;
    apr_time_t now;
    int rv;
    if (!c->regie || !c->mois) {
        return ctl_fail("%s", "invoice-run attend --regie CODE --mois AAAA-MM");
    }
    if (!ctl_billing_now(c, &now)) {
        return ctl_fail("--now attend 'AAAA-MM-JJ HH:MM' : %s", c->now);
    }
    rv = c->dry_run ? pt_billing_plan(c->db, c->pool, c->regie, c->mois, pt_date_of_time(now),
                                      &run, &error)
                    : pt_billing_issue(c->db, c->pool, c->regie, c->mois, now, 0, NULL, &site,
                                       &run, &error);
    if (rv == PT_BILLING_REFUSED || rv == PT_BILLING_CLOSED) {
        return ctl_fail("%s", error);
    }
    if (rv != PT_DB_OK) {
        return ctl_fail("facturation : %s", c->db->error ? c->db->error : "base occupée");
    }
    ctl_billing_print(c->pool, run, !c->dry_run);
    return 0;
}

int ctl_invoice_reminders(ctl *c)
{
    pt_billing_site site = { c->town, c->base_url ? c->base_url : "" };
    apr_time_t now;
    int sent = 0;
    if (!ctl_billing_now(c, &now)) {
        return ctl_fail("--now attend 'AAAA-MM-JJ HH:MM' : %s", c->now);
    }
    if (pt_billing_remind(c->db, c->pool, pt_date_of_time(now), now, &site, &sent) != PT_DB_OK) {
        return ctl_fail("relances : %s", c->db->error ? c->db->error : "base occupée");
    }
    printf("%d relance(s) mise(s) en attente\n", sent);
    return 0;
}
