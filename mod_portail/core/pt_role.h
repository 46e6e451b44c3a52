/* pt_role — need to know: the agents' roles, what each opens, in one table.
 *
 * An agent holds any of four roles (rows of `agent_roles`): accueil, restauration,
 * facturation, administration.  Two things are decided here and nowhere else:
 *   - a route of the router table names the role it needs (pt_req.h's pt_role);
 *     pt_role_allows answers for a user;
 *   - a class of data (health, bank) is shown only to the roles of pt_role_data:
 *     pt_role_sees answers for a user.  The family file's sections carry their class
 *     (core/pt_dossier.c), so every screen and its XML leave out what the agent may not
 *     see.  A parent sees its own family's data (the screens check the family).
 * docs/architecture.md shows the matrix.
 */
#ifndef PT_ROLE_H
#define PT_ROLE_H

#include <apr_pools.h>
#include "core/pt_db.h"
#include "core/pt_req.h"

/* Classes of data kept from the agents who do not need them. */
typedef enum { PT_DATA_COMMUNE = 0, PT_DATA_SANTE, PT_DATA_BANQUE } pt_data;

/* The agent roles, in the order screens list them. */
typedef struct pt_role_def {
    pt_role bit;
    const char *name;          /* stored in agent_roles.role */
    const char *label;         /* « Accueil » */
    const char *hint;          /* what it opens, for the agents' screen */
} pt_role_def;
extern const pt_role_def pt_role_defs[];   /* ends with name NULL */

/* The bit of a role's name, 0 when unknown. */
int pt_role_bit(const char *name);

/* The names of the roles in `bits`, separated by spaces ("" for none). */
const char *pt_role_names(apr_pool_t *p, int bits);

/* Whether user u (NULL: anonymous) may use a route that needs `need`. */
int pt_role_allows(int need, const pt_user *u);

/* Whether user u sees data of class c. */
int pt_role_sees(const pt_user *u, pt_data c);

/* An agent's roles from the database into *bits. */
int pt_role_load(pt_db *db, apr_pool_t *p, apr_int64_t account, int *bits);

/* Replace an agent's roles by `bits` (inside the caller's transaction). */
int pt_role_store(pt_db *db, apr_pool_t *p, apr_int64_t account, int bits);

#endif
