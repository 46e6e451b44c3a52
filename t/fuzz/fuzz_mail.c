/* fuzz_mail — what goes into a mail's headers (core/pt_mail.c): the From of the
 * configuration, the recipient typed at sign-up, the subject made from names typed by
 * families.  (SMTP replies are read by libcurl, not by the portal.)  The input gives
 * from, to, subject, text and HTML, one a line; the recipient is kept only if the
 * portal's own check of an address (pt_account_normalize_email) takes it, as at sign-up,
 * and From holds no control character (a line of the Apache configuration).
 * Properties: no memory error; no header can be injected: every line of the header block
 * is one of the headers the portal writes or a folded continuation; ends with CRLF. */
#include <apr_strings.h>
#include "fuzz.h"
#include "core/pt_mail.h"
#include "core/pt_account.h"

static int fuzz_mail_known(const char *l)
{
    static const char *const known[] = { "From: ", "To: ", "Subject: ", "Date: ",
                                         "Message-ID: ", "MIME-Version: ", "Content-Type: ",
                                         "Content-Transfer-Encoding: ", "Auto-Submitted: ", NULL };
    const char *const *k;
    if (*l == ' ' || *l == '\t') {
        return 1;
    }
    for (k = known; *k; k++) {
        if (strncmp(l, *k, strlen(*k)) == 0) {
            return 1;
        }
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p;
    const char *f[5], *msg, *l, *end;
    pt_mail_parts parts;
    apr_size_t len;

    apr_pool_create(&p, fuzz_root);
    fuzz_split(p, data, size, 5, f);
    f[1] = pt_account_normalize_email(p, f[1]);
    for (l = f[0]; *l && (unsigned char)*l >= 0x20; l++) {
    }
    if (!f[1] || *l) {
        apr_pool_destroy(p);
        return 0;
    }
    (void)pt_mail_address(p, f[0]);
    (void)pt_mail_header_text(p, f[2]);
    parts.subject = f[2];
    parts.text = f[3];
    parts.html = *f[4] ? f[4] : NULL;
    msg = pt_mail_compose(p, f[0], f[1], &parts, APR_USEC_PER_SEC * 1795000000LL,
                          "portail.1.fuzz", &len);
    FUZZ_CHECK(msg && strlen(msg) == len);
    end = strstr(msg, "\r\n\r\n");
    FUZZ_CHECK(end != NULL);
    for (l = msg; l < end; ) {
        const char *crlf = strstr(l, "\r\n");
        FUZZ_CHECK(fuzz_mail_known(l));
        FUZZ_CHECK(memchr(l, '\n', (size_t)(crlf - l)) == NULL);
        FUZZ_CHECK(memchr(l, '\r', (size_t)(crlf - l)) == NULL);
        l = crlf + 2;
    }
    apr_pool_destroy(p);
    return 0;
}
