/* pt_check — checking and normalizing what a family types in its file (names, phone
 * numbers, postal codes, communes, IBAN…).
 *
 * Each function returns the normalized value in the pool, or NULL when the typed text is
 * not valid, with *why (when why is not NULL) a French sentence a parent understands.
 * Pure functions over APR: the screens, portail-ctl and the unit tests share them. */
#ifndef PT_CHECK_H
#define PT_CHECK_H

#include <apr_pools.h>

/* Nom, prénom: trimmed, inner spaces collapsed, 1 to 100 bytes of letters, spaces,
 * hyphens, apostrophes and dots. */
const char *pt_check_name(apr_pool_t *p, const char *typed, const char **why);

/* Free text (allergies, médecin…): trimmed, no control characters but newlines, at most
 * maxlen bytes; "" is valid. */
const char *pt_check_text(apr_pool_t *p, const char *typed, apr_size_t maxlen,
                          const char **why);

/* A French phone number written « 06 12 34 56 78 » (typed with spaces, dots, dashes,
 * or +33 / 0033), or an international one written « +<digits> ». */
const char *pt_check_phone(apr_pool_t *p, const char *typed, const char **why);

/* A French postal code: five digits, department 01 to 95 (Corsica 20), or 97/98
 * overseas. */
const char *pt_check_postal_code(apr_pool_t *p, const char *typed, const char **why);

/* A commune's name: letters, spaces, hyphens, apostrophes; 1 to 100 bytes. */
const char *pt_check_commune(apr_pool_t *p, const char *typed, const char **why);

/* In capitals, accented Latin letters included (« Bénédicte » -> « BÉNÉDICTE »): family
 * names as town files write them. */
const char *pt_check_upper(apr_pool_t *p, const char *s);

/* An IBAN (spaces ignored, mod 97 checked, length checked for the usual countries),
 * written in groups of four: « FR76 3000 6000 0112 3456 7890 189 ». */
const char *pt_check_iban(apr_pool_t *p, const char *typed, const char **why);
/* A written IBAN masked but its country, check digits and last four characters:
 * « FR76 **** **** **** **** ***0 189 ». */
const char *pt_check_iban_masked(apr_pool_t *p, const char *iban);
/* A BIC: 8 or 11 characters, the first six letters; uppercased. */
const char *pt_check_bic(apr_pool_t *p, const char *typed, const char **why);

/* A file sent by a family, by its first bytes (never its name or declared type): ".pdf",
 * ".jpg" or ".png", or NULL for anything else (an HTML page renamed .pdf). */
const char *pt_check_file_kind(const void *head, apr_size_t len);
/* The MIME type of such a kind. */
const char *pt_check_file_mime(const char *kind);
/* Whether a PDF's bytes hold something a reader would run: a /JavaScript or /JS name
 * (written plainly or with #xx escapes), which an /OpenAction or /AA would start. */
int pt_check_pdf_script(const char *buf, apr_size_t len);

#endif
