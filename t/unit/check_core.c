/* check_core.c — runs every unit suite of core/ and domain/. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <apr_general.h>
#include <apr_strings.h>
#include <apr_file_io.h>
#include <sqlite3.h>
#include "unit.h"

apr_pool_t *unit_pool;

void unit_setup(void)
{
    apr_pool_create(&unit_pool, NULL);
}

void unit_teardown(void)
{
    apr_pool_destroy(unit_pool);
    unit_pool = NULL;
}

long unit_rss_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    while (f && fgets(line, sizeof(line), f)) {
        if (strncmp(line, "VmRSS:", 6) == 0) {
            kb = atol(line + 6);
        }
    }
    if (f) {
        fclose(f);
    }
    return kb;
}

/* A temporary folder holding empty sqlite/ and common/ folders (a migration tree); the
 * SQLite database of unit_open goes there too. */
const char *unit_tree(void)
{
    char tmpl[] = "/tmp/portail-unit.XXXXXX";
    const char *dir;
    ck_assert_ptr_nonnull(mkdtemp(tmpl));
    dir = apr_pstrdup(unit_pool, tmpl);
    apr_dir_make(apr_pstrcat(unit_pool, dir, "/sqlite", NULL), APR_OS_DEFAULT, unit_pool);
    apr_dir_make(apr_pstrcat(unit_pool, dir, "/common", NULL), APR_OS_DEFAULT, unit_pool);
    return dir;
}

void unit_write(const char *dir, const char *name, const char *text)
{
    apr_file_t *f;
    ck_assert_int_eq(apr_file_open(&f, apr_pstrcat(unit_pool, dir, "/", name, NULL),
                                   APR_WRITE | APR_CREATE | APR_TRUNCATE, APR_OS_DEFAULT,
                                   unit_pool), APR_SUCCESS);
    apr_file_puts(text, f);
    apr_file_close(f);
}

pt_db *unit_open(const char *dir)
{
    pt_db *db = NULL;
    const char *err = NULL;
    ck_assert_msg(pt_db_open(unit_pool, "sqlite3",
                             apr_pstrcat(unit_pool, dir, "/portail.db", NULL), &db, &err)
                  == PT_DB_OK, "%s", err ? err : "");
    return db;
}

long unit_int(pt_db *db, const char *sql)
{
    sqlite3 *h = apr_dbd_native_handle(db->driver, db->handle);
    sqlite3_stmt *st = NULL;
    long v = -1;
    if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK
        && sqlite3_step(st) == SQLITE_ROW) {
        v = (long)sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return v;
}

void unit_remove(const char *dir)
{
    ck_assert_int_eq(system(apr_pstrcat(unit_pool, "rm -rf ", dir, NULL)), 0);
}

int main(void)
{
    SRunner *sr;
    int failed;
    apr_initialize();
    sr = srunner_create(unit_form_suite());
    srunner_add_suite(sr, unit_token_suite());
    srunner_add_suite(sr, unit_route_suite());
    srunner_add_suite(sr, unit_fr_suite());
    srunner_add_suite(sr, unit_xml_suite());
    srunner_add_suite(sr, unit_password_suite());
    srunner_add_suite(sr, unit_mail_suite());
    srunner_add_suite(sr, unit_captcha_suite());
    srunner_add_suite(sr, unit_code_suite());
    srunner_add_suite(sr, unit_csv_suite());
    srunner_add_suite(sr, unit_check_suite());
    srunner_add_suite(sr, unit_multipart_suite());
    srunner_add_suite(sr, unit_calendar_suite());
    srunner_add_suite(sr, unit_ics_suite());
    srunner_add_suite(sr, unit_booking_suite());
    srunner_add_suite(sr, unit_pagecache_suite());
    srunner_add_suite(sr, unit_db_suite());
    srunner_add_suite(sr, unit_tariff_suite());
    srunner_add_suite(sr, unit_arena_suite());
    srunner_add_suite(sr, unit_migrate_suite());
    srunner_add_suite(sr, unit_dossier_suite());
    srunner_add_suite(sr, unit_dbsqlite_suite());
    srunner_add_suite(sr, unit_family_suite());
    srunner_add_suite(sr, unit_payfip_suite());
    srunner_add_suite(sr, unit_rgpd_suite());
    srunner_add_suite(sr, unit_role_suite());
    srunner_add_suite(sr, unit_html_suite());
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    apr_terminate();
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
