/* pt_fr — French ways of writing dates and amounts (pure functions). */
#ifndef PT_FR_H
#define PT_FR_H

#include <apr_pools.h>
#include <apr_time.h>

/* A civil date. */
typedef struct pt_date { int y, m, d; } pt_date;

/* Parse "YYYY-MM-DD" strictly (real calendar date, 1900..2199).  Returns 1 if valid. */
int pt_date_parse(const char *s, pt_date *out);
/* 1 if y-m-d is a real date. */
int pt_date_valid(int y, int m, int d);
int pt_date_days_in_month(int y, int m);
/* 0 = lundi … 6 = dimanche. */
int pt_date_weekday(pt_date d);
/* "2026-03-02" */
const char *pt_date_iso(apr_pool_t *p, pt_date d);
/* « lundi 2 mars 2026 » (with_year = 0: « lundi 2 mars »). */
const char *pt_date_long(apr_pool_t *p, pt_date d, int with_year);
/* Age in whole years on `on`; -1 when `on` is before `birth`.  Born on 29 February, a
 * child has its birthday on 1 March in other years (French usage). */
int pt_date_age(pt_date birth, pt_date on);
/* Days since 1970-01-01 (negative before), and back. */
long pt_date_days(pt_date d);
pt_date pt_date_from_days(long days);
/* Local (Europe/Paris) date of an instant. */
pt_date pt_date_of_time(apr_time_t t);
/* Europe/Paris wall clock of a Unix time, and back: the Unix time of a local moment. */
void pt_fr_local(long long unix_seconds, pt_date *date, int *hour, int *minute);
long long pt_fr_instant(pt_date date, int hour, int minute);

/* « 12,50 € », « 1 234,00 € » (thin no-break space as thousands separator); negative with
 * a minus sign. */
const char *pt_fr_amount(apr_pool_t *p, long long cents);

/* « vendredi 20 novembre 2026 à 14 h 05 » of a Unix time in seconds, Europe/Paris. */
const char *pt_fr_datetime(apr_pool_t *p, long long unix_seconds);

/* « 31 500 € »: whole euros without « ,00 » (an amount with cents as pt_fr_amount). */
const char *pt_fr_euros(apr_pool_t *p, long long cents);

/* A late booking's surcharge: « 20 % » or « 1,50 € »; "" for none. */
const char *pt_fr_surcharge(apr_pool_t *p, long long pct, long long cents);

/* « 03/12/2026 », the way tables write a day. */
const char *pt_fr_date_num(apr_pool_t *p, pt_date d);

/* For callers without a pool (the XML builder): a value "YYYY-MM-DD" written « jeudi 3
 * décembre 2026 » into `text` and « 03/12/2026 » into `num`; a value "HH:MM" written
 * « 11 h 30 » into `text`.  Return 1 when the value is such a date (or time), else 0 and
 * nothing written.  Buffers of PT_FR_BUF bytes. */
#define PT_FR_BUF 64
/* « 11 h 30 » of "11:30" (the value itself when it is not such an hour). */
const char *pt_fr_time(apr_pool_t *p, const char *hhmm);
/* « lundi, mardi, jeudi » of the weekdays "1101000" (Monday first); "" for none. */
const char *pt_fr_weekdays(apr_pool_t *p, const char *mask);
int pt_fr_iso_date(const char *iso, char *text, char *num);
int pt_fr_iso_time(const char *hhmm, char *text);

/* « novembre 2026 » (a billing period). */
const char *pt_fr_month(apr_pool_t *p, int y, int m);

/* « 03/12/2026 » of "2026-12-03"; NULL when not a date. */
const char *pt_fr_date_short(apr_pool_t *p, const char *iso);

/* « 1234,50 » : an amount for a spreadsheet cell (no unit, no thousands separator). */
const char *pt_fr_decimal(apr_pool_t *p, long long cents);

#endif
