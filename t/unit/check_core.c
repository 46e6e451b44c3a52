/* check_core.c — runs every unit suite of core/ and domain/. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <apr_general.h>
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
    srunner_add_suite(sr, unit_role_suite());
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    apr_terminate();
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
