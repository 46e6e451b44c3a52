/* PayFiP's SOAP texts (core/pt_payfip.c): the requests as PayFiP's WSDL has them, its
 * answers and faults read by libxml2 (never by searching the text), refdet made valid. */
#include <string.h>
#include <apr_strings.h>
#include "unit.h"
#include "core/pt_payfip.h"

#define ENV_OPEN "<?xml version=\"1.0\"?><S:Envelope " \
    "xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>"
#define ENV_CLOSE "</S:Body></S:Envelope>"

START_TEST(request_is_escaped_and_unqualified)
{
    pt_payfip_creer c = { "123456", "2026", "2026CANTF000012", "Facture <a&b>", "m@x.fr",
                          "https://v.fr/portail/payfip/notification",
                          "https://v.fr/portail/famille/paiement/retour", "T", 4250 };
    const char *x = pt_payfip_creer_xml(unit_pool, &c);
    ck_assert_ptr_nonnull(strstr(x, "<pai:creerPaiementSecurise><arg0><exer>2026</exer>"));
    ck_assert_ptr_nonnull(strstr(x, "<montant>4250</montant>"));
    ck_assert_ptr_nonnull(strstr(x, "<objet>Facture &lt;a&amp;b&gt;</objet>"));
    ck_assert_ptr_nonnull(strstr(pt_payfip_detail_xml(unit_pool, "ab12"),
                                 "<pai:recupererDetailPaiementSecurise><arg0><idOp>ab12</idOp>"));
}
END_TEST

START_TEST(creer_answer_and_fault)
{
    const char *ok = ENV_OPEN "<ns2:creerPaiementSecuriseResponse xmlns:ns2=\"urn:x\">"
                     "<return><idOp>f00d</idOp></return></ns2:creerPaiementSecuriseResponse>"
                     ENV_CLOSE;
    const char *fault = ENV_OPEN "<S:Fault><faultcode>S:Server</faultcode><faultstring>x"
                        "</faultstring><detail><ns2:FonctionnelleErreur xmlns:ns2=\"urn:x\">"
                        "<code>P5</code><libelle>Montant incorrect</libelle>"
                        "</ns2:FonctionnelleErreur></detail></S:Fault>" ENV_CLOSE;
    /* An idOp in a comment or an attribute is not an idOp. */
    const char *fake = ENV_OPEN "<r><return><x idOp=\"evil\"/><!-- <idOp>evil</idOp> -->"
                       "</return></r>" ENV_CLOSE;
    const char *idop, *error;
    ck_assert_int_eq(pt_payfip_parse_creer(unit_pool, ok, strlen(ok), &idop, &error), PT_DB_OK);
    ck_assert_str_eq(idop, "f00d");
    ck_assert_int_eq(pt_payfip_parse_creer(unit_pool, fault, strlen(fault), &idop, &error),
                     PT_PAYFIP_FAULT);
    ck_assert_str_eq(error, "Montant incorrect");
    ck_assert_int_eq(pt_payfip_parse_creer(unit_pool, fake, strlen(fake), &idop, &error),
                     PT_PAYFIP_UNAVAILABLE);
    ck_assert_int_eq(pt_payfip_parse_creer(unit_pool, "<html>", 6, &idop, &error),
                     PT_PAYFIP_UNAVAILABLE);
    ck_assert_int_eq(pt_payfip_parse_creer(unit_pool, "", 0, &idop, &error),
                     PT_PAYFIP_UNAVAILABLE);
}
END_TEST

START_TEST(detail_answer)
{
    const char *ok = ENV_OPEN "<ns2:r xmlns:ns2=\"urn:x\"><return><dattrans>01122026</dattrans>"
                     "<exer>2026</exer><heurtrans>1130</heurtrans><idOp>f00d</idOp>"
                     "<mel>m@x.fr</mel><montant>4250</montant><numauto>123456</numauto>"
                     "<numcli>654321</numcli><objet>o</objet><refdet>R1</refdet>"
                     "<resultrans>V</resultrans><saisie>T</saisie></return></ns2:r>" ENV_CLOSE;
    const char *bad = ENV_OPEN "<r><return><montant>42,50</montant><resultrans>Q</resultrans>"
                      "</return></r>" ENV_CLOSE;
    pt_payfip_detail d;
    const char *error;
    ck_assert_int_eq(pt_payfip_parse_detail(unit_pool, ok, strlen(ok), &d, &error), PT_DB_OK);
    ck_assert_str_eq(d.resultrans, "V");
    ck_assert_int_eq(d.montant, 4250);
    ck_assert_str_eq(d.refdet, "R1");
    ck_assert_str_eq(d.numcli, "654321");
    ck_assert_str_eq(d.numauto, "123456");
    ck_assert_str_eq(d.dattrans, "01122026");
    /* An unknown result is no answer; an amount that is not cents is -1 (never matches). */
    ck_assert_int_eq(pt_payfip_parse_detail(unit_pool, bad, strlen(bad), &d, &error),
                     PT_PAYFIP_UNAVAILABLE);
    ck_assert_int_eq(d.montant, -1);
}
END_TEST

START_TEST(refdet_is_made_valid)
{
    ck_assert_str_eq(pt_payfip_refdet(unit_pool, "2026-CANT-F000012"), "2026CANTF000012");
    /* The last 30 letters and digits: the end tells two invoices apart. */
    ck_assert_str_eq(pt_payfip_refdet(unit_pool, "ABCDEFGHIJ-0123456789-abcdefghij-XYZ"),
                     "DEFGHIJ0123456789abcdefghijXYZ");
    ck_assert_str_eq(pt_payfip_refdet(unit_pool, "É-1"), "1");
    ck_assert_ptr_null(pt_payfip_refdet(unit_pool, "--"));
}
END_TEST

Suite *unit_payfip_suite(void)
{
    Suite *s = suite_create("payfip");
    TCase *tc = tcase_create("soap");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, request_is_escaped_and_unqualified);
    tcase_add_test(tc, creer_answer_and_fault);
    tcase_add_test(tc, detail_answer);
    tcase_add_test(tc, refdet_is_made_valid);
    suite_add_tcase(s, tc);
    return s;
}
