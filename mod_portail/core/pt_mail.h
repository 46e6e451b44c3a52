/* pt_mail — the portal's mails: queued with the change that causes them, rendered by a
 * stylesheet, composed as MIME.
 *
 * A screen calls pt_mail_enqueue inside its transaction: the mail exists if and only if
 * the change does.  portail-ctl mail claims the rows, renders each one with
 * xslt/mail/<template>.xsl (subject, text part, HTML part), composes the message and hands
 * it to SMTP.
 */
#ifndef PT_MAIL_H
#define PT_MAIL_H

#include <apr_pools.h>
#include <apr_time.h>
#include "core/pt_db.h"
#include "core/pt_xml.h"
#include "core/pt_render.h"

/* Queue a mail to `to`, rendered later by xslt/mail/<template>.xsl from `data` (a
 * <mail-data> document). */
int pt_mail_enqueue(pt_db *db, apr_pool_t *p, const char *to, const char *template_name,
                    pt_doc *data, apr_time_t now);

typedef struct pt_mail_parts {
    const char *subject;
    const char *text;
    const char *html;
} pt_mail_parts;

/* Render a queued mail: the stylesheet makes <mail><subject/><text/><html>…</html></mail>.
 * Returns NULL or an error text. */
const char *pt_mail_render(pt_render_cache *cache, apr_pool_t *p, const char *template_name,
                           const char *data_xml, pt_mail_parts *out);

/* The whole message (headers and a multipart/alternative body, UTF-8, CRLF), ready for
 * SMTP.  from is "Name <address>" or an address; message_id is the unique left part of
 * the Message-ID. */
const char *pt_mail_compose(apr_pool_t *p, const char *from, const char *to,
                            const pt_mail_parts *parts, apr_time_t now,
                            const char *message_id, apr_size_t *len);

/* The address of "Name <address>" (or the string itself). */
const char *pt_mail_address(apr_pool_t *p, const char *from);

/* A header value, RFC 2047-encoded when it is not plain ASCII. */
const char *pt_mail_header_text(apr_pool_t *p, const char *text);

/* The delay before the next attempt after `attempts` failures (backoff), in seconds;
 * 0 when the mail should be given up. */
int pt_mail_retry_delay(int attempts);

#endif
