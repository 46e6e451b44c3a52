/* pt_role — the agents' roles and what they open.  See pt_role.h. */
#include <string.h>
#include <apr_strings.h>
#include "core/pt_role.h"

const pt_role_def pt_role_defs[] = {
    { PT_ROLE_ACCUEIL, "accueil", "Accueil",
      "familles, comptes des parents, demandes, feuilles de présence ; données sanitaires" },
    { PT_ROLE_RESTAURATION, "restauration", "Restauration",
      "feuilles de présence et listes des activités ; données sanitaires (allergies, PAI, "
      "régime)" },
    { PT_ROLE_FACTURATION, "facturation", "Facturation",
      "factures, règlements, tarifs ; coordonnées bancaires" },
    { PT_ROLE_ADMINISTRATION, "administration", "Administration",
      "agents et leurs rôles, activités, fermetures, journal" },
    { 0, NULL, NULL, NULL }
};

/* Who sees each class of data: the one table of need to know. */
static const int pt_role_data[] = {
    [PT_DATA_COMMUNE] = PT_ROLE_ACCUEIL | PT_ROLE_RESTAURATION | PT_ROLE_FACTURATION
                        | PT_ROLE_ADMINISTRATION,
    [PT_DATA_SANTE] = PT_ROLE_ENFANTS,
    [PT_DATA_BANQUE] = PT_ROLE_FACTURATION,
};

int pt_role_bit(const char *name)
{
    const pt_role_def *d;
    for (d = pt_role_defs; name && d->name; d++) {
        if (!strcmp(d->name, name)) {
            return d->bit;
        }
    }
    return 0;
}

const char *pt_role_names(apr_pool_t *p, int bits)
{
    const pt_role_def *d;
    const char *out = "";
    for (d = pt_role_defs; d->name; d++) {
        if (bits & d->bit) {
            out = *out ? apr_pstrcat(p, out, " ", d->name, NULL) : d->name;
        }
    }
    return out;
}

int pt_role_allows(int need, const pt_user *u)
{
    switch (need) {
    case PT_ROLE_ANY: return 1;
    case PT_ROLE_SERVICE: return 1;     /* the screen checks with the calling service */
    case PT_ROLE_USER: return u != NULL;
    case PT_ROLE_PARENT: return u && u->role == PT_ROLE_PARENT;
    case PT_ROLE_AGENT: return u && u->role == PT_ROLE_AGENT;
    default: return u && u->role == PT_ROLE_AGENT && (u->agent_roles & need) != 0;
    }
}

int pt_role_sees(const pt_user *u, pt_data c)
{
    if (!u) {
        return 0;
    }
    if (u->role != PT_ROLE_AGENT || c == PT_DATA_COMMUNE) {
        return 1;
    }
    return (u->agent_roles & pt_role_data[c]) != 0;
}

int pt_role_load(pt_db *db, apr_pool_t *p, apr_int64_t account, int *bits)
{
    pt_rows *r = NULL;
    int i, rv = pt_db_select(db, p, "portail_role_list", PT_ARGS(pt_db_int(p, account)), &r);
    *bits = 0;
    for (i = 0; rv == PT_DB_OK && i < r->n; i++) {
        *bits |= pt_role_bit(r->values[i][0]);
    }
    return rv;
}

int pt_role_store(pt_db *db, apr_pool_t *p, apr_int64_t account, int bits)
{
    const char *id = pt_db_int(p, account);
    const pt_role_def *d;
    int rv = pt_db_exec(db, p, "portail_role_clear", PT_ARGS(id), NULL);
    for (d = pt_role_defs; rv == PT_DB_OK && d->name; d++) {
        if (bits & d->bit) {
            rv = pt_db_exec(db, p, "portail_role_add", PT_ARGS(id, d->name), NULL);
        }
    }
    return rv;
}
