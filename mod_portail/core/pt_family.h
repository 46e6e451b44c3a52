/* pt_family — a family as the town registers it: its responsables, its children and its
 * code abonné.
 *
 * One validation and one creation, shared by the agents' form (/portail/admin/familles)
 * and by `portail-ctl import-families`: the same rules whether a family is typed or
 * imported.  Errors are French sentences keyed by field name, so the form links each to
 * its field and the import prints it with its line number.
 */
#ifndef PT_FAMILY_H
#define PT_FAMILY_H

#include <apr_pools.h>
#include <apr_tables.h>
#include <apr_time.h>
#include "core/pt_db.h"

typedef enum { PT_PERSON_RESPONSABLE, PT_PERSON_ENFANT } pt_person_kind;

/* What is typed for one person; every field may be NULL or "". */
typedef struct pt_person {
    pt_person_kind kind;
    const char *civilite;      /* responsable: « M. » or « Mme » */
    const char *nom, *prenom;
    const char *date_naissance;/* YYYY-MM-DD, required for a child */
    const char *sexe;          /* child: F or M */
    const char *email;         /* responsable */
    const char *telephone;     /* responsable, stored as the mobile number */
} pt_person;

typedef struct pt_family_input {
    const char *reference;     /* the town's own number (import), or NULL */
    const char *code;          /* code abonné; generated when NULL or "" */
    const char *nom;           /* defaults to the first responsable's nom, uppercased */
    const char *adresse, *code_postal, *commune;
    apr_array_header_t *persons;   /* of pt_person, responsables first */
} pt_family_input;

/* Check and normalize one person in place.  Errors go to `errors` under prefix + field
 * name (e.g. "r1_nom").  `today` bounds birth dates.  Returns the number of errors. */
int pt_family_check_person(apr_pool_t *p, pt_person *person, const char *prefix,
                           const char *today, apr_table_t *errors);

/* Check and normalize the family's own fields in place (not its persons); also requires
 * one or two responsables and at most twelve children.  Returns the number of errors. */
int pt_family_check(apr_pool_t *p, pt_family_input *f, apr_table_t *errors);

/* Insert a checked family with its persons, inside the caller's transaction.  *id and
 * *code (the generated or given code abonné) are set.  PT_DB_CONFLICT when the code or
 * the reference is already taken. */
int pt_family_create(pt_db *db, apr_pool_t *p, const pt_family_input *f, apr_time_t now,
                     apr_int64_t *id, const char **code);

#endif
