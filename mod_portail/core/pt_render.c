/* pt_render — compiled stylesheet cache and transforms.  See pt_render.h. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include <apr_hash.h>
#include <apr_thread_mutex.h>
#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>
#include <libxslt/imports.h>
#include <libxslt/security.h>
#include <libxslt/extensions.h>
#include <libxml/xpathInternals.h>
#include <libxml/HTMLtree.h>
#include <libexslt/exslt.h>
#include "core/pt_render.h"
#include "core/pt_arena.h"
#include "core/pt_html.h"
#include "domain/pt_fr.h"

/* Namespace of the portal's XSLT extension functions. */
#define PT_RENDER_NS "urn:mod-portail"

struct pt_render_cache {
    apr_pool_t *pool;
    const char *dir;
    apr_hash_t *sheets;             /* name -> xsltStylesheetPtr */
    apr_hash_t *texts;              /* i18n/fr.xml: key -> text, read-only once loaded */
    apr_thread_mutex_t *lock;
};

/* What the extension functions of one transform see (its _private): the cache and the
 * pool of the request, so that they allocate nothing that outlives it. */
typedef struct pt_render_call {
    pt_render_cache *cache;
    apr_pool_t *pool;
} pt_render_call;

const char *pt_render_text(const pt_render_cache *cache, const char *key)
{
    const char *text = apr_hash_get(cache->texts, key, APR_HASH_KEY_STRING);
    /* An unknown key shows itself, so a missing text is seen at once. */
    return text ? text : key;
}

/* pt:t('key') — the text of a key of i18n/fr.xml.  A hash lookup in C, where a lookup in
 * XSLT would copy and index the whole file in every transform. */
static void pt_render_text_fn(xmlXPathParserContextPtr ctxt, int nargs)
{
    xsltTransformContextPtr tctxt = xsltXPathGetTransformContext(ctxt);
    pt_render_call *call = tctxt ? tctxt->_private : NULL;
    pt_render_cache *c = call ? call->cache : NULL;
    xmlChar *key;
    const char *text;

    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    key = xmlXPathPopString(ctxt);
    text = c && key ? pt_render_text(c, (const char *)key) : (const char *)key;
    valuePush(ctxt, xmlXPathNewString(BAD_CAST text));
    xmlFree(key);
}

/* pt:quand(seconds) — « vendredi 20 novembre 2026 à 14 h 05 » (Europe/Paris) of a Unix
 * time, as every screen writes a moment; "" for an empty or bad value. */
static void pt_render_when_fn(xmlXPathParserContextPtr ctxt, int nargs)
{
    xsltTransformContextPtr tctxt = xsltXPathGetTransformContext(ctxt);
    pt_render_call *call = tctxt ? tctxt->_private : NULL;
    const char *text = "";
    xmlChar *v;
    char *end;
    long long t;

    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    v = xmlXPathPopString(ctxt);
    t = v ? strtoll((const char *)v, &end, 10) : 0;
    /* In the request's pool: a root pool per call (a mutex, a block) is gone. */
    if (v && *v && !*end && t > 0 && call) {
        text = pt_fr_datetime(call->pool, t);
    }
    valuePush(ctxt, xmlXPathNewString(BAD_CAST text));
    xmlFree(v);
}

static apr_status_t pt_render_load_texts(pt_render_cache *c)
{
    const char *path = apr_pstrcat(c->pool, c->dir, "/i18n/fr.xml", NULL);
    xmlDocPtr doc = xmlReadFile(path, "UTF-8", XML_PARSE_NONET);
    xmlNodePtr n;
    if (!doc || !xmlDocGetRootElement(doc)) {
        if (doc) {
            xmlFreeDoc(doc);
        }
        return APR_EINVAL;
    }
    for (n = xmlDocGetRootElement(doc)->children; n; n = n->next) {
        xmlChar *k, *v;
        if (n->type != XML_ELEMENT_NODE || !xmlStrEqual(n->name, BAD_CAST "t")) {
            continue;
        }
        k = xmlGetProp(n, BAD_CAST "k");
        v = xmlNodeGetContent(n);
        if (k && v) {
            apr_hash_set(c->texts, apr_pstrdup(c->pool, (const char *)k), APR_HASH_KEY_STRING,
                         apr_pstrdup(c->pool, (const char *)v));
        }
        xmlFree(k);
        xmlFree(v);
    }
    xmlFreeDoc(doc);
    return APR_SUCCESS;
}

static apr_status_t pt_render_cache_cleanup(void *data)
{
    pt_render_cache *c = data;
    apr_hash_index_t *hi;
    for (hi = apr_hash_first(NULL, c->sheets); hi; hi = apr_hash_next(hi)) {
        void *v;
        apr_hash_this(hi, NULL, NULL, &v);
        xsltFreeStylesheet(v);
    }
    apr_hash_clear(c->sheets);
    return APR_SUCCESS;
}

/* <pt:deplacer select="…"/> — the elements selected, made whole by a screen (see
 * screens/planning.c, the month's rows), put where the instruction stands.  Moved, not
 * copied, when the screen's document and the page are both of the request's arena: a
 * node is then freed with its arena, whichever document it ends in, so taking it from
 * one tree to the other is safe (the copy was a tenth of a month's render).  Copied
 * otherwise.  The selected elements leave the screen's document: select them once. */
static void pt_render_move_fn(xsltTransformContextPtr ctxt, xmlNodePtr node, xmlNodePtr inst,
                              xsltElemPreCompPtr comp)
{
    xmlXPathContextPtr x = ctxt ? ctxt->xpathCtxt : NULL;
    xmlXPathObjectPtr res = NULL;
    xmlNodePtr old;
    xmlChar *select;
    int i;
    (void)comp;
    if (!x || !node || !inst || !ctxt->insert) {
        return;
    }
    if (!(select = xmlGetNsProp(inst, BAD_CAST "select", NULL))) {
        xsltTransformError(ctxt, NULL, inst, "pt:deplacer: select attribute missing\n");
        return;
    }
    old = x->node;
    x->node = node;
    res = xmlXPathEval(select, x);
    x->node = old;
    if (!res || res->type != XPATH_NODESET) {
        xsltTransformError(ctxt, NULL, inst, "pt:deplacer: %s is not a node-set\n", select);
    }
    for (i = 0; res && res->type == XPATH_NODESET && res->nodesetval
                && i < res->nodesetval->nodeNr; i++) {
        xmlNodePtr n = res->nodesetval->nodeTab[i];
        if (n->type != XML_ELEMENT_NODE) {
            continue;
        }
        if (pt_arena_owns(n->doc) && pt_arena_owns(ctxt->output)) {
            xmlUnlinkNode(n);
            xmlSetTreeDoc(n, ctxt->output);
            xmlAddChild(ctxt->insert, n);
        }
        else {
            xmlAddChild(ctxt->insert, xmlDocCopyNode(n, ctxt->output, 1));
        }
    }
    xmlXPathFreeObject(res);
    xmlFree(select);
}

/* PORTAIL_HTML_CHECK=1 in the environment (tests): every page is also written by libxml2
 * and a page whose bytes differ is an error (see pt_render_html). */
static int pt_render_html_check;

void pt_render_global_init(void)
{
    static int done = 0;
    xsltSecurityPrefsPtr sec;
    const char *check = getenv("PORTAIL_HTML_CHECK");
    if (done) {
        return;
    }
    done = 1;
    pt_render_html_check = check && *check && strcmp(check, "0") != 0;
    xmlInitParser();
    exsltRegisterAll();
    /* Stylesheets only read files of their own directory: no writing, no network. */
    sec = xsltNewSecurityPrefs();
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
    xsltSetDefaultSecurityPrefs(sec);
    xsltRegisterExtModuleFunction(BAD_CAST "t", BAD_CAST PT_RENDER_NS, pt_render_text_fn);
    xsltRegisterExtModuleFunction(BAD_CAST "quand", BAD_CAST PT_RENDER_NS, pt_render_when_fn);
    xsltRegisterExtModuleElement(BAD_CAST "deplacer", BAD_CAST PT_RENDER_NS, NULL,
                                 pt_render_move_fn);
}

apr_status_t pt_render_cache_create(apr_pool_t *p, const char *dir, pt_render_cache **cache)
{
    pt_render_cache *c = apr_pcalloc(p, sizeof(*c));
    apr_status_t rv;
    c->pool = p;
    c->dir = apr_pstrdup(p, dir);
    c->sheets = apr_hash_make(p);
    c->texts = apr_hash_make(p);
    rv = apr_thread_mutex_create(&c->lock, APR_THREAD_MUTEX_DEFAULT, p);
    if (rv != APR_SUCCESS) {
        return rv;
    }
    if ((rv = pt_render_load_texts(c)) != APR_SUCCESS) {
        return rv;
    }
    apr_pool_cleanup_register(p, c, pt_render_cache_cleanup, apr_pool_cleanup_null);
    *cache = c;
    return APR_SUCCESS;
}

/* Names come from the router table and the outbox's templates, never from a visitor;
 * still, refuse anything but a plain file name, or one in mail/. */
static int pt_render_name_ok(const char *name)
{
    const char *s;
    if (name && strncmp(name, "mail/", 5) == 0) {
        name += 5;
    }
    if (!name || !*name) {
        return 0;
    }
    for (s = name; *s; s++) {
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_')) {
            return 0;
        }
    }
    return 1;
}

/* The compiled stylesheet `name`.  The cache's pool lives as long as the process: only a
 * stylesheet compiled for the first time adds to it (its name); a path, or the error of a
 * stylesheet that does not compile (tried again on each request), goes to `p`. */
static xsltStylesheetPtr pt_render_get(pt_render_cache *c, apr_pool_t *p, const char *name,
                                       const char **err)
{
    xsltStylesheetPtr style;
    if (!pt_render_name_ok(name)) {
        *err = "invalid stylesheet name";
        return NULL;
    }
    apr_thread_mutex_lock(c->lock);
    style = apr_hash_get(c->sheets, name, APR_HASH_KEY_STRING);
    if (!style) {
        const char *path = apr_pstrcat(p, c->dir, "/", name, ".xsl", NULL);
        pt_arena *request = pt_arena_swap(NULL);     /* a stylesheet outlives the request */
        style = xsltParseStylesheetFile(BAD_CAST path);
        pt_arena_swap(request);
        if (style) {
            apr_hash_set(c->sheets, apr_pstrdup(c->pool, name), APR_HASH_KEY_STRING, style);
        }
        else {
            *err = apr_psprintf(p, "cannot compile stylesheet %s", path);
        }
    }
    apr_thread_mutex_unlock(c->lock);
    return style;
}

const char *pt_render_preload(pt_render_cache *cache, const char *name)
{
    const char *err = NULL;
    pt_render_get(cache, cache->pool, name, &err);
    return err;
}

typedef struct {
    apr_pool_t *pool;
    const char *messages;
} pt_render_errors;

static void pt_render_on_error(void *ctx, const char *fmt, ...)
{
    pt_render_errors *e = ctx;
    va_list ap;
    char buf[512];
    va_start(ap, fmt);
    apr_vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    e->messages = e->messages ? apr_pstrcat(e->pool, e->messages, buf, NULL)
                              : apr_pstrdup(e->pool, buf);
}

static apr_status_t pt_render_free_doc(void *doc)
{
    /* An arena's document goes with its arena: only its dictionary is given back. */
    if (pt_arena_owns(doc)) {
        if (((xmlDocPtr)doc)->dict) {
            xmlDictFree(((xmlDocPtr)doc)->dict);
        }
        return APR_SUCCESS;
    }
    xmlFreeDoc(doc);
    return APR_SUCCESS;
}

/* One transform: its own context, errors collected for the log. */
static const char *pt_render_apply(pt_render_cache *cache, apr_pool_t *p, pt_doc *doc,
                                   const char *name, xsltStylesheetPtr *stylep,
                                   xmlDocPtr *resultp)
{
    const char *err = NULL;
    xsltStylesheetPtr style = pt_render_get(cache, p, name, &err);
    xsltTransformContextPtr ctxt;
    xmlDocPtr result;
    pt_render_errors errors = { p, NULL };
    pt_render_call call = { cache, p };

    if (!style) {
        return err;
    }
    ctxt = xsltNewTransformContext(style, doc);
    if (!ctxt) {
        return "cannot create transform context";
    }
    xsltSetTransformErrorFunc(ctxt, &errors, pt_render_on_error);
    ctxt->_private = &call;         /* for pt:t() and pt:quand() */
    result = xsltApplyStylesheetUser(style, doc, NULL, NULL, NULL, ctxt);
    if (!result || ctxt->state != XSLT_STATE_OK) {
        if (result) {
            xmlFreeDoc(result);
        }
        xsltFreeTransformContext(ctxt);
        return apr_psprintf(p, "transform %s failed: %s", name,
                            errors.messages ? errors.messages : "unknown error");
    }
    xsltFreeTransformContext(ctxt);
    apr_pool_cleanup_register(p, result, pt_render_free_doc, apr_pool_cleanup_null);
    *stylep = style;
    *resultp = result;
    return NULL;
}

/* The HTML of a result tree by pt_html when the stylesheet asks for what it writes
 * (method html, UTF-8, indent="no": every page), else NULL (libxml2 writes it).  As
 * xsltSaveResultTo does first, the head gets its meta Content-Type. */
static const char *pt_render_own_html(apr_pool_t *p, xsltStylesheetPtr style,
                                      xmlDocPtr result, apr_size_t *len)
{
    const xmlChar *method, *encoding;
    int indent;
    const char *out;
    XSLT_GET_IMPORT_PTR(method, style, method)
    XSLT_GET_IMPORT_PTR(encoding, style, encoding)
    XSLT_GET_IMPORT_INT(indent, style, indent)
    if (style->methodURI || !method || !xmlStrEqual(method, BAD_CAST "html") || indent != 0
        || (encoding && xmlStrcasecmp(encoding, BAD_CAST "UTF-8") != 0)) {
        return NULL;
    }
    htmlSetMetaEncoding(result, encoding ? encoding : BAD_CAST "UTF-8");
    return pt_html_write(p, result, &out, len) == APR_SUCCESS ? out : NULL;
}

const char *pt_render_html(pt_render_cache *cache, apr_pool_t *p, pt_doc *doc,
                           const char *name, const char **out, apr_size_t *len)
{
    xsltStylesheetPtr style = NULL;
    xmlDocPtr result = NULL;
    xmlChar *buf = NULL;
    int size = 0;
    const char *own;
    apr_size_t own_len = 0;
    const char *err = pt_render_apply(cache, p, doc, name, &style, &result);

    if (err) {
        return err;
    }
    own = pt_render_own_html(p, style, result, &own_len);
    if (own && !pt_render_html_check) {
        *out = own;
        *len = own_len;
        return NULL;
    }
    if (xsltSaveResultToString(&buf, &size, result, style) != 0) {
        return "cannot serialize the result";
    }
    *out = apr_pstrmemdup(p, (const char *)buf, size > 0 ? size : 0);
    *len = size > 0 ? (apr_size_t)size : 0;
    xmlFree(buf);
    if (own && (own_len != *len || memcmp(own, *out, own_len) != 0)) {
        apr_size_t i = 0;
        while (i < own_len && i < *len && own[i] == (*out)[i]) {
            i++;
        }
        return apr_psprintf(p, "pt_html differs from libxml2 for %s at byte %" APR_SIZE_T_FMT
                            ": « %.60s » / « %.60s »", name, i, own + i, *out + i);
    }
    return NULL;
}

const char *pt_render_doc(pt_render_cache *cache, apr_pool_t *p, pt_doc *doc,
                          const char *name, pt_doc **result)
{
    xsltStylesheetPtr style = NULL;
    return pt_render_apply(cache, p, doc, name, &style, result);
}
