/* pt_multipart — streaming multipart/form-data.  See pt_multipart.h.
 *
 * The body is scanned for the delimiter CRLF "--" boundary.  A CRLF is put in front of
 * the body before the first byte, so the first delimiter (which has none) is found like
 * the others.  Between calls only a bounded tail is kept: in a part's body, the last
 * bytes that could be the start of a delimiter; in headers, the incomplete line (at most
 * max_header_len).  Everything else is handed on as soon as it is read.
 */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include <apr_lib.h>
#include "core/pt_multipart.h"
#include "core/pt_xml.h"

#define PT_MP_MAX_HEADERS 16       /* header lines in one part */
#define PT_MP_BOUNDARY_MAX 70      /* RFC 2046 */

typedef enum {
    PT_MP_PREAMBLE, PT_MP_AFTER_DELIM, PT_MP_HEADERS, PT_MP_BODY, PT_MP_DONE, PT_MP_FAILED
} pt_mp_state;

struct pt_multipart {
    apr_pool_t *pool;
    char *delim;                   /* "\r\n--" boundary */
    apr_size_t dlen;
    pt_multipart_limits lim;
    pt_multipart_files files;
    pt_mp_state state;
    int status;
    const char *error;

    char *work;                    /* kept tail + new bytes (malloc'ed, reused) */
    apr_size_t wlen, wcap;
    apr_size_t parts;
    apr_off_t total;

    /* The current part. */
    const char *name, *filename, *type;
    int is_file, skip, headers;
    apr_off_t file_len;
    char *field;                   /* an ordinary field's value (malloc'ed, grown as needed
                                    * up to max_field_len: never the limit up front) */
    apr_size_t flen, fcap;

    apr_table_t *fields;
};

static int pt_mp_fail(pt_multipart *mp, int status, const char *error)
{
    if (mp->state != PT_MP_FAILED) {
        mp->state = PT_MP_FAILED;
        mp->status = status;
        mp->error = error;
    }
    return status;
}

static apr_status_t pt_mp_cleanup(void *data)
{
    pt_multipart *mp = data;
    free(mp->work);
    mp->work = NULL;
    free(mp->field);
    mp->field = NULL;
    return APR_SUCCESS;
}

int pt_multipart_boundary(apr_pool_t *p, const char *content_type, const char **boundary)
{
    const char *s = content_type, *b;
    apr_size_t n;
    char *out;
    if (!s || strncasecmp(s, "multipart/form-data", 19) != 0
        || (s[19] != ';' && s[19] != ' ')) {
        return PT_MP_BAD;
    }
    for (b = s + 19; (b = strchr(b, ';')) != NULL; ) {
        for (b++; *b == ' ' || *b == '\t'; b++) {
        }
        if (strncasecmp(b, "boundary=", 9) == 0) {
            break;
        }
    }
    if (!b) {
        return PT_MP_BAD;
    }
    b += 9;
    if (*b == '"') {
        const char *end = strchr(++b, '"');
        n = end ? (apr_size_t)(end - b) : 0;
    }
    else {
        n = strcspn(b, "; \t");
    }
    if (n == 0 || n > PT_MP_BOUNDARY_MAX) {
        return PT_MP_BAD;
    }
    out = apr_pstrmemdup(p, b, n);
    /* bchars of RFC 2046, the space not last */
    if (strspn(out, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ")
        != n || out[n - 1] == ' ') {
        return PT_MP_BAD;
    }
    *boundary = out;
    return PT_MP_OK;
}

pt_multipart *pt_multipart_new(apr_pool_t *p, const char *boundary,
                               const pt_multipart_limits *limits,
                               const pt_multipart_files *files)
{
    pt_multipart *mp = apr_pcalloc(p, sizeof(*mp));
    mp->pool = p;
    mp->delim = apr_pstrcat(p, "\r\n--", boundary, NULL);
    mp->dlen = strlen(mp->delim);
    mp->lim = *limits;
    if (files) {
        mp->files = *files;
    }
    mp->fields = apr_table_make(p, 8);
    mp->state = PT_MP_PREAMBLE;
    apr_pool_cleanup_register(p, mp, pt_mp_cleanup, apr_pool_cleanup_null);
    /* The CRLF before the first delimiter. */
    mp->wcap = 4096;
    mp->work = malloc(mp->wcap);
    if (mp->work) {
        memcpy(mp->work, "\r\n", 2);
        mp->wlen = 2;
    }
    return mp;
}

/* Where the delimiter starts in buf[0..n), or -1. */
static apr_ssize_t pt_mp_find(const pt_multipart *mp, const char *buf, apr_size_t n)
{
    const char *s = buf, *end = buf + n;
    while (s + mp->dlen <= end && (s = memchr(s, '\r', end - s - mp->dlen + 1)) != NULL) {
        if (memcmp(s, mp->delim, mp->dlen) == 0) {
            return s - buf;
        }
        s++;
    }
    return -1;
}

static int pt_mp_data(pt_multipart *mp, const char *buf, apr_size_t n)
{
    if (n == 0) {
        return PT_MP_OK;
    }
    if (mp->is_file) {
        mp->file_len += n;
        if (mp->file_len > mp->lim.max_file_len) {
            return pt_mp_fail(mp, PT_MP_TOO_LARGE, "Le fichier envoyé est trop volumineux.");
        }
        if (!mp->skip && mp->files.data) {
            int rv = mp->files.data(mp->files.ctx, buf, n);
            return rv == PT_MP_OK ? rv : pt_mp_fail(mp, rv, "Le fichier n'a pas pu être reçu.");
        }
        return PT_MP_OK;
    }
    if (mp->flen + n > mp->lim.max_field_len) {
        return pt_mp_fail(mp, PT_MP_TOO_LARGE, "Un champ du formulaire est trop long.");
    }
    if (mp->flen + n > mp->fcap) {
        apr_size_t cap = mp->fcap ? mp->fcap : 256;
        char *bigger;
        while (cap < mp->flen + n) {
            cap *= 2;
        }
        if (cap > mp->lim.max_field_len) {
            cap = mp->lim.max_field_len;
        }
        if (!(bigger = realloc(mp->field, cap))) {
            return pt_mp_fail(mp, PT_MP_TOO_LARGE, "Un champ du formulaire est trop long.");
        }
        mp->field = bigger;
        mp->fcap = cap;
    }
    memcpy(mp->field + mp->flen, buf, n);
    mp->flen += n;
    return PT_MP_OK;
}

static int pt_mp_part_end(pt_multipart *mp)
{
    const char *value;
    if (mp->is_file) {
        if (!mp->skip && mp->files.end) {
            int rv = mp->files.end(mp->files.ctx);
            if (rv != PT_MP_OK) {
                return pt_mp_fail(mp, rv, "Le fichier n'a pas pu être reçu.");
            }
        }
        return PT_MP_OK;
    }
    if (mp->flen && (!pt_xml_text_ok(mp->field, mp->flen)
                     || memchr(mp->field, '\0', mp->flen))) {
        return pt_mp_fail(mp, PT_MP_BAD, "Le formulaire contient des caractères non valides.");
    }
    value = mp->flen ? apr_pstrmemdup(mp->pool, mp->field, mp->flen) : "";
    if (mp->files.field) {
        int rv = mp->files.field(mp->files.ctx, mp->name, value, mp->parts == 1);
        if (rv != PT_MP_OK) {
            return pt_mp_fail(mp, rv, "Le formulaire a expiré ou ne vient pas du portail.");
        }
    }
    apr_table_add(mp->fields, mp->name, value);
    return PT_MP_OK;
}

/* A parameter value of a header: quoted-string (backslash escapes) or token.  The copy
 * is the size of the value itself, never of the rest of the line: a line of many quoted
 * parameters costs its own length, not its length times the number of parameters. */
static const char *pt_mp_param_value(apr_pool_t *p, const char **s)
{
    const char *v = *s, *q;
    char *out, *o;
    apr_size_t n;
    if (*v != '"') {
        n = strcspn(v, ";");
        *s = v + n;
        while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t')) {
            n--;
        }
        return apr_pstrmemdup(p, v, n);
    }
    for (q = v + 1; *q && *q != '"'; q++) {
        if (*q == '\\' && q[1]) {
            q++;
        }
    }
    n = (apr_size_t)(q - (v + 1));
    out = o = apr_palloc(p, n + 1);
    for (v++; *v && *v != '"'; v++) {
        if (*v == '\\' && v[1]) {
            v++;
        }
        *o++ = *v;
    }
    *o = '\0';
    *s = *v ? v + 1 : v;
    return out;
}

/* RFC 5987 ext-value: UTF-8''percent-encoded. */
static const char *pt_mp_ext_value(apr_pool_t *p, const char *v)
{
    char *out, *o;
    if (strncasecmp(v, "UTF-8''", 7) != 0) {
        return NULL;
    }
    out = o = apr_palloc(p, strlen(v) + 1);
    for (v += 7; *v; v++) {
        if (*v == '%' && apr_isxdigit(v[1]) && apr_isxdigit(v[2])) {
            char hex[3] = { v[1], v[2], '\0' };
            *o++ = (char)strtol(hex, NULL, 16);
            v += 2;
        }
        else {
            *o++ = *v;
        }
    }
    *o = '\0';
    return out;
}

static int pt_mp_header(pt_multipart *mp, const char *line, apr_size_t n)
{
    char *h = apr_pstrmemdup(mp->pool, line, n), *colon = strchr(h, ':');
    const char *v;
    if (!colon || ++mp->headers > PT_MP_MAX_HEADERS) {
        return pt_mp_fail(mp, PT_MP_BAD, "Le formulaire envoyé est mal formé.");
    }
    *colon = '\0';
    for (v = colon + 1; *v == ' ' || *v == '\t'; v++) {
    }
    if (strcasecmp(h, "Content-Type") == 0) {
        mp->type = v;
        return PT_MP_OK;
    }
    if (strcasecmp(h, "Content-Disposition") != 0) {
        return PT_MP_OK;
    }
    if (strncasecmp(v, "form-data", 9) != 0) {
        return pt_mp_fail(mp, PT_MP_BAD, "Le formulaire envoyé est mal formé.");
    }
    for (v += 9; (v = strchr(v, ';')) != NULL; ) {
        const char *key, *val;
        apr_size_t klen;
        for (v++; *v == ' ' || *v == '\t'; v++) {
        }
        key = v;
        klen = strcspn(v, "=;");
        if (v[klen] != '=') {
            continue;
        }
        v += klen + 1;
        val = pt_mp_param_value(mp->pool, &v);
        if (klen == 4 && strncasecmp(key, "name", 4) == 0) {
            mp->name = val;
        }
        else if (klen == 8 && strncasecmp(key, "filename", 8) == 0 && !mp->filename) {
            mp->filename = val;
        }
        else if (klen == 9 && strncasecmp(key, "filename*", 9) == 0) {
            const char *ext = pt_mp_ext_value(mp->pool, val);
            mp->filename = ext ? ext : mp->filename;
        }
    }
    return PT_MP_OK;
}

/* The headers are read: the part's body starts. */
static int pt_mp_part_begin(pt_multipart *mp)
{
    if (!mp->name || !*mp->name) {
        return pt_mp_fail(mp, PT_MP_BAD, "Le formulaire envoyé est mal formé.");
    }
    /* Names reach the screens and the XML of the page as values do: valid UTF-8 text. */
    if (!pt_xml_text_ok(mp->name, strlen(mp->name))) {
        return pt_mp_fail(mp, PT_MP_BAD, "Le formulaire contient des caractères non valides.");
    }
    mp->is_file = mp->filename != NULL;
    /* A file input left empty sends a part with an empty file name: no file chosen. */
    mp->skip = mp->is_file && !*mp->filename;
    if (mp->is_file && !mp->skip && mp->files.begin) {
        int rv = mp->files.begin(mp->files.ctx, mp->name,
                                 pt_multipart_safe_filename(mp->pool, mp->filename),
                                 mp->type ? mp->type : "application/octet-stream");
        if (rv != PT_MP_OK) {
            return pt_mp_fail(mp, rv, "Le fichier n'a pas pu être reçu.");
        }
    }
    return PT_MP_OK;
}

/* Parse what the work buffer holds; returns how many bytes are consumed. */
static apr_size_t pt_mp_run(pt_multipart *mp, const char *buf, apr_size_t n)
{
    apr_size_t pos = 0;
    apr_ssize_t at;
    const char *eol;

    while (pos < n || mp->state == PT_MP_DONE) {
        switch (mp->state) {
        case PT_MP_PREAMBLE:
            if ((at = pt_mp_find(mp, buf + pos, n - pos)) < 0) {
                return n - pos >= mp->dlen ? n - (mp->dlen - 1) : pos;
            }
            pos += at + mp->dlen;
            mp->state = PT_MP_AFTER_DELIM;
            break;
        case PT_MP_AFTER_DELIM:
            while (pos < n && (buf[pos] == ' ' || buf[pos] == '\t')) {
                pos++;
            }
            if (n - pos < 2) {
                return pos;
            }
            if (buf[pos] == '-' && buf[pos + 1] == '-') {
                mp->state = PT_MP_DONE;
                return n;
            }
            if (buf[pos] != '\r' || buf[pos + 1] != '\n') {
                pt_mp_fail(mp, PT_MP_BAD, "Le formulaire envoyé est mal formé.");
                return n;
            }
            pos += 2;
            if (++mp->parts > mp->lim.max_parts) {
                pt_mp_fail(mp, PT_MP_TOO_LARGE, "Le formulaire contient trop de parties.");
                return n;
            }
            mp->name = mp->filename = mp->type = NULL;
            mp->headers = 0;
            mp->file_len = 0;
            mp->flen = 0;
            mp->state = PT_MP_HEADERS;
            break;
        case PT_MP_HEADERS:
            eol = NULL;
            if (n - pos >= 2) {
                const char *s = buf + pos;
                while ((s = memchr(s, '\r', buf + n - s - 1)) != NULL && s[1] != '\n') {
                    s++;
                }
                eol = s;
            }
            if (!eol) {
                if (n - pos > mp->lim.max_header_len) {
                    pt_mp_fail(mp, PT_MP_TOO_LARGE, "Un en-tête du formulaire est trop long.");
                    return n;
                }
                return pos;
            }
            if ((apr_size_t)(eol - (buf + pos)) > mp->lim.max_header_len) {
                pt_mp_fail(mp, PT_MP_TOO_LARGE, "Un en-tête du formulaire est trop long.");
                return n;
            }
            if (eol == buf + pos) {
                pos += 2;
                if (pt_mp_part_begin(mp) != PT_MP_OK) {
                    return n;
                }
                mp->state = PT_MP_BODY;
            }
            else {
                if (pt_mp_header(mp, buf + pos, eol - (buf + pos)) != PT_MP_OK) {
                    return n;
                }
                pos = eol - buf + 2;
            }
            break;
        case PT_MP_BODY:
            if ((at = pt_mp_find(mp, buf + pos, n - pos)) < 0) {
                /* Keep what could be the beginning of a delimiter. */
                apr_size_t safe = n - pos >= mp->dlen ? n - (mp->dlen - 1) : pos;
                if (pt_mp_data(mp, buf + pos, safe - pos) != PT_MP_OK) {
                    return n;
                }
                return safe;
            }
            if (pt_mp_data(mp, buf + pos, at) != PT_MP_OK || pt_mp_part_end(mp) != PT_MP_OK) {
                return n;
            }
            pos += at + mp->dlen;
            mp->state = PT_MP_AFTER_DELIM;
            break;
        default:                   /* done (the epilogue is ignored), or failed */
            return n;
        }
    }
    return pos;
}

int pt_multipart_feed(pt_multipart *mp, const char *buf, apr_size_t len)
{
    apr_size_t used;
    if (mp->state == PT_MP_FAILED) {
        return mp->status;
    }
    if (!mp->work) {
        return pt_mp_fail(mp, PT_MP_TOO_LARGE, "L'envoi est trop volumineux.");
    }
    mp->total += len;
    if (mp->total > mp->lim.max_total) {
        return pt_mp_fail(mp, PT_MP_TOO_LARGE, "L'envoi est trop volumineux.");
    }
    if (mp->wlen + len > mp->wcap) {
        char *bigger = realloc(mp->work, mp->wlen + len);
        if (!bigger) {
            return pt_mp_fail(mp, PT_MP_TOO_LARGE, "L'envoi est trop volumineux.");
        }
        mp->work = bigger;
        mp->wcap = mp->wlen + len;
    }
    memcpy(mp->work + mp->wlen, buf, len);
    mp->wlen += len;
    used = pt_mp_run(mp, mp->work, mp->wlen);
    memmove(mp->work, mp->work + used, mp->wlen - used);
    mp->wlen -= used;
    return mp->state == PT_MP_FAILED ? mp->status : PT_MP_OK;
}

int pt_multipart_finish(pt_multipart *mp, apr_table_t **fields)
{
    if (mp->state == PT_MP_FAILED) {
        return mp->status;
    }
    if (mp->state != PT_MP_DONE) {
        return pt_mp_fail(mp, PT_MP_BAD, "L'envoi a été interrompu avant la fin : "
                                         "réessayez.");
    }
    *fields = mp->fields;
    return PT_MP_OK;
}

const char *pt_multipart_error(const pt_multipart *mp)
{
    return mp->error ? mp->error : "Le formulaire envoyé est mal formé.";
}

const char *pt_multipart_safe_filename(apr_pool_t *p, const char *raw)
{
    const char *s = raw ? raw : "", *slash;
    char *out, *o;
    /* Browsers of some systems send the whole path. */
    for (slash = s; *slash; slash++) {
        if (*slash == '/' || *slash == '\\') {
            s = slash + 1;
        }
    }
    out = o = apr_palloc(p, strlen(s) + 1);
    for (; *s && o - out < 100; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xC0)) {
            continue;              /* controls, and the rest of a multibyte character */
        }
        if (o == out && (c == '.' || c == ' ')) {
            continue;
        }
        *o++ = (apr_isalnum(c) && c < 0x80) || c == '.' || c == '_' || c == '-' || c == ' '
               ? (char)c : '_';
    }
    while (o > out && o[-1] == ' ') {
        o--;
    }
    *o = '\0';
    return *out ? out : "fichier";
}
