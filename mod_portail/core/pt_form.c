/* pt_form — urlencoded bodies and query strings.  See pt_form.h. */
#include <string.h>
#include <apr_strings.h>
#include <apr_hash.h>
#include <apr_lib.h>
#include "core/pt_form.h"
#include "core/pt_xml.h"

static int pt_form_hex(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

char *pt_form_unescape(apr_pool_t *p, const char *s, apr_size_t len)
{
    char *out = apr_palloc(p, len + 1), *o = out;
    apr_size_t i;
    for (i = 0; i < len; i++) {
        if (s[i] == '+') {
            *o++ = ' ';
        }
        else if (s[i] == '%') {
            int h, l;
            if (i + 2 >= len) {
                return NULL;
            }
            h = pt_form_hex((unsigned char)s[i + 1]);
            l = pt_form_hex((unsigned char)s[i + 2]);
            /* %00 would cut the string short behind the checks' back: refuse it. */
            if (h < 0 || l < 0 || (h == 0 && l == 0)) {
                return NULL;
            }
            *o++ = (char)(h * 16 + l);
            i += 2;
        }
        else {
            *o++ = s[i];
        }
    }
    *o = '\0';
    return out;
}

int pt_form_parse(apr_pool_t *p, const char *data, apr_size_t len, int max_fields,
                  apr_table_t **fields)
{
    apr_table_t *t = apr_table_make(p, 16);
    apr_hash_t *repeats = NULL;
    apr_size_t pos = 0;
    int count = 0;

    while (pos < len) {
        apr_size_t end = pos, eq;
        char *name, *value;
        while (end < len && data[end] != '&') {
            end++;
        }
        if (end > pos) {
            if (++count > max_fields) {
                return PT_FORM_TOO_MANY;
            }
            eq = pos;
            while (eq < end && data[eq] != '=') {
                eq++;
            }
            name = pt_form_unescape(p, data + pos, eq - pos);
            value = eq < end ? pt_form_unescape(p, data + eq + 1, end - eq - 1)
                             : apr_pstrdup(p, "");
            if (!name || !value) {
                return PT_FORM_BAD_ESCAPE;
            }
            if (!pt_xml_text_ok(name, strlen(name)) || !pt_xml_text_ok(value, strlen(value))
                || memchr(data + pos, '\0', end - pos)) {
                return PT_FORM_BAD_UTF8;
            }
            /* A name repeated beyond any real form (checkbox lists are shorter) only
             * multiplies the work of the screens that read each one. */
            if (apr_table_get(t, name)) {
                apr_size_t nlen = strlen(name);
                int *seen;
                if (!repeats) {
                    repeats = apr_hash_make(p);
                }
                seen = apr_hash_get(repeats, name, (apr_ssize_t)nlen);
                if (!seen) {
                    seen = apr_pcalloc(p, sizeof(*seen));
                    *seen = 1;
                    apr_hash_set(repeats, name, (apr_ssize_t)nlen, seen);
                }
                if (++*seen > PT_FORM_MAX_REPEAT) {
                    return PT_FORM_REPEATED;
                }
            }
            apr_table_addn(t, name, value);
        }
        pos = end + 1;
    }
    *fields = t;
    return PT_FORM_OK;
}

const char *pt_form_escape(apr_pool_t *p, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    apr_size_t n = strlen(s), i;
    char *out = apr_palloc(p, 3 * n + 1), *o = out;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (apr_isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
            *o++ = (char)c;
        }
        else {
            *o++ = '%';
            *o++ = hex[c >> 4];
            *o++ = hex[c & 15];
        }
    }
    *o = '\0';
    return out;
}

const char *pt_form_get(apr_table_t *fields, const char *name)
{
    const char *v = fields ? apr_table_get(fields, name) : NULL;
    const char *start, *end;
    if (!v) {
        return "";
    }
    start = v;
    while (*start == ' ' || *start == '\t' || *start == '\n' || *start == '\r') {
        start++;
    }
    end = start + strlen(start);
    while (end > start && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n'
                           || end[-1] == '\r')) {
        end--;
    }
    if (*end == '\0') {
        return start;
    }
    /* Trailing blanks: copy the trimmed value into the table's own pool. */
    return apr_pstrmemdup(apr_table_elts(fields)->pool, start, end - start);
}

const char *pt_form_weekdays(apr_pool_t *p, apr_table_t *fields, const char *prefix)
{
    char *w = apr_pstrdup(p, "0000000");
    int i;
    for (i = 0; i < 7; i++) {
        if (!strcmp(pt_form_get(fields, apr_psprintf(p, "%s%d", prefix, i + 1)), "1")) {
            w[i] = '1';
        }
    }
    return w;
}

apr_int64_t pt_form_id(const char *v)
{
    apr_int64_t id = 0;
    if (!v || !*v || strlen(v) > 18) {
        return -1;
    }
    for (; *v; v++) {
        if (*v < '0' || *v > '9') {
            return -1;
        }
        id = id * 10 + (*v - '0');
    }
    return id > 0 ? id : -1;
}

const char *pt_form_cookie(apr_pool_t *p, const char *header, const char *name)
{
    const char *h = header;
    apr_size_t n = strlen(name);
    while (h && *h) {
        while (*h == ' ' || *h == ';') {
            h++;
        }
        if (strncmp(h, name, n) == 0 && h[n] == '=') {
            const char *v = h + n + 1, *e = v;
            while (*e && *e != ';') {
                e++;
            }
            return apr_pstrmemdup(p, v, e - v);
        }
        h = strchr(h, ';');
    }
    return NULL;
}
