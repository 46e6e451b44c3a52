/* pt_document — documents' rules.  See pt_document.h. */
#include <string.h>
#include <apr_strings.h>
#include "core/pt_document.h"
#include "core/pt_audit.h"
#include "core/pt_mail.h"
#include "core/pt_request.h"
#include "core/pt_xml.h"
#include "domain/pt_calendar.h"
#include "domain/pt_fr.h"

#define PT_DOCUMENT_NOTICE_DAYS 30       /* a document's end is announced this early */

int pt_document_missing(pt_db *db, apr_pool_t *p, apr_int64_t activity, apr_int64_t family,
                        apr_int64_t child, const char *debut, const char *fin,
                        const char **labels)
{
    pt_rows *r = NULL;
    int i, rv = pt_db_select(db, p, "portail_documents_missing",
                             PT_ARGS(pt_db_int(p, activity), pt_db_int(p, family),
                                     pt_db_int(p, child), debut, fin), &r);
    *labels = NULL;
    for (i = 0; rv == PT_DB_OK && i < r->n; i++) {
        *labels = *labels ? apr_pstrcat(p, *labels, ", ", pt_rows_get(r, i, "label"), NULL)
                          : pt_rows_get(r, i, "label");
    }
    return rv;
}

int pt_document_accept(pt_db *db, apr_pool_t *p, apr_int64_t request, apr_int64_t actor,
                       const char *from, const char *until, apr_time_t now, int *done,
                       int *excused, const char **why)
{
    pt_rows *d = NULL;
    int certificate, rv;
    *done = 0;
    *excused = 0;
    *why = NULL;
    rv = pt_db_select(db, p, "portail_document_of_request", PT_ARGS(pt_db_int(p, request)), &d);
    if (rv != PT_DB_OK || d->n != 1) {
        return rv;                      /* no document: not a request of this queue */
    }
    certificate = pt_rows_int(d, 0, "excuses_absences", 0)
                  && !strcmp(pt_rows_get(d, 0, "member_kind"), "enfant");
    if (pt_rows_int(d, 0, "expires", 0) && !until) {
        *why = "Indiquez la date de fin de validité du document.";
        return PT_DB_OK;
    }
    if (certificate && !from) {
        *why = "Indiquez la période couverte par le certificat médical (du … au …).";
        return PT_DB_OK;
    }
    rv = pt_request_answer(db, p, "document", request, "acceptee", actor, NULL, now, done);
    if (rv == PT_DB_OK && *done) {
        rv = pt_db_exec(db, p, "portail_document_validity",
                        PT_ARGS(from, until, pt_db_int(p, request)), NULL);
    }
    if (rv == PT_DB_OK && *done && certificate) {
        /* Received the day the family sent it. */
        pt_date sent;
        int h, m;
        pt_fr_local(pt_rows_int(d, 0, "created_at", 0), &sent, &h, &m);
        rv = pt_db_exec(db, p, "portail_document_excuse_absences",
                        PT_ARGS(pt_date_iso(p, sent), pt_db_int(p, apr_time_sec(now)),
                                pt_rows_get(d, 0, "member_id"), from,
                                until ? until : "9999-12-31"), excused);
    }
    if (rv == PT_DB_OK && *done) {
        rv = pt_audit(db, p, now, actor, "acceptation document", "famille",
                      pt_rows_int(d, 0, "family_id", 0), NULL,
                      apr_psprintf(p, "%s%s%s%s", pt_rows_get(d, 0, "type"),
                                   until ? " valable jusqu'au " : "", until ? until : "",
                                   *excused ? apr_psprintf(p, " ; %d absence(s) excusée(s)",
                                                           *excused) : ""));
    }
    return rv;
}

int pt_document_remind(pt_db *db, apr_pool_t *p, const char *today, apr_time_t now,
                       const char *town, const char *url, int *sent)
{
    pt_rows *r = NULL;
    pt_date t;
    int rv, i;
    *sent = 0;
    if (!pt_date_parse(today, &t)) {
        return PT_DB_ERROR;
    }
    if ((rv = pt_db_begin(db, p)) != PT_DB_OK) {
        return rv;
    }
    rv = pt_db_select(db, p, "portail_documents_expiring",
                      PT_ARGS(today, pt_date_iso(p, pt_calendar_add_days(t,
                                                                         PT_DOCUMENT_NOTICE_DAYS))),
                      &r);
    for (i = 0; rv == PT_DB_OK && i < r->n; i++) {
        pt_doc *data;
        pt_node *root;
        pt_rows *acc = NULL;
        int done = 0, a;
        rv = pt_db_exec(db, p, "portail_document_expiry_mailed",
                        PT_ARGS(pt_db_int(p, apr_time_sec(now)), pt_rows_get(r, i, "id")), &done);
        if (rv != PT_DB_OK || !done) {
            continue;                   /* another run announced it first */
        }
        data = pt_xml_doc(p, "mail-data");
        root = pt_xml_root(data);
        pt_xml_attr(root, "town", town ? town : "Ma commune");
        pt_xml_attr(root, "type", pt_rows_get(r, i, "type"));
        pt_xml_attr(root, "pour", pt_rows_get(r, i, "prenom"));
        if (pt_date_parse(pt_rows_get(r, i, "valid_until"), &t)) {
            pt_xml_attr(root, "fin", pt_date_long(p, t, 1));
        }
        pt_xml_attr(root, "lien", apr_pstrcat(p, url ? url : "", "/famille/documents", NULL));
        rv = pt_db_select(db, p, "portail_digest_accounts",
                          PT_ARGS(pt_rows_get(r, i, "family_id")), &acc);
        for (a = 0; rv == PT_DB_OK && a < acc->n; a++) {
            pt_xml_attr(root, "prenom", pt_rows_get(acc, a, "prenom"));
            rv = pt_mail_enqueue(db, p, pt_rows_get(acc, a, "email"), "document-expire", data,
                                 now);
        }
        (*sent)++;
    }
    if (rv != PT_DB_OK) {
        pt_db_rollback(db);
        return rv;
    }
    return pt_db_commit(db);
}
