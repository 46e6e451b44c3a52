/* ctl_mail.c — `portail-ctl mail`: deliver the outbox over SMTP (libcurl).
 *
 * Rows are claimed by one conditional UPDATE marked with this run's random token, so two
 * runs at once (two cron jobs, two servers) never send the same mail.  A failure is tried
 * again later with a growing delay (pt_mail_retry_delay); after the last, the row stays
 * in the table as 'echec' with its error.  A run that died while sending leaves rows
 * 'en_cours': the next run on the same machine gives them back at once when that run's
 * process is gone (the token names its host and pid), any run after ten minutes.
 *
 * Each mail is marked sent when its whole text has been handed to libcurl, just before
 * the final « . » that makes the SMTP server accept it: a run killed after that point
 * cannot send it a second time, and a mail that cannot be marked is not sent.  Never twice,
 * at a price: a run killed between the mark and the « . » loses that one mail.  A town
 * would rather a family miss one digest than receive every mail of a batch twice.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <apr_strings.h>
#include <apr_file_io.h>
#include <curl/curl.h>
#include "ctl/ctl.h"
#include "core/pt_mail.h"
#include "core/pt_render.h"
#include "core/pt_token.h"

#define CTL_MAIL_STALE 600

typedef struct ctl_mail_reader {
    const char *data;
    size_t len, pos;
    ctl *c;
    const char *id, *run;          /* the outbox row, marked sent at the end of the text */
    int marked;
} ctl_mail_reader;

static size_t ctl_mail_read(char *buf, size_t size, size_t nitems, void *arg)
{
    ctl_mail_reader *r = arg;
    size_t n = size * nitems;
    if (n > r->len - r->pos) {
        n = r->len - r->pos;
    }
    if (n == 0 && !r->marked) {
        /* The whole text is out: mark the row sent before the final « . ».  A busy
         * database is waited for a little; a row no longer this run's (given back as
         * stale) or a database gone aborts the mail, which is then not sent at all. */
        int rows = 0, attempt, rv = PT_DB_BUSY;
        for (attempt = 0; attempt < 5 && rv == PT_DB_BUSY; attempt++) {
            if (attempt) {
                apr_sleep(apr_time_from_msec(200 * attempt));
            }
            rv = pt_db_exec(r->c->db, r->c->pool, "portail_mail_sent",
                            PT_ARGS(pt_db_int(r->c->pool, apr_time_sec(apr_time_now())),
                                    r->id, r->run), &rows);
        }
        if (rv != PT_DB_OK || rows != 1) {
            return CURL_READFUNC_ABORT;
        }
        r->marked = 1;
    }
    memcpy(buf, r->data + r->pos, n);
    r->pos += n;
    return n;
}

static const char *ctl_mail_password(ctl *c)
{
    char buf[512];
    apr_file_t *f;
    apr_size_t n = sizeof(buf) - 1;
    if (!c->smtp_password_file) {
        return NULL;
    }
    if (apr_file_open(&f, c->smtp_password_file, APR_READ, 0, c->pool) != APR_SUCCESS) {
        return NULL;
    }
    if (apr_file_read(f, buf, &n) != APR_SUCCESS) {
        n = 0;
    }
    apr_file_close(f);
    buf[n] = '\0';
    buf[strcspn(buf, "\r\n")] = '\0';
    return apr_pstrdup(c->pool, buf);
}

/* One message to one recipient.  Returns NULL or the error. */
static const char *ctl_mail_send(ctl *c, CURL *curl, const char *id, const char *run,
                                 const char *to, const char *msg, apr_size_t len)
{
    ctl_mail_reader reader = { msg, len, 0, c, id, run, 0 };
    struct curl_slist *rcpt = curl_slist_append(NULL, apr_pstrcat(c->pool, "<", to, ">", NULL));
    const char *sec = c->smtp_security ? c->smtp_security : "starttls";
    char errbuf[CURL_ERROR_SIZE] = "";
    CURLcode rv;

    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, c->smtp_server);
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM,
                     apr_pstrcat(c->pool, "<", pt_mail_address(c->pool, c->mail_from), ">", NULL));
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, ctl_mail_read);
    curl_easy_setopt(curl, CURLOPT_READDATA, &reader);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 20L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
    /* starttls: STARTTLS required; tls: smtps:// URL; none: plain (local relay only). */
    if (!strcmp(sec, "starttls")) {
        curl_easy_setopt(curl, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
    }
    if (c->smtp_user) {
        const char *pw = ctl_mail_password(c);
        curl_easy_setopt(curl, CURLOPT_USERNAME, c->smtp_user);
        curl_easy_setopt(curl, CURLOPT_PASSWORD, pw ? pw : "");
    }
    rv = curl_easy_perform(curl);
    curl_slist_free_all(rcpt);
    if (rv != CURLE_OK) {
        return apr_pstrdup(c->pool, *errbuf ? errbuf : curl_easy_strerror(rv));
    }
    return NULL;
}

/* Give back the rows of the runs of this machine whose process is gone (killed). */
static void ctl_mail_release_dead(ctl *c, const char *host)
{
    pt_rows *r = NULL;
    apr_size_t hl = strlen(host);
    int i;
    if (pt_db_select(c->db, c->pool, "portail_mail_claimers", PT_NOARGS, &r) != PT_DB_OK) {
        return;
    }
    for (i = 0; i < r->n; i++) {
        const char *by = pt_rows_get(r, i, "claimed_by");
        long pid;
        if (!by || strncmp(by, host, hl) != 0 || by[hl] != '/'
            || (pid = strtol(by + hl + 1, NULL, 10)) <= 0 || pid == (long)getpid()
            || kill((pid_t)pid, 0) == 0 || errno != ESRCH) {
            continue;
        }
        pt_db_exec(c->db, c->pool, "portail_mail_release_run", PT_ARGS(by), NULL);
    }
}

static int ctl_mail_check_settings(ctl *c)
{
    if (!c->smtp_server || !c->mail_from) {
        return ctl_fail("%s", "indiquez le serveur SMTP et l'expéditeur (PortailSMTPServer et "
                        "PortailMailFrom dans --config, ou --smtp et --from)");
    }
    if (c->smtp_security && strcmp(c->smtp_security, "none")
        && strcmp(c->smtp_security, "starttls") && strcmp(c->smtp_security, "tls")) {
        return ctl_fail("sécurité SMTP « %s » : none, starttls ou tls attendu", c->smtp_security);
    }
    return 0;
}

int ctl_mail(ctl *c)
{
    apr_int64_t now = apr_time_sec(apr_time_now());
    char host[256] = "localhost";
    const char *run;
    pt_render_cache *cache = NULL;
    int sent = 0, later = 0, failed = 0, rv, i;
    CURL *curl;

    if ((rv = ctl_mail_check_settings(c)) != 0) {
        return rv;
    }
    pt_render_global_init();
    if (pt_render_cache_create(c->pool, c->xslt_dir, &cache) != APR_SUCCESS) {
        return ctl_fail("feuilles de style illisibles dans %s", c->xslt_dir);
    }
    if (pt_db_exec(c->db, c->pool, "portail_mail_release_stale",
                   PT_ARGS(pt_db_int(c->pool, now - CTL_MAIL_STALE)), NULL) != PT_DB_OK) {
        return ctl_fail("file d'attente des courriels : %s", c->db->error);
    }
    /* This run's token: host/pid/random, so that a later run knows whether it died. */
    gethostname(host, sizeof(host) - 1);
    host[strcspn(host, "/")] = '\0';
    run = apr_psprintf(c->pool, "%s/%ld/%s", host, (long)getpid(), pt_token_new(c->pool));
    ctl_mail_release_dead(c, host);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    curl = curl_easy_init();
    for (;;) {
        apr_pool_t *batch;
        pt_rows *r = NULL;
        apr_pool_create(&batch, c->pool);
        rv = pt_db_select(c->db, batch, "portail_mail_claim",
                          PT_ARGS(run, pt_db_int(batch, now), pt_db_int(batch, now),
                                  pt_db_int(batch, now)), &r);
        if (rv != PT_DB_OK) {
            ctl_fail("file d'attente des courriels : %s", c->db->error);
            apr_pool_destroy(batch);
            break;
        }
        if (r->n == 0) {
            apr_pool_destroy(batch);
            break;
        }
        for (i = 0; i < r->n; i++) {
            const char *id = pt_rows_get(r, i, "id"), *to = pt_rows_get(r, i, "to_addr");
            pt_mail_parts parts;
            const char *err;
            int delay = 0;
            err = pt_mail_render(cache, batch, pt_rows_get(r, i, "template"),
                                 pt_rows_get(r, i, "data"), &parts);
            if (!err) {
                apr_size_t len;
                const char *msg = pt_mail_compose(batch, c->mail_from, to, &parts,
                                                  apr_time_now(),
                                                  apr_pstrcat(batch, "portail.", id, ".", run, NULL),
                                                  &len);
                err = ctl_mail_send(c, curl, id, run, to, msg, len);
                /* A stylesheet error will not mend itself; a network error may. */
                delay = err ? pt_mail_retry_delay((int)pt_rows_int(r, i, "attempts", 1)) : 0;
            }
            if (!err) {
                sent++;
            }
            else {
                pt_db_exec(c->db, batch, "portail_mail_failed",
                           PT_ARGS(delay ? "a_envoyer" : "echec",
                                   pt_db_int(batch, now + delay), err, id, run), NULL);
                fprintf(stderr, "portail-ctl : courriel %s pour %s : %s\n", id, to, err);
                if (delay) later++; else failed++;
            }
        }
        apr_pool_destroy(batch);
    }
    curl_easy_cleanup(curl);
    curl_global_cleanup();
    printf("%d courriel(s) envoyé(s), %d reporté(s), %d en échec\n", sent, later, failed);
    return failed || later ? 1 : 0;
}

int ctl_mail_test(ctl *c, const char *to)
{
    pt_doc *data = pt_xml_doc(c->pool, "mail-data");
    pt_node *root = pt_xml_root(data);
    pt_xml_attr(root, "town", c->town ? c->town : "Ma commune");
    pt_xml_attr(root, "url", c->base_url);
    if (pt_mail_enqueue(c->db, c->pool, to, "essai", data, apr_time_now()) != PT_DB_OK) {
        return ctl_fail("courriel d'essai : %s", c->db->error);
    }
    printf("courriel d'essai pour %s mis en attente ; portail-ctl mail l'envoie\n", to);
    return 0;
}
