/* pt_document — the rules of the families' documents that several screens and
 * portail-ctl share: which required documents a child lacks for an activity, the
 * acceptance of a document (its validity; a medical certificate excuses the child's
 * absences of its period), and the mail announcing a document's end.
 *
 * Files themselves are kept by the screens (screens/photo.c: one storage for photos and
 * documents); a document row is in sql/common/016_documents.sql.
 */
#ifndef PT_DOCUMENT_H
#define PT_DOCUMENT_H

#include <apr_pools.h>
#include <apr_time.h>
#include "core/pt_db.h"

/* The labels of the document types activity `activity` requires that family `family`
 * has no accepted document of (for the family, a responsable, or child `child`) valid from
 * `debut` to `fin` (YYYY-MM-DD): « Attestation d'assurance, Certificat médical », or NULL
 * when none is missing. */
int pt_document_missing(pt_db *db, apr_pool_t *p, apr_int64_t activity, apr_int64_t family,
                        apr_int64_t child, const char *debut, const char *fin,
                        const char **labels);

/* In the caller's transaction: accept the document of request `request` (pt_request_answer,
 * queue "document"), valid from `from` to `until` (YYYY-MM-DD or NULL; `until` is required
 * for a type that expires, `from` and `until` for a medical certificate — else *why and
 * nothing done).  A certificate for a child sets bookings.certificat_le on the child's
 * absences of that period (*excused: how many).  *done is 0 when the request was no longer
 * pending. */
int pt_document_accept(pt_db *db, apr_pool_t *p, apr_int64_t request, apr_int64_t actor,
                       const char *from, const char *until, apr_time_t now, int *done,
                       int *excused, const char **why);

/* portail-ctl document-reminders: one mail (outbox, « document-expire ») to the accounts of
 * the family of each accepted document ending within 30 days of `today`, once per
 * document; *sent: how many documents were announced.  `town` and `url` (the portal's
 * public URL) go into the mail. */
int pt_document_remind(pt_db *db, apr_pool_t *p, const char *today, apr_time_t now,
                       const char *town, const char *url, int *sent);

#endif
