/* pt_req — helpers screens use to answer.  See pt_req.h. */
#include <string.h>
#include <apr_strings.h>
#include <libxml/tree.h>
#include "core/pt_req.h"

int pt_req_redirect(pt_req *rq, const char *path, pt_flash_kind kind, const char *message)
{
    rq->status = 303;
    rq->location = path;
    rq->flash = message;
    rq->flash_kind = kind;
    return 303;
}

void pt_req_set_cookie(pt_req *rq, const char *name, const char *value)
{
    apr_table_set(rq->cookies, name, value ? value : "");
}

int pt_req_error(pt_req *rq, int status, const char *detail)
{
    rq->status = status;
    rq->view = "erreur";
    rq->error_detail = detail;
    return status;
}

pt_node *pt_req_screen(pt_req *rq, const char *name)
{
    return pt_xml_elem(rq->page, name, NULL);
}

struct pt_form_view {
    pt_node *form;
    int errors;
};

pt_form_view *pt_form_view_new(pt_req *rq, pt_node *parent, const char *action)
{
    pt_form_view *fv = apr_pcalloc(rq->pool, sizeof(*fv));
    fv->form = pt_xml_elem(parent, "form", NULL);
    pt_xml_attr(fv->form, "action", apr_pstrcat(rq->pool, rq->site->base, action, NULL));
    return fv;
}

pt_node *pt_form_view_field(pt_form_view *fv, const char *name, const char *type,
                            const char *label, const char *value, int required)
{
    pt_node *f = pt_xml_elem(fv->form, "field", NULL);
    pt_xml_attr(f, "name", name);
    pt_xml_attr(f, "type", type);
    pt_xml_attr(f, "label", label);
    /* Passwords are never sent back to the browser. */
    if (strcmp(type, "password") != 0) {
        pt_xml_attr(f, "value", value);
    }
    if (required) {
        pt_xml_attr(f, "required", "1");
    }
    return f;
}

void pt_form_view_error(pt_form_view *fv, const char *name, const char *message)
{
    pt_node *n, *found = NULL;
    for (n = fv->form->children; n; n = n->next) {
        if (n->type == 1 /* XML_ELEMENT_NODE */ && strcmp((const char *)n->name, "field") == 0) {
            char *v = (char *)xmlGetProp(n, (const unsigned char *)"name");
            if (v && strcmp(v, name) == 0) {
                found = n;
            }
            xmlFree(v);
        }
    }
    pt_xml_elem(found ? found : fv->form, "error", message);
    fv->errors++;
}

int pt_form_view_errors(const pt_form_view *fv)
{
    return fv->errors;
}

pt_node *pt_form_view_node(const pt_form_view *fv)
{
    return fv->form;
}

apr_int64_t pt_req_param_id(pt_req *rq, const char *name)
{
    const char *v = apr_table_get(rq->params, name);
    apr_int64_t id = 0;
    if (!v || !*v || strlen(v) > 18) {
        return -1;
    }
    for (; *v; v++) {
        if (*v < '0' || *v > '9') {
            return -1;
        }
        id = id * 10 + (*v - '0');
    }
    return id > 0 ? id : -1;
}
