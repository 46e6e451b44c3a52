/* pt_pdf — an invoice as a PDF document, drawn with cairo and laid out with pango (UTF-8
 * French text, the fonts of the system through fontconfig).  The caller gives every text
 * already formatted (amounts « 1 234,50 € », dates); the footer carries the references a
 * family types to subscribe (code émission, référence, code personne, montant).  A
 * cancelled invoice is crossed by the watermark « ANNULÉE ».
 */
#ifndef PT_PDF_H
#define PT_PDF_H

#include <apr_pools.h>

typedef struct pt_pdf_line {
    const char *enfant, *activite, *jours, *prix, *majoration, *montant;
} pt_pdf_line;

typedef struct pt_pdf_invoice {
    const char *town;           /* the municipality */
    const char *emetteur;       /* the régie issuing it */
    const char *numero;
    const char *famille, *adresse, *ville;  /* addressee (adresse, ville may be NULL) */
    const char *periode, *emise, *echeance, *statut;
    const pt_pdf_line *lines;
    int nlines;
    const char *total, *paye, *reste;
    const char *code_emission, *reference, *code_personne;
    int cancelled;
} pt_pdf_invoice;

/* The PDF in *body (allocated in p).  0, or -1 when cairo failed. */
int pt_pdf_invoice_render(apr_pool_t *p, const pt_pdf_invoice *inv, const char **body,
                          apr_size_t *len);

#endif
