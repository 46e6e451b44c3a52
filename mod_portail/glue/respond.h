/* respond.h — from a routed request to its answer (respond.c). */
#ifndef PORTAIL_RESPOND_H
#define PORTAIL_RESPOND_H

#include "glue/glue.h"

typedef struct portail_route {
    const char *method;
    const char *pattern;
    pt_screen_fn screen;
    int role;                     /* pt_role: who may use it (core/pt_role.c) */
    const char *view;             /* stylesheet; NULL for raw answers */
} portail_route;

/* The router table (router.c), terminated by a NULL method. */
const portail_route *portail_routes_table(void);

/* Whether the user of rq may use (method, path): the role of the route the router table
 * matches (pt_req_may). */
int portail_route_may(const pt_req *rq, const char *method, const char *path);

/* Run the screen of a matched route and send its answer. */
int portail_respond(request_rec *r, const portail_route *rt, const char *path,
                    apr_table_t *params);
/* Send the French error screen for status (detail may be NULL). */
int portail_respond_error(request_rec *r, int status, const char *detail);

#endif
