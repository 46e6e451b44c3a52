/* fuzz_multipart — the multipart parser under AddressSanitizer and UBSan, at the sizes
 * and limits of the module (PortailMaxUploadSize 5 MB, 500 parts, 1 kB header lines), with
 * a memory ceiling.
 *
 * LLVMFuzzerTestOneInput() is the libFuzzer entry (clang -fsanitize=fuzzer
 * -DPT_FUZZ_LIBFUZZER; run it with -max_len=6000000 -rss_limit_mb=512 -malloc_limit_mb=64,
 * see README.md).  Without libFuzzer (Debian's gcc), main() runs for a given time a small
 * mutator over well-formed seed bodies — small ones, and bodies of megabytes: a 5 MB photo,
 * 500 fields, parts whose header lines are full of quoted parameters — with bit flips,
 * cuts, insertions of delimiter fragments, duplications and repetitions of a span up to
 * megabytes.  Each input is fed in 8 kB chunks as Apache reads a body, cut first where its
 * first byte says.  Any memory error or undefined behaviour aborts; so does the process's
 * peak memory passing FUZZ_RSS_LIMIT_MB (default 384: a parser whose memory is not linear
 * in its input takes hundreds of MB from one 5 MB body).  The seed is printed to replay.
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
    /* The module's defaults (glue/config.c): PortailMaxFormFields, a 1 kB header line,
     * PortailMaxFormSize, PortailMaxUploadSize, their sum. */
    static const pt_multipart_limits lim = { 500, 1024, 65536, 5 * 1024 * 1024,
                                             5 * 1024 * 1024 + 65536 };
    unsigned sum = 0;
    pt_multipart_files files = { fuzz_begin, fuzz_data, fuzz_end, &sum, NULL };
    apr_pool_t *p;
    pt_multipart *mp;
    apr_table_t *fields = NULL;
    size_t cut = size ? data[0] % (size + 1) : 0;
    int rv;

    size_t off;

    if (!fuzz_pool) {                       /* under libFuzzer, main() did not run */
        apr_initialize();
        apr_pool_create(&fuzz_pool, NULL);
    }
    apr_pool_create(&p, fuzz_pool);
    mp = pt_multipart_new(p, FUZZ_BOUNDARY, &lim, &files);
    rv = pt_multipart_feed(mp, (const char *)data, cut);
    for (off = cut; rv == PT_MP_OK && off < size; off += 8192) {
        rv = pt_multipart_feed(mp, (const char *)data + off, size - off < 8192 ? size - off : 8192);
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
        switch (rand() % 6) {
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
        case 4: {                                           /* repeat a span, up to MBs */
            size_t from = len ? (size_t)rand() % len : 0, span = 1 + (size_t)rand() % 2048;
            size_t times = 1 + (size_t)rand() % 4000, k;
            if (from + span > len) {
                break;
            }
            if (len + span * times > cap) {
                times = (cap - len) / span;
            }
            at = from + span;
            memmove(buf + at + span * times, buf + at, len - at);
            for (k = 0; k < times; k++) {
                memcpy(buf + at + k * span, buf + from, span);
            }
            len += span * times;
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

/* Peak resident memory of the process, kB (VmHWM). */
static long fuzz_peak_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = 0;
    while (f && fgets(line, sizeof(line), f)) {
        if (strncmp(line, "VmHWM:", 6) == 0) {
            kb = atol(line + 6);
        }
    }
    if (f) {
        fclose(f);
    }
    return kb;
}

/* Append to a growing seed. */
static void fuzz_put(unsigned char *seed, size_t *len, size_t cap, const char *s, size_t n)
{
    if (*len + n <= cap) {
        memcpy(seed + *len, s, n);
        *len += n;
    }
}
#define FUZZ_PUT(seed, len, cap, lit) fuzz_put(seed, len, cap, lit, sizeof(lit) - 1)

/* The bodies of megabytes the module really receives, and the reviewer's. */
static size_t fuzz_big_seed(int which, unsigned char *seed, size_t cap)
{
    size_t len = 0;
    int i, j, k;
    switch (which) {
    case 0:                                                 /* a 5 MB photo */
        FUZZ_PUT(seed, &len, cap, "--" FUZZ_BOUNDARY "\r\nContent-Disposition: form-data; "
                 "name=\"csrf\"\r\n\r\njeton\r\n--" FUZZ_BOUNDARY "\r\nContent-Disposition: "
                 "form-data; name=\"photo\"; filename=\"photo.jpg\"\r\nContent-Type: "
                 "image/jpeg\r\n\r\n");
        for (i = 0; i < 5 * 1024 * 1024 - 4096 && len < cap; i++) {
            seed[len++] = (unsigned char)rand();
        }
        FUZZ_PUT(seed, &len, cap, "\r\n--" FUZZ_BOUNDARY "--\r\n");
        break;
    case 1:                                                 /* 499 fields of 10 kB */
        for (i = 0; i < 499; i++) {
            FUZZ_PUT(seed, &len, cap, "--" FUZZ_BOUNDARY "\r\nContent-Disposition: form-data; "
                     "name=\"champ\"\r\n\r\n");
            for (j = 0; j < 10000 && len < cap; j++) {
                seed[len++] = (unsigned char)('a' + j % 26);
            }
            FUZZ_PUT(seed, &len, cap, "\r\n");
        }
        FUZZ_PUT(seed, &len, cap, "--" FUZZ_BOUNDARY "--\r\n");
        break;
    default:                                                /* quoted parameters galore */
        for (i = 0; i < 320; i++) {
            FUZZ_PUT(seed, &len, cap, "--" FUZZ_BOUNDARY "\r\n");
            for (j = 0; j < 16; j++) {
                FUZZ_PUT(seed, &len, cap, "Content-Disposition: form-data; name=\"a\"");
                for (k = 0; k < 160; k++) {
                    FUZZ_PUT(seed, &len, cap, "; x=\"\"");
                }
                FUZZ_PUT(seed, &len, cap, "\r\n");
            }
            FUZZ_PUT(seed, &len, cap, "\r\nv\r\n");
        }
        FUZZ_PUT(seed, &len, cap, "--" FUZZ_BOUNDARY "--\r\n");
    }
    return len;
}

int main(int argc, char **argv)
{
    unsigned seconds = argc > 1 ? (unsigned)atoi(argv[1]) : 10;
    unsigned seed = argc > 2 ? (unsigned)atoi(argv[2]) : (unsigned)time(NULL);
    long limit_kb = (getenv("FUZZ_RSS_LIMIT_MB") ? atol(getenv("FUZZ_RSS_LIMIT_MB")) : 384) * 1024;
    size_t cap = 6 * 1024 * 1024;
    unsigned char *buf = malloc(cap), *big[3];
    size_t big_len[3];
    time_t end = time(NULL) + seconds;
    unsigned long runs = 0, large = 0;
    int i;

    apr_initialize();
    apr_pool_create(&fuzz_pool, NULL);
    srand(seed);
    printf("fuzz_multipart: graine %u, %u s, plafond %ld Mo\n", seed, seconds, limit_kb / 1024);
    for (i = 0; i < 3; i++) {
        big[i] = malloc(cap);
        big_len[i] = big[i] && buf ? fuzz_big_seed(i, big[i], cap) : 0;
    }
    while (buf && time(NULL) < end) {
        int pick = rand() % 8, generations = 1 + rand() % 8, g;
        size_t len;
        if (pick < 3 && big_len[pick]) {
            len = big_len[pick];
            memcpy(buf, big[pick], len);
        }
        else {
            const char *s = fuzz_seeds[rand() % (sizeof(fuzz_seeds) / sizeof(fuzz_seeds[0]))];
            len = strlen(s);
            memcpy(buf, s, len);
        }
        for (g = 0; g < generations; g++) {
            len = fuzz_mutate(buf, len, cap);
            LLVMFuzzerTestOneInput(buf, len);
            runs++;
            large += len > 1024 * 1024;
            if (fuzz_peak_kb() > limit_kb) {
                fprintf(stderr, "fuzz_multipart: mémoire de pointe %ld Mo au-delà du plafond de "
                        "%ld Mo après une entrée de %lu octets (graine %u)\n",
                        fuzz_peak_kb() / 1024, limit_kb / 1024, (unsigned long)len, seed);
                abort();
            }
        }
    }
    printf("fuzz_multipart: %lu entrées dont %lu de plus de 1 Mo, mémoire de pointe %ld Mo, "
           "aucune erreur\n", runs, large, fuzz_peak_kb() / 1024);
    for (i = 0; i < 3; i++) {
        free(big[i]);
    }
    free(buf);
    apr_pool_destroy(fuzz_pool);
    apr_terminate();
    return 0;
}
#endif
