/* pt_dossier — the fields of the family file and how a change to one is checked and
 * applied.
 *
 * The fields are listed once in pt_dossier.def.  A family never changes its file
 * directly: it makes a request (core/pt_request.h) holding, for each field, the value it
 * saw and the new one; an agent's acceptance applies each with a conditional update, so
 * a value changed meanwhile is a conflict, not a silent overwrite.
 */
#ifndef PT_DOSSIER_H
#define PT_DOSSIER_H

#include <apr_pools.h>
#include "core/pt_db.h"
#include "core/pt_role.h"

typedef enum {
    PT_DT_TEXT, PT_DT_LONGTEXT, PT_DT_NAME, PT_DT_DATE, PT_DT_EMAIL, PT_DT_PHONE,
    PT_DT_POSTAL, PT_DT_COMMUNE, PT_DT_INTEGER, PT_DT_DIGITS, PT_DT_IBAN, PT_DT_BIC,
    PT_DT_BOOL, PT_DT_CIVILITE, PT_DT_SEXE, PT_DT_REGIME,
    PT_DT_PHOTO,               /* the value is the name of a checked file (screens/photo.c) */
    PT_DT_MONEY                /* cents, typed and shown in euros (« 31 500 € ») */
} pt_dossier_type;

typedef struct pt_dossier_field {
    const char *object;        /* famille, responsable, enfant */
    const char *column;
    const char *section;
    pt_dossier_type type;
    int family;                /* the family may ask to change it */
    const char *label;
    const char *set_label;     /* the prepared UPDATE: portail_dossier_set_<object>_<column> */
} pt_dossier_field;

/* Every field, in the order of the cards; ends with object NULL. */
extern const pt_dossier_field pt_dossier_fields[];

const pt_dossier_field *pt_dossier_field_find(const char *object, const char *column);

/* The title of a section of a card, NULL when the object has no such section. */
const char *pt_dossier_section_title(const char *object, const char *section);

/* The class of data of a section (health, bank, or common): who may see it. */
pt_data pt_dossier_section_class(const char *object, const char *section);

/* Whether user u may see field f (pt_role_sees of its section's class): screens and their
 * XML leave out the fields it is not. */
int pt_dossier_visible(const pt_user *u, const pt_dossier_field *f);

/* Forget (NULL) in every row the columns named like a field of `object` that user u may
 * not see: lists read with those columns (the day sheet) then show none of them. */
void pt_dossier_rows_hide(const pt_user *u, pt_rows *r, const char *object);

/* The choices of a select field: NULL-terminated value, label pairs (NULL otherwise). */
const char *const *pt_dossier_options(const pt_dossier_field *f);

/* Check and normalize a typed value: the value to store ("" for none; booleans "0" or
 * "1"), or NULL with *why. */
const char *pt_dossier_check(apr_pool_t *p, const pt_dossier_field *f, const char *typed,
                             const char **why);

/* How a stored value is shown: booleans « Oui » / « Non », choices by their label, IBAN
 * masked when `mask`. */
const char *pt_dossier_display(apr_pool_t *p, const pt_dossier_field *f, const char *value,
                               int mask);

/* Apply a change if the field still holds `old_value` (NULL or "" for none): *applied is
 * 1, or 0 when it changed meanwhile (a conflict). */
int pt_dossier_apply(pt_db *db, apr_pool_t *p, const pt_dossier_field *f,
                     apr_int64_t object_id, const char *old_value, const char *new_value,
                     int *applied);

/* A request that is closed keeps of its bank changes only the masked IBANs, old and new:
 * the full number is needed until an agent applies it, never after (the family file has
 * it, the audit trail masks it).  In the closing transaction. */
int pt_dossier_forget(pt_db *db, apr_pool_t *p, apr_int64_t request_id);

#endif
