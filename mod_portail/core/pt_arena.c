/* pt_arena — libxml2's allocations of a request from an arena.  See pt_arena.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <sys/mman.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlerror.h>
#include "core/pt_arena.h"

/* Address space reserved once per process (committed only as chunks are touched). */
#define PT_ARENA_REGION ((size_t)1 << 30)
#define PT_ARENA_CHUNK ((size_t)256 << 10)
/* Blocks larger than this come from malloc, kept on the arena's list until its end. */
#define PT_ARENA_BIG (PT_ARENA_CHUNK / 4)
#define PT_ARENA_ALIGN(n) (((n) + 15) & ~(size_t)15)

struct pt_arena {
    char *pos, *end;        /* free space of the current chunk */
    char *last;             /* the last block handed out: realloc grows it in place */
    void *chunks;           /* chunks in use, linked through their first word */
    struct pt_arena_big *bigs;
};

typedef struct { size_t size, pad; } pt_arena_hdr;                 /* before a block */
typedef struct pt_arena_big {
    struct pt_arena_big *next;
    size_t size, pad[2];                       /* 32 bytes: the block stays 16-aligned */
} pt_arena_big;

static char *pt_arena_region;
static size_t pt_arena_next;            /* first chunk of the region never handed out */
static void *pt_arena_free;             /* chunks given back, linked */
static size_t pt_arena_total;
static pthread_mutex_t pt_arena_lock = PTHREAD_MUTEX_INITIALIZER;
/* The thread's current arena.  initial-exec: read without a __tls_get_addr call (2 % of
 * a page); one pointer fits glibc's static TLS surplus for dlopen'ed modules. */
static __thread pt_arena *pt_arena_cur __attribute__((tls_model("initial-exec")));

int pt_arena_owns(const void *ptr)
{
    return pt_arena_region && (const char *)ptr >= pt_arena_region
           && (const char *)ptr < pt_arena_region + PT_ARENA_REGION;
}

/* A big block of the thread's arena?  Found on its list (a few per request), never by
 * reading outside the block: the word before a block malloc gave someone else is not
 * ours to read (AddressSanitizer says so, and malloc's layout is not a contract). */
static int pt_arena_is_big(const void *ptr)
{
    const pt_arena_big *b;
    for (b = pt_arena_cur ? pt_arena_cur->bigs : NULL; b; b = b->next) {
        if ((const void *)(b + 1) == ptr) {
            return 1;
        }
    }
    return 0;
}

static char *pt_arena_chunk(void)
{
    char *c = NULL;
    pthread_mutex_lock(&pt_arena_lock);
    if (pt_arena_free) {
        c = pt_arena_free;
        pt_arena_free = *(void **)c;
    }
    else if (pt_arena_next + PT_ARENA_CHUNK <= PT_ARENA_REGION) {
        c = pt_arena_region + pt_arena_next;
        pt_arena_next += PT_ARENA_CHUNK;
    }
    pt_arena_total += c ? PT_ARENA_CHUNK : 0;
    pthread_mutex_unlock(&pt_arena_lock);
    return c;
}

static void *pt_arena_big_alloc(pt_arena *a, size_t size)
{
    pt_arena_big *b = malloc(sizeof(*b) + size);
    if (!b) {
        return NULL;
    }
    b->next = a->bigs;
    b->size = size;
    a->bigs = b;
    return b + 1;
}

static void *pt_arena_alloc(pt_arena *a, size_t size)
{
    size_t need = PT_ARENA_ALIGN(size) + sizeof(pt_arena_hdr);
    pt_arena_hdr *h;
    if (size > PT_ARENA_BIG) {
        return pt_arena_big_alloc(a, size);
    }
    if ((size_t)(a->end - a->pos) < need) {
        char *c = pt_arena_chunk();
        if (!c) {
            return pt_arena_big_alloc(a, size);    /* region exhausted: still correct */
        }
        *(void **)c = a->chunks;
        a->chunks = c;
        a->pos = c + 16;
        a->end = c + PT_ARENA_CHUNK;
    }
    h = (pt_arena_hdr *)a->pos;
    h->size = size;
    a->pos += need;
    a->last = (char *)(h + 1);
    return h + 1;
}

static void *pt_arena_malloc_fn(size_t size)
{
    return pt_arena_cur ? pt_arena_alloc(pt_arena_cur, size) : malloc(size);
}

static void pt_arena_free_fn(void *ptr)
{
    if (ptr && !pt_arena_owns(ptr) && !pt_arena_is_big(ptr)) {
        free(ptr);
    }
}

static void *pt_arena_realloc_fn(void *ptr, size_t size)
{
    pt_arena *a = pt_arena_cur;
    size_t old;
    void *n;
    if (!ptr) {
        return pt_arena_malloc_fn(size);
    }
    if (pt_arena_owns(ptr)) {
        pt_arena_hdr *h = (pt_arena_hdr *)ptr - 1;
        /* The last block of the current chunk grows where it is (buffers do that). */
        if (a && (char *)ptr == a->last && size <= PT_ARENA_BIG
            && (size_t)(a->end - (char *)ptr) >= PT_ARENA_ALIGN(size)) {
            h->size = size;
            a->pos = (char *)ptr + PT_ARENA_ALIGN(size);
            return ptr;
        }
        old = h->size;
    }
    else if (pt_arena_is_big(ptr)) {
        old = ((pt_arena_big *)ptr - 1)->size;
    }
    else {
        return realloc(ptr, size);
    }
    /* Arena memory is never freed one block at a time: a copy, the old one stays. */
    n = pt_arena_malloc_fn(size);
    if (n) {
        memcpy(n, ptr, old < size ? old : size);
    }
    return n;
}

static char *pt_arena_strdup_fn(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = pt_arena_malloc_fn(n);
    if (d) {
        memcpy(d, s, n);
    }
    return d;
}

int pt_arena_install(void)
{
    if (pt_arena_region) {
        return 1;
    }
    pt_arena_region = mmap(NULL, PT_ARENA_REGION, PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (pt_arena_region == MAP_FAILED) {
        pt_arena_region = NULL;
        return 0;
    }
    if (xmlMemSetup(pt_arena_free_fn, pt_arena_malloc_fn, pt_arena_realloc_fn,
                    pt_arena_strdup_fn) != 0) {
        munmap(pt_arena_region, PT_ARENA_REGION);
        pt_arena_region = NULL;
        return 0;
    }
    return 1;
}

static apr_status_t pt_arena_release(void *data)
{
    pt_arena *a = data;
    void *last = a->chunks;
    if (pt_arena_cur == a) {
        pt_arena_cur = NULL;
    }
    while (a->bigs) {
        pt_arena_big *b = a->bigs;
        a->bigs = b->next;
        free(b);
    }
    if (last) {
        while (*(void **)last) {
            last = *(void **)last;
        }
        pthread_mutex_lock(&pt_arena_lock);
        *(void **)last = pt_arena_free;
        pt_arena_free = a->chunks;
        pthread_mutex_unlock(&pt_arena_lock);
    }
    a->chunks = NULL;
    a->pos = a->end = a->last = NULL;
    return APR_SUCCESS;
}

pt_arena *pt_arena_begin(apr_pool_t *p)
{
    pt_arena *a;
    if (!pt_arena_region) {
        return NULL;
    }
    a = apr_pcalloc(p, sizeof(*a));
    apr_pool_cleanup_register(p, a, pt_arena_release, apr_pool_cleanup_null);
    pt_arena_cur = a;
    return a;
}

void pt_arena_leave(void)
{
    if (pt_arena_cur) {
        /* The thread's last error may hold strings of this arena: not past its end. */
        xmlResetLastError();
        pt_arena_cur = NULL;
    }
}

pt_arena *pt_arena_swap(pt_arena *a)
{
    pt_arena *old = pt_arena_cur;
    pt_arena_cur = a;
    return old;
}

apr_size_t pt_arena_allocated(void)
{
    apr_size_t n;
    pthread_mutex_lock(&pt_arena_lock);
    n = pt_arena_total;
    pthread_mutex_unlock(&pt_arena_lock);
    return n;
}
