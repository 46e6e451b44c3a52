/* pt_digest — the digest's windows.  See pt_digest.h. */
#include <apr_strings.h>
#include "domain/pt_digest.h"

pt_digest_window pt_digest_last(pt_date date, int hour, int minute)
{
    pt_digest_window w;
    (void)minute;   /* a window ends on the hour: 13:00 and 13:59 see the same one */
    w.date = date;
    w.hour = hour >= 18 ? 18 : 13;
    if (hour < 13) {
        w.date = pt_date_from_days(pt_date_days(date) - 1);
        w.hour = 18;
    }
    return w;
}

pt_digest_window pt_digest_previous(pt_digest_window w)
{
    if (w.hour == 18) {
        w.hour = 13;
    }
    else {
        w.date = pt_date_from_days(pt_date_days(w.date) - 1);
        w.hour = 18;
    }
    return w;
}

void pt_digest_bounds(pt_digest_window w, long long *start, long long *end)
{
    pt_digest_window prev = pt_digest_previous(w);
    *start = pt_fr_instant(prev.date, prev.hour, 0);
    *end = pt_fr_instant(w.date, w.hour, 0);
}

const char *pt_digest_name(apr_pool_t *p, pt_digest_window w)
{
    return apr_psprintf(p, "%s %02d:00", pt_date_iso(p, w.date), w.hour);
}

int pt_digest_compare(pt_digest_window a, pt_digest_window b)
{
    long da = pt_date_days(a.date), db = pt_date_days(b.date);
    return da != db ? (da < db ? -1 : 1) : a.hour - b.hour;
}
