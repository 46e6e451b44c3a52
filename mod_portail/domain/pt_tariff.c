/* pt_tariff — prices of a day and billing rules (see pt_tariff.h). */
#include <string.h>
#include "domain/pt_tariff.h"
#include "domain/pt_fr.h"

long long pt_tariff_round(long long num, long long den)
{
    long long q = num / den, r = num % den;
    if (r < 0) {
        r = -r;
    }
    if (2 * r >= den) {
        q += num < 0 ? -1 : 1;
    }
    return q;
}

long long pt_tariff_price(const pt_tariff *t, long qf)
{
    int i;
    long long highest = -1;
    if (t->mode == PT_TARIFF_EFFORT) {
        long long p;
        if (qf < 0) {
            return t->ceiling_cents;
        }
        /* QF in euros × 100 cents × effort / 100 000 (thousandths of a percent). */
        p = pt_tariff_round((long long)qf * t->effort, 1000);
        if (p < t->floor_cents) {
            p = t->floor_cents;
        }
        if (t->ceiling_cents >= 0 && p > t->ceiling_cents) {
            p = t->ceiling_cents;
        }
        return p;
    }
    for (i = 0; i < t->nbrackets; i++) {
        const pt_tariff_bracket *b = &t->brackets[i];
        if (qf >= 0 && qf >= b->qf_min && (b->qf_max < 0 || qf <= b->qf_max)) {
            return b->cents;
        }
        if (b->cents > highest) {
            highest = b->cents;
        }
    }
    return highest;
}

int pt_tariff_pick(const pt_tariff *tariffs, int n, const char *day)
{
    int i, best = -1;
    for (i = 0; i < n; i++) {
        if (strcmp(tariffs[i].valid_from, day) <= 0
            && (best < 0 || strcmp(tariffs[i].valid_from, tariffs[best].valid_from) > 0)) {
            best = i;
        }
    }
    return best;
}

const char *pt_tariff_brackets_check(const pt_tariff_bracket *b, int n)
{
    int i, j;
    if (n <= 0) {
        return "Indiquez au moins une tranche de quotient familial.";
    }
    for (i = 0; i < n; i++) {
        if (b[i].qf_min < 0 || b[i].cents < 0) {
            return "Les quotients et les prix ne peuvent pas être négatifs.";
        }
        if (b[i].qf_max >= 0 && b[i].qf_max < b[i].qf_min) {
            return "Une tranche a un quotient maximum inférieur à son minimum.";
        }
        for (j = 0; j < i; j++) {
            long lo = b[i].qf_min > b[j].qf_min ? b[i].qf_min : b[j].qf_min;
            long hi_i = b[i].qf_max < 0 ? -1 : b[i].qf_max;
            long hi_j = b[j].qf_max < 0 ? -1 : b[j].qf_max;
            long hi = hi_i < 0 ? hi_j : hi_j < 0 ? hi_i : (hi_i < hi_j ? hi_i : hi_j);
            if (hi < 0 || lo <= hi) {
                return "Deux tranches de quotient familial se chevauchent.";
            }
        }
    }
    return 0;
}

long long pt_tariff_surcharge(long long unit, int pct, long long fixed)
{
    return pt_tariff_round(unit * pct, 100) + fixed;
}

int pt_tariff_billed(const char *status, const char *day, const char *certificate,
                     int certificate_days, const char **why)
{
    const char *w = "non_facturable";
    int billed = 0;
    if (!status) {
        status = "";
    }
    if (!strcmp(status, "present") || !strcmp(status, "reserve")) {
        w = status;
        billed = 1;
    } else if (!strcmp(status, "absent") || !strcmp(status, "absence_demandee")
               || !strcmp(status, "excuse")) {
        pt_date d, c;
        if (certificate && day && pt_date_parse(day, &d) && pt_date_parse(certificate, &c)
            && pt_date_days(c) - pt_date_days(d) <= certificate_days) {
            w = "certificat";
        } else {
            w = !strcmp(status, "excuse") ? "absence_non_justifiee" : "absent";
            billed = 1;
        }
    }
    if (why) {
        *why = w;
    }
    return billed;
}
