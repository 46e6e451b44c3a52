/* pt_multipart — a streaming multipart/form-data parser (RFC 7578), for uploads.
 *
 * libapreq2 is not packaged in Debian 12, and uploads must never sit whole in memory: the
 * body is fed in chunks of any size as Apache reads it; ordinary fields are collected
 * (bounded), file parts are handed to callbacks piece by piece.  Every limit (parts,
 * header line, field, file, total) is checked as bytes arrive, and a body that stops
 * before its closing delimiter is an error, so a truncated upload is never taken for a
 * complete one.
 */
#ifndef PT_MULTIPART_H
#define PT_MULTIPART_H

#include <apr_pools.h>
#include <apr_tables.h>

#define PT_MP_OK 0
#define PT_MP_BAD 400              /* malformed or truncated */
#define PT_MP_TOO_LARGE 413        /* a limit was passed */

typedef struct pt_multipart_limits {
    apr_size_t max_parts;          /* parts of the body, fields and files together */
    apr_size_t max_header_len;     /* one header line of a part */
    apr_size_t max_field_len;      /* the value of an ordinary field */
    apr_off_t max_file_len;        /* one file */
    apr_off_t max_total;           /* the whole body */
} pt_multipart_limits;

/* What happens to file parts.  Each callback returns PT_MP_OK or a status that stops
 * the parse (the error message is then the callback's business). */
typedef struct pt_multipart_files {
    /* A file part starts: field name, file name (sanitized, never empty), its declared
     * Content-Type (or "application/octet-stream"). */
    int (*begin)(void *ctx, const char *name, const char *filename, const char *type);
    int (*data)(void *ctx, const char *buf, apr_size_t len);
    int (*end)(void *ctx);
    void *ctx;
    /* Optional: an ordinary field is complete (value NUL-terminated, valid UTF-8).  `first`
     * is 1 for the body's first part.  Lets the caller check a CSRF token sent first
     * before any file is written or more of the body read. */
    int (*field)(void *ctx, const char *name, const char *value, int first);
} pt_multipart_files;

typedef struct pt_multipart pt_multipart;

/* The boundary of a Content-Type header (quoted or not); PT_MP_BAD when it is not
 * multipart/form-data or has no valid boundary (1 to 70 characters of RFC 2046). */
int pt_multipart_boundary(apr_pool_t *p, const char *content_type, const char **boundary);

pt_multipart *pt_multipart_new(apr_pool_t *p, const char *boundary,
                               const pt_multipart_limits *limits,
                               const pt_multipart_files *files);

/* Feed the next bytes of the body (any chunking). */
int pt_multipart_feed(pt_multipart *mp, const char *buf, apr_size_t len);

/* The body has ended: PT_MP_OK with the ordinary fields (name -> value, repeated names
 * kept), or PT_MP_BAD when it stopped before its closing delimiter. */
int pt_multipart_finish(pt_multipart *mp, apr_table_t **fields);

/* Why the parse stopped, in French, for the error screen. */
const char *pt_multipart_error(const pt_multipart *mp);

/* A file name safe to show and to log: its last path component, without control
 * characters, leading dots or characters outside letters, digits, « . _ - » and space
 * (others become « _ »), at most 100 bytes; « fichier » when nothing is left. */
const char *pt_multipart_safe_filename(apr_pool_t *p, const char *raw);

#endif
