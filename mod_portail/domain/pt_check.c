/* pt_check — what a family types, checked and normalized.  See pt_check.h. */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include <apr_lib.h>
#include "domain/pt_check.h"

#define PT_CHECK_NAME_MAX 100

/* 1 when s is well-formed UTF-8 (shortest forms, no surrogates). */
static int pt_check_utf8(const unsigned char *s)
{
    while (*s) {
        int n = *s < 0x80 ? 0 : (*s & 0xE0) == 0xC0 ? 1 : (*s & 0xF0) == 0xE0 ? 2
                : (*s & 0xF8) == 0xF0 ? 3 : -1;
        unsigned long cp;
        int i;
        if (n < 0 || (n == 1 && *s < 0xC2)) {
            return 0;
        }
        cp = n == 0 ? *s : (unsigned long)(*s & (0x3F >> n));
        for (i = 1; i <= n; i++) {
            if ((s[i] & 0xC0) != 0x80) {
                return 0;
            }
            cp = (cp << 6) | (s[i] & 0x3F);
        }
        if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)))
            || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF))) {
            return 0;
        }
        s += n + 1;
    }
    return 1;
}

/* Trimmed, runs of spaces (and tabs) made one space. */
static char *pt_check_squeeze(apr_pool_t *p, const char *typed)
{
    char *out = apr_palloc(p, strlen(typed ? typed : "") + 1), *o = out;
    const char *s = typed ? typed : "";
    int space = 0;
    while (*s == ' ' || *s == '\t') {
        s++;
    }
    for (; *s; s++) {
        if (*s == ' ' || *s == '\t') {
            space = 1;
            continue;
        }
        if (space) {
            *o++ = ' ';
            space = 0;
        }
        *o++ = *s;
    }
    *o = '\0';
    return out;
}

/* Letters (any non-ASCII character of valid UTF-8 counts as one), and `extra`. */
static int pt_check_letters(const char *s, const char *extra)
{
    int letters = 0;
    if (!pt_check_utf8((const unsigned char *)s)) {
        return 0;
    }
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (apr_isalpha(c) || c >= 0x80) {
            letters++;
        }
        else if (!strchr(extra, c)) {
            return 0;
        }
    }
    return letters > 0;
}

const char *pt_check_name(apr_pool_t *p, const char *typed, const char **why)
{
    char *v = pt_check_squeeze(p, typed);
    if (!*v || strlen(v) > PT_CHECK_NAME_MAX || !pt_check_letters(v, " -'.")) {
        if (why) {
            *why = !*v ? "Ce champ est obligatoire."
                       : "Un nom s'écrit avec des lettres, des espaces, des tirets et des "
                         "apostrophes (100 caractères au plus).";
        }
        return NULL;
    }
    return v;
}

const char *pt_check_text(apr_pool_t *p, const char *typed, apr_size_t maxlen,
                          const char **why)
{
    const char *s = typed ? typed : "", *end;
    const unsigned char *c;
    while (apr_isspace(*s)) {
        s++;
    }
    end = s + strlen(s);
    while (end > s && apr_isspace(end[-1])) {
        end--;
    }
    s = apr_pstrmemdup(p, s, end - s);
    for (c = (const unsigned char *)s; *c; c++) {
        if ((*c < 0x20 && *c != '\n' && *c != '\r' && *c != '\t') || *c == 0x7F) {
            break;
        }
    }
    if (*c || !pt_check_utf8((const unsigned char *)s) || strlen(s) > maxlen) {
        if (why) {
            *why = apr_psprintf(p, "Ce texte contient des caractères non admis ou dépasse %lu "
                                "caractères.", (unsigned long)maxlen);
        }
        return NULL;
    }
    return s;
}

const char *pt_check_phone(apr_pool_t *p, const char *typed, const char **why)
{
    char digits[32];
    const char *s = typed ? typed : "";
    int n = 0, plus = 0;
    for (; apr_isspace(*s); s++) {
    }
    if (*s == '+') {
        plus = 1;
        s++;
    }
    for (; *s; s++) {
        if (apr_isdigit(*s)) {
            if (n >= (int)sizeof(digits) - 1) {
                n = 0;
                break;
            }
            digits[n++] = *s;
        }
        else if (!strchr(" .-()\t", *s)) {
            n = 0;
            break;
        }
    }
    digits[n] = '\0';
    /* +33 6…, 0033 6…: the French number is 0 6… */
    if ((plus && n == 11 && !strncmp(digits, "33", 2))
        || (!plus && n == 13 && !strncmp(digits, "0033", 4))) {
        const char *national = digits + n - 9;
        if (national[0] != '0') {
            return apr_psprintf(p, "0%c %.2s %.2s %.2s %.2s", national[0], national + 1,
                                national + 3, national + 5, national + 7);
        }
    }
    else if (!plus && n == 10 && digits[0] == '0' && digits[1] != '0') {
        return apr_psprintf(p, "%.2s %.2s %.2s %.2s %.2s", digits, digits + 2, digits + 4,
                            digits + 6, digits + 8);
    }
    else if (plus && n >= 7 && n <= 15 && digits[0] != '0') {
        return apr_pstrcat(p, "+", digits, NULL);
    }
    if (why) {
        *why = "Ce numéro de téléphone n'est pas valide : 10 chiffres commençant par 0, par "
               "exemple 06 12 34 56 78, ou +32… pour l'étranger.";
    }
    return NULL;
}

const char *pt_check_postal_code(apr_pool_t *p, const char *typed, const char **why)
{
    char *v = pt_check_squeeze(p, typed);
    int i, dept;
    for (i = 0; i < 5 && apr_isdigit(v[i]); i++) {
    }
    dept = i == 5 ? (v[0] - '0') * 10 + (v[1] - '0') : 0;
    if (i != 5 || v[5] || dept < 1 || dept == 96 || dept == 99) {
        if (why) {
            *why = "Un code postal a 5 chiffres, par exemple 75001.";
        }
        return NULL;
    }
    return v;
}

const char *pt_check_commune(apr_pool_t *p, const char *typed, const char **why)
{
    char *v = pt_check_squeeze(p, typed);
    if (!*v || strlen(v) > PT_CHECK_NAME_MAX || !pt_check_letters(v, " -'")) {
        if (why) {
            *why = "Le nom de la commune s'écrit avec des lettres, des espaces, des tirets et "
                   "des apostrophes, par exemple Saint-Étienne.";
        }
        return NULL;
    }
    return v;
}

const char *pt_check_upper(apr_pool_t *p, const char *s)
{
    unsigned char *out = (unsigned char *)apr_pstrdup(p, s ? s : ""), *c;
    for (c = out; *c; c++) {
        if (*c < 0x80) {
            *c = (unsigned char)apr_toupper(*c);
        }
        /* Latin-1 letters à..þ (U+00E0..U+00FE, but ÷) are their capitals less 0x20. */
        else if (*c == 0xC3 && c[1] >= 0xA0 && c[1] <= 0xBE && c[1] != 0xB7) {
            c[1] -= 0x20;
            c++;
        }
        else if (*c == 0xC5 && c[1] == 0x93) {      /* œ -> Œ */
            c[1] = 0x92;
            c++;
        }
    }
    return (const char *)out;
}

/* Letters and digits only, uppercased: how IBAN and BIC are compared. */
static char *pt_check_alnum_upper(apr_pool_t *p, const char *typed)
{
    char *out = apr_palloc(p, strlen(typed ? typed : "") + 1), *o = out;
    const char *s;
    for (s = typed ? typed : ""; *s; s++) {
        if (apr_isalnum(*s)) {
            *o++ = (char)apr_toupper(*s);
        }
        else if (*s != ' ' && *s != '-' && *s != '.') {
            return NULL;
        }
    }
    *o = '\0';
    return out;
}

const char *pt_check_iban(apr_pool_t *p, const char *typed, const char **why)
{
    static const struct { const char *country; int len; } lengths[] = {
        { "FR", 27 }, { "MC", 27 }, { "DE", 22 }, { "BE", 16 }, { "ES", 24 }, { "IT", 27 },
        { "LU", 20 }, { "CH", 21 }, { "PT", 25 }, { "NL", 18 }, { "GB", 22 },
    };
    char *iban = pt_check_alnum_upper(p, typed), *out, *o;
    int n = iban ? (int)strlen(iban) : 0, want = 0, rem = 0, i;
    size_t k;
    if (n >= 2) {
        for (k = 0; k < sizeof(lengths) / sizeof(lengths[0]); k++) {
            if (!strncmp(iban, lengths[k].country, 2)) {
                want = lengths[k].len;
            }
        }
    }
    if (n < 15 || n > 34 || (want && n != want) || !apr_isalpha(iban[0])
        || !apr_isalpha(iban[1]) || !apr_isdigit(iban[2]) || !apr_isdigit(iban[3])) {
        goto invalid;
    }
    /* ISO 13616: the first four characters moved to the end, letters as 10..35, the
     * number mod 97 must be 1 — computed digit by digit. */
    for (i = 0; i < n; i++) {
        char c = iban[(i + 4) % n];
        int v = apr_isdigit(c) ? c - '0' : c - 'A' + 10;
        rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
    }
    if (rem != 1) {
        goto invalid;
    }
    out = o = apr_palloc(p, n + n / 4 + 1);
    for (i = 0; i < n; i++) {
        if (i > 0 && i % 4 == 0) {
            *o++ = ' ';
        }
        *o++ = iban[i];
    }
    *o = '\0';
    return out;
invalid:
    if (why) {
        *why = "Le numéro IBAN n'est pas valide : vérifiez-le sur votre RIB.";
    }
    return NULL;
}

const char *pt_check_iban_masked(apr_pool_t *p, const char *iban)
{
    char *out = apr_pstrdup(p, iban ? iban : "");
    int n = (int)strlen(out), i, seen = 0;
    /* Keep the country, the check digits and the last four characters. */
    for (i = n - 1; i >= 0; i--) {
        if (out[i] == ' ') {
            continue;
        }
        if (++seen > 4 && i >= 4) {
            out[i] = '*';
        }
    }
    return out;
}

const char *pt_check_bic(apr_pool_t *p, const char *typed, const char **why)
{
    char *bic = pt_check_alnum_upper(p, typed);
    int n = bic ? (int)strlen(bic) : 0, i;
    if (n == 8 || n == 11) {
        for (i = 0; i < 6 && apr_isalpha(bic[i]); i++) {
        }
        if (i == 6) {
            return bic;
        }
    }
    if (why) {
        *why = "Le BIC a 8 ou 11 caractères, par exemple AGRIFRPP ou AGRIFRPP882.";
    }
    return NULL;
}

const char *pt_check_file_kind(const void *head, apr_size_t len)
{
    static const unsigned char jpeg[] = { 0xFF, 0xD8, 0xFF };
    static const unsigned char png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    if (len >= sizeof(jpeg) && memcmp(head, jpeg, sizeof(jpeg)) == 0) {
        return ".jpg";
    }
    if (len >= sizeof(png) && memcmp(head, png, sizeof(png)) == 0) {
        return ".png";
    }
    if (len >= 5 && memcmp(head, "%PDF-", 5) == 0) {
        return ".pdf";
    }
    return NULL;
}

const char *pt_check_file_mime(const char *kind)
{
    return !kind ? NULL : !strcmp(kind, ".pdf") ? "application/pdf"
           : !strcmp(kind, ".png") ? "image/png" : "image/jpeg";
}

/* PDF delimiters and white space end a name (ISO 32000-1, 7.2.2). */
static int pt_check_pdf_regular(unsigned char c)
{
    return c > ' ' && c < 0x7F && !strchr("()<>[]{}/%", c);
}

int pt_check_pdf_script(const char *buf, apr_size_t len)
{
    apr_size_t i = 0;
    while (i < len) {
        char name[16];
        apr_size_t n = 0;
        if (buf[i++] != '/') {
            continue;
        }
        /* The name's characters, #xx escapes decoded; only short ones matter. */
        while (i < len && pt_check_pdf_regular((unsigned char)buf[i])) {
            int c = (unsigned char)buf[i++];
            if (c == '#' && i + 1 < len && apr_isxdigit(buf[i]) && apr_isxdigit(buf[i + 1])) {
                char hex[3] = { buf[i], buf[i + 1], '\0' };
                c = (int)strtol(hex, NULL, 16);
                i += 2;
            }
            if (n < sizeof(name) - 1) {
                name[n] = (char)c;
            }
            n++;
        }
        if (n < sizeof(name)) {
            name[n] = '\0';
            if (!strcmp(name, "JS") || !strcmp(name, "JavaScript")) {
                return 1;
            }
        }
    }
    return 0;
}
