/* pt_db's classification of database failures, by code and never by message (a French
 * PostgreSQL server writes its own words), the fault injection syntax, and the booking
 * fingerprint that the confirmation compares inside its transaction. */
#include <string.h>
#include <sqlite3.h>
#include "unit.h"
#include <apr_tables.h>
#include "core/pt_db.h"
#include "core/pt_reservation.h"

/* Messages as libpq writes them in verbose mode, from a server in French (lc_messages
 * fr_FR.UTF-8, texts of postgres-15.mo) and in English. */
START_TEST(postgresql_by_sqlstate)
{
    static const struct {
        const char *message, *sqlstate;
        int status;
    } cases[] = {
        { "ERREUR:  23505: la valeur d'une clé dupliquée rompt la contrainte unique "
          "« accounts_email_key »\nDÉTAIL : La clé « (email)=(a@b.fr) » existe déjà.\n",
          "23505", PT_DB_CONFLICT },
        { "ERREUR:  23503: une instruction insert ou update sur la table « closures » viole "
          "la contrainte de clé étrangère « closures_activity_id_fkey »\n", "23503",
          PT_DB_CONFLICT },
        { "ERREUR:  40001: n'a pas pu sérialiser un accès à cause des dépendances "
          "lecture/écriture parmi les transactions\n", "40001", PT_DB_BUSY },
        { "ERREUR:  40P01: blocage détecté\nDÉTAIL : Le processus 12 attend ShareLock\n",
          "40P01", PT_DB_BUSY },
        { "FATAL:  57P01: arrêt des connexions suite à la demande de l'administrateur\n",
          "57P01", PT_DB_ERROR },
        { "ERROR:  23505: duplicate key value violates unique constraint \"x\"\n", "23505",
          PT_DB_CONFLICT },
        { "ERROR:  42P01: relation \"nope\" does not exist\n", "42P01", PT_DB_ERROR },
        /* Without the code (terse mode), a French message is never guessed at. */
        { "ERREUR:  blocage détecté\n", "", PT_DB_ERROR },
        { "server closed the connection unexpectedly\n", "", PT_DB_ERROR },
    };
    size_t i;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const char *code = NULL;
        ck_assert_msg(pt_db_classify(PT_DIALECT_PGSQL, 7, -1, cases[i].message, unit_pool,
                                     &code) == cases[i].status, "case %u", (unsigned)i);
        ck_assert_str_eq(code, cases[i].sqlstate);
    }
    ck_assert_int_eq(pt_db_classify(PT_DIALECT_PGSQL, 0, -1, NULL, unit_pool, NULL), PT_DB_OK);
}
END_TEST

START_TEST(sqlite_by_result_code)
{
    const char *code = NULL;
    /* apr_dbd's legacy driver says SQLITE_ERROR; the connection's code says what. */
    ck_assert_int_eq(pt_db_classify(PT_DIALECT_SQLITE, SQLITE_ERROR, SQLITE_CONSTRAINT,
                                    "whatever", unit_pool, &code), PT_DB_CONFLICT);
    ck_assert_str_eq(code, "SQLITE_19");
    ck_assert_int_eq(pt_db_classify(PT_DIALECT_SQLITE, SQLITE_BUSY, SQLITE_BUSY, NULL,
                                    unit_pool, NULL), PT_DB_BUSY);
    ck_assert_int_eq(pt_db_classify(PT_DIALECT_SQLITE, SQLITE_ERROR, SQLITE_LOCKED, NULL,
                                    unit_pool, NULL), PT_DB_BUSY);
    /* An extended code (SQLITE_CONSTRAINT_UNIQUE) is its primary code. */
    ck_assert_int_eq(pt_db_classify(PT_DIALECT_SQLITE, SQLITE_ERROR, 2067, NULL, unit_pool,
                                    NULL), PT_DB_CONFLICT);
    /* The English words of a message no longer decide. */
    ck_assert_int_eq(pt_db_classify(PT_DIALECT_SQLITE, SQLITE_ERROR, SQLITE_ERROR,
                                    "UNIQUE constraint failed", unit_pool, NULL), PT_DB_ERROR);
}
END_TEST

START_TEST(fault_specs)
{
    pt_db store, *db = &store;
    memset(db, 0, sizeof(*db));
    db->pool = unit_pool;
#ifdef PT_FAULT_INJECTION
    ck_assert_int_eq(pt_db_fault_set(db, "portail_x=busy*3; #2=lost, rollback=skip"), PT_DB_OK);
    ck_assert_int_eq(pt_db_fault_set(db, "begin=constraint*"), PT_DB_OK);
    ck_assert_int_eq(pt_db_fault_set(db, "portail_x=explode"), PT_DB_ERROR);
    ck_assert_int_eq(pt_db_fault_set(db, "portail_x=skip"), PT_DB_ERROR);
    ck_assert_int_eq(pt_db_fault_set(db, "no-equal-sign"), PT_DB_ERROR);
#else
    ck_assert_int_eq(pt_db_fault_set(db, "portail_x=busy"), PT_DB_ERROR);
#endif
    ck_assert_int_eq(pt_db_fault_fired(db), 0);
}
END_TEST

/* 4 children over a year, as the reviewer measured (40 MB, up to 6 times per
 * confirmation): now a few kB, and the same plan gives the same fingerprint. */
START_TEST(fingerprint_is_linear_and_faithful)
{
    pt_resa plan;
    const char *a, *b, *c;
    long before;
    int day, kid;
    memset(&plan, 0, sizeof(plan));
    plan.days = apr_array_make(unit_pool, 4 * 366, sizeof(pt_resa_day));
    for (day = 0; day < 366; day++) {
        for (kid = 1; kid <= 4; kid++) {
            pt_resa_day *d = apr_array_push(plan.days);
            memset(d, 0, sizeof(*d));
            d->day = 20000 + day;
            d->child = kid;
            d->out.status = day % 7 == 6 ? NULL : "reserve";
            d->out.why = day % 7 == 6 ? "ferme" : NULL;
            d->out.surcharge = day == 3;
        }
    }
    a = pt_resa_fingerprint(unit_pool, &plan);     /* OpenSSL's first use loads its tables */
    before = unit_rss_kb();
    b = pt_resa_fingerprint(unit_pool, &plan);
    ck_assert_msg(unit_rss_kb() - before < 1024, "%ld kB", unit_rss_kb() - before);
    ck_assert_str_eq(a, b);
    ck_assert_uint_eq(strlen(a), 43);
    APR_ARRAY_IDX(plan.days, 1000, pt_resa_day).out.status = "liste_attente";
    c = pt_resa_fingerprint(unit_pool, &plan);
    ck_assert_str_ne(a, c);
}
END_TEST

Suite *unit_db_suite(void)
{
    Suite *s = suite_create("db");
    TCase *tc = tcase_create("db");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, postgresql_by_sqlstate);
    tcase_add_test(tc, sqlite_by_result_code);
    tcase_add_test(tc, fault_specs);
    tcase_add_test(tc, fingerprint_is_linear_and_faithful);
    suite_add_tcase(s, tc);
    return s;
}
