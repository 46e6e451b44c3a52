/* pt_tariff — what a day of an activity costs a family, and whether it is billed
 * (SPEC §7).  Pure functions: the caller reads the activity's tariffs, the family's
 * quotient familial (QF) and the day's booking; nothing here does I/O.
 *
 * Money is integer cents everywhere.  Rounding, once per computed price: half away from
 * zero to the cent (12,345 → 12,35 ; 12,344 → 12,34).  A day's surcharge is computed on
 * the day's unit price and rounded the same way; a line's amount is then an exact sum
 * (days × unit price + surcharges), and an invoice's total the exact sum of its lines.
 *
 * A tariff is valid from a date (« valable à partir du ») until the next one of the same
 * activity: a change applies to days from its date, never to days before.  It prices
 * either
 *   - by bracket of QF (« tranches ») : QF in [qf_min, qf_max] → cents; qf_max < 0 is
 *     « and above »; or
 *   - by effort rate (« taux d'effort »): a share of the QF in thousandths of a percent
 *     (0,400 % → 400), the QF being in euros, kept between a floor and a ceiling.
 * An unknown QF (the family gave no supporting document) pays the highest tariff: the
 * highest bracket price, or the ceiling.  A QF above every bracket pays the highest too.
 */
#ifndef PT_TARIFF_H
#define PT_TARIFF_H

/* The QF is unknown. */
#define PT_QF_UNKNOWN (-1L)

typedef struct pt_tariff_bracket {
    long qf_min;                /* inclusive, >= 0 */
    long qf_max;                /* inclusive; < 0: no upper bound */
    long long cents;            /* price of one unit (day or slot) */
} pt_tariff_bracket;

typedef enum { PT_TARIFF_BRACKETS = 0, PT_TARIFF_EFFORT = 1 } pt_tariff_mode;

typedef struct pt_tariff {
    const char *valid_from;     /* "YYYY-MM-DD" */
    pt_tariff_mode mode;
    const pt_tariff_bracket *brackets;
    int nbrackets;
    long effort;                /* thousandths of a percent of the QF (euros) */
    long long floor_cents;      /* effort rate: at least */
    long long ceiling_cents;    /* effort rate: at most, and the unknown QF's price */
} pt_tariff;

/* Price of one unit for a family of quotient `qf` (PT_QF_UNKNOWN when unknown).
 * -1 when the tariff prices nothing (no bracket). */
long long pt_tariff_price(const pt_tariff *t, long qf);

/* The tariff valid on `day` ("YYYY-MM-DD") among n: the one with the latest valid_from
 * not after the day.  -1 when none is valid yet. */
int pt_tariff_pick(const pt_tariff *tariffs, int n, const char *day);

/* Brackets an agent typed: 0 when usable, else a French message (overlap, min > max,
 * negative price, an open bracket that is not the last…).  Order does not matter. */
const char *pt_tariff_brackets_check(const pt_tariff_bracket *b, int n);

/* Late-booking surcharge (« majoration ») of a day of price `unit`: `pct` percent of it
 * plus `fixed` cents, rounded half away from zero. */
long long pt_tariff_surcharge(long long unit, int pct, long long fixed);

/* Rounding used above: num / den to the nearest integer, half away from zero (den > 0). */
long long pt_tariff_round(long long num, long long den);

/* Whether a booking's day is billed.
 *   present, reserve (reserved and not cancelled, whether or not pointed yet) are billed;
 *   an absence — absent (nobody excused it), absence_demandee (not answered yet) or
 *   excuse (the town accepted it) — is billed unless a medical certificate was received
 *   no later than `certificate_days` days after the day (`certificate`, a date
 *   "YYYY-MM-DD", or NULL when none): the certificate excuses it, whoever recorded it
 *   (the day sheet, or an accepted « certificat médical » document);
 *   annule, en_attente, liste_attente and anything else are not billed.
 * *why (may be NULL) gets a short reason code: "present", "reserve", "absent",
 * "absence_non_justifiee", "certificat", "non_facturable". */
int pt_tariff_billed(const char *status, const char *day, const char *certificate,
                     int certificate_days, const char **why);

#endif
