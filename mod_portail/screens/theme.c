/* theme.c — /portail/theme.css: the town's colour (PortailColour) as a CSS custom property.
 * A stylesheet of its own because the Content-Security-Policy forbids inline styles. */
#include <string.h>
#include <apr_strings.h>
#include "screens/screens.h"

int portail_theme_get(pt_req *rq)
{
    rq->content_type = "text/css; charset=UTF-8";
    rq->body = apr_psprintf(rq->pool, ":root { --couleur: %s; }\n", rq->site->colour);
    rq->body_len = strlen(rq->body);
    return 200;
}
