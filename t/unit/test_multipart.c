/* The streaming multipart/form-data parser: fields, files, every way to cut the body,
 * limits, truncation, file names. */
#include <string.h>
#include <apr_strings.h>
#include "unit.h"
#include "core/pt_multipart.h"

#define B "----xYz0123"

typedef struct {
    char name[64], filename[128], type[64];
    char data[4096];
    apr_size_t len;
    int files, ended;
} sink;

static int sink_begin(void *ctx, const char *name, const char *filename, const char *type)
{
    sink *s = ctx;
    s->files++;
    apr_cpystrn(s->name, name, sizeof(s->name));
    apr_cpystrn(s->filename, filename, sizeof(s->filename));
    apr_cpystrn(s->type, type, sizeof(s->type));
    return PT_MP_OK;
}

static int sink_data(void *ctx, const char *buf, apr_size_t len)
{
    sink *s = ctx;
    ck_assert_uint_le(s->len + len, sizeof(s->data));
    memcpy(s->data + s->len, buf, len);
    s->len += len;
    return PT_MP_OK;
}

static int sink_end(void *ctx)
{
    ((sink *)ctx)->ended++;
    return PT_MP_OK;
}

static const pt_multipart_limits limits = { 10, 200, 100, 1000, 5000 };

static const char body[] =
    "preamble to ignore\r\n"
    "--" B "\r\n"
    "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
    "abc\r\n"
    "--" B "\r\n"
    "content-disposition: form-data; name=\"prenom\"\r\n\r\n"
    "L\xC3\xA9o\r\n------xYz012 is not the delimiter\r\n"
    "--" B "\r\n"
    "Content-Disposition: form-data; name=\"photo\"; filename=\"C:\\\\Users\\\\x\\\\ma photo.jpg\"\r\n"
    "Content-Type: image/jpeg\r\n\r\n"
    "\xFF\xD8\xFF\r\n------xYz012\r\r\n-\x00" "binary\r\n"
    "--" B "\r\n"
    "Content-Disposition: form-data; name=\"vide\"; filename=\"\"\r\n"
    "Content-Type: application/octet-stream\r\n\r\n"
    "\r\n"
    "--" B "--\r\n"
    "epilogue";

/* Feed body in chunks cut at `cut` (0: all at once; 1: byte by byte). */
static int parse(const char *b, apr_size_t len, apr_size_t cut, int step, sink *s,
                 apr_table_t **fields, const pt_multipart_limits *lim)
{
    pt_multipart_files files = { sink_begin, sink_data, sink_end, s, NULL };
    pt_multipart *mp;
    apr_size_t i;
    int rv = PT_MP_OK;
    memset(s, 0, sizeof(*s));
    mp = pt_multipart_new(unit_pool, B, lim ? lim : &limits, &files);
    if (step) {
        for (i = 0; i < len && rv == PT_MP_OK; i++) {
            rv = pt_multipart_feed(mp, b + i, 1);
        }
    }
    else {
        rv = pt_multipart_feed(mp, b, cut);
        if (rv == PT_MP_OK) {
            rv = pt_multipart_feed(mp, b + cut, len - cut);
        }
    }
    return rv == PT_MP_OK ? pt_multipart_finish(mp, fields) : rv;
}

static void check_result(int rv, sink *s, apr_table_t *fields, const char *how)
{
    static const char file[] = "\xFF\xD8\xFF\r\n------xYz012\r\r\n-\x00" "binary";
    ck_assert_msg(rv == PT_MP_OK, "%s: status %d", how, rv);
    ck_assert_str_eq(apr_table_get(fields, "csrf"), "abc");
    ck_assert_str_eq(apr_table_get(fields, "prenom"), "L\xC3\xA9o\r\n------xYz012 is not the delimiter");
    ck_assert_int_eq(s->files, 1);               /* the empty file input is no file */
    ck_assert_int_eq(s->ended, 1);
    ck_assert_str_eq(s->name, "photo");
    ck_assert_str_eq(s->filename, "ma photo.jpg");
    ck_assert_str_eq(s->type, "image/jpeg");
    ck_assert_msg(s->len == sizeof(file) - 1 && memcmp(s->data, file, s->len) == 0,
                  "%s: file content differs (%u bytes)", how, (unsigned)s->len);
}

START_TEST(fields_and_files_at_every_cut)
{
    apr_size_t len = sizeof(body) - 1, cut;
    apr_table_t *fields = NULL;
    sink s;
    for (cut = 0; cut <= len; cut++) {
        int rv = parse(body, len, cut, 0, &s, &fields, NULL);
        check_result(rv, &s, fields, apr_psprintf(unit_pool, "cut at %u", (unsigned)cut));
    }
    check_result(parse(body, len, 0, 1, &s, &fields, NULL), &s, fields, "byte by byte");
}
END_TEST

START_TEST(truncated_bodies_are_refused)
{
    apr_size_t len = sizeof(body) - 1, end;
    apr_table_t *fields = NULL;
    sink s;
    /* Every body cut before its closing delimiter's "--" is incomplete. */
    const char *closing = "--" B "--";
    apr_size_t close = len - strlen(closing);
    while (memcmp(body + close, closing, strlen(closing)) != 0) {   /* (the body holds a NUL) */
        close--;
    }
    for (end = 0; end < close + strlen(closing); end += 7) {
        ck_assert_int_eq(parse(body, end, end, 0, &s, &fields, NULL), PT_MP_BAD);
    }
    ck_assert_int_eq(parse(body, len, len, 0, &s, &fields, NULL), PT_MP_OK);
}
END_TEST

START_TEST(limits_are_enforced)
{
    pt_multipart_limits small_file = limits, few_parts = limits, short_header = limits,
                        short_field = limits, small_total = limits;
    apr_table_t *fields = NULL;
    sink s;
    apr_size_t len = sizeof(body) - 1;
    small_file.max_file_len = 10;
    few_parts.max_parts = 2;
    short_header.max_header_len = 40;
    short_field.max_field_len = 5;
    small_total.max_total = 100;
    ck_assert_int_eq(parse(body, len, 50, 0, &s, &fields, &small_file), PT_MP_TOO_LARGE);
    ck_assert_int_eq(parse(body, len, 50, 0, &s, &fields, &few_parts), PT_MP_TOO_LARGE);
    ck_assert_int_eq(parse(body, len, 50, 0, &s, &fields, &short_header), PT_MP_TOO_LARGE);
    ck_assert_int_eq(parse(body, len, 50, 0, &s, &fields, &short_field), PT_MP_TOO_LARGE);
    ck_assert_int_eq(parse(body, len, 50, 0, &s, &fields, &small_total), PT_MP_TOO_LARGE);
}
END_TEST

START_TEST(malformed_parts)
{
    static const char *const bad[] = {
        "--" B "\r\nContent-Disposition: form-data\r\n\r\nx\r\n--" B "--",          /* no name */
        "--" B "\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--" B "--",
        "--" B "\r\nNoColonHere\r\n\r\nx\r\n--" B "--",
        "--" B "junk\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--" B "--",
        "--" B "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\xC3\x28\r\n--" B "--",
        /* names are text too: UTF-8, no control character, for fields and files */
        "--" B "\r\nContent-Disposition: form-data; name=\"\xC3\x28\"\r\n\r\nx\r\n--" B "--",
        "--" B "\r\nContent-Disposition: form-data; name=\"a\x01" "b\"\r\n\r\nx\r\n--" B "--",
        "--" B "\r\nContent-Disposition: form-data; name=\"\xFF\"; filename=\"a\"\r\n\r\nx\r\n--" B "--",
    };
    apr_table_t *fields = NULL;
    sink s;
    size_t i;
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        ck_assert_msg(parse(bad[i], strlen(bad[i]), 3, 0, &s, &fields, NULL) == PT_MP_BAD,
                      "case %u", (unsigned)i);
    }
}
END_TEST

START_TEST(boundaries_and_file_names)
{
    const char *b = NULL;
    ck_assert_int_eq(pt_multipart_boundary(unit_pool, "multipart/form-data; boundary=" B, &b), PT_MP_OK);
    ck_assert_str_eq(b, B);
    ck_assert_int_eq(pt_multipart_boundary(unit_pool, "Multipart/Form-Data; charset=utf-8; boundary=\"a b\"", &b), PT_MP_OK);
    ck_assert_str_eq(b, "a b");
    ck_assert_int_eq(pt_multipart_boundary(unit_pool, "multipart/form-data", &b), PT_MP_BAD);
    ck_assert_int_eq(pt_multipart_boundary(unit_pool, "application/x-www-form-urlencoded", &b), PT_MP_BAD);
    ck_assert_int_eq(pt_multipart_boundary(unit_pool, "multipart/form-data; boundary=", &b), PT_MP_BAD);
    ck_assert_int_eq(pt_multipart_boundary(unit_pool,
        "multipart/form-data; boundary=12345678901234567890123456789012345678901234567890123456789012345678901", &b), PT_MP_BAD);
    ck_assert_str_eq(pt_multipart_safe_filename(unit_pool, "../../etc/passwd"), "passwd");
    ck_assert_str_eq(pt_multipart_safe_filename(unit_pool, "C:\\x\\photo.jpg"), "photo.jpg");
    ck_assert_str_eq(pt_multipart_safe_filename(unit_pool, ".htaccess"), "htaccess");
    ck_assert_str_eq(pt_multipart_safe_filename(unit_pool, "été\x01<b>.png"), "_t__b_.png");
    ck_assert_str_eq(pt_multipart_safe_filename(unit_pool, ""), "fichier");
    ck_assert_str_eq(pt_multipart_safe_filename(unit_pool, "..."), "fichier");
}
END_TEST

/* The reviewer's body: parts whose header lines are full of quoted parameters.  Each
 * parameter used to copy the rest of its line: 5 MB of body took 480 MB. */
START_TEST(memory_is_linear_in_the_input)
{
    static const pt_multipart_limits real = { 500, 1024, 65536, 5 * 1024 * 1024,
                                              5 * 1024 * 1024 + 65536 };
    apr_array_header_t *b = apr_array_make(unit_pool, 6 * 1024 * 1024, 1);
    pt_multipart *mp;
    apr_size_t off, chunk = 8192;
    long before, after;
    int part, line, k, rv = PT_MP_OK;

    for (part = 0; part < 320; part++) {
        const char *d = "--" B "\r\n";
        for (; *d; d++) {
            *(char *)apr_array_push(b) = *d;
        }
        for (line = 0; line < 16; line++) {
            const char *h = "Content-Disposition: form-data; name=\"a\"";
            for (; *h; h++) {
                *(char *)apr_array_push(b) = *h;
            }
            for (k = 0; k < 160; k++) {
                const char *q = "; x=\"\"";
                for (; *q; q++) {
                    *(char *)apr_array_push(b) = *q;
                }
            }
            *(char *)apr_array_push(b) = '\r';
            *(char *)apr_array_push(b) = '\n';
        }
        *(char *)apr_array_push(b) = '\r';
        *(char *)apr_array_push(b) = '\n';
        *(char *)apr_array_push(b) = 'v';
        *(char *)apr_array_push(b) = '\r';
        *(char *)apr_array_push(b) = '\n';
    }
    ck_assert_int_gt(b->nelts, 5 * 1000 * 1000);
    before = unit_rss_kb();
    mp = pt_multipart_new(unit_pool, B, &real, NULL);
    for (off = 0; rv == PT_MP_OK && off < (apr_size_t)b->nelts; off += chunk) {
        apr_size_t n = (apr_size_t)b->nelts - off < chunk ? (apr_size_t)b->nelts - off : chunk;
        rv = pt_multipart_feed(mp, b->elts + off, n);
    }
    after = unit_rss_kb();
    ck_assert_int_eq(rv, PT_MP_OK);
    /* Bounded by the input (5 MB) and a small constant: less than 20 MB. */
    ck_assert_msg(after - before < 20 * 1024, "%ld kB for a %d byte body", after - before,
                  b->nelts);
}
END_TEST

START_TEST(field_names_are_utf8_text)
{
    const char *good = "--" B "\r\nContent-Disposition: form-data; name=\"pr\xC3\xA9nom\"\r\n\r\n"
                       "L\xC3\xA9o\r\n--" B "--";
    apr_table_t *fields = NULL;
    sink s;
    ck_assert_int_eq(parse(good, strlen(good), 3, 0, &s, &fields, NULL), PT_MP_OK);
    ck_assert_str_eq(apr_table_get(fields, "pr\xC3\xA9nom"), "L\xC3\xA9o");
}
END_TEST

/* The glue checks the CSRF token when the first part ends: a refusal stops the parse
 * there, before any file part begins. */
typedef struct {
    int calls, files;
} first_sink;

static int first_field(void *ctx, const char *name, const char *value, int first)
{
    first_sink *f = ctx;
    f->calls++;
    return first && !strcmp(name, "csrf") && !strcmp(value, "abc") ? PT_MP_OK : 403;
}

static int first_begin(void *ctx, const char *name, const char *filename, const char *type)
{
    ((first_sink *)ctx)->files++;
    return PT_MP_OK;
}

START_TEST(first_field_can_stop_the_parse)
{
    const char *forged = "--" B "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nxyz\r\n"
                         "--" B "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n\r\n"
                         "data\r\n--" B "--";
    first_sink f = { 0, 0 };
    pt_multipart_files cb = { first_begin, NULL, NULL, &f, first_field };
    pt_multipart *mp = pt_multipart_new(unit_pool, B, &limits, &cb);
    ck_assert_int_eq(pt_multipart_feed(mp, forged, strlen(forged)), 403);
    ck_assert_int_eq(f.calls, 1);
    ck_assert_int_eq(f.files, 0);
}
END_TEST

Suite *unit_multipart_suite(void)
{
    Suite *s = suite_create("multipart");
    TCase *tc = tcase_create("multipart");
    tcase_add_checked_fixture(tc, unit_setup, unit_teardown);
    tcase_add_test(tc, fields_and_files_at_every_cut);
    tcase_add_test(tc, truncated_bodies_are_refused);
    tcase_add_test(tc, limits_are_enforced);
    tcase_add_test(tc, malformed_parts);
    tcase_add_test(tc, boundaries_and_file_names);
    tcase_add_test(tc, memory_is_linear_in_the_input);
    tcase_add_test(tc, field_names_are_utf8_text);
    tcase_add_test(tc, first_field_can_stop_the_parse);
    tcase_set_timeout(tc, 30);
    suite_add_tcase(s, tc);
    return s;
}
