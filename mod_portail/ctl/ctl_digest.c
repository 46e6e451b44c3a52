/* ctl_digest.c — portail-ctl digest: the processing digest (SPEC §6), run by cron at 13:00
 * and 18:00 Europe/Paris.
 *
 * Each family gets one mail per window with the answers given in it — requests accepted
 * or refused, by an agent or by the portal (a booking confirmed at once, a place freed
 * from the waiting list), every kind of request included.  A window is recorded in
 * digest_windows in the transaction that queues its mails: run twice, or on two servers
 * at the same minute, the second run finds it recorded and sends nothing; a run missed
 * (server down at 13:00) is caught up by the next one, a week at most.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <apr_lib.h>
#include <apr_strings.h>
#include "ctl/ctl.h"
#include "core/pt_mail.h"
#include "core/pt_xml.h"
#include "domain/pt_digest.h"

/* How far back a missed window is caught up: a week of two windows a day. */
#define CTL_DIGEST_CATCH_UP 14

/* The wall clock of --now, or of the system. */
int ctl_digest_now(ctl *c, pt_date *d, int *h, int *m)
{
    char day[11];
    if (!c->now) {
        pt_fr_local(apr_time_sec(apr_time_now()), d, h, m);
        return 1;
    }
    if (strlen(c->now) != 16 || c->now[10] != ' ' || c->now[13] != ':') {
        return 0;
    }
    memcpy(day, c->now, 10);
    day[10] = '\0';
    *h = atoi(c->now + 11);
    *m = atoi(c->now + 14);
    return pt_date_parse(day, d) && *h >= 0 && *h < 24 && *m >= 0 && *m < 60
           && apr_isdigit(c->now[11]) && apr_isdigit(c->now[12])
           && apr_isdigit(c->now[14]) && apr_isdigit(c->now[15]);
}

/* Queue the mails of one family: one to each of its active accounts. */
static int ctl_digest_family(ctl *c, apr_pool_t *p, const char *window, pt_rows *ev, int from,
                             int to, int *mails)
{
    pt_rows *acc = NULL;
    int rv, a, i;
    rv = pt_db_select(c->db, p, "portail_digest_accounts",
                      PT_ARGS(pt_rows_get(ev, from, "family_id")), &acc);
    for (a = 0; rv == PT_DB_OK && a < acc->n; a++) {
        pt_doc *data = pt_xml_doc(p, "mail-data");
        pt_node *root = pt_xml_root(data);
        pt_xml_attr(root, "town", c->town ? c->town : "Ma commune");
        pt_xml_attr(root, "prenom", pt_rows_get(acc, a, "prenom"));
        pt_xml_attr(root, "fenetre", window);
        pt_xml_attr(root, "lien", apr_pstrcat(p, c->base_url ? c->base_url : "",
                                              "/famille/demandes", NULL));
        for (i = from; i < to; i++) {
            pt_node *d;
            /* The same answer recorded twice for a request (a place freed from the waiting
             * list and the request's closing, before they were one event): one line. */
            if (i > from && !strcmp(pt_rows_get(ev, i, "id"), pt_rows_get(ev, i - 1, "id"))
                && !strcmp(pt_rows_get(ev, i, "event"), pt_rows_get(ev, i - 1, "event"))
                && (!pt_rows_get(ev, i, "message")
                    || !strcmp(pt_rows_get(ev, i, "message"),
                               pt_rows_get(ev, i - 1, "message") ? pt_rows_get(ev, i - 1, "message")
                                                                 : ""))) {
                continue;
            }
            d = pt_xml_elem(root, "demande", NULL);
            pt_xml_attr(d, "titre", pt_rows_get(ev, i, "title"));
            pt_xml_attr(d, "evenement", pt_rows_get(ev, i, "event"));
            pt_xml_attr(d, "message", pt_rows_get(ev, i, "message"));
        }
        rv = pt_mail_enqueue(c->db, p, pt_rows_get(acc, a, "email"), "traitement", data,
                             apr_time_now());
        *mails += rv == PT_DB_OK;
    }
    return rv;
}

/* Send one window, unless it was sent: *mails counts the mails queued, -1 when it had
 * been sent already. */
static int ctl_digest_window(ctl *c, apr_pool_t *p, pt_digest_window w, int *mails)
{
    const char *name = pt_digest_name(p, w);
    long long start, end;
    pt_rows *ev = NULL;
    int rv, fresh = 0, i, from;

    *mails = 0;
    pt_digest_bounds(w, &start, &end);
    if ((rv = pt_db_begin(c->db, p)) != PT_DB_OK) {
        return rv;
    }
    rv = pt_db_exec(c->db, p, "portail_digest_record",
                    PT_ARGS(name, pt_db_int(p, apr_time_sec(apr_time_now()))), &fresh);
    if (rv == PT_DB_OK && fresh) {
        rv = pt_db_select(c->db, p, "portail_digest_events",
                          PT_ARGS(pt_db_int(p, start), pt_db_int(p, end)), &ev);
    }
    /* The events come by family: one mail for each run of the same family. */
    for (i = 0, from = 0; rv == PT_DB_OK && fresh && i <= ev->n; i++) {
        if (i == ev->n || strcmp(pt_rows_get(ev, i, "family_id"),
                                 pt_rows_get(ev, from, "family_id"))) {
            if (i > from) {
                rv = ctl_digest_family(c, p, name, ev, from, i, mails);
            }
            from = i;
        }
    }
    if (rv == PT_DB_OK && fresh) {
        rv = pt_db_exec(c->db, p, "portail_digest_count",
                        PT_ARGS(pt_db_int(p, *mails), name), NULL);
    }
    if (rv != PT_DB_OK || !fresh) {
        pt_db_rollback(c->db);
        *mails = -1;
        return rv;
    }
    return pt_db_commit(c->db);
}

int ctl_digest(ctl *c)
{
    pt_digest_window last, w, todo[CTL_DIGEST_CATCH_UP];
    pt_rows *done = NULL;
    pt_date d;
    int h, m, n = 0, i, mails;

    if (!ctl_digest_now(c, &d, &h, &m)) {
        return ctl_fail("--now s'écrit 'AAAA-MM-JJ HH:MM' (heure de Paris)");
    }
    last = pt_digest_last(d, h, m);
    if (pt_db_select(c->db, c->pool, "portail_digest_last", PT_NOARGS, &done) != PT_DB_OK) {
        return ctl_fail("digest : %s", c->db->error);
    }
    /* From the last window sent (excluded) up to the last one ended; the first run
     * ever sends the last one only. */
    for (w = last; n < CTL_DIGEST_CATCH_UP; w = pt_digest_previous(w)) {
        if (done->n && strcmp(pt_digest_name(c->pool, w), pt_rows_get(done, 0, "window_end")) <= 0) {
            break;
        }
        todo[n++] = w;
        if (!done->n) {
            break;
        }
    }
    if (!n) {
        printf("fenêtre %s : déjà envoyée\n", pt_digest_name(c->pool, last));
    }
    for (i = n - 1; i >= 0; i--) {
        apr_pool_t *p;
        int rv;
        apr_pool_create(&p, c->pool);
        rv = ctl_digest_window(c, p, todo[i], &mails);
        if (rv != PT_DB_OK) {
            return ctl_fail("digest %s : %s", pt_digest_name(p, todo[i]), c->db->error);
        }
        if (mails < 0) {
            printf("fenêtre %s : déjà envoyée\n", pt_digest_name(p, todo[i]));
        }
        else {
            printf("fenêtre %s : %d courriel(s) en attente d'envoi\n", pt_digest_name(p, todo[i]),
                   mails);
        }
        apr_pool_destroy(p);
    }
    return 0;
}
