/* espace.c — /portail/espace: « Mon espace citoyen », the account's hub. */
#include "screens/screens.h"

int portail_espace_get(pt_req *rq)
{
    pt_req_screen(rq, "espace");
    return 200;
}
