/* documents.c — /portail/famille/documents: « Envoyer un document ».
 *
 * A family sends a PDF, JPEG or PNG for itself or one of its members, with its type (the
 * list agents manage).  The file is recognised by its bytes, never by its name or the
 * type the browser declares; a PDF that would run a script is refused; its size is
 * bounded by PortailMaxUploadSize (413 before the body is read, glue/respond.c).  It is
 * kept by the storage photos use (screens/photo.c, folder « documents » of the data
 * directory) under a random name, and becomes a request of « Mes demandes » answered from
 * the agents' queue (admin/documents.c).  Served back only to the family (here) and to
 * agents, as an attachment.
 */
#include <string.h>
#include <apr_strings.h>
#include <apr_file_io.h>
#include "screens/screens.h"
#include "core/pt_form.h"
#include "core/pt_request.h"
#include "domain/pt_check.h"

/* A family has at most this many documents waiting for an answer (each is a file). */
#define PORTAIL_DOCUMENTS_PENDING 20

#define PORTAIL_DOCUMENT_FAILED "Le document n'a pas pu être enregistré ; réessayez dans " \
                                "quelques instants."

/* The list of the account's documents, and the form (what was typed kept, errors). */
static int portail_documents_page(pt_req *rq, apr_table_t *typed, const char *field,
                                  const char *error, int status)
{
    pt_node *screen = pt_req_screen(rq, "documents");
    pt_form_view *fv = pt_form_view_new(rq, screen, "/famille/documents");
    pt_rows *docs = NULL, *types = NULL, *fams = NULL, *members = NULL;
    const char *acct = pt_db_int(rq->pool, rq->user->id);
    const char *type = typed ? pt_form_get(typed, "type") : pt_form_get(rq->query, "type");
    pt_node *f;
    int i;

    if (pt_db_select(rq->db, rq->pool, "portail_documents_list", PT_ARGS(acct), &docs) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_documents_types", PT_NOARGS, &types)
           != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_famille_families", PT_ARGS(acct), &fams)
           != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_documents_members", PT_ARGS(acct, acct),
                        &members) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    pt_xml_rows(screen, "document", docs, NULL);
    f = pt_form_view_field(fv, "type", "select", "Type de document", type, 1);
    for (i = 0; i < types->n; i++) {
        pt_form_view_option(f, pt_rows_get(types, i, "id"), pt_rows_get(types, i, "label"));
    }
    f = pt_form_view_field(fv, "concerne", "select", "Le document concerne",
                           typed ? pt_form_get(typed, "concerne") : "", 1);
    for (i = 0; i < fams->n; i++) {
        pt_form_view_option(f, apr_pstrcat(rq->pool, "famille-", pt_rows_get(fams, i, "id"), NULL),
                            apr_pstrcat(rq->pool, "Toute la famille ", pt_rows_get(fams, i, "nom"),
                                        NULL));
    }
    for (i = 0; i < members->n; i++) {
        pt_form_view_option(f, apr_pstrcat(rq->pool, pt_rows_get(members, i, "kind"), "-",
                                           pt_rows_get(members, i, "id"), NULL),
                            apr_pstrcat(rq->pool, pt_rows_get(members, i, "prenom"), " ",
                                        pt_rows_get(members, i, "nom"), NULL));
    }
    f = pt_form_view_field(fv, "fichier", "file", "Fichier", "", 1);
    pt_xml_attr(f, "accept", "application/pdf,image/jpeg,image/png");
    pt_xml_attr(f, "hint", "Un PDF, une photo JPEG ou une image PNG, de bonne lisibilité.");
    if (error) {
        pt_form_view_error(fv, field, error);
    }
    return status;
}

int portail_documents_get(pt_req *rq)
{
    return portail_documents_page(rq, NULL, NULL, NULL, 200);
}

/* Whom « concerne » names: "famille-<id>", "responsable-<id>" or "enfant-<id>", one of the
 * account's.  0 with *family, *kind, *member (0 for the family); 400, 404 or 503. */
static int portail_documents_member(pt_req *rq, const char *v, apr_int64_t *family,
                                    const char **kind, apr_int64_t *member)
{
    const char *dash = strchr(v, '-'), *acct = pt_db_int(rq->pool, rq->user->id);
    pt_rows *r = NULL;
    int i, rv;
    if (!dash || (*member = pt_form_id(dash + 1)) <= 0) {
        return 400;
    }
    *kind = apr_pstrndup(rq->pool, v, (apr_size_t)(dash - v));
    if (!strcmp(*kind, "famille")) {
        rv = pt_db_select(rq->db, rq->pool, "portail_famille_subscribed",
                          PT_ARGS(acct, pt_db_int(rq->pool, *member)), &r);
        *family = *member;
        *member = 0;
        return rv != PT_DB_OK ? 503 : r->n == 1 ? 0 : 404;
    }
    if (strcmp(*kind, "responsable") && strcmp(*kind, "enfant")) {
        return 400;
    }
    if (pt_db_select(rq->db, rq->pool, "portail_documents_members", PT_ARGS(acct, acct), &r)
        != PT_DB_OK) {
        return 503;
    }
    for (i = 0; i < r->n; i++) {
        if (!strcmp(pt_rows_get(r, i, "kind"), *kind)
            && pt_rows_int(r, i, "id", 0) == *member) {
            *family = pt_rows_int(r, i, "family_id", 0);
            return 0;
        }
    }
    return 404;                                   /* another family's member */
}

/* Whether the PDF at `path` would run a script (read whole: it is bounded by the upload
 * limit).  -1 when it cannot be read. */
static int portail_documents_pdf_script(pt_req *rq, const char *path)
{
    apr_file_t *f;
    apr_finfo_t fi;
    apr_size_t got = 0;
    char *buf;
    int rv;
    if (apr_file_open(&f, path, APR_FOPEN_READ | APR_FOPEN_BINARY, 0, rq->pool) != APR_SUCCESS) {
        return -1;
    }
    if (apr_file_info_get(&fi, APR_FINFO_SIZE, f) != APR_SUCCESS) {
        apr_file_close(f);
        return -1;
    }
    buf = apr_palloc(rq->pool, (apr_size_t)fi.size + 1);
    rv = apr_file_read_full(f, buf, (apr_size_t)fi.size, &got) == APR_SUCCESS
         ? pt_check_pdf_script(buf, got) : -1;
    apr_file_close(f);
    return rv;
}

int portail_documents_post(pt_req *rq)
{
    const pt_upload *u = pt_req_upload(rq, "fichier");
    const char *kind = NULL, *member_kind = NULL, *name, *title, *original;
    apr_int64_t type = pt_form_id(pt_form_get(rq->form, "type")), family = 0, member = 0;
    apr_int64_t request = 0;
    pt_rows *t = NULL, *pending = NULL, *doc = NULL;
    int rv;

    if (!u || u->size == 0) {
        return portail_documents_page(rq, rq->form, "fichier", "Le fichier est vide ou "
                                      "n'a pas été choisi : choisissez le document à envoyer.",
                                      400);
    }
    if (type > 0 && pt_db_select(rq->db, rq->pool, "portail_documents_type",
                                 PT_ARGS(pt_db_int(rq->pool, type)), &t) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    if (type <= 0 || t->n != 1) {
        return portail_documents_page(rq, rq->form, "type", "Choisissez le type de document.",
                                      400);
    }
    rv = portail_documents_member(rq, pt_form_get(rq->form, "concerne"), &family, &member_kind,
                                  &member);
    if (rv == 400) {
        return portail_documents_page(rq, rq->form, "concerne",
                                      "Choisissez qui le document concerne.", 400);
    }
    if (rv) {
        return pt_req_error(rq, rv, NULL);
    }
    kind = portail_file_kind(rq, u->path);
    if (!kind) {
        return portail_documents_page(rq, rq->form, "fichier", "Ce fichier n'est ni un PDF, "
                                      "ni une image JPEG ou PNG (son contenu a été vérifié, "
                                      "pas seulement son nom) : enregistrez-le en PDF et "
                                      "envoyez-le à nouveau.", 400);
    }
    if (!strcmp(kind, ".pdf") && (rv = portail_documents_pdf_script(rq, u->path)) != 0) {
        return rv < 0 ? pt_req_error(rq, 503, NULL)
               : portail_documents_page(rq, rq->form, "fichier", "Ce PDF contient du code "
                                        "JavaScript, que le portail refuse par sécurité : "
                                        "imprimez-le en PDF ou numérisez-le, puis envoyez-le "
                                        "à nouveau.", 400);
    }
    if (pt_db_select(rq->db, rq->pool, "portail_documents_pending",
                     PT_ARGS(pt_db_int(rq->pool, family)), &pending) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    if (pt_rows_int(pending, 0, "n", 0) >= PORTAIL_DOCUMENTS_PENDING) {
        return portail_documents_page(rq, rq->form, "fichier", apr_psprintf(rq->pool,
                                      "Vous avez déjà %d documents en attente de vérification "
                                      "par la mairie : attendez ses réponses avant d'en "
                                      "envoyer d'autres.", PORTAIL_DOCUMENTS_PENDING), 400);
    }
    if (!(name = portail_file_keep(rq, u, "documents", kind))) {
        return pt_req_error(rq, 503, PORTAIL_DOCUMENT_FAILED);
    }
    original = u->filename && *u->filename ? u->filename : apr_pstrcat(rq->pool, "document",
                                                                        kind, NULL);
    title = apr_pstrcat(rq->pool, "Document : ", pt_rows_get(t, 0, "label"), NULL);
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK
        || pt_request_create(rq->db, rq->pool, family, rq->user->id, "document", title, rq->now,
                             &request) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_document_insert",
                        PT_ARGS(pt_db_int(rq->pool, family), member_kind,
                                member ? pt_db_int(rq->pool, member) : NULL,
                                pt_db_int(rq->pool, type), name, original,
                                pt_check_file_mime(kind), pt_db_int(rq->pool, u->size),
                                pt_db_int(rq->pool, request),
                                pt_db_int(rq->pool, apr_time_sec(rq->now))), &doc) != PT_DB_OK
        || portail_request_ack(rq, request, title) != PT_DB_OK
        || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        apr_file_remove(apr_pstrcat(rq->pool, rq->site->data_dir, "/documents/", name, NULL),
                        rq->pool);                /* nothing half-done */
        return pt_req_error(rq, 503, PORTAIL_DOCUMENT_FAILED);
    }
    return pt_req_redirect(rq, "/famille/documents", PT_FLASH_SUCCES,
                           "Votre document est envoyé à la mairie, qui va le vérifier ; vous "
                           "suivez sa réponse ici et dans « Mes demandes ».");
}

int portail_document_send(pt_req *rq, apr_int64_t id, int agent)
{
    pt_rows *d = NULL, *sub = NULL;
    int rv;
    if (id < 0) {
        return pt_req_error(rq, 404, NULL);
    }
    if (pt_db_select(rq->db, rq->pool, "portail_document_get",
                     PT_ARGS(pt_db_int(rq->pool, id)), &d) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    if (d->n == 1 && !agent
        && pt_db_select(rq->db, rq->pool, "portail_famille_subscribed",
                        PT_ARGS(pt_db_int(rq->pool, rq->user->id),
                                pt_rows_get(d, 0, "family_id")), &sub) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    if (d->n != 1 || (!agent && sub->n == 0)) {
        return pt_req_error(rq, 404, NULL);       /* none, or another family's */
    }
    rv = portail_file_send(rq, "documents", pt_rows_get(d, 0, "file_name"),
                           pt_rows_get(d, 0, "mime"));
    if (rv == 200) {
        const char *ext = strrchr(pt_rows_get(d, 0, "file_name"), '.');
        /* Always an attachment, under a name of ours (the sent one is shown on pages). */
        rq->filename = apr_psprintf(rq->pool, "document-%" APR_INT64_T_FMT "%s", id,
                                    ext ? ext : "");
    }
    return rv;
}

int portail_document_get(pt_req *rq)
{
    return portail_document_send(rq, pt_req_param_id(rq, "document"), 0);
}
