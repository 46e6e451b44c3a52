/* pt_xml — building screen documents over libxml2.  See pt_xml.h. */
#include <string.h>
#include <strings.h>
#include <apr_lib.h>
#include <apr_strings.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>
#include "core/pt_xml.h"
#include "domain/pt_fr.h"
#include "core/pt_arena.h"

static apr_status_t pt_xml_free_doc(void *doc)
{
    if (pt_arena_owns(doc) && !((xmlDocPtr)doc)->dict) {
        return APR_SUCCESS;      /* freed whole with its request's arena (pt_arena.h) */
    }
    xmlFreeDoc(doc);
    return APR_SUCCESS;
}

pt_doc *pt_xml_doc(apr_pool_t *p, const char *root)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr r = xmlNewDocNode(doc, NULL, BAD_CAST root, NULL);
    xmlDocSetRootElement(doc, r);
    apr_pool_cleanup_register(p, doc, pt_xml_free_doc, apr_pool_cleanup_null);
    return doc;
}

pt_node *pt_xml_root(pt_doc *doc)
{
    return xmlDocGetRootElement(doc);
}

pt_node *pt_xml_elem(pt_node *parent, const char *name, const char *text)
{
    /* xmlNewTextChild escapes the content; xmlNewChild would interpret entities. */
    return xmlNewTextChild(parent, NULL, BAD_CAST name, text ? BAD_CAST text : NULL);
}

/* A day or an hour is given to the stylesheets as it is stored (ISO, for links, sorting
 * and the XML API) and written the French way beside it, by domain/pt_fr: `<name>_fr`
 * (« jeudi 3 décembre 2026 », « 11 h 30 ») and, for a day, `<name>_num` (« 03/12/2026 »,
 * for tables).  Stylesheets print those, never the ISO value. */
static void pt_xml_attr_fr(pt_node *n, const char *name, const char *value, int fresh)
{
    char text[PT_FR_BUF], num[PT_FR_BUF], key[96];
    size_t len = strlen(value), nl = strlen(name);
    if ((len != 10 && len != 5) || nl + 5 > sizeof(key)) {
        return;
    }
    if (len == 10 ? pt_fr_iso_date(value, text, num) : pt_fr_iso_time(value, text)) {
        memcpy(key, name, nl);
        memcpy(key + nl, "_fr", 4);
        if (fresh) {
            xmlNewProp(n, BAD_CAST key, BAD_CAST text);
        }
        else {
            xmlSetProp(n, BAD_CAST key, BAD_CAST text);
        }
        if (len == 10) {
            memcpy(key + nl, "_num", 5);
            if (fresh) {
                xmlNewProp(n, BAD_CAST key, BAD_CAST num);
            }
            else {
                xmlSetProp(n, BAD_CAST key, BAD_CAST num);
            }
        }
    }
}

void pt_xml_attr(pt_node *n, const char *name, const char *value)
{
    if (value) {
        xmlSetProp(n, BAD_CAST name, BAD_CAST value);
        pt_xml_attr_fr(n, name, value, 0);
    }
}

void pt_xml_attr_new(pt_node *n, const char *name, const char *value)
{
    if (value) {
        xmlNewProp(n, BAD_CAST name, BAD_CAST value);
        pt_xml_attr_fr(n, name, value, 1);
    }
}

void pt_xml_attr_int(pt_node *n, const char *name, long long value)
{
    char buf[32];
    apr_snprintf(buf, sizeof(buf), "%" APR_INT64_T_FMT, (apr_int64_t)value);
    xmlSetProp(n, BAD_CAST name, BAD_CAST buf);
}

void pt_xml_text(pt_node *n, const char *text)
{
    if (text) {
        xmlNodeAddContent(n, BAD_CAST text);
    }
}

static int pt_xml_in_list(const char *name, const char *const *list)
{
    for (; list && *list; list++) {
        if (strcmp(*list, name) == 0) {
            return 1;
        }
    }
    return 0;
}

pt_node *pt_xml_row(pt_node *parent, const char *row_name, const pt_rows *rows, int i,
                    const char *const *as_text)
{
    pt_node *e = pt_xml_elem(parent, row_name, NULL);
    int c;
    for (c = 0; c < rows->ncols; c++) {
        const char *v = rows->values[i][c];
        if (!v) {
            continue;
        }
        if (pt_xml_in_list(rows->names[c], as_text)) {
            pt_xml_elem(e, rows->names[c], v);
        }
        else {
            pt_xml_attr(e, rows->names[c], v);
        }
    }
    return e;
}

void pt_xml_rows(pt_node *parent, const char *row_name, const pt_rows *rows,
                 const char *const *as_text)
{
    int i;
    for (i = 0; rows && i < rows->n; i++) {
        pt_xml_row(parent, row_name, rows, i, as_text);
    }
}

const char *pt_xml_serialize(apr_pool_t *p, pt_doc *doc, apr_size_t *len)
{
    xmlChar *mem = NULL;
    int size = 0;
    const char *out;
    xmlDocDumpMemoryEnc(doc, &mem, &size, "UTF-8");
    out = apr_pstrmemdup(p, (const char *)mem, size > 0 ? size : 0);
    xmlFree(mem);
    *len = size > 0 ? (apr_size_t)size : 0;
    return out;
}

int pt_xml_text_ok(const char *s, apr_size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    apr_size_t i = 0;
    while (i < len) {
        unsigned char c = u[i];
        unsigned int cp;
        int extra;
        if (c < 0x80) {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return 0;
            }
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) { extra = 1; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { extra = 2; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { extra = 3; cp = c & 0x07; }
        else { return 0; }
        if (i + extra >= len) {
            return 0;
        }
        for (int k = 1; k <= extra; k++) {
            if ((u[i + k] & 0xC0) != 0x80) {
                return 0;
            }
            cp = (cp << 6) | (u[i + k] & 0x3F);
        }
        /* overlong forms, surrogates, beyond U+10FFFF, and U+FFFE/U+FFFF */
        if ((extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000)
            || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF
            || cp == 0xFFFE || cp == 0xFFFF) {
            return 0;
        }
        i += extra + 1;
    }
    return 1;
}

/* --- An agent's plain text (news) ---------------------------------------------------- */

/* The length of the web address starting at s (http://, https:// or www., at the start
 * of a word, with at least one letter or digit after it), 0 when none.  It ends before a
 * space, a control, a non-ASCII byte (« », no-break spaces) or a character that cannot be
 * in an address; trailing punctuation of the sentence and an unbalanced closing
 * parenthesis are left out. */
static size_t pt_xml_link_len(const char *text, const char *s)
{
    static const char stops[] = "<>\"{}|\\^`";
    size_t pre, end, k;
    int open = 0;
    unsigned char before = s > text ? (unsigned char)s[-1] : ' ';
    if (apr_isalnum(before) || strchr("/.@-_:", before)) {
        return 0;
    }
    pre = !strncasecmp(s, "https://", 8) ? 8 : !strncasecmp(s, "http://", 7) ? 7
          : !strncasecmp(s, "www.", 4) ? 4 : 0;
    if (!pre || !apr_isalnum((unsigned char)s[pre])) {
        return 0;
    }
    for (end = pre; (unsigned char)s[end] > 0x20 && (unsigned char)s[end] < 0x7F
                    && !strchr(stops, s[end]); end++) {
    }
    for (;;) {
        char last = s[end - 1];
        if (last == ')') {
            for (open = 0, k = 0; k < end; k++) {
                open += s[k] == '(' ? 1 : s[k] == ')' ? -1 : 0;
            }
        }
        if (strchr(".,;:!?'", last) || (last == ')' && open < 0)) {
            end--;
            continue;
        }
        return end;
    }
}

/* The line [s, e) into paragraph p: text nodes, and <lien href> for the addresses. */
static void pt_xml_plain_line(pt_node *p, const char *text, const char *s, const char *e)
{
    const char *run = s;
    while (s < e) {
        size_t n = pt_xml_link_len(text, s);
        xmlChar *href;
        pt_node *a;
        if (n == 0 || s + n > e) {
            s++;
            continue;
        }
        if (s > run) {
            xmlAddChild(p, xmlNewTextLen(BAD_CAST run, (int)(s - run)));
        }
        a = xmlNewChild(p, NULL, BAD_CAST "lien", NULL);
        xmlAddChild(a, xmlNewTextLen(BAD_CAST s, (int)n));
        /* A « www. » address is reached over https. */
        href = xmlStrncatNew(BAD_CAST (strncasecmp(s, "www.", 4) ? "" : "https://"),
                             BAD_CAST s, (int)n);
        xmlSetProp(a, BAD_CAST "href", href);
        xmlFree(href);
        s += n;
        run = s;
    }
    if (e > run) {
        xmlAddChild(p, xmlNewTextLen(BAD_CAST run, (int)(e - run)));
    }
}

pt_node *pt_xml_plain_text(pt_node *parent, const char *name, const char *text,
                           int max_paragraphs)
{
    pt_node *root = pt_xml_elem(parent, name, NULL), *p = NULL;
    const char *s = text ? text : "";
    int n = 0;
    while (*s) {
        const char *e = s + strcspn(s, "\r\n"), *k = s;
        while (k < e && (*k == ' ' || *k == '\t')) {
            k++;
        }
        if (k == e) {
            p = NULL;                       /* a blank line ends the paragraph */
        }
        else if (!p && max_paragraphs > 0 && n == max_paragraphs) {
            xmlSetProp(root, BAD_CAST "suite", BAD_CAST "1");
            break;
        }
        else {
            if (p) {
                xmlNewChild(p, NULL, BAD_CAST "br", NULL);
            }
            else {
                p = xmlNewChild(root, NULL, BAD_CAST "p", NULL);
                n++;
            }
            pt_xml_plain_line(p, s, s, e);
        }
        s = e + (e[0] == '\r' && e[1] == '\n' ? 2 : *e ? 1 : 0);
    }
    return root;
}
