/* pt_sql — every SQL statement of the portal, by label.
 *
 * One table, registered with mod_dbd (ap_dbd_prepare) at configuration time by the glue
 * and prepared by portail-ctl on its own connections.  Parameters use apr_dbd's format:
 * %s for text, %d / %lld for integers (PostgreSQL types the parameter from it).
 * DML is portable SQL that SQLite and PostgreSQL both accept.
 */
#ifndef PT_SQL_H
#define PT_SQL_H

typedef struct pt_sql_stmt {
    const char *label;               /* "portail_<area>_<what>" */
    const char *sql;
} pt_sql_stmt;

/* Terminated by an entry with label NULL. */
extern const pt_sql_stmt pt_sql_statements[];

#endif
