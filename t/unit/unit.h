/* unit.h — the C unit tests of core/ and domain/ (Check). */
#ifndef PORTAIL_UNIT_H
#define PORTAIL_UNIT_H

#include <check.h>
#include <apr_pools.h>
#include "core/pt_db.h"

/* A pool per test, created by the fixture in check_core.c. */
extern apr_pool_t *unit_pool;
void unit_setup(void);
void unit_teardown(void);

Suite *unit_form_suite(void);
Suite *unit_token_suite(void);
Suite *unit_route_suite(void);
Suite *unit_fr_suite(void);
Suite *unit_xml_suite(void);
Suite *unit_password_suite(void);
Suite *unit_mail_suite(void);
Suite *unit_captcha_suite(void);
Suite *unit_code_suite(void);
Suite *unit_csv_suite(void);
Suite *unit_check_suite(void);
Suite *unit_multipart_suite(void);
Suite *unit_calendar_suite(void);
Suite *unit_ics_suite(void);
Suite *unit_booking_suite(void);
Suite *unit_pagecache_suite(void);
Suite *unit_db_suite(void);

/* The resident memory of this process (kB, /proc/self/status), for tests that bound the
 * memory of a parser by its input. */
long unit_rss_kb(void);
Suite *unit_tariff_suite(void);
Suite *unit_arena_suite(void);
Suite *unit_migrate_suite(void);
Suite *unit_dossier_suite(void);
Suite *unit_dbsqlite_suite(void);
Suite *unit_family_suite(void);

/* A temporary SQLite database for the tests of pt_db and pt_migrate: unit_tree makes a
 * folder (with empty sqlite/ and common/ migration folders), unit_write a file in it,
 * unit_open the database portail.db in it, unit_int one integer a query answers (-1 when
 * none), unit_remove deletes the folder. */
const char *unit_tree(void);
void unit_write(const char *dir, const char *name, const char *text);
pt_db *unit_open(const char *dir);
long unit_int(pt_db *db, const char *sql);
void unit_remove(const char *dir);
Suite *unit_payfip_suite(void);
Suite *unit_rgpd_suite(void);
Suite *unit_role_suite(void);
Suite *unit_html_suite(void);

#endif
