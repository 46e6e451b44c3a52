/* fuzz_texte — an agent's plain text (a news) made into paragraphs, line breaks and links
 * (pt_xml_plain_text, core/pt_xml.c), what every home page and news page shows.
 * Properties: no memory error; only <p>, <br> and <lien> are made; a link's href starts
 * with http:// or https:// and is its text (or https:// + its text for www.), without
 * space or a character that could leave an attribute; the text kept is no longer than
 * the input; the document serializes. */
#include <strings.h>
#include <apr_strings.h>
#include <libxml/tree.h>
#include "fuzz.h"
#include "core/pt_xml.h"

static size_t fuzz_texte_walk(xmlNodePtr n)
{
    size_t len = 0;
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE) {
            len += strlen((const char *)n->content);
            continue;
        }
        FUZZ_CHECK(n->type == XML_ELEMENT_NODE);
        FUZZ_CHECK(!strcmp((const char *)n->name, "p") || !strcmp((const char *)n->name, "br")
                   || !strcmp((const char *)n->name, "lien"));
        if (!strcmp((const char *)n->name, "lien")) {
            xmlChar *href = xmlGetProp(n, BAD_CAST "href");
            xmlChar *text = xmlNodeGetContent(n);
            const char *h = (const char *)href, *t = (const char *)text;
            FUZZ_CHECK(h && t && *t);
            FUZZ_CHECK(!strncasecmp(h, "http://", 7) || !strncasecmp(h, "https://", 8));
            FUZZ_CHECK(!strcmp(h, t) || (!strncmp(h, "https://", 8) && !strcmp(h + 8, t)));
            FUZZ_CHECK(strcspn(h, " \t\r\n<>\"`") == strlen(h));
            xmlFree(href);
            xmlFree(text);
        }
        len += fuzz_texte_walk(n->children);
    }
    return len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p;
    const char *in, *out;
    pt_doc *doc;
    pt_node *t;
    apr_size_t len;

    apr_pool_create(&p, fuzz_root);
    in = fuzz_string(p, data, size);
    /* The screen refuses what is not valid text before it gets there. */
    if (pt_xml_text_ok(in, strlen(in))) {
        doc = pt_xml_doc(p, "page");
        t = pt_xml_plain_text(pt_xml_root(doc), "texte", in, size % 3);
        FUZZ_CHECK(t != NULL);
        FUZZ_CHECK(fuzz_texte_walk(t->children) <= strlen(in));
        out = pt_xml_serialize(p, doc, &len);
        FUZZ_CHECK(out && len > 0);
    }
    apr_pool_destroy(p);
    return 0;
}
