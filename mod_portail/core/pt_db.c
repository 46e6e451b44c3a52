/* pt_db — prepared statements by label over apr_dbd.  See pt_db.h. */
#include <string.h>
#include <apr_strings.h>
#include <apr_tables.h>
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

/* Classify a driver error: busy / serialization failures can be retried, constraint
 * violations are the caller's business (409), the rest is an error for the log. */
static int pt_db_status(pt_db *db, int rv)
{
    const char *msg;
    if (rv == 0) {
        return PT_DB_OK;
    }
    msg = apr_dbd_error(db->driver, db->handle, rv);
    db->error = msg ? apr_pstrdup(db->pool, msg) : "unknown database error";
    if (db->dialect == PT_DIALECT_SQLITE) {
        /* SQLITE_BUSY = 5, SQLITE_LOCKED = 6, SQLITE_CONSTRAINT = 19 */
        if (rv == 5 || rv == 6) {
            return PT_DB_BUSY;
        }
        if (rv == 19) {
            return PT_DB_CONFLICT;
        }
    }
    if (db->error && (strstr(db->error, "UNIQUE") || strstr(db->error, "unique")
                      || strstr(db->error, "duplicate key")
                      || strstr(db->error, "FOREIGN KEY")
                      || strstr(db->error, "foreign key"))) {
        return PT_DB_CONFLICT;
    }
    if (db->error && (strstr(db->error, "could not serialize")
                      || strstr(db->error, "deadlock")
                      || strstr(db->error, "database is locked"))) {
        return PT_DB_BUSY;
    }
    return PT_DB_ERROR;
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
static int pt_db_reprepared(pt_db *db, const char *label, apr_dbd_prepared_t **st)
{
    apr_pool_t *keep = db->prepared ? apr_hash_pool_get(db->prepared) : NULL;
    const pt_sql_stmt *s, *mine = NULL;
    apr_dbd_prepared_t *one = NULL;
    if (db->dialect != PT_DIALECT_PGSQL || db->txn || !keep) {
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
    /* random access: fetched at once (the PostgreSQL driver loses values in its
     * asynchronous, row-by-row mode) */
    rv = apr_dbd_pselect(db->driver, p, db->handle, &res, st, 1, nargs, (const char **)args);
    if (rv != 0 && pt_db_reprepared(db, label, &st)) {
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
    apr_dbd_prepared_t *st = pt_db_statement(db, label);
    int n = 0, rv;
    if (!st) {
        return PT_DB_ERROR;
    }
    rv = apr_dbd_pquery(db->driver, p, db->handle, &n, st, nargs, (const char **)args);
    if (rv != 0 && pt_db_reprepared(db, label, &st)) {
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

int pt_db_begin(pt_db *db, apr_pool_t *p)
{
    int rv;
    db->txn = NULL;
    if (db->lock && !db->locked) {
        if (db->lock(db->lock_ctx, 1) != 0) {
            return PT_DB_BUSY;
        }
        db->locked = 1;
    }
    rv = apr_dbd_transaction_start(db->driver, p, db->handle, &db->txn);
    if (rv != 0) {
        db->txn = NULL;
        pt_db_unlock(db);
        return pt_db_status(db, rv);
    }
    /* Any error inside the transaction rolls it all back at the end. */
    apr_dbd_transaction_mode_set(db->driver, db->txn, APR_DBD_TRANSACTION_COMMIT);
    return PT_DB_OK;
}

static int pt_db_end(pt_db *db, int mode)
{
    int rv;
    if (!db->txn) {
        pt_db_unlock(db);
        return PT_DB_OK;
    }
    apr_dbd_transaction_mode_set(db->driver, db->txn, mode);
    rv = apr_dbd_transaction_end(db->driver, db->pool, db->txn);
    db->txn = NULL;
    pt_db_unlock(db);
    return pt_db_status(db, rv);
}

int pt_db_commit(pt_db *db)
{
    return pt_db_end(db, APR_DBD_TRANSACTION_COMMIT);
}

int pt_db_rollback(pt_db *db)
{
    return pt_db_end(db, APR_DBD_TRANSACTION_ROLLBACK);
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
