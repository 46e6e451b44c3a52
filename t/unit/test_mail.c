/* Mail composition: headers a mail client reads right, whatever the accents. */
#include <string.h>
#include "unit.h"
#include "core/pt_mail.h"

START_TEST(header_plain_ascii_unchanged)
{
    ck_assert_str_eq(pt_mail_header_text(unit_pool, "Portail Famille"), "Portail Famille");
}
END_TEST

START_TEST(header_utf8_encoded_words)
{
    const char *h = pt_mail_header_text(unit_pool, "Réservation acceptée");
    ck_assert_str_eq(h, "=?UTF-8?B?UsOpc2VydmF0aW9uIGFjY2VwdMOpZQ==?=");
}
END_TEST

START_TEST(header_long_utf8_folded_between_characters)
{
    const char *subject = "Votre demande de pré-inscription à l'accueil périscolaire a été acceptée";
    const char *h = pt_mail_header_text(unit_pool, subject);
    ck_assert_ptr_nonnull(strstr(h, "?=\r\n =?UTF-8?B?"));
    /* each encoded word stays within 75 characters */
    for (const char *w = h; w; w = strstr(w + 1, "=?UTF-8")) {
        const char *end = strstr(w, "?=");
        ck_assert_int_le(end - w + 2, 75);
    }
}
END_TEST

START_TEST(address_of_mailbox)
{
    ck_assert_str_eq(pt_mail_address(unit_pool, "Mairie <portail@ville.fr>"), "portail@ville.fr");
    ck_assert_str_eq(pt_mail_address(unit_pool, "portail@ville.fr"), "portail@ville.fr");
}
END_TEST

START_TEST(compose_has_headers_and_parts)
{
    pt_mail_parts parts = { "Essai é", "Ligne 1\nLigne 2\n", "<p>Bonjour</p>" };
    apr_size_t len = 0;
    const char *m = pt_mail_compose(unit_pool, "Mairie de Démo <portail@demo.fr>", "a@b.fr",
                                    &parts, apr_time_from_sec(1795476600), "id1", &len);
    ck_assert_uint_eq(len, strlen(m));
    ck_assert_ptr_nonnull(strstr(m, "From: =?UTF-8?B?"));
    ck_assert_ptr_nonnull(strstr(m, "<portail@demo.fr>\r\n"));
    ck_assert_ptr_nonnull(strstr(m, "To: <a@b.fr>\r\n"));
    ck_assert_ptr_nonnull(strstr(m, "Date: Mon, 23 Nov 2026 23:30:00 GMT\r\n"));
    ck_assert_ptr_nonnull(strstr(m, "Message-ID: <id1@demo.fr>\r\n"));
    ck_assert_ptr_nonnull(strstr(m, "multipart/alternative"));
    ck_assert_ptr_nonnull(strstr(m, "text/plain; charset=UTF-8"));
    ck_assert_ptr_nonnull(strstr(m, "text/html; charset=UTF-8"));
    /* "Ligne 1\r\nLigne 2\r\n" in base64 */
    ck_assert_ptr_nonnull(strstr(m, "TGlnbmUgMQ0KTGlnbmUgMg0K"));
}
END_TEST

START_TEST(retry_backs_off_then_gives_up)
{
    ck_assert_int_eq(pt_mail_retry_delay(1), 60);
    ck_assert_int_gt(pt_mail_retry_delay(2), pt_mail_retry_delay(1));
    ck_assert_int_gt(pt_mail_retry_delay(7), pt_mail_retry_delay(6));
    ck_assert_int_eq(pt_mail_retry_delay(8), 0);
}
END_TEST

/* Found by t/fuzz/fuzz_mail: 45 bytes that start no UTF-8 character made the encoded
 * words loop forever, growing until memory ran out.  Now cut anyway. */
START_TEST(header_ends_on_bytes_that_are_not_utf8)
{
    char bad[201];
    const char *h;
    memset(bad, 0x81, 200);
    bad[200] = '\0';
    h = pt_mail_header_text(unit_pool, bad);
    ck_assert_ptr_nonnull(h);
    ck_assert_ptr_nonnull(strstr(h, "=?UTF-8?B?"));
}
END_TEST

Suite *unit_mail_suite(void)
{
    Suite *s = suite_create("mail");
    TCase *tc = tcase_create("mail");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, header_plain_ascii_unchanged);
    tcase_add_test(tc, header_utf8_encoded_words);
    tcase_add_test(tc, header_long_utf8_folded_between_characters);
    tcase_add_test(tc, address_of_mailbox);
    tcase_add_test(tc, compose_has_headers_and_parts);
    tcase_add_test(tc, retry_backs_off_then_gives_up);
    tcase_add_test(tc, header_ends_on_bytes_that_are_not_utf8);
    suite_add_tcase(s, tc);
    return s;
}
