/* iCalendar output: folding at 75 octets without cutting UTF-8, escaping, CRLF. */
#include <string.h>
#include "unit.h"
#include "core/pt_ics.h"

START_TEST(lines_are_folded_escaped_and_end_with_crlf)
{
    pt_ics *c = pt_ics_new(unit_pool, "Planning, famille; « test »");
    apr_size_t len, i, line = 0;
    const char *text, *s;
    pt_ics_event(c, "reservation-1@exemple.fr", 1795500000, "2027-03-01", "16:30", "18:00",
                 "Éloïse — Accueil périscolaire du soir avec un nom d'activité très très long",
                 "École\nJules-Ferry");
    text = pt_ics_text(c, &len);
    ck_assert_uint_eq(strlen(text), len);
    ck_assert_ptr_nonnull(strstr(text, "X-WR-CALNAME:Planning\\, famille\\; « test »\r\n"));
    ck_assert_ptr_nonnull(strstr(text, "DTSTART;TZID=Europe/Paris:20270301T163000\r\n"));
    ck_assert_ptr_nonnull(strstr(text, "DTSTAMP:20261124T060000Z\r\n"));
    ck_assert_ptr_nonnull(strstr(text, "LOCATION:École\\nJules-Ferry\r\n"));
    ck_assert_ptr_nonnull(strstr(text, "\r\nEND:VCALENDAR\r\n"));
    for (i = 0; i < len; i++) {
        if (text[i] == '\n') {
            ck_assert_msg(i > 0 && text[i - 1] == '\r', "a bare LF at %u", (unsigned)i);
            ck_assert_msg(line <= 76, "a line of %u octets", (unsigned)line);
            line = 0;
            /* a continuation line never starts inside a UTF-8 character */
            if (i + 2 < len && text[i + 1] == ' ') {
                ck_assert(((unsigned char)text[i + 2] & 0xC0) != 0x80);
            }
        }
        else {
            line++;
        }
    }
    s = strstr(text, "SUMMARY:");
    ck_assert_ptr_nonnull(strstr(s, "\r\n "));                 /* the long summary is folded */
}
END_TEST

/* Found by t/fuzz/fuzz_ics: 75 bytes that start no UTF-8 character made the folding
 * loop forever.  Now cut anyway. */
START_TEST(folding_ends_on_bytes_that_are_not_utf8)
{
    char bad[301];
    pt_ics *c = pt_ics_new(unit_pool, "Planning");
    apr_size_t len;
    const char *text;
    memset(bad, 0x80, 300);
    bad[300] = '\0';
    pt_ics_event(c, "u@x", 0, "2026-12-03", "08:30", "11:45", bad, NULL);
    text = pt_ics_text(c, &len);
    ck_assert_ptr_nonnull(strstr(text, "\r\nEND:VCALENDAR\r\n"));
}
END_TEST

Suite *unit_ics_suite(void)
{
    Suite *s = suite_create("ics");
    TCase *tc = tcase_create("ics");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, lines_are_folded_escaped_and_end_with_crlf);
    tcase_add_test(tc, folding_ends_on_bytes_that_are_not_utf8);
    suite_add_tcase(s, tc);
    return s;
}
