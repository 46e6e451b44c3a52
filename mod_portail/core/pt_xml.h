/* pt_xml — building the XML document of a screen.
 *
 * A thin layer over libxml2 so that screens never touch libxml2 directly: every text is
 * escaped by construction (text nodes, never raw markup), the document is freed with the
 * pool it was created in, and NULL values are simply left out.
 */
#ifndef PT_XML_H
#define PT_XML_H

#include <apr_pools.h>
#include "core/pt_db.h"

typedef struct _xmlNode pt_node;
typedef struct _xmlDoc pt_doc;

/* A new document with root element `root`, freed when p is cleared. */
pt_doc *pt_xml_doc(apr_pool_t *p, const char *root);
pt_node *pt_xml_root(pt_doc *doc);

/* A child element; with text content when text is not NULL. */
pt_node *pt_xml_elem(pt_node *parent, const char *name, const char *text);
/* Set an attribute; does nothing when value is NULL.  A value "YYYY-MM-DD" or "HH:MM" also gets its French writing in
 * `<name>_fr` (and `<name>_num` « 03/12/2026 » for a day), see pt_xml.c. */
void pt_xml_attr(pt_node *n, const char *name, const char *value);
void pt_xml_attr_int(pt_node *n, const char *name, long long value);
/* pt_xml_attr for a node being built that has no attribute `name` (nor its _fr / _num)
 * yet: added without looking for one to replace (a month's slots: ≈ 2,000 attributes). */
void pt_xml_attr_new(pt_node *n, const char *name, const char *value);
/* Append text to an element. */
void pt_xml_text(pt_node *n, const char *text);

/* Every row of `rows` as an element `row_name` under `parent`, one attribute per non-NULL
 * column (columns named in `as_text`, a NULL-terminated list, become child elements
 * instead: long texts such as a news body). */
void pt_xml_rows(pt_node *parent, const char *row_name, const pt_rows *rows,
                 const char *const *as_text);

/* Row i of `rows` only, the same way; returns its element. */
pt_node *pt_xml_row(pt_node *parent, const char *row_name, const pt_rows *rows, int i,
                    const char *const *as_text);

/* An agent's plain text (a news) as elements the stylesheets copy (xslt/texte.xsl), so
 * that no markup typed by an agent ever reaches a page: <name><p>line<br/>line with
 * <lien href="https://…">https://…</lien></p>…</name>.  Paragraphs are separated by blank
 * lines, lines by a line break; http://, https:// and www. addresses (www. as https://)
 * become links, their trailing punctuation left out.  max_paragraphs > 0 keeps the first
 * ones only, and marks <name suite="1"> when some were left out.  Returns <name>. */
pt_node *pt_xml_plain_text(pt_node *parent, const char *name, const char *text,
                           int max_paragraphs);

/* Serialize (for ?format=xml).  The string lives in p. */
const char *pt_xml_serialize(apr_pool_t *p, pt_doc *doc, apr_size_t *len);

/* True when s is valid UTF-8 without characters XML forbids (controls other than
 * tab, newline, carriage return). */
int pt_xml_text_ok(const char *s, apr_size_t len);

#endif
