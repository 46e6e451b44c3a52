/* pt_csv — reading and writing CSV the way French spreadsheets do.  See pt_csv.h. */
#include <string.h>
#include <apr_strings.h>
#include "core/pt_csv.h"
#include "core/pt_xml.h"

int pt_csv_parse(apr_pool_t *p, const char *data, apr_size_t len, char sep,
                 apr_array_header_t **records, int *err_line, const char **why)
{
    apr_array_header_t *recs = apr_array_make(p, 64, sizeof(pt_csv_record));
    apr_array_header_t *fields = apr_array_make(p, 16, sizeof(const char *));
    char *cell = apr_palloc(p, len + 1);
    apr_size_t i = 0, clen = 0;
    int line = 1, rec_line = 1, quoted = 0, was_quoted = 0, empty_record = 1;

    if (len >= 3 && memcmp(data, PT_CSV_BOM, 3) == 0) {
        i = 3;
    }
    if (!pt_xml_text_ok(data + i, len - i) || memchr(data, '\0', len)) {
        *err_line = 0;
        *why = "Le fichier n'est pas un texte UTF-8 valide : enregistrez-le au format "
               "« CSV UTF-8 ».";
        return -1;
    }
    for (;; i++) {
        int end = i >= len;
        char c = end ? '\n' : data[i];
        if (quoted) {
            if (end) {
                *err_line = rec_line;
                *why = "un guillemet ouvert n'est jamais fermé.";
                return -1;
            }
            if (c == '"' && i + 1 < len && data[i + 1] == '"') {
                cell[clen++] = '"';
                i++;
            }
            else if (c == '"') {
                quoted = 0;
            }
            else {
                if (c == '\n') {
                    line++;
                }
                cell[clen++] = c;
            }
            continue;
        }
        if (c == '"' && clen == 0 && !was_quoted) {
            quoted = was_quoted = 1;
            empty_record = 0;
            continue;
        }
        if (c == sep || c == '\n') {
            /* A record ends: CRLF or LF; the CR belongs to the line break. */
            if (c == '\n' && clen > 0 && cell[clen - 1] == '\r' && !was_quoted) {
                clen--;
            }
            *(const char **)apr_array_push(fields) = apr_pstrmemdup(p, cell, clen);
            clen = 0;
            was_quoted = 0;
            if (c == sep) {
                empty_record = 0;
                continue;
            }
            if (!empty_record) {
                pt_csv_record *r = apr_array_push(recs);
                r->line = rec_line;
                r->n = fields->nelts;
                r->fields = apr_pmemdup(p, fields->elts, fields->nelts * sizeof(const char *));
            }
            apr_array_clear(fields);
            empty_record = 1;
            line++;
            rec_line = line;
            if (end) {
                break;
            }
            continue;
        }
        if (was_quoted && c != '\r') {
            *err_line = rec_line;
            *why = "du texte suit un guillemet fermant ; doublez les guillemets à "
                   "l'intérieur d'un champ (\"\").";
            return -1;
        }
        if (!was_quoted || c != '\r') {
            cell[clen++] = c;
        }
        if (c != '\r') {
            empty_record = 0;
        }
    }
    *records = recs;
    return 0;
}

void pt_csv_write(apr_array_header_t *out, char sep, int n, const char *const *cells)
{
    int i;
    for (i = 0; i < n; i++) {
        const char *v = cells[i] ? cells[i] : "";
        /* A cell starting like a formula would be run by the spreadsheet: make it text. */
        int inert = (*v == '=' || *v == '+' || *v == '-' || *v == '@' || *v == '\t'
                     || *v == '\r');
        int quote = inert || strchr(v, sep) || strchr(v, '"') || strchr(v, '\n')
                    || strchr(v, '\r');
        const char *s;
        if (i > 0) {
            *(char *)apr_array_push(out) = sep;
        }
        if (quote) {
            *(char *)apr_array_push(out) = '"';
        }
        if (inert) {
            *(char *)apr_array_push(out) = '\'';
        }
        for (s = v; *s; s++) {
            if (*s == '"') {
                *(char *)apr_array_push(out) = '"';
            }
            *(char *)apr_array_push(out) = *s;
        }
        if (quote) {
            *(char *)apr_array_push(out) = '"';
        }
    }
    *(char *)apr_array_push(out) = '\r';
    *(char *)apr_array_push(out) = '\n';
}

apr_array_header_t *pt_csv_new(apr_pool_t *p)
{
    static const char bom[] = PT_CSV_BOM;
    apr_array_header_t *out = apr_array_make(p, 4096, 1);
    apr_size_t i;
    for (i = 0; i < sizeof(bom) - 1; i++) {
        *(char *)apr_array_push(out) = bom[i];
    }
    return out;
}

const char *pt_csv_text(apr_array_header_t *out, apr_size_t *len)
{
    *len = out->nelts;
    *(char *)apr_array_push(out) = '\0';
    out->nelts--;
    return out->elts;
}

pt_csv_errors *pt_csv_errors_new(apr_pool_t *p, int max)
{
    pt_csv_errors *e = apr_pcalloc(p, sizeof(*e));
    e->pool = p;
    e->max = max;
    e->kept = apr_array_make(p, max < 64 ? max + 1 : 64, sizeof(const char *));
    return e;
}

void pt_csv_error(pt_csv_errors *e, int line, const char *column, const char *msg)
{
    if (++e->count > e->max) {
        return;                /* counted only: nothing built for it */
    }
    *(const char **)apr_array_push(e->kept) =
        column ? apr_psprintf(e->pool, "ligne %d, colonne %s : %s", line, column, msg)
               : line > 0 ? apr_psprintf(e->pool, "ligne %d : %s", line, msg)
                          : apr_pstrdup(e->pool, msg);
}

const char *pt_csv_errors_text(const pt_csv_errors *e, apr_pool_t *p, const char *sep)
{
    int more = e->count - e->kept->nelts;
    apr_array_header_t *parts = apr_array_make(p, 2 * e->kept->nelts + 1, sizeof(const char *));
    int i;
    for (i = 0; i < e->kept->nelts; i++) {
        *(const char **)apr_array_push(parts) = APR_ARRAY_IDX(e->kept, i, const char *);
        if (i + 1 < e->kept->nelts || more > 0) {
            *(const char **)apr_array_push(parts) = sep;
        }
    }
    if (more > 0) {
        *(const char **)apr_array_push(parts) =
            apr_psprintf(p, "et %d autre%s erreur%s", more, more > 1 ? "s" : "",
                         more > 1 ? "s" : "");
    }
    return apr_array_pstrcat(p, parts, '\0');
}
