/* The migration runner (portail-ctl init / migrate) on a temporary SQLite database: the
 * scripts of sql/sqlite/ and sql/common/ are applied in the order of their numbers whatever
 * the folder, each once; a failing migration leaves nothing behind and says which file and
 * which statement; a number used twice is refused before anything runs. */
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <apr_strings.h>
#include <apr_file_io.h>
#include "unit.h"
#include "core/pt_db.h"
#include "core/pt_migrate.h"

/* The first migration of every test tree: the table the runner records versions in. */
#define UNIT_SCHEMA "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, " \
                    "name TEXT NOT NULL, applied_at BIGINT NOT NULL);\n"

/* 003 (sqlite/) uses the table 002 (common/) creates: folder by folder would fail. */
START_TEST(applied_in_number_order_across_folders_and_once)
{
    const char *dir = unit_tree(), *err = NULL;
    pt_db *db;
    int applied = -1, current = -1;

    unit_write(dir, "sqlite/001_initial.sql", UNIT_SCHEMA);
    unit_write(dir, "common/002_families.sql",
               "-- written once: @id@ is the dialect's id key\n"
               "CREATE TABLE families (id @id@, name TEXT NOT NULL);\n");
    unit_write(dir, "sqlite/003_first_family.sql",
               "INSERT INTO families (name) VALUES ('Martin');\n"
               "INSERT INTO families (name) VALUES ('Durand');\n");
    /* Not migrations: no number, wrong extension, a folder. */
    unit_write(dir, "sqlite/demo-after.sql", "DROP TABLE families;\n");
    unit_write(dir, "common/004_notes.txt", "DROP TABLE families;\n");
    apr_dir_make(apr_pstrcat(unit_pool, dir, "/common/005_folder.sql", NULL), APR_OS_DEFAULT,
                 unit_pool);
    db = unit_open(dir);

    ck_assert_msg(pt_migrate_run(db, unit_pool, dir, &applied, &current, &err) == PT_DB_OK,
                  "%s", err);
    ck_assert_int_eq(applied, 3);
    ck_assert_int_eq(current, 3);
    ck_assert_int_eq(unit_int(db, "SELECT count(*) FROM families"), 2);
    /* The id key of common/ is SQLite's: ids are generated. */
    ck_assert_int_eq(unit_int(db, "SELECT max(id) FROM families"), 2);
    ck_assert_int_eq(unit_int(db, "SELECT count(*) FROM schema_version WHERE version = 2 "
                                  "AND name = '002_families'"), 1);

    /* Run again (portail-ctl migrate after an upgrade with nothing new): nothing applied. */
    ck_assert_int_eq(pt_migrate_run(db, unit_pool, dir, &applied, &current, &err), PT_DB_OK);
    ck_assert_int_eq(applied, 0);
    ck_assert_int_eq(current, 3);
    ck_assert_int_eq(unit_int(db, "SELECT count(*) FROM families"), 2);

    /* The next release adds 004: only it runs, and the statements work on the new schema. */
    unit_write(dir, "common/004_phone.sql", "ALTER TABLE families ADD COLUMN phone TEXT;\n");
    ck_assert_int_eq(pt_migrate_run(db, unit_pool, dir, &applied, &current, &err), PT_DB_OK);
    ck_assert_int_eq(applied, 1);
    ck_assert_int_eq(current, 4);
    ck_assert_int_eq(unit_int(db, "SELECT count(*) FROM families WHERE phone IS NULL"), 2);
    pt_db_close(db);
    unit_remove(dir);
}
END_TEST

START_TEST(failed_migration_leaves_nothing_behind)
{
    const char *dir = unit_tree(), *err = NULL;
    pt_db *db;
    int applied = -1, current = -1;

    unit_write(dir, "sqlite/001_initial.sql", UNIT_SCHEMA);
    unit_write(dir, "sqlite/002_broken.sql",
               "CREATE TABLE half (x TEXT);\n"
               "INSERT INTO half VALUES ('done');\n"
               "INSERT INTO nowhere VALUES (1);\n");
    unit_write(dir, "sqlite/003_after.sql", "CREATE TABLE after (x TEXT);\n");
    db = unit_open(dir);

    ck_assert_int_ne(pt_migrate_run(db, unit_pool, dir, &applied, &current, &err), PT_DB_OK);
    /* The message names the file and the statement, for the webmaster. */
    ck_assert_ptr_nonnull(strstr(err, "002_broken.sql, instruction 3 : "));
    ck_assert_int_eq(applied, 1);
    ck_assert_int_eq(current, 1);
    /* Neither the table of its first statement nor its record: the transaction rolled
     * back; and the migrations after it did not run. */
    ck_assert_int_eq(unit_int(db, "SELECT count(*) FROM sqlite_master WHERE name IN "
                                  "('half', 'after')"), 0);
    ck_assert_int_eq(unit_int(db, "SELECT max(version) FROM schema_version"), 1);

    /* Once the file is corrected, the next portail-ctl migrate applies it and the rest. */
    unit_write(dir, "sqlite/002_broken.sql",
               "CREATE TABLE half (x TEXT);\nINSERT INTO half VALUES ('done');\n");
    pt_db_close(db);
    db = unit_open(dir);
    ck_assert_msg(pt_migrate_run(db, unit_pool, dir, &applied, &current, &err) == PT_DB_OK,
                  "%s", err);
    ck_assert_int_eq(applied, 2);
    ck_assert_int_eq(current, 3);
    ck_assert_int_eq(unit_int(db, "SELECT count(*) FROM half"), 1);
    pt_db_close(db);
    unit_remove(dir);
}
END_TEST

/* One number in common/ and in the dialect's folder: one would be applied and the other
 * silently skipped.  Refused, and refused before any migration of this run is applied. */
START_TEST(number_used_twice_is_refused_before_anything_runs)
{
    const char *dir = unit_tree(), *err = NULL;
    pt_db *db;
    int applied = -1, current = -1;

    unit_write(dir, "sqlite/001_initial.sql", UNIT_SCHEMA);
    unit_write(dir, "sqlite/002_a.sql", "CREATE TABLE a (x TEXT);\n");
    unit_write(dir, "common/002_b.sql", "CREATE TABLE b (x TEXT);\n");
    db = unit_open(dir);

    ck_assert_int_eq(pt_migrate_run(db, unit_pool, dir, &applied, &current, &err),
                     PT_DB_ERROR);
    ck_assert_msg(strstr(err, "le numéro 002 est déjà pris par une autre migration") != NULL,
                  "%s", err);
    ck_assert_int_eq(applied, 0);
    ck_assert_int_eq(unit_int(db, "SELECT count(*) FROM sqlite_master WHERE name IN "
                                  "('schema_version', 'a', 'b')"), 0);

    /* Renumbered: both are applied. */
    unlink(apr_pstrcat(unit_pool, dir, "/common/002_b.sql", NULL));
    unit_write(dir, "common/003_b.sql", "CREATE TABLE b (x TEXT);\n");
    ck_assert_int_eq(pt_migrate_run(db, unit_pool, dir, &applied, &current, &err), PT_DB_OK);
    ck_assert_int_eq(applied, 3);
    ck_assert_int_eq(current, 3);
    pt_db_close(db);
    unit_remove(dir);
}
END_TEST

START_TEST(missing_folder_or_file_is_named)
{
    const char *dir = unit_tree(), *err = NULL;
    char *text = NULL;
    pt_db *db = unit_open(dir);
    int applied = -1, current = -1;

    /* A --sql-dir that is not the sql/ folder. */
    ck_assert_int_eq(pt_migrate_run(db, unit_pool, apr_pstrcat(unit_pool, dir, "/common",
                                                               NULL),
                                    &applied, &current, &err), PT_DB_ERROR);
    ck_assert_ptr_nonnull(strstr(err, "/common/sqlite : dossier introuvable"));
    ck_assert_int_eq(applied, 0);

    ck_assert_int_eq(pt_migrate_read(unit_pool, "/nulle/part.sql", &text, &err), PT_DB_ERROR);
    ck_assert_str_eq(err, "/nulle/part.sql : lecture impossible");
    ck_assert_int_eq(pt_migrate_load(db, unit_pool, "/nulle/demo.sql", &err), PT_DB_ERROR);
    ck_assert_str_eq(err, "/nulle/demo.sql : lecture impossible");
    pt_db_close(db);
    unit_remove(dir);
}
END_TEST

/* Demo data (portail-ctl demo, demo-ville) is loaded in one transaction: all or nothing. */
START_TEST(demo_data_loads_all_or_nothing)
{
    const char *dir = unit_tree(), *err = NULL;
    pt_db *db;

    unit_write(dir, "demo.sql", "CREATE TABLE t (x TEXT);\nINSERT INTO t VALUES ('a');\n");
    db = unit_open(dir);
    ck_assert_int_eq(pt_migrate_load(db, unit_pool, apr_pstrcat(unit_pool, dir, "/demo.sql",
                                                                NULL), &err), PT_DB_OK);
    ck_assert_int_eq(unit_int(db, "SELECT count(*) FROM t"), 1);

    ck_assert_int_ne(pt_migrate_load_text(db, unit_pool, "demo-ville",
                                          "INSERT INTO t VALUES ('b');\n"
                                          "INSERT INTO t VALUES ('c');\n"
                                          "INSERT INTO t VALUES (1, 2);\n", &err), PT_DB_OK);
    ck_assert_msg(strncmp(err, "demo-ville, instruction 3 : ", 28) == 0, "%s", err);
    ck_assert_int_eq(unit_int(db, "SELECT count(*) FROM t"), 1);

    ck_assert_int_eq(pt_migrate_load_text(db, unit_pool, "demo-ville",
                                          "INSERT INTO t VALUES ('b');\n", &err), PT_DB_OK);
    ck_assert_int_eq(unit_int(db, "SELECT count(*) FROM t"), 2);
    pt_db_close(db);
    unit_remove(dir);
}
END_TEST

Suite *unit_migrate_suite(void)
{
    Suite *s = suite_create("migrate");
    TCase *tc = tcase_create("migrate");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, applied_in_number_order_across_folders_and_once);
    tcase_add_test(tc, failed_migration_leaves_nothing_behind);
    tcase_add_test(tc, number_used_twice_is_refused_before_anything_runs);
    tcase_add_test(tc, missing_folder_or_file_is_named);
    tcase_add_test(tc, demo_data_loads_all_or_nothing);
    suite_add_tcase(s, tc);
    return s;
}
