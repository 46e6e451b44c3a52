/* mentions.c — the legal pages every page's footer links to, public:
 *   /portail/mentions-legales  the legal notice (publisher, host, personal data, cookies);
 *   /portail/accessibilite     the accessibility statement the RGAA requires (conformity
 *                              status, non-conformities and derogations, contact, the
 *                              Défenseur des droits).
 * The webmaster gives their text with PortailLegalNotice / PortailAccessibility (a text or
 * a file: paragraphs separated by a blank line, « # » starting a heading); without it the
 * stylesheet writes a default text in the town's name (xslt/i18n/fr.xml). */
#include <string.h>
#include <apr_strings.h>
#include "screens/screens.h"

/* The configured text as <bloc type="titre|paragraphe"> elements. */
static void portail_mentions_blocks(pt_req *rq, pt_node *screen, const char *text)
{
    const char *s = text;
    if (!text) {
        pt_xml_attr(screen, "defaut", "1");
        return;
    }
    while (*s) {
        const char *end = strstr(s, "\n\n"), *crlf = strstr(s, "\r\n\r\n");
        size_t n;
        char *block;
        if (crlf && (!end || crlf < end)) {
            end = crlf;
        }
        n = end ? (size_t)(end - s) : strlen(s);
        block = apr_pstrmemdup(rq->pool, s, n);
        while (*block == '\n' || *block == '\r' || *block == ' ') {
            block++;
        }
        if (*block == '#') {
            pt_node *b;
            while (*block == '#' || *block == ' ') {
                block++;
            }
            b = pt_xml_elem(screen, "bloc", block);
            pt_xml_attr(b, "type", "titre");
        }
        else if (*block) {
            pt_xml_attr(pt_xml_elem(screen, "bloc", block), "type", "paragraphe");
        }
        s += n;
        while (*s == '\n' || *s == '\r') {
            s++;
        }
    }
}

int portail_mentions_legales_get(pt_req *rq)
{
    portail_mentions_blocks(rq, pt_req_screen(rq, "mentions-legales"), rq->site->legal_notice);
    return 200;
}

int portail_accessibilite_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "accessibilite");
    pt_xml_attr(screen, "contact", rq->site->mail_from);
    portail_mentions_blocks(rq, screen, rq->site->accessibility);
    return 200;
}
