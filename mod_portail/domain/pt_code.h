/* pt_code — the « code abonné » a municipality prints on its letter to each family.
 *
 * 12 characters of an alphabet without look-alikes (no 0/O, 1/I/L… : 23456789 and the
 * letters but I, O), 60 bits, written in three groups: K7QM-4XPT-9HWA.  Typing is
 * forgiving: case, spaces and dashes do not matter. */
#ifndef PT_CODE_H
#define PT_CODE_H

#include <apr_pools.h>

#define PT_CODE_ALPHABET "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"

/* The code in its written form, or NULL when it cannot be a code. */
const char *pt_code_normalize(apr_pool_t *p, const char *typed);

/* A new random code, written form. */
const char *pt_code_new(apr_pool_t *p);

/* An amount typed the French way (« 86,40 », « 86.40 », « 86,40 € », « 86 », « 31 500 € »
 * with pt_fr_amount's spaces) in cents;
 * -1 when it is not one. */
long long pt_code_amount(const char *typed);

#endif
