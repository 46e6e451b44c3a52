/* pt_mail — outbox, rendering and MIME composition.  See pt_mail.h. */
#include <string.h>
#include <apr_strings.h>
#include <libxml/tree.h>
#include <libxml/HTMLtree.h>
#include "core/pt_mail.h"

int pt_mail_enqueue(pt_db *db, apr_pool_t *p, const char *to, const char *template_name,
                    pt_doc *data, apr_time_t now)
{
    apr_size_t len;
    const char *t = pt_db_int(p, apr_time_sec(now));
    return pt_db_exec(db, p, "portail_mail_enqueue",
                      PT_ARGS(t, to, template_name, pt_xml_serialize(p, data, &len), t), NULL);
}

static xmlNodePtr pt_mail_child(xmlNodePtr parent, const char *name)
{
    xmlNodePtr n;
    for (n = parent ? parent->children : NULL; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST name)) {
            return n;
        }
    }
    return NULL;
}

static const char *pt_mail_text_of(apr_pool_t *p, xmlNodePtr n)
{
    xmlChar *c = n ? xmlNodeGetContent(n) : NULL;
    const char *s = apr_pstrdup(p, c ? (const char *)c : "");
    xmlFree(c);
    return s;
}

const char *pt_mail_render(pt_render_cache *cache, apr_pool_t *p, const char *template_name,
                           const char *data_xml, pt_mail_parts *out)
{
    const char *name = apr_pstrcat(p, "mail/", template_name, NULL);
    xmlDocPtr data = xmlReadMemory(data_xml, (int)strlen(data_xml), "mail.xml", "UTF-8",
                                   XML_PARSE_NONET);
    xmlDocPtr result = NULL;
    xmlNodePtr root, html, n;
    xmlBufferPtr buf;
    const char *err;

    if (!data) {
        return "the queued mail's data is not XML";
    }
    err = pt_render_doc(cache, p, data, name, &result);
    xmlFreeDoc(data);
    if (err) {
        return err;
    }
    root = xmlDocGetRootElement(result);
    if (!root || !xmlStrEqual(root->name, BAD_CAST "mail") || !pt_mail_child(root, "subject")) {
        return apr_psprintf(p, "%s.xsl must produce <mail><subject/><text/><html/></mail>", name);
    }
    out->subject = pt_mail_text_of(p, pt_mail_child(root, "subject"));
    out->text = pt_mail_text_of(p, pt_mail_child(root, "text"));
    out->html = NULL;
    html = pt_mail_child(root, "html");
    if (html) {
        buf = xmlBufferCreate();
        for (n = html->children; n; n = n->next) {
            htmlNodeDump(buf, result, n);
        }
        out->html = apr_pstrmemdup(p, (const char *)xmlBufferContent(buf),
                                   (apr_size_t)xmlBufferLength(buf));
        xmlBufferFree(buf);
    }
    return NULL;
}

const char *pt_mail_address(apr_pool_t *p, const char *from)
{
    const char *lt = strrchr(from, '<'), *gt;
    if (lt && (gt = strchr(lt, '>')) != NULL) {
        return apr_pstrmemdup(p, lt + 1, gt - lt - 1);
    }
    return from;
}

static int pt_mail_is_ascii(const char *s)
{
    for (; *s; s++) {
        if ((unsigned char)*s >= 0x80 || (unsigned char)*s < 0x20) {
            return 0;
        }
    }
    return 1;
}

/* Base64 (standard alphabet, padded) of len bytes. */
static char *pt_mail_b64(apr_pool_t *p, const unsigned char *s, apr_size_t len)
{
    static const char tab[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char *out = apr_palloc(p, ((len + 2) / 3) * 4 + 1), *o = out;
    apr_size_t i;
    for (i = 0; i < len; i += 3) {
        unsigned v = (unsigned)s[i] << 16 | (i + 1 < len ? (unsigned)s[i + 1] << 8 : 0)
                     | (i + 2 < len ? s[i + 2] : 0);
        *o++ = tab[(v >> 18) & 63];
        *o++ = tab[(v >> 12) & 63];
        *o++ = i + 1 < len ? tab[(v >> 6) & 63] : '=';
        *o++ = i + 2 < len ? tab[v & 63] : '=';
    }
    *o = '\0';
    return out;
}

const char *pt_mail_header_text(apr_pool_t *p, const char *text)
{
    const char *out = NULL;
    apr_size_t len = strlen(text), pos = 0;
    if (pt_mail_is_ascii(text)) {
        return text;
    }
    /* Encoded words of at most 45 bytes of UTF-8 (60 base64 characters), cut between
     * characters, folded on separate lines (RFC 2047). */
    while (pos < len) {
        apr_size_t n = len - pos > 45 ? 45 : len - pos;
        const char *word;
        while (pos + n < len && n > 0 && ((unsigned char)text[pos + n] & 0xC0) == 0x80) {
            n--;
        }
        /* Not UTF-8 (no character starts in 45 bytes): cut anyway, never loop. */
        if (n == 0) {
            n = len - pos > 45 ? 45 : len - pos;
        }
        word = apr_pstrcat(p, "=?UTF-8?B?",
                           pt_mail_b64(p, (const unsigned char *)text + pos, n), "?=", NULL);
        out = out ? apr_pstrcat(p, out, "\r\n ", word, NULL) : word;
        pos += n;
    }
    return out;
}

/* A body part: lines end with CRLF as mail wants, then base64 in lines of 76. */
static const char *pt_mail_body(apr_pool_t *p, const char *text)
{
    char *crlf = apr_palloc(p, 2 * strlen(text) + 1), *c = crlf;
    const char *b, *t;
    for (t = text; *t; t++) {
        if (*t == '\n' && (t == text || t[-1] != '\r')) {
            *c++ = '\r';
        }
        *c++ = *t;
    }
    *c = '\0';
    b = pt_mail_b64(p, (const unsigned char *)crlf, strlen(crlf));
    apr_size_t n = strlen(b), i;
    char *out = apr_palloc(p, n + 2 * (n / 76 + 1) + 1), *o = out;
    for (i = 0; i < n; i += 76) {
        apr_size_t k = n - i > 76 ? 76 : n - i;
        memcpy(o, b + i, k);
        o += k;
        *o++ = '\r';
        *o++ = '\n';
    }
    *o = '\0';
    return out;
}

/* A display name and address for a header: the name encoded if needed. */
static const char *pt_mail_mailbox(apr_pool_t *p, const char *from)
{
    const char *lt = strrchr(from, '<');
    const char *name;
    apr_size_t n;
    if (!lt) {
        return from;
    }
    n = (apr_size_t)(lt - from);
    while (n > 0 && from[n - 1] == ' ') {
        n--;
    }
    name = apr_pstrmemdup(p, from, n);
    if (*name == '"' && n >= 2 && name[n - 1] == '"') {
        name = apr_pstrmemdup(p, name + 1, n - 2);
    }
    if (!*name) {
        return apr_pstrcat(p, "<", pt_mail_address(p, from), ">", NULL);
    }
    return apr_pstrcat(p, pt_mail_is_ascii(name) ? apr_pstrcat(p, "\"", name, "\"", NULL)
                                                 : pt_mail_header_text(p, name),
                       " <", pt_mail_address(p, from), ">", NULL);
}

const char *pt_mail_compose(apr_pool_t *p, const char *from, const char *to,
                            const pt_mail_parts *parts, apr_time_t now,
                            const char *message_id, apr_size_t *len)
{
    char date[APR_RFC822_DATE_LEN];
    const char *from_addr = pt_mail_address(p, from);
    const char *domain = strchr(from_addr, '@') ? strchr(from_addr, '@') + 1 : "localhost";
    const char *boundary = apr_pstrcat(p, "=_portail_", message_id, NULL);
    const char *msg;

    apr_rfc822_date(date, now);
    msg = apr_pstrcat(p,
        "From: ", pt_mail_mailbox(p, from), "\r\n",
        "To: <", to, ">\r\n",
        "Subject: ", pt_mail_header_text(p, parts->subject), "\r\n",
        "Date: ", date, "\r\n",
        "Message-ID: <", message_id, "@", domain, ">\r\n",
        "MIME-Version: 1.0\r\n",
        "Auto-Submitted: auto-generated\r\n",
        NULL);
    if (!parts->html) {
        msg = apr_pstrcat(p, msg,
            "Content-Type: text/plain; charset=UTF-8\r\n",
            "Content-Transfer-Encoding: base64\r\n\r\n",
            pt_mail_body(p, parts->text), NULL);
    }
    else {
        msg = apr_pstrcat(p, msg,
            "Content-Type: multipart/alternative; boundary=\"", boundary, "\"\r\n\r\n",
            "--", boundary, "\r\n",
            "Content-Type: text/plain; charset=UTF-8\r\n",
            "Content-Transfer-Encoding: base64\r\n\r\n",
            pt_mail_body(p, parts->text),
            "--", boundary, "\r\n",
            "Content-Type: text/html; charset=UTF-8\r\n",
            "Content-Transfer-Encoding: base64\r\n\r\n",
            pt_mail_body(p, apr_pstrcat(p, "<!DOCTYPE html><html lang=\"fr\"><head>"
                                        "<meta charset=\"UTF-8\"></head><body>", parts->html,
                                        "</body></html>", NULL)),
            "--", boundary, "--\r\n", NULL);
    }
    *len = strlen(msg);
    return msg;
}

int pt_mail_retry_delay(int attempts)
{
    /* 1 min, 5 min, 15 min, 1 h, 3 h, 6 h, 12 h: about a day, then give up. */
    static const int delays[] = { 60, 300, 900, 3600, 10800, 21600, 43200 };
    if (attempts < 1 || attempts > (int)(sizeof(delays) / sizeof(delays[0]))) {
        return 0;
    }
    return delays[attempts - 1];
}
