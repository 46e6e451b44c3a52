/* pt_arena — libxml2's allocations of a request from an arena, freed at once at its end.
 *
 * A page is thousands of small libxml2 allocations (nodes, attributes, strings, XPath
 * objects, the result tree, the serialisation buffer), each freed one by one by
 * xmlFreeDoc at the end: glibc's malloc/free were 43 % of a planning's render.  With
 * pt_arena_install(), libxml2 allocates through functions that take memory from the
 * thread's current arena when there is one (a bump pointer in chunks of a region of
 * address space reserved once per process), and from malloc otherwise; xmlFree is a no-op
 * on arena memory (told by its address) and free() for the rest, so memory allocated
 * before install or outside a request (compiled stylesheets, texts) is unaffected.
 *
 * A request: pt_arena_begin(r->pool) before building the page, pt_arena_leave() when the
 * handler returns (the thread may serve another request before the pool is destroyed);
 * the arena's chunks go back to the process's free list when the pool is destroyed, after
 * the documents' cleanups (registered later, run earlier).  Anything that must outlive
 * the request (a stylesheet compiled on first use) is allocated inside
 * pt_arena_swap(NULL) … pt_arena_swap(saved).
 */
#ifndef PT_ARENA_H
#define PT_ARENA_H

#include <apr_pools.h>

typedef struct pt_arena pt_arena;

/* Once per process, before threads start: route libxml2's allocator (xmlMemSetup) through
 * the arenas.  Returns 0 when libxml2 refused. */
int pt_arena_install(void);

/* A new arena, current for this thread until pt_arena_leave(); released with p.  NULL
 * (and nothing changes) when pt_arena_install() was not called. */
pt_arena *pt_arena_begin(apr_pool_t *p);

/* This thread has no current arena any more (its memory lives until its pool's end). */
void pt_arena_leave(void);

/* Make `a` the current arena of this thread (NULL: malloc); returns the previous one. */
pt_arena *pt_arena_swap(pt_arena *a);

/* Whether ptr is arena memory (then freeing it is the arena's business). */
int pt_arena_owns(const void *ptr);

/* Bytes handed out by the arenas of this process since start (for tests and benches). */
apr_size_t pt_arena_allocated(void);

#endif
