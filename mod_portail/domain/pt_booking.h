/* pt_booking — what happens to one day of a child when the family asks to book it, to
 * declare an absence on it or to cancel it (SPEC §4, §5).  Pure functions: the caller
 * gathers the facts of the day (is the activity open, is the child enrolled, what is
 * booked, are the deadlines passed, is it full) and gets the outcome, the same for the
 * preview the family reads and for the change then applied.
 *
 * Outcomes are booking statuses (bookings.status): « reserve », « en_attente » (the town
 * validates), « liste_attente », « absence_demandee », « annule »; or a refusal with its
 * reason:
 *
 *   passe          the day is over
 *   ferme          the activity does not run that day (closure, holiday, weekday, period)
 *   non_inscrit    the child has no accepted enrolment covering the day
 *   deja           already booked (or asked, or on the waiting list)
 *   delai          the booking deadline is passed and the activity refuses late bookings
 *   complet        no place left and no waiting list
 *   non_reserve    an absence or a cancellation on a day that is not booked
 *   non_annulable  the cancellation deadline is passed (an absence is still possible)
 */
#ifndef PT_BOOKING_H
#define PT_BOOKING_H

/* The facts of one day for one child and one activity. */
typedef struct pt_booking_day {
    int past;                   /* the day is before today */
    int open;                   /* the activity runs that day */
    int enrolled;               /* an accepted enrolment of the child covers the day */
    const char *status;         /* the child's booking that day, NULL if none */
    int before_deadline;        /* booking deadline not passed */
    int before_cancel_deadline; /* cancellation deadline not passed */
    int full;                   /* no place left that day */
} pt_booking_day;

/* The rules of the activity. */
typedef struct pt_booking_rules {
    int late_surcharge;         /* 1: a late booking is accepted « majorée »; 0: refused */
    int validation;             /* 1: an agent validates each booking */
    int waiting_list;           /* 1: a full day puts the child on the waiting list */
} pt_booking_rules;

typedef struct pt_booking_outcome {
    const char *status;         /* the booking's new status, or NULL when refused */
    const char *why;            /* the refusal's reason, NULL when accepted */
    int surcharge;              /* 1: booked late, with the surcharge */
    int takes_place;            /* 1: the new status holds one of the day's places */
} pt_booking_outcome;

/* 1 when a booking in this status holds one of the day's places. */
int pt_booking_holds_place(const char *status);

/* 1 when the status is a booking still asked (reserve, en_attente, liste_attente and the
 * absence, present… that follow a reservation); 0 for none or « annule ». */
int pt_booking_is_booked(const char *status);

/* Book the day. */
pt_booking_outcome pt_booking_reserve(const pt_booking_day *d, const pt_booking_rules *r);

/* Declare an absence (« maladie », « convenance »…): only on a reserved day, until the
 * day itself. */
pt_booking_outcome pt_booking_absence(const pt_booking_day *d);

/* Cancel a reserved day before the cancellation deadline; a booking still waiting (for
 * validation or a place) can be cancelled at any time before the day. */
pt_booking_outcome pt_booking_cancel(const pt_booking_day *d);

#endif
