/* ctl_documents.c — portail-ctl document-reminders: a mail to the families whose accepted
 * document ends within 30 days, once per document (core/pt_document.c).  Run daily by
 * cron; --now fixes the day. */
#include <stdio.h>
#include "core/pt_document.h"
#include "domain/pt_fr.h"
#include "ctl/ctl.h"

int ctl_document_reminders(ctl *c)
{
    apr_time_t now;
    int sent = 0;
    if (!ctl_billing_now(c, &now)) {
        return ctl_fail("--now attend 'AAAA-MM-JJ HH:MM' : %s", c->now);
    }
    if (pt_document_remind(c->db, c->pool, pt_date_iso(c->pool, pt_date_of_time(now)), now,
                           c->town, c->base_url, &sent) != PT_DB_OK) {
        return ctl_fail("documents : %s", c->db->error ? c->db->error : "base occupée");
    }
    printf("%d document(s) bientôt expiré(s) : familles prévenues\n", sent);
    return 0;
}
