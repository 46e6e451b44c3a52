/* The XML builder escapes everything by construction. */
#include <string.h>
#include "unit.h"
#include "core/pt_xml.h"

START_TEST(xml_escapes_text_and_attributes)
{
    pt_doc *doc = pt_xml_doc(unit_pool, "page");
    pt_node *n = pt_xml_elem(pt_xml_root(doc), "title", "<script>alert(1)</script> & co");
    apr_size_t len = 0;
    const char *out;
    pt_xml_attr(n, "q", "\"quoted\" <a>");
    pt_xml_attr(n, "absent", NULL);
    out = pt_xml_serialize(unit_pool, doc, &len);
    ck_assert_ptr_nonnull(strstr(out, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
    ck_assert_ptr_nonnull(strstr(out, "q=\"&quot;quoted&quot; &lt;a&gt;\""));
    ck_assert_ptr_null(strstr(out, "absent"));
    ck_assert_uint_eq(len, strlen(out));
}
END_TEST

START_TEST(xml_rows_become_elements)
{
    pt_doc *doc = pt_xml_doc(unit_pool, "page");
    const char *names[] = { "id", "title", "body" };
    const char *r0[] = { "1", "Cantine", "Menu & repas" };
    const char *r1[] = { "2", NULL, "x" };
    const char **vals[] = { r0, r1 };
    pt_rows rows = { 2, 3, names, vals };
    const char *const as_text[] = { "body", NULL };
    apr_size_t len;
    const char *out;
    pt_xml_rows(pt_xml_root(doc), "item", &rows, as_text);
    out = pt_xml_serialize(unit_pool, doc, &len);
    ck_assert_ptr_nonnull(strstr(out, "<item id=\"1\" title=\"Cantine\"><body>Menu &amp; repas</body></item>"));
    ck_assert_ptr_nonnull(strstr(out, "<item id=\"2\"><body>x</body></item>"));
}
END_TEST

/* A day or an hour reaches the stylesheets written the French way beside its ISO value. */
START_TEST(xml_days_and_hours_in_french)
{
    pt_doc *doc = pt_xml_doc(unit_pool, "page");
    pt_node *n = pt_xml_root(doc);
    apr_size_t len;
    const char *out;
    pt_xml_attr(n, "day", "2026-12-03");
    pt_xml_attr(n, "start_time", "11:30");
    pt_xml_attr(n, "label", "2026-13-45");
    out = pt_xml_serialize(unit_pool, doc, &len);
    ck_assert_ptr_nonnull(strstr(out, "day_fr=\"jeudi 3 décembre 2026\""));
    ck_assert_ptr_nonnull(strstr(out, "day_num=\"03/12/2026\""));
    ck_assert_ptr_nonnull(strstr(out, "start_time_fr=\"11 h 30\""));
    ck_assert_ptr_null(strstr(out, "label_fr"));
}
END_TEST

/* A node being built gets the same attributes, French writings included, whether they are
 * added with or without looking for one to replace; pt_xml_attr still replaces. */
START_TEST(xml_new_attributes_are_the_same)
{
    pt_doc *doc = pt_xml_doc(unit_pool, "page");
    pt_node *a = pt_xml_elem(pt_xml_root(doc), "creneau", NULL);
    pt_node *b = pt_xml_elem(pt_xml_root(doc), "creneau", NULL);
    apr_size_t len;
    const char *out, *sa, *sb;
    pt_xml_attr(a, "day", "2026-12-03");
    pt_xml_attr(a, "debut", "11:30");
    pt_xml_attr(a, "nom", "Tom & \"Jerry\"");
    pt_xml_attr(a, "absent", NULL);
    pt_xml_attr_new(b, "day", "2026-12-03");
    pt_xml_attr_new(b, "debut", "11:30");
    pt_xml_attr_new(b, "nom", "Tom & \"Jerry\"");
    pt_xml_attr_new(b, "absent", NULL);
    out = pt_xml_serialize(unit_pool, doc, &len);
    sa = strstr(out, "<creneau");
    sb = strstr(sa + 1, "<creneau");
    ck_assert_ptr_nonnull(sb);
    ck_assert(strncmp(sa, sb, (size_t)(sb - sa)) == 0);
    ck_assert_ptr_nonnull(strstr(sb, "day=\"2026-12-03\" day_fr=\"jeudi 3 décembre 2026\" day_num=\"03/12/2026\" debut=\"11:30\" debut_fr=\"11 h 30\" nom=\"Tom &amp; &quot;Jerry&quot;\"/>"));
    pt_xml_attr(b, "nom", "Ada");
    out = pt_xml_serialize(unit_pool, doc, &len);
    ck_assert_ptr_nonnull(strstr(out, "debut_fr=\"11 h 30\" nom=\"Ada\"/>"));
}
END_TEST

START_TEST(text_ok_checks_utf8_and_controls)
{
    ck_assert(pt_xml_text_ok("Éloïse\t\n", strlen("Éloïse\t\n")));
    ck_assert(pt_xml_text_ok("😀", 4));
    ck_assert(!pt_xml_text_ok("\x01", 1));
    ck_assert(!pt_xml_text_ok("\xC3", 1));
    ck_assert(!pt_xml_text_ok("\xEF\xBF\xBE", 3));     /* U+FFFE */
    ck_assert(!pt_xml_text_ok("\xF4\x90\x80\x80", 4)); /* > U+10FFFF */
}
END_TEST

/* A news text: paragraphs, line breaks and links as elements; anything else is text. */
START_TEST(xml_plain_text_paragraphs_links)
{
    pt_doc *doc = pt_xml_doc(unit_pool, "page");
    apr_size_t len;
    const char *out;
    pt_node *t;
    pt_xml_plain_text(pt_xml_root(doc), "texte",
                      "Menus : https://ville.fr/menus?m=12&a=1.\r\nVoir (www.ville.fr/cantine).\n"
                      "  \n\n<script>alert(1)</script> javascript:alert(1) mail@www.x.fr\n\n"
                      "http://  et https://a.fr/b_(c) fin", 0);
    out = pt_xml_serialize(unit_pool, doc, &len);
    ck_assert_ptr_nonnull(strstr(out, "<texte><p>Menus : <lien href=\"https://ville.fr/menus?m=12&amp;a=1\">"
                                      "https://ville.fr/menus?m=12&amp;a=1</lien>.<br/>Voir ("
                                      "<lien href=\"https://www.ville.fr/cantine\">www.ville.fr/cantine</lien>).</p>"));
    ck_assert_ptr_nonnull(strstr(out, "<p>&lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(1) mail@www.x.fr</p>"));
    ck_assert_ptr_nonnull(strstr(out, "<p>http://  et <lien href=\"https://a.fr/b_(c)\">https://a.fr/b_(c)</lien> fin</p></texte>"));
    t = pt_xml_plain_text(pt_xml_root(doc), "extrait", "Un.\nDeux.\n\nTrois.", 1);
    ck_assert_ptr_nonnull(t);
    out = pt_xml_serialize(unit_pool, doc, &len);
    ck_assert_ptr_nonnull(strstr(out, "<extrait suite=\"1\"><p>Un.<br/>Deux.</p></extrait>"));
    pt_xml_plain_text(pt_xml_root(doc), "vide", "\n \n", 1);
    out = pt_xml_serialize(unit_pool, doc, &len);
    ck_assert_ptr_nonnull(strstr(out, "<vide/>"));
}
END_TEST

Suite *unit_xml_suite(void)
{
    Suite *s = suite_create("xml");
    TCase *tc = tcase_create("xml");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, xml_escapes_text_and_attributes);
    tcase_add_test(tc, xml_rows_become_elements);
    tcase_add_test(tc, text_ok_checks_utf8_and_controls);
    tcase_add_test(tc, xml_days_and_hours_in_french);
    tcase_add_test(tc, xml_plain_text_paragraphs_links);
    tcase_add_test(tc, xml_new_attributes_are_the_same);
    suite_add_tcase(s, tc);
    return s;
}
