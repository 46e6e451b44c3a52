/* pt_db on a real SQLite database: a transaction whose owner forgets to end it is rolled
 * back, never committed; a statement failing inside a transaction makes the commit roll
 * back and report it; the writers' lock is taken for the time of a transaction only; and
 * a read snapshot sees one state of the database and never blocks a write; and
 * a missing driver, database or statement is said plainly. */
#include <string.h>
#include <apr_strings.h>
#include "unit.h"
#include "core/pt_db.h"

#define UNIT_SCHEMA_SQL "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, " \
                        "name TEXT NOT NULL, applied_at BIGINT NOT NULL)"

/* Each test has a database with the one table whose statements (portail_schema_*) it
 * uses, in a folder removed after the test. */
static const char *unit_dir;
static pt_db *db;

static void unit_db_setup(void)
{
    unit_setup();
    unit_dir = unit_tree();
    db = unit_open(unit_dir);
    ck_assert_int_eq(pt_db_exec_raw(db, unit_pool, UNIT_SCHEMA_SQL), PT_DB_OK);
    ck_assert_int_eq(pt_db_prepare_one(db, "portail_schema_record"), PT_DB_OK);
    ck_assert_int_eq(pt_db_prepare_one(db, "portail_schema_versions"), PT_DB_OK);
}

static void unit_db_teardown(void)
{
    pt_db_close(db);
    unit_remove(unit_dir);
    unit_teardown();
}

static int unit_record(int version)
{
    return pt_db_exec(db, unit_pool, "portail_schema_record",
                      PT_ARGS(apr_itoa(unit_pool, version), "x", "0"), NULL);
}

/* A fake writers' lock: counts who holds it; refuses when `refuse` is set. */
typedef struct {
    int held, taken, refuse;
} unit_lock;

static int unit_lock_fn(void *ctx, int take)
{
    unit_lock *l = ctx;
    if (take && l->refuse) {
        return 1;
    }
    l->held += take ? 1 : -1;
    l->taken += take ? 1 : 0;
    return 0;
}

START_TEST(abandoned_transaction_is_rolled_back_and_lock_given_back)
{
    unit_lock lock = { 0, 0, 0 };
    apr_pool_t *request;

    pt_db_set_writers_lock(db, unit_lock_fn, &lock);
    apr_pool_create(&request, unit_pool);
    ck_assert_int_eq(pt_db_begin(db, request), PT_DB_OK);
    ck_assert_int_eq(lock.held, 1);
    ck_assert_int_eq(unit_record(1), PT_DB_OK);
    /* The request ends on an error path that forgot its rollback. */
    apr_pool_destroy(request);
    ck_assert_int_eq(lock.held, 0);
    ck_assert_int_eq(unit_int(db, "SELECT count(*) FROM schema_version"), 0);

    /* The connection is usable afterwards: the next transaction commits. */
    apr_pool_create(&request, unit_pool);
    ck_assert_int_eq(pt_db_begin(db, request), PT_DB_OK);
    ck_assert_int_eq(unit_record(2), PT_DB_OK);
    ck_assert_int_eq(pt_db_commit(db), PT_DB_OK);
    ck_assert_int_eq(lock.held, 0);
    ck_assert_int_eq(lock.taken, 2);
    /* Destroying its pool after the commit changes nothing. */
    apr_pool_destroy(request);
    ck_assert_int_eq(unit_int(db, "SELECT count(*) FROM schema_version WHERE version = 2"), 1);
    ck_assert_int_eq(lock.held, 0);
}
END_TEST

START_TEST(failed_statement_makes_the_commit_roll_back)
{

    ck_assert_int_eq(unit_record(1), PT_DB_OK);
    ck_assert_int_eq(pt_db_begin(db, unit_pool), PT_DB_OK);
    ck_assert_int_eq(unit_record(2), PT_DB_OK);
    /* A unique violation is a conflict (a 409 for the screens), by SQLite's code. */
    ck_assert_int_eq(unit_record(1), PT_DB_CONFLICT);
    ck_assert_str_eq(db->sqlstate, "SQLITE_19");
    /* The caller commits anyway: rolled back, and the first failure is returned. */
    ck_assert_int_eq(pt_db_commit(db), PT_DB_CONFLICT);
    ck_assert_int_eq(unit_int(db, "SELECT count(*) FROM schema_version"), 1);

    /* Outside a transaction, ending one is harmless. */
    ck_assert_int_eq(pt_db_commit(db), PT_DB_OK);
    ck_assert_int_eq(pt_db_rollback(db), PT_DB_OK);
}
END_TEST

START_TEST(one_transaction_at_a_time)
{

    ck_assert_int_eq(pt_db_begin(db, unit_pool), PT_DB_OK);
    ck_assert_int_eq(unit_record(1), PT_DB_OK);
    /* A second begin on the same connection is a programming error: refused, and the
     * open transaction cannot commit half of what its caller meant. */
    ck_assert_int_eq(pt_db_begin(db, unit_pool), PT_DB_ERROR);
    ck_assert_str_eq(db->error, "a transaction is already open on this connection");
    ck_assert_int_eq(pt_db_commit(db), PT_DB_ERROR);
    ck_assert_int_eq(unit_int(db, "SELECT count(*) FROM schema_version"), 0);
}
END_TEST

START_TEST(busy_writers_lock_refuses_the_transaction)
{
    unit_lock lock = { 0, 0, 1 };

    pt_db_set_writers_lock(db, unit_lock_fn, &lock);
    ck_assert_int_eq(pt_db_begin(db, unit_pool), PT_DB_BUSY);
    ck_assert_int_eq(unit_record(1), PT_DB_OK);   /* not in a transaction */
    lock.refuse = 0;
    ck_assert_int_eq(pt_db_begin(db, unit_pool), PT_DB_OK);
    ck_assert_int_eq(pt_db_rollback(db), PT_DB_OK);
    ck_assert_int_eq(lock.held, 0);
}
END_TEST

/* A page's reads inside pt_db_snapshot see the database as it was at the first of them,
 * whatever another connection commits meanwhile; a write on the same connection ends the
 * snapshot first (else SQLite refuses to upgrade a stale read: SQLITE_BUSY_SNAPSHOT), and
 * so does its pool when the request forgets it. */
START_TEST(snapshot_reads_one_state_and_gives_way_to_writes)
{
    pt_db *other = unit_open(unit_dir);
    apr_pool_t *request;
    const char *count = "SELECT count(*) FROM schema_version";

    ck_assert_int_eq(pt_db_pragma(db, unit_pool, "PRAGMA journal_mode = WAL"), PT_DB_OK);
    ck_assert_int_eq(pt_db_prepare_one(db, "portail_schema_record"), PT_DB_OK);
    ck_assert_int_eq(pt_db_prepare_one(other, "portail_schema_record"), PT_DB_OK);
    apr_pool_create(&request, unit_pool);
    ck_assert_int_eq(pt_db_snapshot(db, request), PT_DB_OK);
    ck_assert_int_eq(unit_int(db, count), 0);
    ck_assert_int_eq(pt_db_exec(other, unit_pool, "portail_schema_record",
                                PT_ARGS("1", "x", "0"), NULL), PT_DB_OK);
    ck_assert_int_eq(unit_int(db, count), 0);           /* still the first state */
    ck_assert_int_eq(unit_int(other, count), 1);
    /* The write ends the snapshot, then succeeds. */
    ck_assert_int_eq(unit_record(2), PT_DB_OK);
    ck_assert_int_eq(unit_int(db, count), 2);
    ck_assert_int_eq(unit_int(other, count), 2);

    /* Forgotten: the pool ends it; a transaction can follow and commit. */
    ck_assert_int_eq(pt_db_snapshot(db, request), PT_DB_OK);
    ck_assert_int_eq(unit_int(db, count), 2);
    apr_pool_destroy(request);
    ck_assert_int_eq(pt_db_exec(other, unit_pool, "portail_schema_record",
                                PT_ARGS("3", "x", "0"), NULL), PT_DB_OK);
    ck_assert_int_eq(unit_int(db, count), 3);
    ck_assert_int_eq(pt_db_begin(db, unit_pool), PT_DB_OK);
    ck_assert_int_eq(unit_record(4), PT_DB_OK);
    ck_assert_int_eq(pt_db_commit(db), PT_DB_OK);
    ck_assert_int_eq(unit_int(other, count), 4);
    pt_db_close(other);
}
END_TEST

START_TEST(rows_are_read_by_column_name)
{
    pt_rows *r = NULL;

    ck_assert_int_eq(unit_record(7), PT_DB_OK);
    ck_assert_int_eq(unit_record(3), PT_DB_OK);
    ck_assert_int_eq(pt_db_select(db, unit_pool, "portail_schema_versions", PT_NOARGS, &r),
                     PT_DB_OK);
    ck_assert_int_eq(r->n, 2);
    ck_assert_str_eq(pt_rows_get(r, 0, "version"), "3");
    ck_assert_int_eq(pt_rows_int(r, 1, "version", -1), 7);
    /* No such column, no such row: nothing, and the default for a number. */
    ck_assert_ptr_null(pt_rows_get(r, 0, "name"));
    ck_assert_ptr_null(pt_rows_get(r, 2, "version"));
    ck_assert_ptr_null(pt_rows_get(r, -1, "version"));
    ck_assert_ptr_null(pt_rows_get(NULL, 0, "version"));
    ck_assert_int_eq(pt_rows_int(r, 5, "version", 42), 42);
}
END_TEST

START_TEST(missing_driver_database_or_statement_is_said)
{
    const char *err = NULL;
    pt_db *other = NULL;

    ck_assert_int_eq(pt_db_open(unit_pool, "oracle", "x", &other, &err), PT_DB_ERROR);
    ck_assert_str_eq(err, "pilote de base de données « oracle » introuvable "
                          "(paquet libaprutil1-dbd-oracle ?)");
    ck_assert_int_eq(pt_db_open(unit_pool, "sqlite3", "/nulle/part/portail.db", &other, &err),
                     PT_DB_ERROR);
    ck_assert_msg(strncmp(err, "connexion impossible (/nulle/part/portail.db) : ", 47) == 0,
                  "%s", err);

    /* Before portail-ctl init: no table, so no statement; each use says which. */
    ck_assert_int_eq(pt_db_open(unit_pool, "sqlite3", ":memory:", &other, &err), PT_DB_OK);
    ck_assert_int_eq(pt_db_exec(other, unit_pool, "portail_schema_record",
                                PT_ARGS("1", "x", "0"), NULL), PT_DB_ERROR);
    ck_assert_str_eq(other->error, "no prepared statement portail_schema_record");
    ck_assert_int_eq(pt_db_select(other, unit_pool, "portail_schema_versions", PT_NOARGS,
                                  NULL), PT_DB_ERROR);
    ck_assert_int_eq(pt_db_prepare_one(other, "portail_schema_versions"), PT_DB_ERROR);
    ck_assert_int_eq(pt_db_prepare_one(other, "portail_no_such_label"), PT_DB_ERROR);
    ck_assert_int_eq(pt_db_pragma(other, unit_pool, "PRAGMA no_such_table.user_version"),
                     PT_DB_ERROR);
    pt_db_close(other);
}
END_TEST

/* What a parent types in a search box is a literal: « 100% » does not match everything. */
START_TEST(like_pattern_escapes_wildcards)
{
    ck_assert_str_eq(pt_db_like(unit_pool, "Martin"), "%martin%");
    ck_assert_str_eq(pt_db_like(unit_pool, "100%_a!"), "%100!%!_a!!%");
    ck_assert_str_eq(pt_db_like(unit_pool, ""), "%%");
}
END_TEST

Suite *unit_dbsqlite_suite(void)
{
    Suite *s = suite_create("dbsqlite");
    TCase *tc = tcase_create("dbsqlite");
    tcase_add_checked_fixture(tc, unit_db_setup, unit_db_teardown);
    tcase_add_test(tc, abandoned_transaction_is_rolled_back_and_lock_given_back);
    tcase_add_test(tc, failed_statement_makes_the_commit_roll_back);
    tcase_add_test(tc, one_transaction_at_a_time);
    tcase_add_test(tc, busy_writers_lock_refuses_the_transaction);
    tcase_add_test(tc, snapshot_reads_one_state_and_gives_way_to_writes);
    tcase_add_test(tc, rows_are_read_by_column_name);
    tcase_add_test(tc, missing_driver_database_or_statement_is_said);
    tcase_add_test(tc, like_pattern_escapes_wildcards);
    suite_add_tcase(s, tc);
    return s;
}
