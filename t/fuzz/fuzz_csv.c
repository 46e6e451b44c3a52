/* fuzz_csv — the CSV reader (core/pt_csv.c) of the agents' imports (closures, families):
 * files typed by hand in a spreadsheet.  The first byte picks the separator.
 * Properties: no memory error; an error names its line and a reason; records are valid
 * text, in increasing line order; writing the records back does not fail. */
#include <apr_strings.h>
#include <apr_tables.h>
#include "fuzz.h"
#include "core/pt_csv.h"
#include "core/pt_xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p;
    apr_array_header_t *recs = NULL;
    int err_line = -1, i, j, last = 0;
    const char *why = NULL;
    char sep;

    if (size == 0) {
        return 0;
    }
    sep = data[0] & 1 ? ';' : ',';
    apr_pool_create(&p, fuzz_root);
    if (pt_csv_parse(p, (const char *)data + 1, size - 1, sep, &recs, &err_line, &why) != 0) {
        FUZZ_CHECK(why && *why && err_line >= 0);
    }
    else {
        apr_array_header_t *out = apr_array_make(p, 256, 1);
        apr_size_t len;
        for (i = 0; i < recs->nelts; i++) {
            const pt_csv_record *r = &APR_ARRAY_IDX(recs, i, pt_csv_record);
            FUZZ_CHECK(r->line > last && r->n >= 1);
            last = r->line;
            for (j = 0; j < r->n; j++) {
                FUZZ_CHECK(pt_xml_text_ok(r->fields[j], strlen(r->fields[j])));
            }
            pt_csv_write(out, sep, r->n, r->fields);
        }
        (void)pt_csv_text(out, &len);
    }
    apr_pool_destroy(p);
    return 0;
}
