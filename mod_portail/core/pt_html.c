/* pt_html — our HTML writer for XSLT result trees.  See pt_html.h.
 *
 * libxml2's writer costs ≈ 95 instructions per output byte (a tag table searched for
 * every element, each text and attribute value escaped into a fresh copy, the output
 * buffer's layers).  This one walks the tree once, escapes straight into one buffer and
 * remembers the tag table's answer per element name (names are interned in the result's
 * dictionary: one pointer per name).  The rules are libxml2 2.9's, so a page is the same
 * bytes whichever writer wrote it (t/unit/test_html.c compares them).
 */
#include <string.h>
#include <apr_strings.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include "core/pt_html.h"

/* Byte classes of the escaping table. */
enum { PT_HTML_COPY = 0, PT_HTML_END, PT_HTML_LT, PT_HTML_GT, PT_HTML_AMP, PT_HTML_DROP,
       PT_HTML_QUOT };

/* Text and attribute values: < > & escaped, control characters other than tab, line
 * feed and carriage return dropped (libxml2 drops them too), the rest as is (UTF-8). */
static const unsigned char pt_html_class[256] = {
    1, 5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 5, 5, 0, 5, 5,
    5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
    0, 0, 6, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 3, 0,
};

#define PT_HTML_CACHE 64

typedef struct {
    const xmlChar *name;
    unsigned char flags;
} pt_html_tag;

/* Per element name: what libxml2's tag table says; per attribute name: how its value is
 * written. */
enum { PT_HTML_VOID = 1, PT_HTML_OPEN = 2, PT_HTML_RAW = 4, PT_HTML_ATTR = 8, PT_HTML_BOOL = 16,
       PT_HTML_URI = 32, PT_HTML_NAME = 64 };

typedef struct {
    apr_pool_t *pool;
    char *buf;
    apr_size_t len, cap;
    char *tmp;                       /* an attribute value escaped, before quoting */
    apr_size_t tmp_cap;
    pt_html_tag tags[PT_HTML_CACHE];
    pt_html_tag attrs[PT_HTML_CACHE];
} pt_html_out;

static void pt_html_grow(pt_html_out *o, apr_size_t n)
{
    apr_size_t cap = o->cap * 2;
    char *b;
    while (cap < o->len + n + 1) {
        cap *= 2;
    }
    b = apr_palloc(o->pool, cap);
    memcpy(b, o->buf, o->len);
    o->buf = b;
    o->cap = cap;
}

static APR_INLINE void pt_html_put(pt_html_out *o, const void *s, apr_size_t n)
{
    if (o->len + n >= o->cap) {
        pt_html_grow(o, n);
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

#define PT_HTML_PUTS(o, lit) pt_html_put((o), (lit), sizeof(lit) - 1)

static APR_INLINE void pt_html_putc(pt_html_out *o, char c)
{
    if (o->len + 1 >= o->cap) {
        pt_html_grow(o, 1);
    }
    o->buf[o->len++] = c;
}

static void pt_html_puts(pt_html_out *o, const xmlChar *s)
{
    pt_html_put(o, s, strlen((const char *)s));
}

/* A text node's content escaped. */
static void pt_html_text(pt_html_out *o, const xmlChar *s)
{
    const xmlChar *run = s, *c;
    for (c = s;; c++) {
        unsigned char k = pt_html_class[*c];
        if (k == PT_HTML_COPY || k == PT_HTML_QUOT) {
            continue;
        }
        if (c > run) {
            pt_html_put(o, run, c - run);
        }
        run = c + 1;
        switch (k) {
        case PT_HTML_END:
            return;
        case PT_HTML_LT:
            PT_HTML_PUTS(o, "&lt;");
            break;
        case PT_HTML_GT:
            PT_HTML_PUTS(o, "&gt;");
            break;
        case PT_HTML_AMP:
            PT_HTML_PUTS(o, "&amp;");
            break;
        default:
            break;
        }
    }
}

/* [from, to) copied as written into t at len, its quotes noted; returns the new length. */
static apr_size_t pt_html_raw(char *t, apr_size_t len, const xmlChar *from, const xmlChar *to,
                              int *dq, int *sq)
{
    for (; from < to; from++) {
        *dq |= *from == '"';
        *sq |= *from == '\'';
        t[len++] = (char)*from;
    }
    return len;
}

/* An attribute's value escaped into o->tmp, as libxml2 does for an HTML attribute: also
 * keeps a server-side include « <!--…--> » and an HTML 4 « &{…} » as written.  Returns
 * the length; sets *dq / *sq when the value holds a double / single quote. */
static apr_size_t pt_html_attr_escape(pt_html_out *o, const xmlChar *s, int *dq, int *sq)
{
    apr_size_t n = strlen((const char *)s), need = 5 * n + 1, len = 0;
    const xmlChar *c = s;
    char *t;
    if (need > o->tmp_cap) {
        o->tmp_cap = need < 256 ? 256 : need;
        o->tmp = apr_palloc(o->pool, o->tmp_cap);
    }
    t = o->tmp;
    *dq = *sq = 0;
    for (;; c++) {
        unsigned char k = pt_html_class[*c];
        const xmlChar *end;
        switch (k) {
        case PT_HTML_END:
            return len;
        case PT_HTML_LT:
            if (c[1] == '!' && c[2] == '-' && c[3] == '-'
                && (end = (const xmlChar *)strstr((const char *)c, "-->")) != NULL) {
                len = pt_html_raw(t, len, c, end + 3, dq, sq);
                c = end + 2;
                break;
            }
            memcpy(t + len, "&lt;", 4);
            len += 4;
            break;
        case PT_HTML_GT:
            memcpy(t + len, "&gt;", 4);
            len += 4;
            break;
        case PT_HTML_AMP:
            if (c[1] == '{' && (end = (const xmlChar *)strchr((const char *)c, '}')) != NULL) {
                len = pt_html_raw(t, len, c, end + 1, dq, sq);
                c = end;
                break;
            }
            memcpy(t + len, "&amp;", 5);
            len += 5;
            break;
        case PT_HTML_DROP:
            break;
        case PT_HTML_QUOT:
            *dq = 1;
            t[len++] = '"';
            break;
        default:
            *sq |= *c == '\'';
            t[len++] = (char)*c;
            break;
        }
    }
}

/* The escaped value between quotes: double quotes, or single ones when it holds a double
 * quote and no single one, or double quotes with &quot; when it holds both. */
static void pt_html_quoted(pt_html_out *o, const char *v, apr_size_t n, int dq, int sq)
{
    apr_size_t i, run = 0;
    if (!dq || !sq) {
        char q = dq ? '\'' : '"';
        pt_html_putc(o, q);
        pt_html_put(o, v, n);
        pt_html_putc(o, q);
        return;
    }
    pt_html_putc(o, '"');
    for (i = 0; i < n; i++) {
        if (v[i] == '"') {
            pt_html_put(o, v + run, i - run);
            PT_HTML_PUTS(o, "&quot;");
            run = i + 1;
        }
    }
    pt_html_put(o, v + run, n - run);
    pt_html_putc(o, '"');
}

/* What a URI attribute keeps as is: letters, digits, -_.!~*'() and @/:=?;#%&,+<>. */
static const unsigned char pt_html_uri_keep[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,    /*  !"#$%&'()*+,-./ */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,    /* 0-9 :;<=>? */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,    /* @ A-O */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1,    /* P-Z [\]^_ */
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,    /* ` a-o */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0,    /* p-z {|}~ DEL */
};

/* A URI attribute's escaped value, blanks before it dropped, %-escaped but for letters,
 * digits, -_.!~*'() and @/:=?;#%&,+<> (libxml2's xmlURIEscapeStr with its list). */
static void pt_html_uri(pt_html_out *o, const char *v, apr_size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    apr_size_t i = 0;
    while (i < n && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r')) {
        i++;
    }
    pt_html_putc(o, '"');
    for (; i < n; i++) {
        unsigned char c = (unsigned char)v[i];
        if (pt_html_uri_keep[c]) {
            pt_html_putc(o, (char)c);
        }
        else {
            char e[3] = { '%', hex[c >> 4], hex[c & 15] };
            pt_html_put(o, e, 3);
        }
    }
    pt_html_putc(o, '"');
}

static int pt_html_is(const xmlChar *a, const char *b)
{
    return xmlStrcasecmp(a, (const xmlChar *)b) == 0;
}

/* libxml2's boolean attributes, written by their name alone. */
static int pt_html_boolean(const xmlChar *n)
{
    switch (n[0] | 0x20) {
    case 'c':
        return pt_html_is(n, "checked") || pt_html_is(n, "compact");
    case 'd':
        return pt_html_is(n, "declare") || pt_html_is(n, "defer") || pt_html_is(n, "disabled");
    case 'i':
        return pt_html_is(n, "ismap");
    case 'm':
        return pt_html_is(n, "multiple");
    case 'n':
        return pt_html_is(n, "nohref") || pt_html_is(n, "noresize") || pt_html_is(n, "noshade")
            || pt_html_is(n, "nowrap");
    case 'r':
        return pt_html_is(n, "readonly");
    case 's':
        return pt_html_is(n, "selected");
    default:
        return 0;
    }
}

/* What libxml2's tag table says of an element name, remembered per name pointer. */
static unsigned char pt_html_tag_flags(pt_html_out *o, const xmlChar *name)
{
    pt_html_tag *t = &o->tags[((apr_uintptr_t)name >> 3) % PT_HTML_CACHE];
    const htmlElemDesc *info;
    if (t->name == name) {
        return t->flags;
    }
    info = htmlTagLookup(name);
    t->name = name;
    t->flags = 0;
    if (info && info->empty) {
        t->flags |= PT_HTML_VOID;
    }
    else if (info && info->saveEndTag && strcmp(info->name, "html") && strcmp(info->name, "body")) {
        t->flags |= PT_HTML_OPEN;      /* written « <li> » when empty */
    }
    if (pt_html_is(name, "script") || pt_html_is(name, "style")) {
        t->flags |= PT_HTML_RAW;
    }
    return t->flags;
}

/* How an attribute's value is written, remembered per name pointer. */
static unsigned char pt_html_attr_flags(pt_html_out *o, const xmlChar *name)
{
    pt_html_tag *t = &o->attrs[((apr_uintptr_t)name >> 3) % PT_HTML_CACHE];
    if (t->name == name) {
        return t->flags;
    }
    t->name = name;
    t->flags = PT_HTML_ATTR;
    if (pt_html_boolean(name)) {
        t->flags |= PT_HTML_BOOL;
    }
    if (pt_html_is(name, "href") || pt_html_is(name, "action") || pt_html_is(name, "src")) {
        t->flags |= PT_HTML_URI;
    }
    if (pt_html_is(name, "name")) {
        t->flags |= PT_HTML_NAME;
    }
    return t->flags;
}

static apr_status_t pt_html_attrs(pt_html_out *o, xmlNodePtr e)
{
    xmlAttrPtr a;
    for (a = e->properties; a; a = a->next) {
        xmlNodePtr v = a->children;
        apr_size_t n;
        int dq, sq;
        unsigned char flags;
        if (a->ns) {
            return APR_ENOTIMPL;
        }
        flags = pt_html_attr_flags(o, a->name);
        pt_html_putc(o, ' ');
        pt_html_puts(o, a->name);
        if (!v || (flags & PT_HTML_BOOL)) {
            continue;
        }
        if (v->type != XML_TEXT_NODE || v->next) {
            return APR_ENOTIMPL;
        }
        pt_html_putc(o, '=');
        if (!v->content) {
            PT_HTML_PUTS(o, "\"\"");
            continue;
        }
        n = pt_html_attr_escape(o, v->content, &dq, &sq);
        if ((flags & PT_HTML_URI) || ((flags & PT_HTML_NAME) && pt_html_is(e->name, "a"))) {
            pt_html_uri(o, o->tmp, n);
        }
        else {
            pt_html_quoted(o, o->tmp, n, dq, sq);
        }
    }
    return APR_SUCCESS;
}

static apr_status_t pt_html_nodes(pt_html_out *o, xmlNodePtr n, unsigned char parent_flags)
{
    apr_status_t rv;
    for (; n; n = n->next) {
        unsigned char flags;
        switch (n->type) {
        case XML_ELEMENT_NODE:
            if (n->ns || n->nsDef) {
                return APR_ENOTIMPL;
            }
            flags = pt_html_tag_flags(o, n->name);
            pt_html_putc(o, '<');
            pt_html_puts(o, n->name);
            if ((rv = pt_html_attrs(o, n)) != APR_SUCCESS) {
                return rv;
            }
            if (flags & PT_HTML_VOID) {
                pt_html_putc(o, '>');
                break;
            }
            if (!n->children) {
                if (flags & PT_HTML_OPEN) {
                    pt_html_putc(o, '>');
                    break;
                }
                PT_HTML_PUTS(o, "></");
            }
            else {
                pt_html_putc(o, '>');
                if ((rv = pt_html_nodes(o, n->children, flags)) != APR_SUCCESS) {
                    return rv;
                }
                PT_HTML_PUTS(o, "</");
            }
            pt_html_puts(o, n->name);
            pt_html_putc(o, '>');
            break;
        case XML_TEXT_NODE:
            if (!n->content) {
                break;
            }
            if ((parent_flags & PT_HTML_RAW) || n->name == xmlStringTextNoenc) {
                pt_html_puts(o, n->content);
            }
            else {
                pt_html_text(o, n->content);
            }
            break;
        case XML_CDATA_SECTION_NODE:
            if (n->content) {
                pt_html_puts(o, n->content);
            }
            break;
        case XML_COMMENT_NODE:
            if (n->content) {
                PT_HTML_PUTS(o, "<!--");
                pt_html_puts(o, n->content);
                PT_HTML_PUTS(o, "-->");
            }
            break;
        case XML_PI_NODE:
            if (n->name) {
                PT_HTML_PUTS(o, "<?");
                pt_html_puts(o, n->name);
                if (n->content) {
                    pt_html_putc(o, ' ');
                    pt_html_puts(o, n->content);
                }
                pt_html_putc(o, '>');
            }
            break;
        case XML_ENTITY_REF_NODE:
            pt_html_putc(o, '&');
            pt_html_puts(o, n->name);
            pt_html_putc(o, ';');
            break;
        case XML_DTD_NODE:
            break;
        default:
            return APR_ENOTIMPL;
        }
    }
    return APR_SUCCESS;
}

/* A doctype's identifier quoted as libxml2 quotes one. */
static void pt_html_id(pt_html_out *o, const xmlChar *id)
{
    const char *s = (const char *)id;
    pt_html_quoted(o, s, strlen(s), strchr(s, '"') != NULL, strchr(s, '\'') != NULL);
}

apr_status_t pt_html_write(apr_pool_t *p, pt_doc *doc, const char **out, apr_size_t *len)
{
    pt_html_out o;
    xmlDtdPtr dtd = doc->intSubset;
    apr_status_t rv;

    memset(&o, 0, sizeof(o));
    o.pool = p;
    o.cap = 32768;
    o.buf = apr_palloc(p, o.cap);
    /* libxslt writes nothing for a result without content. */
    if (doc->children && !(doc->children->type == XML_DTD_NODE && !doc->children->next)) {
        if (dtd) {
            PT_HTML_PUTS(&o, "<!DOCTYPE ");
            pt_html_puts(&o, dtd->name);
            if (dtd->ExternalID) {
                PT_HTML_PUTS(&o, " PUBLIC ");
                pt_html_id(&o, dtd->ExternalID);
                if (dtd->SystemID) {
                    pt_html_putc(&o, ' ');
                    pt_html_id(&o, dtd->SystemID);
                }
            }
            else if (dtd->SystemID && strcmp((const char *)dtd->SystemID, "about:legacy-compat")) {
                PT_HTML_PUTS(&o, " SYSTEM ");
                pt_html_id(&o, dtd->SystemID);
            }
            PT_HTML_PUTS(&o, ">\n");
        }
        if ((rv = pt_html_nodes(&o, doc->children, 0)) != APR_SUCCESS) {
            return rv;
        }
        pt_html_putc(&o, '\n');
    }
    o.buf[o.len] = '\0';
    *out = o.buf;
    *len = o.len;
    return APR_SUCCESS;
}
