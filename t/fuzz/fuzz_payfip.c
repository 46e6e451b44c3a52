/* fuzz_payfip — PayFiP's SOAP answers (core/pt_payfip.c), read by libxml2: what the web
 * service (or whoever answers in its place) sends back.  The first byte picks the call.
 * Properties: no memory error; an answer is either read (an idOp; a detail whose result
 * is one of P V R Z A) or refused with a reason. */
#include <string.h>
#include <apr_strings.h>
#include "fuzz.h"
#include "core/pt_payfip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p;
    const char *error = NULL, *idop = NULL;
    pt_payfip_detail d;
    int rv;
    if (size == 0) {
        return 0;
    }
    apr_pool_create(&p, fuzz_root);
    if (data[0] & 1) {
        rv = pt_payfip_parse_creer(p, (const char *)data + 1, size - 1, &idop, &error);
        FUZZ_CHECK(rv == PT_DB_OK ? idop && *idop : error && *error);
    }
    else {
        rv = pt_payfip_parse_detail(p, (const char *)data + 1, size - 1, &d, &error);
        FUZZ_CHECK(rv == PT_DB_OK ? d.resultrans && strchr("PVRZA", d.resultrans[0])
                                  : error && *error);
    }
    apr_pool_destroy(p);
    return 0;
}
