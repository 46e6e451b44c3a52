/* pt_billing — invoice runs, credit notes and payments: the one code path the agents'
 * screens (/admin/facturation…) and portail-ctl (invoice-run, invoice-reminders) share.
 *
 * A run bills, for one régie and one month, every booked day of its activities that is
 * billable (domain/pt_tariff.h) and not billed yet, one invoice per family.  The preview
 * and the issue compute the same plan; the issue computes it again inside its transaction
 * (after taking the régie's numbering row, which queues concurrent runs) and writes the
 * invoices, their lines, one billed_days row per day (unique: a day is billed at most
 * once), the « Nouvelle facture » mails and the numbers — gap-free per régie and year,
 * since the number row is updated in the same transaction.
 */
#ifndef PT_BILLING_H
#define PT_BILLING_H

#include <apr_pools.h>
#include <apr_tables.h>
#include <apr_time.h>
#include <apr_hash.h>
#include "core/pt_db.h"
#include "core/pt_xml.h"
#include "domain/pt_fr.h"
#include "domain/pt_tariff.h"

/* A run refused for a reason the agent can act on (*error says it in French). */
#define PT_BILLING_REFUSED 20
/* The invoice does not exist (the screen answers 404). */
#define PT_BILLING_NOT_FOUND 21
/* Refused because of the state of things, not of what was typed (the screen answers 409):
 * a closed month, a month closed twice, a régie changed under billed days. */
#define PT_BILLING_CLOSED 22

typedef struct pt_billing_line {
    apr_int64_t child, activity;
    const char *enfant, *activite;
    int jours;
    long long prix;             /* unit price, cents */
    long long majoration;       /* the line's late surcharges, cents */
    long long montant;          /* jours × prix + majoration */
    apr_array_header_t *days;   /* const char * ISO days */
} pt_billing_line;

typedef struct pt_billing_family {
    apr_int64_t id;
    const char *nom;
    long qf;                    /* PT_QF_UNKNOWN when unknown */
    apr_array_header_t *lines;  /* pt_billing_line */
    long long total;
    /* after issue */
    apr_int64_t invoice;
    const char *numero;
} pt_billing_family;

typedef struct pt_billing_run {
    apr_int64_t regie;
    const char *code, *name, *emetteur;
    int delai;
    const char *periode;        /* "2026-11" */
    const char *debut, *fin;    /* its first and last day */
    const char *emise_le, *echeance;
    apr_array_header_t *families; /* pt_billing_family */
    long long total;
    int days;
    const char *fingerprint;    /* what the agent saw: the issue must find the same */
} pt_billing_run;

/* Where the mails point. */
typedef struct pt_billing_site {
    const char *town;
    const char *url;            /* the portal's public URL, may be "" */
} pt_billing_site;

/* The plan of a run on `today` (Europe/Paris): PT_DB_OK, PT_BILLING_REFUSED with *error
 * (unknown régie, malformed or unfinished month, a day without tariff), PT_BILLING_CLOSED
 * with *error (the month is closed for the régie), or a database status. */
int pt_billing_plan(pt_db *db, apr_pool_t *p, const char *regie_code, const char *periode,
                    pt_date today, pt_billing_run **run, const char **error);

/* Issue the run in one transaction (retried when busy): `seen` is the preview's
 * fingerprint (NULL from the command line): a different plan → PT_DB_CONFLICT with the
 * new plan in *run.  Nothing to bill → PT_BILLING_REFUSED. */
int pt_billing_issue(pt_db *db, apr_pool_t *p, const char *regie_code, const char *periode,
                     apr_time_t now, apr_int64_t agent, const char *seen,
                     const pt_billing_site *site, pt_billing_run **run, const char **error);

/* Cancel an invoice with a credit note of its whole amount: its days become billable
 * again, what was paid on it goes to the family's credit.  *numero gets the credit note's
 * number.  PT_BILLING_REFUSED (*error) when already cancelled or without motif,
 * PT_BILLING_NOT_FOUND when there is no such invoice. */
int pt_billing_cancel(pt_db *db, apr_pool_t *p, apr_int64_t invoice, const char *motif,
                      apr_time_t now, apr_int64_t agent, const char **numero,
                      const char **error);

/* A payment of `montant` cents by a family through `moyen`, allocated to the invoices
 * given (ids, in order; each gets what it still owes, the last ones maybe nothing); what
 * is left goes to the family's credit when `to_credit`, else the payment is refused.
 * *numero gets the receipt's number.  PT_BILLING_REFUSED with *error on bad input.
 * `moyen` "credit" pays with the family's credit: never more than its balance (taken
 * under the family's row lock, in the same transaction), never an excess to credit. */
typedef struct pt_billing_payment {
    apr_int64_t family;
    apr_int64_t regie;
    const char *moyen;          /* especes, cheque, cesu, virement, carte, payfip… */
    long long montant;
    const char *paye_le;        /* "YYYY-MM-DD" */
    const char *piece;          /* cheque number, transaction reference; may be NULL */
    const apr_int64_t *invoices;
    int ninvoices;
    int to_credit;
} pt_billing_payment;

int pt_billing_pay(pt_db *db, apr_pool_t *p, const pt_billing_payment *pay, apr_time_t now,
                   apr_int64_t agent, const char **numero, long long *credited,
                   const char **error);

/* The status shown of an invoice: « a_payer », « partielle », « payee », « annulee ». */
const char *pt_billing_status(const char *etat, long long montant, long long paye);

/* Reminders: queue one mail per unpaid invoice whose due date is within its régie's
 * reminder days of `today` (and not past), once per invoice.  *sent counts them. */
int pt_billing_remind(pt_db *db, apr_pool_t *p, pt_date today, apr_time_t now,
                      const pt_billing_site *site, int *sent);

/* The tariffs of a régie's activities (regie: its id as text), or of every activity with
 * a régie (NULL), grouped per activity: by_activity maps the activity id (text) to the
 * span [first, first + n) of tariffs, ordered by validity date. */
typedef struct pt_billing_span {
    int first, n;
} pt_billing_span;
typedef struct pt_billing_tariffs {
    pt_tariff *tariffs;
    int n;
    apr_hash_t *by_activity;
} pt_billing_tariffs;
int pt_billing_tariffs_load(pt_db *db, apr_pool_t *p, const char *regie,
                            pt_billing_tariffs *out);
/* The price of a unit of an activity on a day for a QF: -1 when no tariff applies. */
long long pt_billing_price(const pt_billing_tariffs *t, const char *activity, const char *day,
                           long qf);

/* "AAAA-MM" → its first and last day: 0 when malformed. */
int pt_billing_periode(const char *periode, pt_date *first, pt_date *last);
/* The same, and the month must be over on `today`: PT_DB_OK, or PT_BILLING_REFUSED with
 * *error in French. */
int pt_billing_month_check(apr_pool_t *p, const char *periode, pt_date today, pt_date *first,
                           pt_date *last, const char **error);

/* Closing a month (core/pt_billing_state.c — h14more).  A closed month of a régie is
 * never billed again (pt_billing_plan refuses it): the agent closes it once its runs are
 * done.  Refused (*error): unknown régie, malformed or unfinished month
 * (PT_BILLING_REFUSED); already closed (PT_BILLING_CLOSED).  Audited. */
int pt_billing_close(pt_db *db, apr_pool_t *p, const char *regie_code, const char *periode,
                     apr_time_t now, apr_int64_t agent, const char **error);

/* Whether an activity may move to régie `regie` (its id), inside the caller's
 * transaction: refused (PT_BILLING_CLOSED, *error naming the month) while the activity
 * has days billed by its current régie in a month that régie has not closed — the month
 * would be billed by two régies.  PT_DB_OK when it may (or when it does not change). */
int pt_billing_regie_change_check(pt_db *db, apr_pool_t *p, apr_int64_t activity,
                                  apr_int64_t regie, const char **error);

/* The family's credit balance, cents. */
int pt_billing_credit_balance(pt_db *db, apr_pool_t *p, apr_int64_t family, long long *solde);
/* Inside the caller's transaction: lock the family's row and check its credit covers
 * `montant` (else PT_BILLING_REFUSED, *error) — pt_billing_pay's "credit" channel. */
int pt_billing_credit_take(pt_db *db, apr_pool_t *p, apr_int64_t family, long long montant,
                           const char **error);
/* h15payfip: pt_billing_pay's work inside the caller's open transaction (no retry, no
 * commit): PayFiP's settlement records the payment and its operation's state together.
 * The checks of pt_billing_pay are the caller's.  *payment_id (if not NULL) gets the
 * payment's id. */
int pt_billing_pay_within(pt_db *db, apr_pool_t *p, const pt_billing_payment *pay,
                          apr_time_t now, apr_int64_t agent, const char **numero,
                          long long *credited, const char **error, apr_int64_t *payment_id);

/* The payments row of a receipt (its number from the régie's « recu » sequence), no
 * allocation: pt_billing_pay_within's first step, and a porte-monnaie top-up's record. */
int pt_billing_receipt(pt_db *db, apr_pool_t *p, const pt_billing_payment *pay,
                       const char *regie_code, apr_time_t now, apr_int64_t agent,
                       const char **numero, apr_int64_t *payment);

/* Queue the mail `template_name` to every account of the family (data: <mail-data>, the
 * account's prenom added), inside the caller's transaction. */
int pt_billing_mail(pt_db *db, apr_pool_t *p, apr_int64_t family, const char *template_name,
                    pt_doc *data, apr_time_t now);

#endif
