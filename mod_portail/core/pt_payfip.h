/* pt_payfip — card payments through the DGFiP's PayFiP service.
 *
 * Two layers:
 *  - the SOAP client (pt_payfip.c): creerPaiementSecurise (an operation of numcli, exer,
 *    refdet, objet, montant in cents, mel, urlnotif, urlredirect, saisie → an idOp valid
 *    15 minutes) and recupererDetailPaiementSecurise (idOp → resultrans, montant, refdet,
 *    numcli, date, numauto), over libcurl with timeouts, answers parsed by libxml2;
 *  - the operations (pt_payfip_ops.c): a row of payfip_ops per idOp, started for an
 *    invoice or a porte-monnaie top-up, and settled by ONE function, pt_payfip_settle,
 *    whoever calls it (the notification, the return page, a retry, payfip-reconcile).
 *
 * The settlement never trusts what the notification or the browser sent: it asks PayFiP
 * for the detail of the idOp, checks refdet, amount and numcli against the row, and
 * records the payment with the conditional UPDATE en_cours → payee of the row in the same
 * transaction (pt_billing_pay_within for an invoice; for a top-up a payfip receipt in
 * payments and pt_wallet_move kind « recharge » with its payment id), with the receipt
 * mail (« Paiement reçu ») and the audit row.  Exactly once, whatever the order.
 */
#ifndef PT_PAYFIP_H
#define PT_PAYFIP_H

#include <apr_pools.h>
#include <apr_time.h>
#include "core/pt_db.h"

/* The PortailPayfip* directives. */
typedef struct pt_payfip_conf {
    const char *service;        /* the web service's URL (PortailPayfipService) */
    const char *page;           /* the payment page, « ?idop=… » is added (PortailPayfipPage) */
    const char *numcli;         /* default client number, 6 digits (PortailPayfipNumcli) */
    const char *saisie;         /* T test, X activation, W production (PortailPayfipSaisie) */
    int timeout;                /* seconds of one call (PortailPayfipTimeout) */
} pt_payfip_conf;

/* Outcomes of the client and of the operations (outside the PT_DB_* codes). */
#define PT_PAYFIP_UNAVAILABLE 30 /* PayFiP did not answer, or not in its language */
#define PT_PAYFIP_FAULT 31       /* PayFiP answered a functional error (*error says it) */
#define PT_PAYFIP_UNKNOWN 32     /* no operation of that idOp here */
#define PT_PAYFIP_MISMATCH 33    /* PayFiP's detail contradicts the operation: nothing recorded */
#define PT_PAYFIP_REFUSED 34     /* bad input of a family (*error says it in French) */
#define PT_PAYFIP_LIVE 35        /* a payment of the invoice is already under way */

/* libcurl's global state: once per process, before threads. */
void pt_payfip_global_init(void);

/* True when the configuration names a service (else online payment is off). */
int pt_payfip_enabled(const pt_payfip_conf *c);

/* A request of creerPaiementSecurise. */
typedef struct pt_payfip_creer {
    const char *numcli, *exer, *refdet, *objet, *mel, *urlnotif, *urlredirect, *saisie;
    long long montant;          /* cents */
} pt_payfip_creer;

/* The detail of an operation. */
typedef struct pt_payfip_detail {
    const char *idop, *numcli, *exer, *refdet, *objet, *mel, *saisie;
    const char *resultrans;     /* P, V paid; R, Z refused; A abandoned */
    const char *numauto, *dattrans, *heurtrans;
    long long montant;          /* -1 when absent or not a number */
} pt_payfip_detail;

/* creerPaiementSecurise: PT_DB_OK and *idop, PT_PAYFIP_FAULT with *error (PayFiP's
 * libellé), or PT_PAYFIP_UNAVAILABLE with *error (what went wrong, for the log). */
int pt_payfip_creer_call(apr_pool_t *p, const pt_payfip_conf *c, const pt_payfip_creer *in,
                         const char **idop, const char **error);

/* recupererDetailPaiementSecurise: PT_DB_OK and *out, or as above.  PT_PAYFIP_FAULT
 * means PayFiP has no finished transaction for the idOp (yet). */
int pt_payfip_detail_call(apr_pool_t *p, const pt_payfip_conf *c, const char *idop,
                          pt_payfip_detail *out, const char **error);

/* The SOAP texts, for the unit tests and the fuzz target: build a request, parse an
 * answer (PT_DB_OK, PT_PAYFIP_FAULT with *error, or PT_PAYFIP_UNAVAILABLE). */
const char *pt_payfip_creer_xml(apr_pool_t *p, const pt_payfip_creer *in);
const char *pt_payfip_detail_xml(apr_pool_t *p, const char *idop);
int pt_payfip_parse_creer(apr_pool_t *p, const char *xml, apr_size_t len, const char **idop,
                          const char **error);
int pt_payfip_parse_detail(apr_pool_t *p, const char *xml, apr_size_t len,
                           pt_payfip_detail *out, const char **error);

/* A refdet PayFiP accepts ([A-Za-z0-9]{1,30}) made from a reference: its letters and
 * digits, the last 30 of them. */
const char *pt_payfip_refdet(apr_pool_t *p, const char *reference);

/* ---- operations (pt_payfip_ops.c) ---------------------------------------------------- */

/* Where PayFiP calls back, and who pays. */
typedef struct pt_payfip_start {
    apr_int64_t account;
    const char *mel;            /* the account's address */
    apr_int64_t family;         /* checked against the invoice, or the top-up's family */
    apr_int64_t invoice;        /* an invoice, or 0 for a top-up */
    apr_int64_t regie;          /* the top-up's régie (ignored for an invoice) */
    long long montant;          /* cents; for an invoice 0 = the rest due */
    const char *urlnotif, *urlredirect;
    const char *town;           /* for the receipt mail of a stale operation settled first */
    const char *site_url;       /* the portal's public URL, for that mail's link */
} pt_payfip_start;

/* Start an operation: check (the invoice is the family's — else PT_PAYFIP_UNKNOWN —, still
 * due, the amount allowed; a top-up within the régie's bounds — else PT_PAYFIP_REFUSED
 * with *error), record it (PT_PAYFIP_LIVE when another is live for the invoice), ask
 * PayFiP for its idOp (on failure the row is removed: PT_PAYFIP_UNAVAILABLE / _FAULT).
 * PT_DB_OK and *url, the payment page to send the browser to. */
int pt_payfip_start_op(pt_db *db, apr_pool_t *p, const pt_payfip_conf *c,
                       const pt_payfip_start *in, apr_time_t now, const char **url,
                       const char **error);

/* Settle the operation of idop (see above).  PT_DB_OK with *state (en_cours when PayFiP
 * has nothing finished yet and the idOp is younger than 15 minutes; expiree when older)
 * and *family (to check who looks); PT_PAYFIP_UNKNOWN, PT_PAYFIP_MISMATCH (*error, nothing
 * recorded), PT_PAYFIP_UNAVAILABLE, or a database status. */
int pt_payfip_settle(pt_db *db, apr_pool_t *p, const pt_payfip_conf *c, const char *idop,
                     const char *site_url, const char *town, apr_time_t now,
                     const char **state, apr_int64_t *family, const char **error);

/* portail-ctl payfip-reconcile: settle every operation still en_cours older than 15
 * minutes.  *settled counts those that left en_cours, *failed those PayFiP did not answer
 * or whose detail did not match (left en_cours, retried next time). */
int pt_payfip_reconcile(pt_db *db, apr_pool_t *p, const pt_payfip_conf *c,
                        const char *site_url, const char *town, apr_time_t now,
                        int *settled, int *failed);

/* An idOp lives 15 minutes at PayFiP. */
#define PT_PAYFIP_LIFETIME 900

#endif
