/* pt_db — prepared statements by label over apr_dbd.  See pt_db.h. */
#include <string.h>
#include <apr_strings.h>
#include <apr_tables.h>
#include <stdlib.h>
#include <apr_lib.h>
#include <sqlite3.h>
#include <libpq-fe.h>
#include "core/pt_db.h"
#include "core/pt_sql.h"

static pt_dialect pt_db_dialect_of(const apr_dbd_driver_t *driver)
{
    return strcmp(apr_dbd_name(driver), "pgsql") == 0 ? PT_DIALECT_PGSQL : PT_DIALECT_SQLITE;
}

pt_db *pt_db_wrap(apr_pool_t *p, const apr_dbd_driver_t *driver, apr_dbd_t *handle,
                  apr_hash_t *prepared)
{
    pt_db *db = apr_pcalloc(p, sizeof(*db));
    db->pool = p;
    db->driver = driver;
    db->handle = handle;
    db->prepared = prepared;
    db->dialect = pt_db_dialect_of(driver);
    return db;
}

/* The SQLSTATE in libpq's verbose message: « SEVERITY:  CODE: text » on its first line,
 * the severity possibly translated (« ERREUR »), the code never. */
static const char *pt_db_pg_sqlstate(apr_pool_t *p, const char *m)
{
    const char *s;
    for (s = m; s && *s && *s != '\n'; s++) {
        if (s[0] == ':' && s[1] == ' ' && s[2] == ' ') {
            const char *c = s + 3;
            int i = 0;
            while (i < 5 && (apr_isdigit(c[i]) || apr_isupper(c[i]))) {
                i++;
            }
            if (i == 5 && c[5] == ':') {
                return apr_pstrmemdup(p, c, 5);
            }
        }
    }
    return NULL;
}

int pt_db_classify(pt_dialect dialect, int rv, int sqlite_code, const char *message,
                   apr_pool_t *p, const char **sqlstate)
{
    const char *code;
    if (sqlstate) {
        *sqlstate = "";
    }
    if (rv == 0) {
        return PT_DB_OK;
    }
    if (dialect == PT_DIALECT_SQLITE) {
        /* The driver returns SQLITE_ERROR for most failures of its legacy interface; the
         * connection's result code tells which.  Primary codes only (& 0xff). */
        int c = (sqlite_code > 0 ? sqlite_code : rv) & 0xff;
        if (sqlstate) {
            *sqlstate = apr_psprintf(p, "SQLITE_%d", c);
        }
        if (c == SQLITE_BUSY || c == SQLITE_LOCKED) {
            return PT_DB_BUSY;
        }
        return c == SQLITE_CONSTRAINT ? PT_DB_CONFLICT : PT_DB_ERROR;
    }
    code = message ? pt_db_pg_sqlstate(p, message) : NULL;
    if (!code) {
        return PT_DB_ERROR;
    }
    if (sqlstate) {
        *sqlstate = code;
    }
    if (strncmp(code, "23", 2) == 0) {
        return PT_DB_CONFLICT;      /* 23505 unique, 23503 foreign key, 23514 check … */
    }
    if (!strcmp(code, "40001") || !strcmp(code, "40P01") || !strcmp(code, "55P03")) {
        return PT_DB_BUSY;          /* serialization failure, deadlock, lock not available */
    }
    return PT_DB_ERROR;             /* 08xxx / 57P0x (connection lost) and the rest */
}

/* Classify a driver failure (see pt_db_classify), keep its message and code for the log,
 * and mark the open transaction failed. */
static int pt_db_status(pt_db *db, int rv)
{
    const char *msg;
    int status, sqlite_code = -1;
    if (rv == 0) {
        return PT_DB_OK;
    }
    msg = apr_dbd_error(db->driver, db->handle, rv);
    db->error = msg ? apr_pstrdup(db->pool, msg) : "unknown database error";
    if (db->dialect == PT_DIALECT_SQLITE) {
        sqlite3 *h = apr_dbd_native_handle(db->driver, db->handle);
        sqlite_code = h ? sqlite3_errcode(h) : -1;
    }
    status = pt_db_classify(db->dialect, rv, sqlite_code, db->error, db->pool, &db->sqlstate);
    if (db->dialect == PT_DIALECT_PGSQL && !*db->sqlstate) {
        /* libpq's own failures (server gone, socket closed) carry no SQLSTATE. */
        PGconn *c = apr_dbd_native_handle(db->driver, db->handle);
        if (!c || PQstatus(c) != CONNECTION_OK) {
            db->sqlstate = "08006";
        }
    }
    if (db->txn && !db->txn_status) {
        db->txn_status = status;
    }
    return status;
}

/* Fault injection (tests).  See pt_db.h. */
#define PT_DB_FAULTS_MAX 8
#define PT_DB_FAULT_NOROW 9           /* the statement is not run and changes nothing */
typedef struct pt_db_fault_item {
    const char *target;               /* label, "#N", "begin", "commit", "rollback" */
    int kind;                         /* PT_DB_BUSY, PT_DB_CONFLICT, PT_DB_ERROR,
                                       * PT_DB_FAULT_NOROW, or 0: skip */
    int left;                         /* times left, -1 always */
    int nth, seen;                    /* label@N: only its N-th run (0: every run) */
} pt_db_fault_item;

struct pt_db_faults {
    pt_db_fault_item f[PT_DB_FAULTS_MAX];
    int n, fired;
};

int pt_db_fault_fired(const pt_db *db)
{
    return db->faults ? db->faults->fired : 0;
}

#ifdef PT_FAULT_INJECTION
int pt_db_fault_set(pt_db *db, const char *spec)
{
    char *copy = apr_pstrdup(db->pool, spec), *state = NULL, *item;
    struct pt_db_faults *fs = apr_pcalloc(db->pool, sizeof(*fs));
    for (item = apr_strtok(copy, ",;", &state); item; item = apr_strtok(NULL, ",;", &state)) {
        char *eq = strchr(item, '='), *star, *kind;
        pt_db_fault_item *f;
        while (*item == ' ') {
            item++;
        }
        if (!eq || fs->n == PT_DB_FAULTS_MAX) {
            return PT_DB_ERROR;
        }
        *eq = '\0';
        kind = eq + 1;
        f = &fs->f[fs->n];
        f->target = item;
        f->left = 1;
        if ((star = strchr(item, '@')) != NULL) {
            *star = '\0';
            f->nth = atoi(star + 1);
        }
        if ((star = strchr(kind, '*')) != NULL) {
            *star = '\0';
            f->left = star[1] ? atoi(star + 1) : -1;
        }
        f->kind = !strcmp(kind, "busy") ? PT_DB_BUSY : !strcmp(kind, "constraint")
                  ? PT_DB_CONFLICT : !strcmp(kind, "lost") ? PT_DB_ERROR
                  : !strcmp(kind, "skip") ? 0 : !strcmp(kind, "norow") ? PT_DB_FAULT_NOROW : -1;
        if (f->kind < 0 || (f->kind == 0 && strcmp(item, "rollback"))
            || (f->kind == PT_DB_FAULT_NOROW && strncmp(item, "portail_", 8) != 0)) {
            return PT_DB_ERROR;
        }
        fs->n++;
    }
    db->faults = fs->n ? fs : NULL;
    return PT_DB_OK;
}
#else
int pt_db_fault_set(pt_db *db, const char *spec)
{
    db->error = "built without --enable-fault-injection";
    return PT_DB_ERROR;
}
#endif

/* An injected failure for `target` (a label or begin / commit / rollback): -1 for none,
 * else its status (0: skip). */
static int pt_db_fault(pt_db *db, const char *target, int counted)
{
    int i;
    if (!db->faults) {
        return -1;
    }
    for (i = 0; i < db->faults->n; i++) {
        pt_db_fault_item *f = &db->faults->f[i];
        int hit = !strcmp(f->target, target)
                  || (counted && f->target[0] == '#' && atoi(f->target + 1) == db->statements);
        if (hit && f->nth && ++f->seen != f->nth) {
            continue;
        }
        if (!hit || f->left == 0) {
            continue;
        }
        if (f->left > 0) {
            f->left--;
        }
        db->faults->fired++;
        if (f->kind == PT_DB_FAULT_NOROW) {
            return f->kind;       /* not an error: the row changed meanwhile */
        }
        db->error = apr_psprintf(db->pool, "fault injected: %s on %s",
                                 f->kind == PT_DB_BUSY ? "busy" : f->kind == PT_DB_CONFLICT
                                 ? "constraint" : f->kind == PT_DB_ERROR ? "connection lost"
                                 : "skip", target);
        db->sqlstate = f->kind == PT_DB_BUSY ? "40001" : f->kind == PT_DB_CONFLICT ? "23505"
                       : "08006";
        if (db->txn && f->kind && !db->txn_status) {
            db->txn_status = f->kind;
        }
        return f->kind;
    }
    return -1;
}

/* Before each statement: count it, and maybe fail it on purpose. */
static int pt_db_before(pt_db *db, const char *label)
{
    db->statements++;
    return pt_db_fault(db, label, 1);
}

static apr_dbd_prepared_t *pt_db_statement(pt_db *db, const char *label)
{
    apr_dbd_prepared_t *st = db->prepared ? apr_hash_get(db->prepared, label,
                                                         APR_HASH_KEY_STRING) : NULL;
    if (!st) {
        db->error = apr_psprintf(db->pool, "no prepared statement %s", label);
    }
    return st;
}

/* After a PostgreSQL restart, a pooled connection fails its first statement (the server
 * closed it), then libpq reopens it (mod_dbd's check) with none of the statements mod_dbd
 * still lists: each fails until the connection expires.  So after a failure outside a
 * transaction, reopen the connection if it is closed and prepare the statement again;
 * PostgreSQL refuses a name that exists, so success means the session had lost them all:
 * prepare the others too (in the connection's pool, where mod_dbd keeps them) and say to
 * run the statement again.  A genuine error costs one refused PREPARE.
 * (h12fault, t/api/19_db_outage.t) */
static int pt_db_reprepared(pt_db *db, int rv, const char *label, apr_dbd_prepared_t **st)
{
    apr_pool_t *keep = db->prepared ? apr_hash_pool_get(db->prepared) : NULL;
    const pt_sql_stmt *s, *mine = NULL;
    apr_dbd_prepared_t *one = NULL;
    if (db->dialect != PT_DIALECT_PGSQL || db->txn || !keep) {
        return 0;
    }
    /* Only a connection lost (08…, 57P0…) or a statement the session no longer knows
     * (26000): a genuine error keeps its class (a PREPARE refused here would replace its
     * message, and a unique violation would no longer be a 409). */
    pt_db_status(db, rv);
    if (strncmp(db->sqlstate, "08", 2) != 0 && strncmp(db->sqlstate, "57P0", 4) != 0
        && strcmp(db->sqlstate, "26000") != 0) {
        return 0;
    }
    for (s = pt_sql_statements; s->label && !mine; s++) {
        mine = strcmp(s->label, label) == 0 ? s : NULL;
    }
    /* A connection the server closed (restart) is opened again here by libpq. */
    if (!mine || apr_dbd_check_conn(db->driver, keep, db->handle) != APR_SUCCESS
        || apr_dbd_prepare(db->driver, keep, db->handle, mine->sql, mine->label, &one) != 0) {
        return 0;
    }
    apr_hash_set(db->prepared, mine->label, APR_HASH_KEY_STRING, one);
    for (s = pt_sql_statements; s->label; s++) {
        apr_dbd_prepared_t *other = NULL;
        if (s != mine && apr_dbd_prepare(db->driver, keep, db->handle, s->sql, s->label,
                                         &other) == 0) {
            apr_hash_set(db->prepared, s->label, APR_HASH_KEY_STRING, other);
        }
    }
    *st = one;
    return 1;
}

int pt_db_select(pt_db *db, apr_pool_t *p, const char *label, int nargs,
                 const char *const *args, pt_rows **rows)
{
    apr_dbd_prepared_t *st = pt_db_statement(db, label);
    apr_dbd_results_t *res = NULL;
    apr_dbd_row_t *row = NULL;
    apr_array_header_t *acc;
    pt_rows *out;
    int rv, i;

    if (!st) {
        return PT_DB_ERROR;
    }
    if ((rv = pt_db_before(db, label)) >= 0) {
        if (rv == PT_DB_FAULT_NOROW && rows) {
            *rows = apr_pcalloc(p, sizeof(pt_rows));
            (*rows)->names = apr_pcalloc(p, sizeof(char *));
        }
        return rv == PT_DB_FAULT_NOROW ? PT_DB_OK : rv;
    }
    /* random access: fetched at once (the PostgreSQL driver loses values in its
     * asynchronous, row-by-row mode) */
    rv = apr_dbd_pselect(db->driver, p, db->handle, &res, st, 1, nargs, (const char **)args);
    if (rv != 0 && pt_db_reprepared(db, rv, label, &st)) {
        rv = apr_dbd_pselect(db->driver, p, db->handle, &res, st, 1, nargs, (const char **)args);
    }
    if (rv != 0) {
        return pt_db_status(db, rv);
    }
    out = apr_pcalloc(p, sizeof(*out));
    out->ncols = apr_dbd_num_cols(db->driver, res);
    out->names = apr_palloc(p, sizeof(char *) * (out->ncols + 1));
    for (i = 0; i < out->ncols; i++) {
        const char *name = apr_dbd_get_name(db->driver, res, i);
        out->names[i] = name ? apr_pstrdup(p, name) : "";
    }
    acc = apr_array_make(p, 8, sizeof(const char **));
    /* Sequential access: the driver gives rows until it returns -1. */
    while ((rv = apr_dbd_get_row(db->driver, p, res, &row, -1)) == 0) {
        const char **vals = apr_palloc(p, sizeof(char *) * (out->ncols + 1));
        for (i = 0; i < out->ncols; i++) {
            /* apr_dbd_get_entry gives "" for a PostgreSQL NULL; datum_get tells them apart. */
            char *v = NULL;
            vals[i] = apr_dbd_datum_get(db->driver, row, i, APR_DBD_TYPE_STRING, &v)
                      == APR_SUCCESS && v ? apr_pstrdup(p, v) : NULL;
        }
        APR_ARRAY_PUSH(acc, const char **) = vals;
    }
    out->n = acc->nelts;
    out->values = (const char ***)acc->elts;
    if (rows) {
        *rows = out;
    }
    return PT_DB_OK;
}

int pt_db_exec(pt_db *db, apr_pool_t *p, const char *label, int nargs,
               const char *const *args, int *affected)
{
    apr_dbd_prepared_t *st;
    int n = 0, rv;
    /* A write inside the read snapshot would have to upgrade its lock: end it first. */
    pt_db_snapshot_end(db);
    st = pt_db_statement(db, label);
    if (affected) {
        *affected = 0;
    }
    if (!st) {
        return PT_DB_ERROR;
    }
    if ((rv = pt_db_before(db, label)) >= 0) {
        return rv == PT_DB_FAULT_NOROW ? PT_DB_OK : rv;
    }
    rv = apr_dbd_pquery(db->driver, p, db->handle, &n, st, nargs, (const char **)args);
    if (rv != 0 && pt_db_reprepared(db, rv, label, &st)) {
        rv = apr_dbd_pquery(db->driver, p, db->handle, &n, st, nargs, (const char **)args);
    }
    if (affected) {
        *affected = n;
    }
    return pt_db_status(db, rv);
}

int pt_db_exec_raw(pt_db *db, apr_pool_t *p, const char *sql)
{
    int n = 0;
    return pt_db_status(db, apr_dbd_query(db->driver, db->handle, &n, sql));
}

int pt_db_pragma(pt_db *db, apr_pool_t *p, const char *sql)
{
    apr_dbd_results_t *res = NULL;
    apr_dbd_row_t *row = NULL;
    /* Some PRAGMAs answer with a row, which apr_dbd_query takes for an error. */
    int rv = apr_dbd_select(db->driver, p, db->handle, &res, sql, 0);
    if (rv != 0) {
        return pt_db_status(db, rv);
    }
    while (apr_dbd_get_row(db->driver, p, res, &row, -1) == 0) {
        /* drain */
    }
    return PT_DB_OK;
}

void pt_db_set_writers_lock(pt_db *db, int (*lock)(void *ctx, int take), void *ctx)
{
    if (db->dialect == PT_DIALECT_SQLITE) {
        db->lock = lock;
        db->lock_ctx = ctx;
    }
}

static void pt_db_unlock(pt_db *db)
{
    if (db->locked) {
        db->locked = 0;
        db->lock(db->lock_ctx, 0);
    }
}

/* End the open transaction on the pool that began it (apr_dbd_transaction_end removes
 * the cleanup apr_dbd_transaction_start registered there), then give the lock back. */
static int pt_db_txn_close(pt_db *db, int mode)
{
    int rv;
    apr_dbd_transaction_mode_set(db->driver, db->txn, mode);
    rv = apr_dbd_transaction_end(db->driver, db->txn_pool, db->txn);
    db->txn = NULL;
    db->txn_pool = NULL;
    pt_db_unlock(db);
    return rv;
}

/* The owner pool goes with the transaction still open: roll back. */
static apr_status_t pt_db_txn_cleanup(void *data)
{
    pt_db *db = data;
    if (db->txn) {
        pt_db_txn_close(db, APR_DBD_TRANSACTION_ROLLBACK);
    }
    pt_db_unlock(db);
    return APR_SUCCESS;
}

/* The end of a read snapshot: COMMIT of a transaction that wrote nothing.  Should SQLite
 * have ended it already (an I/O error rolls back), ROLLBACK too fails, harmlessly. */
static apr_status_t pt_db_snapshot_cleanup(void *data)
{
    pt_db *db = data;
    int n = 0;
    db->snapshot = NULL;
    if (apr_dbd_query(db->driver, db->handle, &n, "COMMIT") != 0) {
        apr_dbd_query(db->driver, db->handle, &n, "ROLLBACK");
    }
    return APR_SUCCESS;
}

int pt_db_snapshot(pt_db *db, apr_pool_t *p)
{
    int n = 0, rv;
    if (db->dialect != PT_DIALECT_SQLITE || db->txn || db->snapshot) {
        return PT_DB_OK;
    }
    if ((rv = apr_dbd_query(db->driver, db->handle, &n, "BEGIN")) != 0) {
        return pt_db_status(db, rv);
    }
    db->snapshot = p;
    apr_pool_cleanup_register(p, db, pt_db_snapshot_cleanup, apr_pool_cleanup_null);
    return PT_DB_OK;
}

void pt_db_snapshot_end(pt_db *db)
{
    if (db->snapshot) {
        apr_pool_cleanup_run(db->snapshot, db, pt_db_snapshot_cleanup);
    }
}

int pt_db_begin(pt_db *db, apr_pool_t *p)
{
    int rv;
    pt_db_snapshot_end(db);
    if (db->txn) {
        /* Never two at once on one connection: a programming error, refused; the open
         * one fails too (its caller rolls it back, or its pool does). */
        db->error = "a transaction is already open on this connection";
        db->txn_status = PT_DB_ERROR;
        return PT_DB_ERROR;
    }
    db->txn_status = PT_DB_OK;
    if ((rv = pt_db_fault(db, "begin", 0)) > 0) {
        return rv;
    }
    if (db->lock && !db->locked) {
        if (db->lock(db->lock_ctx, 1) != 0) {
            return PT_DB_BUSY;
        }
        db->locked = 1;
    }
    if (db->dialect == PT_DIALECT_PGSQL) {
        PGconn *c = apr_dbd_native_handle(db->driver, db->handle);
        if (!c || PQstatus(c) != CONNECTION_OK) {
            db->error = "connection to PostgreSQL lost";
            db->sqlstate = "08006";
            return PT_DB_ERROR;
        }
        /* apr-util 1.6's PostgreSQL driver dereferences the transaction when BEGIN fails
         * and none was given: give it one, zeroed (its struct is three words). */
        db->txn = apr_pcalloc(p, 64);
    }
    rv = apr_dbd_transaction_start(db->driver, p, db->handle, &db->txn);
    db->txn_pool = p;
    if (rv != 0) {
        int status = pt_db_status(db, rv);
        if (db->txn) {
            /* The driver recorded a transaction on the connection anyway: clear it. */
            pt_db_txn_close(db, APR_DBD_TRANSACTION_ROLLBACK);
        }
        db->txn = NULL;
        pt_db_unlock(db);
        return status;
    }
    /* While it is open the transaction's mode is ROLLBACK: whoever ends it without
     * pt_db_commit — apr_dbd's own cleanup included — rolls it back. */
    apr_dbd_transaction_mode_set(db->driver, db->txn, APR_DBD_TRANSACTION_ROLLBACK);
    apr_pool_cleanup_register(p, db, pt_db_txn_cleanup, apr_pool_cleanup_null);
    return PT_DB_OK;
}

static int pt_db_end(pt_db *db, int mode)
{
    int rv, failed = db->txn_status;
    if (!db->txn) {
        pt_db_unlock(db);
        return PT_DB_OK;
    }
    if (failed) {
        mode = APR_DBD_TRANSACTION_ROLLBACK;
    }
    apr_pool_cleanup_kill(db->txn_pool, db, pt_db_txn_cleanup);
    rv = pt_db_txn_close(db, mode);
    db->txn_status = PT_DB_OK;
    rv = pt_db_status(db, rv);
    /* A commit of a transaction where a statement failed rolled back: say so. */
    return failed && mode == APR_DBD_TRANSACTION_ROLLBACK && rv == PT_DB_OK ? failed : rv;
}

int pt_db_commit(pt_db *db)
{
    int rv = pt_db_fault(db, "commit", 0);
    if (rv > 0) {
        if (db->txn && !db->txn_status) {
            db->txn_status = rv;
        }
        pt_db_end(db, APR_DBD_TRANSACTION_ROLLBACK);
        return rv;
    }
    return pt_db_end(db, APR_DBD_TRANSACTION_COMMIT);
}

int pt_db_rollback(pt_db *db)
{
    if (pt_db_fault(db, "rollback", 0) == 0) {
        return PT_DB_OK;           /* injected: the caller « forgot » its rollback */
    }
    db->txn_status = PT_DB_OK;
    return pt_db_end(db, APR_DBD_TRANSACTION_ROLLBACK);
}

int pt_db_process_init(void)
{
    int rv = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    if (rv == SQLITE_OK) {
        rv = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    }
    return rv;
}

int pt_db_connection_init(pt_db *db)
{
    if (db->dialect == PT_DIALECT_SQLITE) {
        int rv = pt_db_pragma(db, db->pool, "PRAGMA foreign_keys = ON");
        if (rv == PT_DB_OK) {
            /* Short on purpose: apr_dbd's SQLite driver holds one mutex for the whole
             * process around each sqlite3_step, so a thread waiting out a long busy
             * timeout there stops every other thread of the process — the one holding
             * the write lock included, until the timeout.  The driver then retries with
             * its mutex released, and pt_db's callers retry whole transactions. */
            rv = pt_db_pragma(db, db->pool, "PRAGMA busy_timeout = 20");
        }
        if (rv == PT_DB_OK) {
            /* WAL is persistent once set by portail-ctl; synchronous=NORMAL is safe in WAL. */
            rv = pt_db_pragma(db, db->pool, "PRAGMA synchronous = NORMAL");
        }
        return rv;
    }
    /* PostgreSQL: libpq's verbose errors put the SQLSTATE in the message, the only text
     * apr_dbd hands on (it clears the result, and the code with it). */
    PQsetErrorVerbosity(apr_dbd_native_handle(db->driver, db->handle), PQERRORS_VERBOSE);
    return PT_DB_OK;
}

int pt_db_open(apr_pool_t *p, const char *driver, const char *params, pt_db **dbp,
               const char **err)
{
    const apr_dbd_driver_t *drv = NULL;
    apr_dbd_t *handle = NULL;
    const char *open_err = NULL;
    apr_hash_t *prepared;
    pt_db *db;
    apr_status_t rv;

    apr_dbd_init(p);
    rv = apr_dbd_get_driver(p, driver, &drv);
    if (rv != APR_SUCCESS) {
        *err = apr_psprintf(p, "pilote de base de données « %s » introuvable "
                            "(paquet libaprutil1-dbd-%s ?)", driver, driver);
        return PT_DB_ERROR;
    }
    rv = apr_dbd_open_ex(drv, p, params, &handle, &open_err);
    if (rv != APR_SUCCESS) {
        *err = apr_psprintf(p, "connexion impossible (%s) : %s", params,
                            open_err ? open_err : "erreur inconnue");
        return PT_DB_ERROR;
    }
    prepared = apr_hash_make(p);
    db = pt_db_wrap(p, drv, handle, prepared);
    *dbp = db;
    /* Settings first: on SQLite a PRAGMA such as foreign_keys expires the statements
     * prepared before it. */
    if (pt_db_connection_init(db) != PT_DB_OK) {
        *err = db->error;
        return PT_DB_ERROR;
    }
    pt_db_prepare_all(db, NULL);
    return PT_DB_OK;
}

static int pt_db_prepare_stmt(pt_db *db, const pt_sql_stmt *s, int replace)
{
    apr_dbd_prepared_t *st = NULL;
    /* Only SQLite expires statements (schema change, PRAGMA); PostgreSQL re-plans its own
     * and refuses a second PREPARE of a name. */
    if ((!replace || db->dialect == PT_DIALECT_PGSQL)
        && apr_hash_get(db->prepared, s->label, APR_HASH_KEY_STRING)) {
        return PT_DB_OK;
    }
    if (apr_dbd_prepare(db->driver, db->pool, db->handle, s->sql, s->label, &st) != 0) {
        return PT_DB_ERROR;
    }
    apr_hash_set(db->prepared, s->label, APR_HASH_KEY_STRING, st);
    return PT_DB_OK;
}

int pt_db_prepare_one(pt_db *db, const char *label)
{
    const pt_sql_stmt *s;
    for (s = pt_sql_statements; s->label; s++) {
        if (strcmp(s->label, label) == 0) {
            return pt_db_prepare_stmt(db, s, 1);
        }
    }
    return PT_DB_ERROR;
}

int pt_db_prepare_all(pt_db *db, int *missing)
{
    const pt_sql_stmt *s;
    int failed = 0;
    for (s = pt_sql_statements; s->label; s++) {
        /* Before `init` the tables do not exist and preparing fails: count, go on. */
        if (pt_db_prepare_stmt(db, s, 1) != PT_DB_OK) {
            failed++;
        }
    }
    if (missing) {
        *missing = failed;
    }
    return failed ? PT_DB_ERROR : PT_DB_OK;
}

void pt_db_close(pt_db *db)
{
    if (db && db->handle) {
        pt_db_snapshot_end(db);
        apr_dbd_close(db->driver, db->handle);
        db->handle = NULL;
    }
}

const char *pt_rows_get(const pt_rows *r, int row, const char *col)
{
    int i;
    if (!r || row < 0 || row >= r->n) {
        return NULL;
    }
    for (i = 0; i < r->ncols; i++) {
        if (strcmp(r->names[i], col) == 0) {
            return r->values[row][i];
        }
    }
    return NULL;
}

apr_int64_t pt_rows_int(const pt_rows *r, int row, const char *col, apr_int64_t dflt)
{
    const char *v = pt_rows_get(r, row, col);
    return v && *v ? apr_atoi64(v) : dflt;
}

const char *pt_db_int(apr_pool_t *p, apr_int64_t v)
{
    return apr_psprintf(p, "%" APR_INT64_T_FMT, v);
}

const char *pt_db_like(apr_pool_t *p, const char *typed)
{
    char *out = apr_palloc(p, 2 * strlen(typed) + 3), *o = out;
    *o++ = '%';
    for (; *typed; typed++) {
        if (*typed == '%' || *typed == '_' || *typed == '!') {
            *o++ = '!';
        }
        *o++ = (*typed >= 'A' && *typed <= 'Z') ? (char)(*typed - 'A' + 'a') : *typed;
    }
    *o++ = '%';
    *o = '\0';
    return out;
}
