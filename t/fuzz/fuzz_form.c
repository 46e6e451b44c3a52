/* fuzz_form — the urlencoded parser (core/pt_form.c): every POST body and query string.
 * Properties: no memory error; every parsed name and value is valid text without NUL;
 * escaping then unescaping gives the string back. */
#include <apr_strings.h>
#include <apr_tables.h>
#include "fuzz.h"
#include "core/pt_form.h"
#include "core/pt_xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p;
    apr_table_t *fields = NULL;
    const char *s;
    int rv;

    apr_pool_create(&p, fuzz_root);
    rv = pt_form_parse(p, (const char *)data, size, 500, &fields);
    if (rv == PT_FORM_OK) {
        const apr_array_header_t *a = apr_table_elts(fields);
        const apr_table_entry_t *e = (const apr_table_entry_t *)a->elts;
        int i;
        for (i = 0; i < a->nelts; i++) {
            FUZZ_CHECK(pt_xml_text_ok(e[i].key, strlen(e[i].key)));
            FUZZ_CHECK(pt_xml_text_ok(e[i].val, strlen(e[i].val)));
        }
        FUZZ_CHECK(a->nelts <= 500);
        (void)pt_form_get(fields, "a");
        FUZZ_CHECK(strlen(pt_form_weekdays(p, fields, "j")) == 7);
    }
    else {
        FUZZ_CHECK(rv == PT_FORM_TOO_MANY || rv == PT_FORM_REPEATED || rv == PT_FORM_BAD_UTF8
                   || rv == PT_FORM_BAD_ESCAPE);
    }
    (void)pt_form_unescape(p, (const char *)data, size);
    s = fuzz_string(p, data, size);
    {
        const char *e = pt_form_escape(p, s);
        const char *back = pt_form_unescape(p, e, strlen(e));
        FUZZ_CHECK(back && strcmp(back, s) == 0);
    }
    apr_pool_destroy(p);
    return 0;
}
