/* pt_csv — the CSV files agents exchange with spreadsheets.
 *
 * French spreadsheets write « ; » between fields (the comma is the decimal mark), quote
 * with « " » and may start the file with a UTF-8 byte order mark.  Reading keeps each
 * record's line number, so every error can say « ligne N ».  Writing produces what a
 * French spreadsheet opens correctly: BOM, « ; », CRLF, and cells that would start a
 * formula made inert.
 */
#ifndef PT_CSV_H
#define PT_CSV_H

#include <apr_pools.h>
#include <apr_tables.h>

typedef struct pt_csv_record {
    int line;                  /* line number of the record's first line, from 1 */
    int n;                     /* number of fields */
    const char **fields;
} pt_csv_record;

/* Parse data into an array of pt_csv_record (blank lines skipped).  On a malformed file
 * (quote not closed, text after a closing quote, invalid UTF-8, NUL byte) returns -1 with
 * *err_line and *why (French) set; else 0. */
int pt_csv_parse(apr_pool_t *p, const char *data, apr_size_t len, char sep,
                 apr_array_header_t **records, int *err_line, const char **why);

/* The errors of an import, reported one way by the agents' screens and by portail-ctl:
 * every error counted, the first `max` kept as « ligne N[, colonne C] : message », the
 * rest summed up (« … et 480 autres erreurs »).  Memory and time stay linear whatever
 * the number of bad lines. */
typedef struct pt_csv_errors {
    apr_pool_t *pool;
    int max;                   /* errors kept in full */
    int count;                 /* every error */
    apr_array_header_t *kept;  /* const char *, the first max */
} pt_csv_errors;

pt_csv_errors *pt_csv_errors_new(apr_pool_t *p, int max);
/* Count one error of `line` (0: the whole file), `column` may be NULL. */
void pt_csv_error(pt_csv_errors *e, int line, const char *column, const char *msg);
/* The kept errors joined by `sep`, then « sep et N autre(s) erreur(s) » if some were not
 * kept; "" when there is none. */
const char *pt_csv_errors_text(const pt_csv_errors *e, apr_pool_t *p, const char *sep);

/* The byte order mark a CSV export starts with. */
#define PT_CSV_BOM "\xEF\xBB\xBF"

/* A new CSV export: an array of chars holding the byte order mark, for pt_csv_write. */
apr_array_header_t *pt_csv_new(apr_pool_t *p);

/* Append one record (n cells, NULL as empty) to `out`, ending with CRLF. */
void pt_csv_write(apr_array_header_t *out, char sep, int n, const char *const *cells);

/* The text of an array of chars built by pt_csv_write. */
const char *pt_csv_text(apr_array_header_t *out, apr_size_t *len);

#endif
