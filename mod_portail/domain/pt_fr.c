/* pt_fr — French dates and amounts.  See pt_fr.h.  No I/O, no locale: the same output on
 * every server whatever its LANG or TZ. */
#include <stdio.h>
#include <string.h>
#include <apr_strings.h>
#include "domain/pt_fr.h"

static const char *const pt_fr_days[] = {
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"
};
static const char *const pt_fr_months[] = {
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre"
};

static int pt_date_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int pt_date_days_in_month(int y, int m)
{
    static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m < 1 || m > 12) {
        return 0;
    }
    return m == 2 && pt_date_leap(y) ? 29 : dim[m - 1];
}

int pt_date_valid(int y, int m, int d)
{
    return y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1
           && d <= pt_date_days_in_month(y, m);
}

int pt_date_parse(const char *s, pt_date *out)
{
    int i;
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') {
        return 0;
    }
    for (i = 0; i < 10; i++) {
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) {
            return 0;
        }
    }
    out->y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    out->m = (s[5] - '0') * 10 + (s[6] - '0');
    out->d = (s[8] - '0') * 10 + (s[9] - '0');
    return pt_date_valid(out->y, out->m, out->d);
}

/* Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm). */
long pt_date_days(pt_date d)
{
    int y = d.y - (d.m <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (unsigned)(d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + (unsigned)d.d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

pt_date pt_date_from_days(long z)
{
    pt_date d;
    long era;
    unsigned doe, yoe, doy, mp;
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = (unsigned)(z - era * 146097);
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    d.d = (int)(doy - (153 * mp + 2) / 5 + 1);
    d.m = (int)(mp < 10 ? mp + 3 : mp - 9);
    d.y = (int)(yoe + era * 400) + (d.m <= 2);
    return d;
}

int pt_date_weekday(pt_date d)
{
    long z = pt_date_days(d);          /* 1970-01-01 was a Thursday (3) */
    return (int)(((z % 7) + 7 + 3) % 7);
}

const char *pt_date_iso(apr_pool_t *p, pt_date d)
{
    return apr_psprintf(p, "%04d-%02d-%02d", d.y, d.m, d.d);
}

/* Days and hours are written for every cell of a planning and every date of a page:
 * straight into the caller's PT_FR_BUF buffer, without printf's parsing of a format. */
typedef struct {
    char *at, *end;                /* end: the place of the final NUL */
} pt_fr_out;

static void pt_fr_put(pt_fr_out *o, const char *s)
{
    while (*s && o->at < o->end) {
        *o->at++ = *s++;
    }
    *o->at = '\0';
}

/* n (≥ 0) in decimal, with at least `width` digits (leading zeros). */
static void pt_fr_put_int(pt_fr_out *o, int n, int width)
{
    char digits[12];
    int k = 0;
    unsigned u = n < 0 ? 0u : (unsigned)n;
    do {
        digits[k++] = (char)('0' + u % 10);
        u /= 10;
    } while ((u || k < width) && k < (int)sizeof(digits));
    while (k && o->at < o->end) {
        *o->at++ = digits[--k];
    }
    *o->at = '\0';
}

static void pt_fr_date_write(char *buf, pt_date d, int with_year)
{
    pt_fr_out o = { buf, buf + PT_FR_BUF - 1 };
    pt_fr_put(&o, pt_fr_days[pt_date_weekday(d)]);
    pt_fr_put(&o, " ");
    /* « 1er » for the first of the month, as French writes it. */
    if (d.d == 1) {
        pt_fr_put(&o, "1er");
    }
    else {
        pt_fr_put_int(&o, d.d, 1);
    }
    pt_fr_put(&o, " ");
    pt_fr_put(&o, pt_fr_months[d.m - 1]);
    if (with_year) {
        pt_fr_put(&o, " ");
        pt_fr_put_int(&o, d.y, 1);
    }
}

const char *pt_date_long(apr_pool_t *p, pt_date d, int with_year)
{
    char buf[PT_FR_BUF];
    pt_fr_date_write(buf, d, with_year);
    return apr_pstrdup(p, buf);
}

/* « 03/12/2026 »: the one way a table writes a day. */
static void pt_fr_date_num_write(char *buf, pt_date d)
{
    pt_fr_out o = { buf, buf + PT_FR_BUF - 1 };
    pt_fr_put_int(&o, d.d, 2);
    pt_fr_put(&o, "/");
    pt_fr_put_int(&o, d.m, 2);
    pt_fr_put(&o, "/");
    pt_fr_put_int(&o, d.y, 4);
}

const char *pt_fr_date_num(apr_pool_t *p, pt_date d)
{
    char buf[PT_FR_BUF];
    pt_fr_date_num_write(buf, d);
    return apr_pstrdup(p, buf);
}

int pt_fr_iso_date(const char *iso, char *text, char *num)
{
    pt_date d;
    if (!iso || iso[0] < '1' || iso[0] > '2' || !pt_date_parse(iso, &d)) {
        return 0;
    }
    pt_fr_date_write(text, d, 1);
    pt_fr_date_num_write(num, d);
    return 1;
}

const char *pt_fr_time(apr_pool_t *p, const char *hhmm)
{
    char text[PT_FR_BUF];
    return pt_fr_iso_time(hhmm, text) ? apr_pstrdup(p, text) : hhmm;
}

const char *pt_fr_weekdays(apr_pool_t *p, const char *mask)
{
    const char *out = "";
    int i;
    for (i = 0; mask && i < 7 && mask[i]; i++) {
        if (mask[i] == '1') {
            out = apr_pstrcat(p, out, *out ? ", " : "", pt_fr_days[i], NULL);
        }
    }
    return out;
}

int pt_fr_iso_time(const char *hhmm, char *text)
{
    int h, m;
    if (!hhmm || strlen(hhmm) != 5 || hhmm[2] != ':' || hhmm[0] < '0' || hhmm[0] > '2'
        || hhmm[1] < '0' || hhmm[1] > '9' || hhmm[3] < '0' || hhmm[3] > '5'
        || hhmm[4] < '0' || hhmm[4] > '9') {
        return 0;
    }
    h = (hhmm[0] - '0') * 10 + (hhmm[1] - '0');
    m = (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
    if (h > 23) {
        return 0;
    }
    {
        pt_fr_out o = { text, text + PT_FR_BUF - 1 };
        pt_fr_put_int(&o, h, 1);
        pt_fr_put(&o, " h ");
        pt_fr_put_int(&o, m, 2);
    }
    return 1;
}

int pt_date_age(pt_date birth, pt_date on)
{
    int age = on.y - birth.y;
    if (pt_date_days(on) < pt_date_days(birth)) {
        return -1;
    }
    if (on.m < birth.m || (on.m == birth.m && on.d < birth.d)) {
        age--;
    }
    return age;
}

/* Last Sunday of month m in year y, as days since the epoch. */
static long pt_last_sunday(int y, int m)
{
    pt_date d = { y, m, pt_date_days_in_month(y, m) };
    return pt_date_days(d) - ((pt_date_weekday(d) + 1) % 7);
}

/* Offset of Europe/Paris from UTC at Unix time t: +2 h from the last Sunday of March
 * 01:00 UTC to the last Sunday of October 01:00 UTC, else +1 h. */
static long pt_paris_offset(long long t)
{
    pt_date d = pt_date_from_days((long)(t >= 0 ? t / 86400 : (t - 86399) / 86400));
    long long start = (long long)pt_last_sunday(d.y, 3) * 86400 + 3600;
    long long end = (long long)pt_last_sunday(d.y, 10) * 86400 + 3600;
    return t >= start && t < end ? 7200 : 3600;
}

void pt_fr_local(long long unix_seconds, pt_date *date, int *hour, int *minute)
{
    long long local = unix_seconds + pt_paris_offset(unix_seconds);
    long days = (long)(local >= 0 ? local / 86400 : (local - 86399) / 86400);
    long secs = (long)(local - (long long)days * 86400);
    *date = pt_date_from_days(days);
    *hour = (int)(secs / 3600);
    *minute = (int)((secs % 3600) / 60);
}

long long pt_fr_instant(pt_date date, int hour, int minute)
{
    long long local = (long long)pt_date_days(date) * 86400 + hour * 3600 + minute * 60;
    /* The offset at the instant itself: try the one of the local reading, then correct
     * once (an hour that does not exist in spring resolves to the one after). */
    long long t = local - pt_paris_offset(local - 3600);
    return local - pt_paris_offset(t);
}

pt_date pt_date_of_time(apr_time_t t)
{
    pt_date d;
    int h, m;
    pt_fr_local(apr_time_sec(t), &d, &h, &m);
    return d;
}

const char *pt_fr_datetime(apr_pool_t *p, long long unix_seconds)
{
    pt_date d;
    int h, m;
    pt_fr_local(unix_seconds, &d, &h, &m);
    return apr_psprintf(p, "%s à %d h %02d", pt_date_long(p, d, 1), h, m);
}

const char *pt_fr_surcharge(apr_pool_t *p, long long pct, long long cents)
{
    return pct ? apr_psprintf(p, "%d %%", (int)pct) : cents ? pt_fr_amount(p, cents) : "";
}

const char *pt_fr_euros(apr_pool_t *p, long long cents)
{
    const char *a = pt_fr_amount(p, cents);
    const char *comma = cents % 100 == 0 ? strstr(a, ",00\xC2\xA0") : NULL;
    return comma ? apr_pstrcat(p, apr_pstrmemdup(p, a, (apr_size_t)(comma - a)), comma + 3, NULL)
                 : a;
}

const char *pt_fr_amount(apr_pool_t *p, long long cents)
{
    char digits[32], grouped[64];
    unsigned long long a = cents < 0 ? (unsigned long long)(-(cents + 1)) + 1
                                     : (unsigned long long)cents;
    int n, i, o = 0;
    n = snprintf(digits, sizeof(digits), "%llu", a / 100);
    for (i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0) {
            /* U+202F narrow no-break space, the French thousands separator */
            grouped[o++] = (char)0xE2;
            grouped[o++] = (char)0x80;
            grouped[o++] = (char)0xAF;
        }
        grouped[o++] = digits[i];
    }
    grouped[o] = '\0';
    /* U+00A0 no-break space before the euro sign */
    return apr_psprintf(p, "%s%s,%02d\xC2\xA0€", cents < 0 ? "−" : "", grouped, (int)(a % 100));
}

const char *pt_fr_month(apr_pool_t *p, int y, int m)
{
    if (m < 1 || m > 12) {
        return apr_psprintf(p, "%d", y);
    }
    return apr_psprintf(p, "%s %d", pt_fr_months[m - 1], y);
}

const char *pt_fr_date_short(apr_pool_t *p, const char *iso)
{
    pt_date d;
    if (!iso || !pt_date_parse(iso, &d)) {
        return NULL;
    }
    return pt_fr_date_num(p, d);
}

const char *pt_fr_decimal(apr_pool_t *p, long long cents)
{
    long long a = cents < 0 ? -cents : cents;
    return apr_psprintf(p, "%s%" APR_INT64_T_FMT ",%02d", cents < 0 ? "-" : "",
                        (apr_int64_t)(a / 100), (int)(a % 100));
}
