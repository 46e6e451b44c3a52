/* fuzz.h — what the libFuzzer targets of t/fuzz share: APR started once, a pool per
 * input (destroyed after it, so LeakSanitizer and -malloc_limit_mb see each input alone),
 * and a check that aborts with a message when a property of the output is broken. */
#ifndef PT_FUZZ_H
#define PT_FUZZ_H

#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <apr_general.h>
#include <apr_pools.h>

static apr_pool_t *fuzz_root;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    apr_initialize();
    apr_pool_create(&fuzz_root, NULL);
    return 0;
}

#define FUZZ_CHECK(cond)                                                               \
    do {                                                                               \
        if (!(cond)) {                                                                 \
            fprintf(stderr, "%s:%d: propriété violée : %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                   \
        }                                                                              \
    } while (0)

/* The input as a NUL-terminated string, cut at its first NUL (C strings from the
 * database and from httpd never hold one). */
static inline const char *fuzz_string(apr_pool_t *p, const uint8_t *data, size_t size)
{
    return apr_pstrmemdup(p, (const char *)data, size);
}

/* The input split at its first `n` - 1 '\n' into n strings (the last takes the rest). */
static inline void fuzz_split(apr_pool_t *p, const uint8_t *data, size_t size, int n,
                              const char **out)
{
    const char *s = apr_pstrmemdup(p, (const char *)data, size);
    int i;
    for (i = 0; i < n; i++) {
        const char *nl = i < n - 1 ? strchr(s, '\n') : NULL;
        out[i] = nl ? apr_pstrmemdup(p, s, (apr_size_t)(nl - s)) : s;
        s = nl ? nl + 1 : "";
    }
}

#endif
