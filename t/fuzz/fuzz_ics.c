/* fuzz_ics — the iCalendar writer (core/pt_ics.c): it reads no outside input, but writes
 * names typed by families and agents (children, activities, places) into folded lines.
 * The input gives the calendar name, the summary and the location, one a line (the uid
 * is the portal's own).
 * Properties: no memory error; every physical line ends with CRLF, holds at most 75
 * octets and no bare CR or LF; a continuation line starts with a space. */
#include <apr_strings.h>
#include "fuzz.h"
#include "core/pt_ics.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p;
    const char *f[3], *text, *line;
    apr_size_t len;
    pt_ics *c;

    apr_pool_create(&p, fuzz_root);
    fuzz_split(p, data, size, 3, f);
    c = pt_ics_new(p, f[0]);
    pt_ics_event(c, "resa-12-2026-12-03@demo.portail.fr", 1795000000LL, "2026-12-03", "08:30",
                 "11:45", f[1], f[2]);
    pt_ics_event(c, "resa-13-2027-03-28@demo.portail.fr", 0, "2027-03-28", "02:00", "03:00",
                 f[2], "");
    text = pt_ics_text(c, &len);
    FUZZ_CHECK(strlen(text) == len);
    for (line = text; *line; ) {
        const char *crlf = strstr(line, "\r\n");
        FUZZ_CHECK(crlf != NULL);
        FUZZ_CHECK(crlf - line <= 75);
        FUZZ_CHECK(memchr(line, '\n', (size_t)(crlf - line)) == NULL);
        FUZZ_CHECK(memchr(line, '\r', (size_t)(crlf - line)) == NULL);
        FUZZ_CHECK(line == text || *line == ' ' || (*line >= 'A' && *line <= 'Z'));
        line = crlf + 2;
    }
    apr_pool_destroy(p);
    return 0;
}
