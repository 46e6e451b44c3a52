/* fuzz_cookie — the Cookie request header (core/pt_form.c pt_form_cookie), read on every
 * request for the session, the anonymous CSRF token and the flash message.
 * Properties: no memory error; a value found lies inside the header and holds no « ; ». */
#include <apr_strings.h>
#include "fuzz.h"
#include "core/pt_form.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = { "portail_session", "portail_anon", "portail_message",
                                         "a", "" };
    apr_pool_t *p;
    const char *header;
    size_t i;

    apr_pool_create(&p, fuzz_root);
    header = fuzz_string(p, data, size);
    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        const char *v = pt_form_cookie(p, header, names[i]);
        if (v) {
            FUZZ_CHECK(strchr(v, ';') == NULL);
            FUZZ_CHECK(strstr(header, v) != NULL);
        }
    }
    FUZZ_CHECK(pt_form_cookie(p, NULL, "a") == NULL);
    apr_pool_destroy(p);
    return 0;
}
