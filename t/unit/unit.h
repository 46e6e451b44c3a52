/* unit.h — the C unit tests of core/ and domain/ (Check). */
#ifndef PORTAIL_UNIT_H
#define PORTAIL_UNIT_H

#include <check.h>
#include <apr_pools.h>

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
Suite *unit_role_suite(void);

#endif
