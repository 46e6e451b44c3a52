/* fuzz_multipart — the multipart parser under AddressSanitizer and UBSan.
 *
 * LLVMFuzzerTestOneInput() is the libFuzzer entry (clang -fsanitize=fuzzer
 * -DPT_FUZZ_LIBFUZZER).  Without libFuzzer (Debian's gcc), main() runs for a given time a
 * small mutator over well-formed seed bodies — bit flips, cuts, insertions of delimiter
 * fragments, duplications — feeding each result in two chunks cut where the first byte
 * says, so that split delimiters and headers are exercised.  Any memory error or
 * undefined behaviour aborts; the seed is printed to replay a failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <apr_general.h>
#include <apr_pools.h>
#include "core/pt_multipart.h"

#define FUZZ_BOUNDARY "fUzZ"

static apr_pool_t *fuzz_pool;

static int fuzz_begin(void *ctx, const char *name, const char *filename, const char *type)
{
    (void)ctx;
    return name[0] && filename[0] && type[0] ? PT_MP_OK : PT_MP_BAD;
}

static int fuzz_data(void *ctx, const char *buf, apr_size_t len)
{
    /* Touch every byte, so a read past the buffer is seen. */
    unsigned *sum = ctx;
    apr_size_t i;
    for (i = 0; i < len; i++) {
        *sum += (unsigned char)buf[i];
    }
    return PT_MP_OK;
}

static int fuzz_end(void *ctx)
{
    (void)ctx;
    return PT_MP_OK;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    /* The limits glue/respond.c gives it with the default directives. */
    static const pt_multipart_limits lim = { 500, 1024, 65536, 5 << 20, (5 << 20) + 65536 };
    unsigned sum = 0;
    pt_multipart_files files = { fuzz_begin, fuzz_data, fuzz_end, &sum };
    apr_pool_t *p;
    pt_multipart *mp;
    apr_table_t *fields = NULL;
    size_t cut = size ? data[0] % (size + 1) : 0;
    int rv;

    if (!fuzz_pool) {                       /* under libFuzzer, main() did not run */
        apr_initialize();
        apr_pool_create(&fuzz_pool, NULL);
    }
    apr_pool_create(&p, fuzz_pool);
    mp = pt_multipart_new(p, FUZZ_BOUNDARY, &lim, &files);
    rv = pt_multipart_feed(mp, (const char *)data, cut);
    if (rv == PT_MP_OK) {
        rv = pt_multipart_feed(mp, (const char *)data + cut, size - cut);
    }
    if (rv == PT_MP_OK && pt_multipart_finish(mp, &fields) == PT_MP_OK) {
        apr_table_get(fields, "a");
    }
    (void)pt_multipart_error(mp);
    apr_pool_destroy(p);
    return 0;
}

#ifndef PT_FUZZ_LIBFUZZER
static const char *const fuzz_seeds[] = {
    "--" FUZZ_BOUNDARY "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvaleur\r\n"
    "--" FUZZ_BOUNDARY "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.jpg\"\r\n"
    "Content-Type: image/jpeg\r\n\r\n\xFF\xD8\xFF\xE0\r\n\r\n--" FUZZ_BOUNDARY "--\r\n",
    "préambule\r\n--" FUZZ_BOUNDARY "  \r\ncontent-disposition: form-data; name=a; "
    "filename*=UTF-8''%C3%A9t%C3%A9.png\r\n\r\n\r\n--" FUZZ_BOUNDARY "--",
    "--" FUZZ_BOUNDARY "\r\nContent-Disposition: form-data; name=\"\\\"q\\\"\"\r\n\r\n"
    "\r\n--fUz\r\n--" FUZZ_BOUNDARY "--epilogue",
};
static const char *const fuzz_pieces[] = {
    "\r\n", "--", "\r\n--" FUZZ_BOUNDARY, "\r\n--" FUZZ_BOUNDARY "--", "\"", ";", "=",
    "Content-Disposition: form-data; name=\"b\"\r\n", "filename=\"", "\r\n\r\n", "\xC3",
};

static size_t fuzz_mutate(unsigned char *buf, size_t len, size_t cap)
{
    int n = 1 + rand() % 4;
    while (n-- > 0) {
        size_t at = len ? (size_t)rand() % (len + 1) : 0;
        switch (rand() % 5) {
        case 0:                                             /* flip a bit */
            if (len) {
                buf[at % len] ^= (unsigned char)(1u << (rand() % 8));
            }
            break;
        case 1:                                             /* cut */
            len = at;
            break;
        case 2: {                                           /* insert a piece */
            const char *piece = fuzz_pieces[rand() % (sizeof(fuzz_pieces) / sizeof(fuzz_pieces[0]))];
            size_t pl = strlen(piece);
            if (len + pl <= cap) {
                memmove(buf + at + pl, buf + at, len - at);
                memcpy(buf + at, piece, pl);
                len += pl;
            }
            break;
        }
        case 3: {                                           /* duplicate a span */
            size_t from = len ? (size_t)rand() % len : 0, span = 1 + (size_t)rand() % 64;
            if (from + span <= len && len + span <= cap) {
                memmove(buf + at + span, buf + at, len - at);
                memmove(buf + at, buf + (from < at ? from : from + span), span);
                len += span;
            }
            break;
        }
        default:                                            /* delete a span */
            if (len) {
                size_t span = 1 + (size_t)rand() % 16;
                at %= len;
                span = at + span > len ? len - at : span;
                memmove(buf + at, buf + at + span, len - at - span);
                len -= span;
            }
        }
    }
    return len;
}

int main(int argc, char **argv)
{
    unsigned seconds = argc > 1 ? (unsigned)atoi(argv[1]) : 10;
    unsigned seed = argc > 2 ? (unsigned)atoi(argv[2]) : (unsigned)time(NULL);
    unsigned char buf[8192];
    time_t end = time(NULL) + seconds;
    unsigned long runs = 0;

    apr_initialize();
    apr_pool_create(&fuzz_pool, NULL);
    srand(seed);
    printf("fuzz_multipart: graine %u, %u s\n", seed, seconds);
    while (time(NULL) < end) {
        const char *s = fuzz_seeds[rand() % (sizeof(fuzz_seeds) / sizeof(fuzz_seeds[0]))];
        size_t len = strlen(s);
        int generations = 1 + rand() % 8, g;
        memcpy(buf, s, len);
        for (g = 0; g < generations; g++) {
            len = fuzz_mutate(buf, len, sizeof(buf));
            LLVMFuzzerTestOneInput(buf, len);
            runs++;
        }
    }
    printf("fuzz_multipart: %lu entrées, aucune erreur\n", runs);
    apr_pool_destroy(fuzz_pool);
    apr_terminate();
    return 0;
}
#endif
