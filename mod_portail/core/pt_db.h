/* pt_db — the one database helper: prepared statements by label over apr_dbd.
 *
 * The module gets its connection from mod_dbd (ap_dbd_acquire, statements prepared by
 * mod_dbd at configuration time); portail-ctl opens its own with apr_dbd and prepares the
 * same table of statements.  Either way the code above sees one pt_db and calls statements
 * by their `portail_*` label with string arguments — never SQL built from input.
 */
#ifndef PT_DB_H
#define PT_DB_H

#include <apr_pools.h>
#include <apr_hash.h>
#include <apr_dbd.h>

typedef enum { PT_DIALECT_SQLITE, PT_DIALECT_PGSQL } pt_dialect;

typedef struct pt_db {
    apr_pool_t *pool;                 /* the connection's lifetime */
    const apr_dbd_driver_t *driver;
    apr_dbd_t *handle;
    apr_hash_t *prepared;             /* label -> apr_dbd_prepared_t* */
    pt_dialect dialect;
    apr_dbd_transaction_t *txn;       /* the open transaction, or NULL */
    apr_pool_t *txn_pool;             /* the pool given to pt_db_begin: it owns the
                                       * transaction, which it rolls back if it is
                                       * destroyed with the transaction still open */
    int txn_status;                   /* first failure inside the transaction: a commit
                                       * then rolls back and returns it */
    apr_pool_t *snapshot;             /* the pool given to pt_db_snapshot while one is
                                       * open (SQLite), or NULL */
    /* SQLite: a lock between all processes taken for the time of a transaction, so that
     * writers queue rather than poll SQLite's (see pt_db_set_writers_lock); NULL: none. */
    int (*lock)(void *ctx, int take);
    void *lock_ctx;
    int locked;
    const char *error;                /* last error, for the log */
    const char *sqlstate;             /* its SQLSTATE (PostgreSQL), SQLite's result code
                                       * as "SQLITE_<n>", or "" */
    struct pt_db_faults *faults;      /* fault injection (tests), or NULL */
    int statements;                   /* statements run through this pt_db */
} pt_db;

/* Rows fully fetched: small result sets are the rule (pages, not reports). */
typedef struct pt_rows {
    int n;                            /* number of rows */
    int ncols;
    const char **names;               /* column names */
    const char ***values;             /* values[row][col], NULL for SQL NULL */
} pt_rows;

/* Status codes of the helper. PT_DB_BUSY means "try again later" (lock or
 * serialization failure): the glue turns it into a 503 when retries are exhausted. */
#define PT_DB_OK 0
#define PT_DB_ERROR 1
#define PT_DB_BUSY 2
#define PT_DB_CONFLICT 3             /* unique / foreign-key violation */

/* How a driver's failure is classified: by SQLite's result code (SQLITE_BUSY / LOCKED:
 * busy, SQLITE_CONSTRAINT: conflict), or by PostgreSQL's SQLSTATE (23xxx: conflict,
 * 40001 / 40P01 / 55P03: busy; 08xxx, 57P0x: connection lost, an error) — never by the
 * text of the message, which the server may write in French.  `sqlite_code` is the
 * connection's last result code (or -1), `message` PostgreSQL's error text, which carries
 * the SQLSTATE since pt_db_connection_init sets libpq's verbose errors; *sqlstate (if
 * not NULL) receives the code found, or "".  Exposed for the unit tests. */
int pt_db_classify(pt_dialect dialect, int rv, int sqlite_code, const char *message,
                   apr_pool_t *p, const char **sqlstate);

/* Build a pt_db around a connection someone else opened. */
pt_db *pt_db_wrap(apr_pool_t *p, const apr_dbd_driver_t *driver, apr_dbd_t *handle,
                  apr_hash_t *prepared);

/* Open a connection of our own (portail-ctl, benches): driver name and parameters as
 * for DBDriver / DBDParams.  Prepares every statement of pt_sql.  */
int pt_db_open(apr_pool_t *p, const char *driver, const char *params, pt_db **db,
               const char **err);
void pt_db_close(pt_db *db);
/* Prepare (again) every statement of pt_sql: at connection, and after a migration or a
 * PRAGMA has expired SQLite's statements.  *missing counts those that fail (tables not
 * created yet). */
int pt_db_prepare_all(pt_db *db, int *missing);
/* Prepare (again) one statement of pt_sql: inside a migration, where a failure would abort
 * a PostgreSQL transaction and SQLite has expired what was prepared before the change. */
int pt_db_prepare_one(pt_db *db, const char *label);

/* Once per process, before its first connection (Apache's pre_config): SQLite without
 * the locks that only connections shared between threads need.  mod_dbd lends each
 * connection to one thread at a time, so the mutex SQLite's default « serialized » mode
 * takes in every call — for each column of each row read — protects nothing, and neither
 * does the global one around its memory statistics.  Returns 0, or SQLite's code when it
 * was started already in this process (it then stays as it was, still correct). */
int pt_db_process_init(void);

/* Per-connection settings (SQLite: foreign keys, busy timeout; WAL is persistent and set
 * by `portail-ctl init`).  Run once on each new connection, then prepare again: SQLite
 * expires statements prepared before a PRAGMA. */
int pt_db_connection_init(pt_db *db);

/* Run a prepared statement.  args holds nargs strings (NULL = SQL NULL). */
int pt_db_select(pt_db *db, apr_pool_t *p, const char *label, int nargs,
                 const char *const *args, pt_rows **rows);
int pt_db_exec(pt_db *db, apr_pool_t *p, const char *label, int nargs,
               const char *const *args, int *affected);

/* Convenience: the arguments as a compound literal, counted at compile time. */
#define PT_ARGS(...) (int)(sizeof((const char *[]){__VA_ARGS__}) / sizeof(const char *)), \
                     (const char *const[]){__VA_ARGS__}
#define PT_NOARGS 0, NULL

/* Unprepared SQL, for migrations only (trusted files, never input). */
int pt_db_exec_raw(pt_db *db, apr_pool_t *p, const char *sql);

/* A PRAGMA or other fixed statement whose rows are ignored (SQLite settings). */
int pt_db_pragma(pt_db *db, apr_pool_t *p, const char *sql);

/* SQLite has one writer at a time, and apr_dbd's driver waits for it while holding a
 * mutex of the whole process: transactions (all of the portal's write) take `lock`
 * first — lock(ctx, 1) takes it, lock(ctx, 0) gives it back, each returning 0 on success
 * — and give it back at commit or rollback.  Ignored for PostgreSQL, whose row locks
 * queue writers already. */
void pt_db_set_writers_lock(pt_db *db, int (*lock)(void *ctx, int take), void *ctx);

/* Transactions.  The pool given to pt_db_begin owns the transaction: commit and rollback
 * end it on that same pool, and if the pool is destroyed first (the request ends after an
 * error path forgot its rollback) the transaction is ROLLED BACK and the writers' lock
 * given back — never committed, on SQLite as on PostgreSQL.  A statement that fails inside
 * the transaction marks it: pt_db_commit then rolls back and returns that failure. */
int pt_db_begin(pt_db *db, apr_pool_t *p);
int pt_db_commit(pt_db *db);
int pt_db_rollback(pt_db *db);

/* A read snapshot: the statements that follow, until pt_db_snapshot_end, read the
 * database as it was at the first of them — a page made of several queries sees one state
 * of it.  SQLite: one read transaction (BEGIN, deferred: no lock until the first read)
 * instead of one per statement, each of which takes and gives back the WAL's read mark
 * and checks the file's size, three system calls; a page of seven queries makes eighteen
 * fewer.  PostgreSQL: nothing is sent (each statement is its own snapshot there, and
 * BEGIN / COMMIT would cost two round trips).  Only reads go inside: pt_db_begin and
 * pt_db_exec end an open snapshot first.  The pool `p` ends it if the caller does not,
 * before the connection goes back to mod_dbd's pool.  Inside a transaction, or while a
 * snapshot is open, it does nothing. */
int pt_db_snapshot(pt_db *db, apr_pool_t *p);
void pt_db_snapshot_end(pt_db *db);

/* Fault injection, for tests (built with --enable-fault-injection; otherwise a spec is
 * refused with PT_DB_ERROR).  `spec`: items separated by « , » or « ; », each
 * TARGET=KIND[*COUNT] — TARGET a statement label (« label@N »: only its N-th run),
 * « #N » (the N-th statement run through this pt_db), or « begin » / « commit » /
 * « rollback »; KIND « busy », « constraint », « lost » (connection lost), « norow » (for a
 * label: not run, no row changed or returned — someone else changed the row first), or
 * for rollback « skip » (the rollback is not done: a screen that forgets it); COUNT how
 * many times (default 1, « * » always).  An injected failure looks to the caller like the
 * real one; nothing is sent to the database. */
int pt_db_fault_set(pt_db *db, const char *spec);
/* How many injected faults fired on this pt_db. */
int pt_db_fault_fired(const pt_db *db);

/* Access to fetched rows. */
const char *pt_rows_get(const pt_rows *r, int row, const char *col);
apr_int64_t pt_rows_int(const pt_rows *r, int row, const char *col, apr_int64_t dflt);

/* A LIKE pattern « contains `typed` », lowercased (ASCII), its wildcards escaped with
 * « ! » — statements say ESCAPE '!'. */
const char *pt_db_like(apr_pool_t *p, const char *typed);

/* Integer to argument string, in p. */
const char *pt_db_int(apr_pool_t *p, apr_int64_t v);

#endif
