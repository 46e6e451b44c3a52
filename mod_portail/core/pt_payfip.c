/* pt_payfip — the SOAP client of PayFiP's two calls (see pt_payfip.h). */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include <apr_lib.h>
#include <curl/curl.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include "core/pt_payfip.h"

#define PT_PAYFIP_NS "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/" \
                     "contrat_paiement_securise/PaiementSecuriseService"
#define PT_PAYFIP_SOAP_NS "http://schemas.xmlsoap.org/soap/envelope/"
/* An answer larger than this is not PayFiP's. */
#define PT_PAYFIP_MAX_ANSWER (256 * 1024)

void pt_payfip_global_init(void)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
}

int pt_payfip_enabled(const pt_payfip_conf *c)
{
    return c && c->service && *c->service && c->page && *c->page;
}

/* ---- the request texts ---------------------------------------------------------------- */

/* <Envelope><Body><pai:operation><arg0>…</arg0></pai:operation></Body></Envelope> built
 * by libxml2 (escaped by construction); returns arg0. */
static xmlNodePtr pt_payfip_envelope(xmlDocPtr *doc, const char *operation)
{
    xmlNodePtr env, body, op;
    xmlNsPtr soap, pai;
    *doc = xmlNewDoc(BAD_CAST "1.0");
    env = xmlNewDocNode(*doc, NULL, BAD_CAST "Envelope", NULL);
    xmlDocSetRootElement(*doc, env);
    soap = xmlNewNs(env, BAD_CAST PT_PAYFIP_SOAP_NS, BAD_CAST "soapenv");
    pai = xmlNewNs(env, BAD_CAST PT_PAYFIP_NS, BAD_CAST "pai");
    xmlSetNs(env, soap);
    body = xmlNewChild(env, soap, BAD_CAST "Body", NULL);
    op = xmlNewChild(body, pai, BAD_CAST operation, NULL);
    /* arg0 and its fields are unqualified, as PayFiP's WSDL has them (xmlNewChild would
     * give them the operation's namespace). */
    return xmlAddChild(op, xmlNewDocNode(*doc, NULL, BAD_CAST "arg0", NULL));
}

static void pt_payfip_field(xmlNodePtr arg, const char *name, const char *value)
{
    xmlNodePtr f = xmlAddChild(arg, xmlNewDocNode(arg->doc, NULL, BAD_CAST name, NULL));
    xmlAddChild(f, xmlNewDocText(arg->doc, BAD_CAST (value ? value : "")));
}

static const char *pt_payfip_dump(apr_pool_t *p, xmlDocPtr doc)
{
    xmlChar *text = NULL;
    int len = 0;
    const char *out;
    xmlDocDumpMemoryEnc(doc, &text, &len, "UTF-8");
    out = apr_pstrmemdup(p, (const char *)text, len);
    xmlFree(text);
    xmlFreeDoc(doc);
    return out;
}

const char *pt_payfip_creer_xml(apr_pool_t *p, const pt_payfip_creer *in)
{
    xmlDocPtr doc;
    xmlNodePtr arg = pt_payfip_envelope(&doc, "creerPaiementSecurise");
    pt_payfip_field(arg, "exer", in->exer);
    pt_payfip_field(arg, "mel", in->mel);
    pt_payfip_field(arg, "montant", pt_db_int(p, (apr_int64_t)in->montant));
    pt_payfip_field(arg, "numcli", in->numcli);
    pt_payfip_field(arg, "objet", in->objet);
    pt_payfip_field(arg, "refdet", in->refdet);
    pt_payfip_field(arg, "saisie", in->saisie);
    pt_payfip_field(arg, "urlnotif", in->urlnotif);
    pt_payfip_field(arg, "urlredirect", in->urlredirect);
    return pt_payfip_dump(p, doc);
}

const char *pt_payfip_detail_xml(apr_pool_t *p, const char *idop)
{
    xmlDocPtr doc;
    xmlNodePtr arg = pt_payfip_envelope(&doc, "recupererDetailPaiementSecurise");
    pt_payfip_field(arg, "idOp", idop);
    return pt_payfip_dump(p, doc);
}

const char *pt_payfip_refdet(apr_pool_t *p, const char *reference)
{
    size_t len = reference ? strlen(reference) : 0, i, n = 0;
    char *buf = apr_palloc(p, len + 1);
    for (i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)reference[i];
        if (ch < 0x80 && apr_isalnum(ch)) {
            buf[n++] = (char)ch;
        }
    }
    buf[n] = '\0';
    /* The last 30: the end of a number is what tells two apart. */
    return n ? buf + (n > 30 ? n - 30 : 0) : NULL;
}

/* ---- the answers ------------------------------------------------------------------------ */

static xmlNodePtr pt_payfip_child(xmlNodePtr n, const char *name)
{
    xmlNodePtr c;
    for (c = n ? n->children : NULL; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, name)) {
            return c;
        }
    }
    return NULL;
}

static xmlNodePtr pt_payfip_first_element(xmlNodePtr n)
{
    xmlNodePtr c;
    for (c = n ? n->children : NULL; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) {
            return c;
        }
    }
    return NULL;
}

/* The first element named `name` under n, at any depth (the detail of a Fault). */
static xmlNodePtr pt_payfip_find(xmlNodePtr n, const char *name)
{
    xmlNodePtr c, f;
    for (c = n ? n->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) {
            continue;
        }
        if (!strcmp((const char *)c->name, name)) {
            return c;
        }
        if ((f = pt_payfip_find(c, name))) {
            return f;
        }
    }
    return NULL;
}

static const char *pt_payfip_text(apr_pool_t *p, xmlNodePtr n)
{
    xmlChar *t;
    const char *s;
    if (!n) {
        return NULL;
    }
    t = xmlNodeGetContent(n);
    s = t ? apr_pstrdup(p, (const char *)t) : NULL;
    xmlFree(t);
    return s;
}

/* Parse a SOAP answer: the `return` element of the Body's response, or a Fault (its
 * libellé, else its faultstring, in *error). */
static int pt_payfip_answer(apr_pool_t *p, const char *xml, apr_size_t len, xmlDocPtr *doc,
                            xmlNodePtr *ret, const char **error)
{
    xmlNodePtr env, body, first;
    *ret = NULL;
    if (!xml || len == 0 || len > PT_PAYFIP_MAX_ANSWER) {
        *error = "réponse vide ou trop longue";
        return PT_PAYFIP_UNAVAILABLE;
    }
    *doc = xmlReadMemory(xml, (int)len, "payfip.xml", NULL,
                         XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    env = *doc ? xmlDocGetRootElement(*doc) : NULL;
    if (!env || strcmp((const char *)env->name, "Envelope")
        || !(body = pt_payfip_child(env, "Body")) || !(first = pt_payfip_first_element(body))) {
        *error = "réponse qui n'est pas une enveloppe SOAP";
        return PT_PAYFIP_UNAVAILABLE;
    }
    if (!strcmp((const char *)first->name, "Fault")) {
        xmlNodePtr why = pt_payfip_find(first, "libelle");
        *error = pt_payfip_text(p, why ? why : pt_payfip_find(first, "faultstring"));
        if (!*error || !**error) {
            *error = "erreur sans libellé";
        }
        return PT_PAYFIP_FAULT;
    }
    if (!(*ret = pt_payfip_child(first, "return"))) {
        *error = "réponse sans élément return";
        return PT_PAYFIP_UNAVAILABLE;
    }
    return PT_DB_OK;
}

int pt_payfip_parse_creer(apr_pool_t *p, const char *xml, apr_size_t len, const char **idop,
                          const char **error)
{
    xmlDocPtr doc = NULL;
    xmlNodePtr ret;
    int rv = pt_payfip_answer(p, xml, len, &doc, &ret, error);
    *idop = NULL;
    if (rv == PT_DB_OK) {
        *idop = pt_payfip_text(p, pt_payfip_child(ret, "idOp"));
        if (!*idop || !**idop || strlen(*idop) > 64) {
            *error = "réponse sans idOp";
            *idop = NULL;
            rv = PT_PAYFIP_UNAVAILABLE;
        }
    }
    if (doc) {
        xmlFreeDoc(doc);
    }
    return rv;
}

int pt_payfip_parse_detail(apr_pool_t *p, const char *xml, apr_size_t len,
                           pt_payfip_detail *out, const char **error)
{
    xmlDocPtr doc = NULL;
    xmlNodePtr ret;
    int rv = pt_payfip_answer(p, xml, len, &doc, &ret, error);
    memset(out, 0, sizeof(*out));
    out->montant = -1;
    if (rv == PT_DB_OK) {
        const char *m = pt_payfip_text(p, pt_payfip_child(ret, "montant"));
        char *end = NULL;
        out->idop = pt_payfip_text(p, pt_payfip_child(ret, "idOp"));
        out->numcli = pt_payfip_text(p, pt_payfip_child(ret, "numcli"));
        out->exer = pt_payfip_text(p, pt_payfip_child(ret, "exer"));
        out->refdet = pt_payfip_text(p, pt_payfip_child(ret, "refdet"));
        out->objet = pt_payfip_text(p, pt_payfip_child(ret, "objet"));
        out->mel = pt_payfip_text(p, pt_payfip_child(ret, "mel"));
        out->saisie = pt_payfip_text(p, pt_payfip_child(ret, "saisie"));
        out->resultrans = pt_payfip_text(p, pt_payfip_child(ret, "resultrans"));
        out->numauto = pt_payfip_text(p, pt_payfip_child(ret, "numauto"));
        out->dattrans = pt_payfip_text(p, pt_payfip_child(ret, "dattrans"));
        out->heurtrans = pt_payfip_text(p, pt_payfip_child(ret, "heurtrans"));
        if (m && *m && apr_isdigit(*m)) {
            long long v = strtoll(m, &end, 10);
            out->montant = end && *end == '\0' ? v : -1;
        }
        if (!out->resultrans || strlen(out->resultrans) != 1
            || !strchr("PVRZA", out->resultrans[0])) {
            *error = "résultat de transaction absent ou inconnu";
            rv = PT_PAYFIP_UNAVAILABLE;
        }
    }
    if (doc) {
        xmlFreeDoc(doc);
    }
    return rv;
}

/* ---- over HTTP ------------------------------------------------------------------------- */

typedef struct {
    apr_pool_t *p;
    char *buf;
    apr_size_t len, cap;
    int too_long;
} pt_payfip_buf;

static size_t pt_payfip_write(char *data, size_t size, size_t n, void *ctx)
{
    pt_payfip_buf *b = ctx;
    size_t len = size * n;
    if (b->len + len > PT_PAYFIP_MAX_ANSWER) {
        b->too_long = 1;
        return 0;
    }
    if (b->len + len + 1 > b->cap) {
        apr_size_t cap = (b->cap ? b->cap * 2 : 8192);
        char *nb;
        while (cap < b->len + len + 1) {
            cap *= 2;
        }
        nb = apr_palloc(b->p, cap);
        if (b->len) {
            memcpy(nb, b->buf, b->len);
        }
        b->buf = nb;
        b->cap = cap;
    }
    memcpy(b->buf + b->len, data, len);
    b->len += len;
    b->buf[b->len] = '\0';
    return len;
}

/* POST the envelope; the answer's body in *out (SOAP faults come with HTTP 500). */
static int pt_payfip_post(apr_pool_t *p, const pt_payfip_conf *c, const char *action,
                          const char *envelope, pt_payfip_buf *out, const char **error)
{
    CURL *h;
    CURLcode cc;
    struct curl_slist *headers = NULL;
    char errbuf[CURL_ERROR_SIZE] = "";
    long status = 0;
    int timeout = c->timeout > 0 ? c->timeout : 20;

    memset(out, 0, sizeof(*out));
    out->p = p;
    if (!pt_payfip_enabled(c)) {
        *error = "PortailPayfipService n'est pas configuré";
        return PT_PAYFIP_UNAVAILABLE;
    }
    if (!(h = curl_easy_init())) {
        *error = "libcurl indisponible";
        return PT_PAYFIP_UNAVAILABLE;
    }
    headers = curl_slist_append(headers, "Content-Type: text/xml; charset=UTF-8");
    headers = curl_slist_append(headers, apr_psprintf(p, "SOAPAction: \"%s\"", action));
    curl_easy_setopt(h, CURLOPT_URL, c->service);
    curl_easy_setopt(h, CURLOPT_POST, 1L);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, envelope);
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)strlen(envelope));
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, pt_payfip_write);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, out);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, (long)(timeout < 10 ? timeout : 10));
    curl_easy_setopt(h, CURLOPT_TIMEOUT, (long)timeout);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    cc = curl_easy_perform(h);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(h);
    if (cc != CURLE_OK) {
        *error = out->too_long ? "réponse trop longue"
                               : apr_pstrdup(p, *errbuf ? errbuf : curl_easy_strerror(cc));
        return PT_PAYFIP_UNAVAILABLE;
    }
    if (status != 200 && status != 500) {
        *error = apr_psprintf(p, "statut HTTP %ld", status);
        return PT_PAYFIP_UNAVAILABLE;
    }
    return PT_DB_OK;
}

int pt_payfip_creer_call(apr_pool_t *p, const pt_payfip_conf *c, const pt_payfip_creer *in,
                         const char **idop, const char **error)
{
    pt_payfip_buf b;
    int rv = pt_payfip_post(p, c, "creerPaiementSecurise", pt_payfip_creer_xml(p, in), &b,
                            error);
    *idop = NULL;
    return rv == PT_DB_OK ? pt_payfip_parse_creer(p, b.buf, b.len, idop, error) : rv;
}

int pt_payfip_detail_call(apr_pool_t *p, const pt_payfip_conf *c, const char *idop,
                          pt_payfip_detail *out, const char **error)
{
    pt_payfip_buf b;
    int rv = pt_payfip_post(p, c, "recupererDetailPaiementSecurise",
                            pt_payfip_detail_xml(p, idop), &b, error);
    if (rv != PT_DB_OK) {
        memset(out, 0, sizeof(*out));
        return rv;
    }
    return pt_payfip_parse_detail(p, b.buf, b.len, out, error);
}
