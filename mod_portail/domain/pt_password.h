/* pt_password — the password rule shown to users before they type (CNIL recommendation):
 * at least 12 characters, or at least 8 with the four kinds of characters (lower case,
 * upper case, digit, other) since login attempts are throttled. */
#ifndef PT_PASSWORD_H
#define PT_PASSWORD_H

/* NULL when the password is acceptable, else the French reason. */
const char *pt_password_check(const char *password);

#endif
