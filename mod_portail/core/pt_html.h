/* pt_html — the HTML text of an XSLT result tree, written into one growing buffer.
 *
 * It writes what libxml2's HTML output method (htmlDocContentDumpFormatOutput, as libxslt's
 * <xsl:output method="html" indent="no"/> calls it) writes, byte for byte, at a fraction of
 * its cost: the doctype of the tree, void elements without an end tag, boolean attributes
 * (checked, selected, disabled…) by their name alone, text and attribute values escaped
 * (&lt; &gt; &amp;, &quot; or single quotes around a value holding ", URI attributes
 * %-escaped), script and style content as is, non-ASCII UTF-8 as is.
 */
#ifndef PT_HTML_H
#define PT_HTML_H

#include <apr_pools.h>
#include "core/pt_xml.h"

/* Write doc into p: *out (NUL-terminated) and *len.  APR_ENOTIMPL when the tree holds what
 * this writer leaves to libxml2 (a namespace, an attribute made of several nodes, an
 * unusual node): the caller serialises that tree with libxml2. */
apr_status_t pt_html_write(apr_pool_t *p, pt_doc *doc, const char **out, apr_size_t *len);

#endif
