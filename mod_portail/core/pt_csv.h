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

/* The byte order mark a CSV export starts with. */
#define PT_CSV_BOM "\xEF\xBB\xBF"

/* Append one record (n cells, NULL as empty) to `out`, ending with CRLF. */
void pt_csv_write(apr_array_header_t *out, char sep, int n, const char *const *cells);

/* The text of an array of chars built by pt_csv_write. */
const char *pt_csv_text(apr_array_header_t *out, apr_size_t *len);

#endif
