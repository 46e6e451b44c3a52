/* photo.c — children's photos: checked when they arrive, kept outside the web root in
 * <PortailDataDir>/photos, and served only here, after the access check
 * (/portail/famille/photos/{fichier} for the family, /portail/admin/photos/{fichier} for
 * agents).  The same storage keeps the images of the news (« Actualités »,
 * admin/actualites.c), served by /portail/actualites/{id}/image.
 *
 * A photo is recognised by its first bytes, never by its name or declared type: a PDF
 * renamed .jpg is refused.  It is moved into place with a rename within the data
 * directory, so a photo file is either absent or whole.
 *
 * Storage is bounded: a family has at most PortailPhotosPending photos waiting for an
 * answer; a photo refused or cancelled, or replaced by an accepted one, is deleted when
 * its request closes; `portail-ctl purge` sweeps what a failure left behind (orphans,
 * half-written uploads in tmp/).
 *
 * The storage itself (a file recognised by its bytes, kept under a random name in a
 * folder of the data directory, served back after the caller's access check) is shared
 * with the families' documents (screens/documents.c, folder « documents »).
 */
#include <string.h>
#include <apr_strings.h>
#include <apr_file_io.h>
#include "screens/screens.h"
#include "core/pt_dossier.h"
#include "core/pt_token.h"
#include "domain/pt_check.h"

static const char *portail_photo_dir(pt_req *rq)
{
    return apr_pstrcat(rq->pool, rq->site->data_dir, "/photos", NULL);
}

const char *portail_file_kind(pt_req *rq, const char *path)
{
    unsigned char head[8];
    apr_size_t got = 0;
    apr_file_t *f;
    if (apr_file_open(&f, path, APR_FOPEN_READ | APR_FOPEN_BINARY, 0, rq->pool) != APR_SUCCESS) {
        return NULL;
    }
    apr_file_read_full(f, head, sizeof(head), &got);
    apr_file_close(f);
    return pt_check_file_kind(head, got);
}

const char *portail_file_keep(pt_req *rq, const pt_upload *u, const char *sub, const char *kind)
{
    const char *token = pt_token_new(rq->pool), *name, *dir;
    dir = apr_pstrcat(rq->pool, rq->site->data_dir, "/", sub, NULL);
    name = apr_pstrcat(rq->pool, token, kind, NULL);
    if (!token || apr_dir_make_recursive(dir, APR_FPROT_OS_DEFAULT, rq->pool) != APR_SUCCESS
        || apr_file_rename(u->path, apr_pstrcat(rq->pool, dir, "/", name, NULL), rq->pool)
           != APR_SUCCESS) {
        return NULL;
    }
    return name;
}

int portail_file_send(pt_req *rq, const char *sub, const char *name, const char *type)
{
    const char *path = apr_pstrcat(rq->pool, rq->site->data_dir, "/", sub, "/", name, NULL);
    apr_finfo_t fi;
    apr_file_t *file;
    char *buf;
    if (apr_file_open(&file, path, APR_FOPEN_READ | APR_FOPEN_BINARY, 0, rq->pool)
        != APR_SUCCESS || apr_file_info_get(&fi, APR_FINFO_SIZE, file) != APR_SUCCESS) {
        return pt_req_error(rq, 404, NULL);
    }
    buf = apr_palloc(rq->pool, (apr_size_t)fi.size + 1);
    if (apr_file_read_full(file, buf, (apr_size_t)fi.size, &rq->body_len) != APR_SUCCESS
        && fi.size > 0) {
        apr_file_close(file);
        return pt_req_error(rq, 503, NULL);
    }
    apr_file_close(file);
    rq->body = buf;
    rq->content_type = type;
    return 200;
}

const char *portail_photo_store(pt_req *rq, const pt_upload *u, const char **why)
{
    const char *kind = portail_file_kind(rq, u->path), *name;
    if (!kind || !strcmp(kind, ".pdf")) {
        *why = "Ce fichier n'est pas une photo : envoyez une image JPEG ou PNG.";
        return NULL;
    }
    if (!(name = portail_file_keep(rq, u, "photos", kind))) {
        *why = "La photo n'a pas pu être enregistrée ; réessayez dans quelques instants.";
    }
    return name;
}

int portail_photo_get(pt_req *rq)
{
    const char *name = apr_table_get(rq->params, "fichier"), *why = NULL;
    const pt_dossier_field *f = pt_dossier_field_find("enfant", "photo");
    pt_rows *r = NULL;
    int i, allowed = rq->user->role == PT_ROLE_AGENT;

    if (!name || !pt_dossier_check(rq->pool, f, name, &why)) {
        return pt_req_error(rq, 404, NULL);
    }
    /* The families it belongs to: a child's current photo, or one waiting in a request. */
    if (pt_db_select(rq->db, rq->pool, "portail_photo_families", PT_ARGS(name, name), &r)
        != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    for (i = 0; i < r->n && !allowed; i++) {
        pt_rows *sub = NULL;
        if (pt_db_select(rq->db, rq->pool, "portail_famille_subscribed",
                         PT_ARGS(pt_db_int(rq->pool, rq->user->id),
                                 pt_rows_get(r, i, "family_id")), &sub) != PT_DB_OK) {
            return pt_req_error(rq, 503, NULL);
        }
        allowed = sub->n > 0;
    }
    if (r->n == 0 || !allowed) {
        return pt_req_error(rq, 404, NULL);
    }
    return portail_photo_send(rq, name);
}

int portail_photo_send(pt_req *rq, const char *name)
{
    return portail_file_send(rq, "photos", name,
                             strstr(name, ".png") ? "image/png" : "image/jpeg");
}

int portail_photo_room(pt_req *rq, apr_int64_t family, const char **why)
{
    pt_rows *r = NULL;
    if (pt_db_select(rq->db, rq->pool, "portail_photo_pending",
                     PT_ARGS(pt_db_int(rq->pool, family)), &r) != PT_DB_OK) {
        *why = "La photo n'a pas pu être enregistrée ; réessayez dans quelques instants.";
        return 503;
    }
    if (pt_rows_int(r, 0, "n", 0) >= rq->site->photos_pending) {
        *why = rq->site->photos_pending == 0
               ? "Les photos ne se changent pas en ligne : apportez-la à la mairie."
               : apr_psprintf(rq->pool, "Vous avez déjà %d photo%s en attente de validation "
                              "par la mairie : attendez sa réponse, ou annulez une demande "
                              "dans « Mes demandes ».", rq->site->photos_pending,
                              rq->site->photos_pending > 1 ? "s" : "");
        return 400;
    }
    return 0;
}

void portail_photo_discard(pt_req *rq, apr_int64_t request)
{
    const pt_dossier_field *f = pt_dossier_field_find("enfant", "photo");
    pt_rows *r = NULL, *used = NULL;
    int i, k;
    if (pt_db_select(rq->db, rq->pool, "portail_photo_of_request",
                     PT_ARGS(pt_db_int(rq->pool, request)), &r) != PT_DB_OK) {
        return;                         /* portail-ctl purge will sweep it */
    }
    for (i = 0; i < r->n; i++) {
        for (k = 0; k < 2; k++) {
            const char *name = pt_rows_get(r, i, k ? "new_value" : "old_value"), *why = NULL;
            if (!name || !*name || !pt_dossier_check(rq->pool, f, name, &why)
                || pt_db_select(rq->db, rq->pool, "portail_photo_used", PT_ARGS(name, name),
                                &used) != PT_DB_OK || used->n > 0) {
                continue;
            }
            portail_photo_remove(rq, name);
        }
    }
}

void portail_photo_remove(pt_req *rq, const char *name)
{
    if (name && *name && !strchr(name, '/')) {
        apr_file_remove(apr_pstrcat(rq->pool, portail_photo_dir(rq), "/", name, NULL),
                        rq->pool);
    }
}
