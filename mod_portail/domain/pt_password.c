/* pt_password — password rule.  See pt_password.h. */
#include <string.h>
#include "domain/pt_password.h"

/* Length in characters (UTF-8 code points), not bytes: « é » counts once. */
static size_t pt_password_length(const char *s)
{
    size_t n = 0;
    for (; *s; s++) {
        if (((unsigned char)*s & 0xC0) != 0x80) {
            n++;
        }
    }
    return n;
}

const char *pt_password_check(const char *password)
{
    size_t len = password ? pt_password_length(password) : 0;
    int lower = 0, upper = 0, digit = 0, other = 0;
    const char *s;

    if (len > 128) {
        return "Le mot de passe ne doit pas dépasser 128 caractères.";
    }
    if (len >= 12) {
        return NULL;
    }
    for (s = password; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 'a' && c <= 'z') lower = 1;
        else if (c >= 'A' && c <= 'Z') upper = 1;
        else if (c >= '0' && c <= '9') digit = 1;
        else other = 1;
    }
    if (len >= 8 && lower && upper && digit && other) {
        return NULL;
    }
    return "Le mot de passe doit contenir au moins 12 caractères, ou au moins 8 caractères "
           "avec une minuscule, une majuscule, un chiffre et un caractère spécial.";
}
