/* pt_render — stylesheets compiled once per process, one transform per request.
 *
 * A cache holds the compiled stylesheets of one directory (a virtual host may have its
 * own).  Lookups are shared by every thread; a stylesheet is compiled on first use under
 * a mutex and then only read.  Each transform gets its own context, as libxslt requires.
 */
#ifndef PT_RENDER_H
#define PT_RENDER_H

#include <apr_pools.h>
#include "core/pt_xml.h"

typedef struct pt_render_cache pt_render_cache;

/* Create a cache for the stylesheets in `dir` and load the texts of dir/i18n/fr.xml
 * (APR_EINVAL when that file is unreadable); lives as long as p. */
apr_status_t pt_render_cache_create(apr_pool_t *p, const char *dir, pt_render_cache **cache);

/* Compile `name`.xsl now (at start-up, to fail early); returns an error text or NULL. */
const char *pt_render_preload(pt_render_cache *cache, const char *name);

/* Transform doc with stylesheet `name` (without .xsl).  On success *out / *len hold the
 * HTML in p and NULL is returned; else an error text for the log. */
const char *pt_render_html(pt_render_cache *cache, apr_pool_t *p, pt_doc *doc,
                           const char *name, const char **out, apr_size_t *len);

/* Transform doc with stylesheet `name` into a document (freed with p); for results that
 * are read rather than sent (mails).  Returns NULL or an error text. */
const char *pt_render_doc(pt_render_cache *cache, apr_pool_t *p, pt_doc *doc,
                          const char *name, pt_doc **result);

/* The text of `key` in i18n/fr.xml (what pt:t('key') gives a stylesheet), or the key
 * itself when there is none.  For a screen that composes a text the stylesheet only
 * prints (the month planning's slots). */
const char *pt_render_text(const pt_render_cache *cache, const char *key);

/* Once per process: libxml2 / libxslt / EXSLT initialisation. */
void pt_render_global_init(void);

#endif
