/* pt_req — helpers screens use to answer.  See pt_req.h. */
#include <stdarg.h>
#include <string.h>
#include <stdlib.h>
#include <apr_strings.h>
#include <apr_lib.h>
#include <libxml/tree.h>
#include "core/pt_req.h"
#include "core/pt_form.h"

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
    pt_node *into;             /* where fields go: the form or its current fieldset */
    int errors;
};

pt_form_view *pt_form_view_new(pt_req *rq, pt_node *parent, const char *action)
{
    pt_form_view *fv = apr_pcalloc(rq->pool, sizeof(*fv));
    fv->form = pt_xml_elem(parent, "form", NULL);
    pt_xml_attr(fv->form, "action", apr_pstrcat(rq->pool, rq->site->base, action, NULL));
    fv->into = fv->form;
    return fv;
}

pt_node *pt_form_view_fieldset(pt_form_view *fv, const char *legend)
{
    fv->into = pt_xml_elem(fv->form, "fieldset", NULL);
    pt_xml_attr(fv->into, "legend", legend);
    return fv->into;
}

pt_node *pt_form_view_option(pt_node *field, const char *value, const char *label)
{
    pt_node *o = pt_xml_elem(field, "option", label);
    pt_xml_attr(o, "value", value);
    return o;
}

pt_node *pt_form_view_field(pt_form_view *fv, const char *name, const char *type,
                            const char *label, const char *value, int required)
{
    pt_node *f = pt_xml_elem(fv->into, "field", NULL);
    pt_xml_attr(f, "name", name);
    pt_xml_attr(f, "type", type);
    pt_xml_attr(f, "label", label);
    /* A form with a file is sent as multipart/form-data. */
    if (strcmp(type, "file") == 0) {
        pt_xml_attr(fv->form, "enctype", "multipart/form-data");
    }
    /* Passwords (and file names) are never sent back to the browser. */
    else if (strcmp(type, "password") != 0) {
        pt_xml_attr(f, "value", value);
    }
    if (required) {
        pt_xml_attr(f, "required", "1");
    }
    return f;
}

/* The last <field name=…> under n, fieldsets included. */
static pt_node *pt_form_view_find(pt_node *n, const char *name)
{
    pt_node *found = NULL;
    for (n = n->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) {
            continue;
        }
        if (strcmp((const char *)n->name, "fieldset") == 0) {
            pt_node *inner = pt_form_view_find(n, name);
            found = inner ? inner : found;
        }
        else if (strcmp((const char *)n->name, "field") == 0) {
            char *v = (char *)xmlGetProp(n, (const unsigned char *)"name");
            if (v && strcmp(v, name) == 0) {
                found = n;
            }
            xmlFree(v);
        }
    }
    return found;
}

void pt_form_view_error(pt_form_view *fv, const char *name, const char *message)
{
    pt_node *found = pt_form_view_find(fv->form, name);
    pt_xml_elem(found ? found : fv->form, found ? "error" : "message", message);
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

pt_node *pt_form_view_select(pt_form_view *fv, const char *name, const char *label,
                             const char *value, int required, const pt_rows *rows,
                             const char *value_col, const char *label_col)
{
    pt_node *sel = pt_form_view_field(fv, name, "select", label, value, required);
    int i;
    for (i = 0; i < rows->n; i++) {
        pt_form_view_option(sel, pt_rows_get(rows, i, value_col), pt_rows_get(rows, i, label_col));
    }
    return sel;
}

apr_int64_t pt_req_param_id(pt_req *rq, const char *name)
{
    return pt_form_id(apr_table_get(rq->params, name));
}

int pt_req_query_int(pt_req *rq, const char *name, int dflt, int min, int max, int *out)
{
    const char *v = rq->query ? apr_table_get(rq->query, name) : NULL;
    char *end;
    long n;
    *out = dflt;
    if (!v || !*v) {
        return 1;
    }
    n = strtol(v, &end, 10);
    if (*end || n < min || n > max || !apr_isdigit(*v)) {
        return 0;
    }
    *out = (int)n;
    return 1;
}

const pt_upload *pt_req_upload(pt_req *rq, const char *name)
{
    int i;
    for (i = 0; rq->uploads && i < rq->uploads->nelts; i++) {
        const pt_upload *u = &APR_ARRAY_IDX(rq->uploads, i, pt_upload);
        if (strcmp(u->name, name) == 0) {
            return u;
        }
    }
    return NULL;
}

void pt_req_log(pt_req *rq, const char *number, const char *fmt, ...)
{
    va_list ap;
    const char *msg;
    if (!rq->log) {
        return;
    }
    va_start(ap, fmt);
    msg = apr_pvsprintf(rq->pool, fmt, ap);
    va_end(ap);
    rq->log(rq, number, msg);
}

int pt_req_may(const pt_req *rq, const char *method, const char *path)
{
    return rq->may ? rq->may(rq, method, path) : 0;
}
