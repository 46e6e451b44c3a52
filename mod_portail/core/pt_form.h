/* pt_form — application/x-www-form-urlencoded bodies and query strings.
 *
 * The one parser for every POST and every query string: limits on the number of fields
 * and on the repetitions of one name, valid UTF-8 only (no control characters but tab and newlines), repeated names kept
 * (checkbox lists).  The body size limit is enforced while reading, in the glue.
 */
#ifndef PT_FORM_H
#define PT_FORM_H

#include <apr_pools.h>
#include <apr_tables.h>

#define PT_FORM_OK 0
#define PT_FORM_TOO_MANY 1       /* more fields than allowed -> 413 */
#define PT_FORM_BAD_UTF8 2       /* invalid UTF-8 or forbidden character -> 400 */
#define PT_FORM_BAD_ESCAPE 3     /* malformed %-escape -> 400 */
#define PT_FORM_REPEATED 4       /* one name more than PT_FORM_MAX_REPEAT times -> 400 */

/* The most times one name may come in a query or a form: above the longest checkbox list
 * of a page (a queue's page of 50 requests, a family's children and activities). */
#define PT_FORM_MAX_REPEAT 100

/* Parse `len` bytes of `data` into *fields (name -> value; apr_table keeps duplicates). */
int pt_form_parse(apr_pool_t *p, const char *data, apr_size_t len, int max_fields,
                  apr_table_t **fields);

/* Decode one %-encoded component ('+' is a space).  NULL on a malformed escape. */
char *pt_form_unescape(apr_pool_t *p, const char *s, apr_size_t len);

/* Encode a component for a URL (query value). */
const char *pt_form_escape(apr_pool_t *p, const char *s);

/* Trimmed value of a field, "" when absent. */
const char *pt_form_get(apr_table_t *fields, const char *name);

/* Seven checkboxes <prefix>1 .. <prefix>7 (Monday first) as seven '0'/'1' characters,
 * the way weekdays are stored. */
const char *pt_form_weekdays(apr_pool_t *p, apr_table_t *fields, const char *prefix);

/* An id typed in a URL or a form (« 42 »): its value, or -1 when it is not a positive
 * decimal integer (« abc », « 12x », « -3 », empty) — a 404 or 400, never a query. */
apr_int64_t pt_form_id(const char *v);

/* The value of cookie `name` in a Cookie request header (NULL header allowed), or NULL. */
const char *pt_form_cookie(apr_pool_t *p, const char *header, const char *name);

#endif
