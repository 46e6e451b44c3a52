/* What families type in their file: names, phones, postal codes, communes. */
#include <string.h>
#include "unit.h"
#include "domain/pt_check.h"

typedef const char *(*check_fn)(apr_pool_t *p, const char *typed, const char **why);

/* Each case: typed -> normalized, or NULL when refused (with a reason). */
static void check_table(check_fn fn, const char *const (*cases)[2], size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        const char *why = NULL, *got = fn(unit_pool, cases[i][0], &why);
        if (cases[i][1]) {
            ck_assert_msg(got && !strcmp(got, cases[i][1]), "« %s » -> « %s », not « %s »",
                          cases[i][0], got ? got : "(refusé)", cases[i][1]);
        }
        else {
            ck_assert_msg(!got, "« %s » should be refused, got « %s »", cases[i][0], got);
            ck_assert_ptr_nonnull(why);
        }
    }
}

START_TEST(phones)
{
    static const char *const cases[][2] = {
        { "06 12 34 56 78", "06 12 34 56 78" },
        { "0612345678", "06 12 34 56 78" },
        { "06.12.34.56.78", "06 12 34 56 78" },
        { "+33 6 12 34 56 78", "06 12 34 56 78" },
        { "0033612345678", "06 12 34 56 78" },
        { "+32 2 123 45 67", "+3221234567" },
        { "0012", NULL },
        { "16 12 34 56 78", NULL },
        { "06 12 34 56 7", NULL },
        { "00 12 34 56 78", NULL },
        { "06 12 34 56 78 ext", NULL },
        { "", NULL },
    };
    check_table(pt_check_phone, cases, sizeof(cases) / sizeof(cases[0]));
}
END_TEST

START_TEST(postal_codes)
{
    static const char *const cases[][2] = {
        { "75001", "75001" }, { " 20000 ", "20000" }, { "97400", "97400" }, { "01000", "01000" },
        { "00100", NULL }, { "96000", NULL }, { "99000", NULL }, { "7500", NULL },
        { "750011", NULL }, { "abcde", NULL }, { "", NULL },
    };
    check_table(pt_check_postal_code, cases, sizeof(cases) / sizeof(cases[0]));
}
END_TEST

START_TEST(names_and_communes)
{
    static const char *const names[][2] = {
        { "  Le   Gall ", "Le Gall" }, { "Jean-Éric", "Jean-Éric" }, { "N'Diaye", "N'Diaye" },
        { "O’Neil", "O’Neil" }, { "St. Clair", "St. Clair" },
        { "", NULL }, { "R2D2", NULL }, { "<script>", NULL }, { "Zo\xC3", NULL },
    };
    static const char *const communes[][2] = {
        { "Saint-Étienne", "Saint-Étienne" }, { "L’Haÿ-les-Roses", "L’Haÿ-les-Roses" },
        { "Paris 12", NULL }, { "", NULL },
    };
    char longname[120];
    memset(longname, 'a', sizeof(longname) - 1);
    longname[sizeof(longname) - 1] = '\0';
    check_table(pt_check_name, names, sizeof(names) / sizeof(names[0]));
    check_table(pt_check_commune, communes, sizeof(communes) / sizeof(communes[0]));
    ck_assert_ptr_null(pt_check_name(unit_pool, longname, NULL));
}
END_TEST

START_TEST(texts_and_capitals)
{
    const char *why = NULL;
    ck_assert_str_eq(pt_check_text(unit_pool, "  arachide\nkiwi  ", 100, &why), "arachide\nkiwi");
    ck_assert_str_eq(pt_check_text(unit_pool, "", 100, &why), "");
    ck_assert_ptr_null(pt_check_text(unit_pool, "bip\x07", 100, &why));
    ck_assert_ptr_null(pt_check_text(unit_pool, "trop long", 3, &why));
    ck_assert_str_eq(pt_check_upper(unit_pool, "Bénédicte Lœuf-Müller"), "BÉNÉDICTE LŒUF-MÜLLER");
}
END_TEST

START_TEST(bank_details)
{
    static const char *const ibans[][2] = {
        { "FR7630006000011234567890189", "FR76 3000 6000 0112 3456 7890 189" },
        { "fr76 3000 6000 0112 3456 7890 189", "FR76 3000 6000 0112 3456 7890 189" },
        { "DE89370400440532013000", "DE89 3704 0044 0532 0130 00" },
        { "GB82WEST12345698765432", "GB82 WEST 1234 5698 7654 32" },
        { "BE68539007547034", "BE68 5390 0754 7034" },
        { "FR7630006000011234567890188", NULL },        /* one digit changed */
        { "FR763000600001123456789018", NULL },         /* too short for France */
        { "FRAB30006000011234567890189", NULL },        /* letters as check digits */
        { "FR76-3000/6000", NULL },
        { "", NULL },
    };
    static const char *const bics[][2] = {
        { "agrifrpp", "AGRIFRPP" }, { "AGRI FR PP 882", "AGRIFRPP882" },
        { "AGRIFRP", NULL }, { "12RIFRPP", NULL }, { "AGRIFRPP88", NULL },
    };
    check_table(pt_check_iban, ibans, sizeof(ibans) / sizeof(ibans[0]));
    check_table(pt_check_bic, bics, sizeof(bics) / sizeof(bics[0]));
    ck_assert_str_eq(pt_check_iban_masked(unit_pool, "FR76 3000 6000 0112 3456 7890 189"),
                     "FR76 **** **** **** **** ***0 189");
}
END_TEST

/* Documents are recognised by their bytes; a PDF that would run a script is told apart
 * however its names are written (h16docs). */
START_TEST(files_and_pdf_scripts)
{
    static const char pdf_js[] = "%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript "
                                 "/JS (app.alert(1)) >> >> endobj";
    static const char pdf_escaped[] = "%PDF-1.7\n<< /S /Java#53cript >>";
    static const char pdf_short[] = "%PDF-1.7\n<</JS(x)>>";
    static const char pdf_clean[] = "%PDF-1.7\n1 0 obj << /Type /Catalog /JSON 1 "
                                    "/OpenAction [3 0 R /Fit] >> endobj %/JS in a comment? no";
    ck_assert_str_eq(pt_check_file_kind("%PDF-1.4\n", 9), ".pdf");
    ck_assert_str_eq(pt_check_file_kind("\xFF\xD8\xFF\xE0", 4), ".jpg");
    ck_assert_str_eq(pt_check_file_kind("\x89PNG\r\n\x1A\n", 8), ".png");
    ck_assert_ptr_null(pt_check_file_kind("<html><body>%PDF-", 17));
    ck_assert_ptr_null(pt_check_file_kind("%PD", 3));
    ck_assert_str_eq(pt_check_file_mime(".pdf"), "application/pdf");
    ck_assert_str_eq(pt_check_file_mime(".png"), "image/png");
    ck_assert(pt_check_pdf_script(pdf_js, sizeof(pdf_js) - 1));
    ck_assert(pt_check_pdf_script(pdf_escaped, sizeof(pdf_escaped) - 1));
    ck_assert(pt_check_pdf_script(pdf_short, sizeof(pdf_short) - 1));
    ck_assert(pt_check_pdf_script(pdf_clean, sizeof(pdf_clean) - 1));   /* "%/JS": cautious */
    ck_assert(!pt_check_pdf_script(pdf_clean, sizeof(pdf_clean) - 26));
}
END_TEST

Suite *unit_check_suite(void)
{
    Suite *s = suite_create("check");
    TCase *tc = tcase_create("check");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, phones);
    tcase_add_test(tc, postal_codes);
    tcase_add_test(tc, names_and_communes);
    tcase_add_test(tc, texts_and_capitals);
    tcase_add_test(tc, bank_details);
    tcase_add_test(tc, files_and_pdf_scripts);
    suite_add_tcase(s, tc);
    return s;
}
