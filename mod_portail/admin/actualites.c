/* actualites.c — /portail/admin/actualites: the news (« Actualités ») agents write for
 * the home page.
 *
 * A news is written as a draft (« brouillon »), previewed on its public page (agents see
 * every news there), then published; it is shown from the first to the last day of its
 * window (none: at once, and until it is unpublished), tiles ordered by « ordre ».  The
 * text is plain text: paragraphs separated by a blank line, line breaks kept, web
 * addresses turned into links by pt_xml_plain_text — an agent's markup is never markup on
 * a page.  The optional image goes through the upload path of the children's photos
 * (core/pt_multipart, then screens/photo.c: checked by its first bytes, JPEG or PNG, kept
 * in <PortailDataDir>/photos under a random name) and is served by
 * /portail/actualites/{id}/image.  Every change is in the journal (pt_audit), in the
 * change's transaction; a stored image that the change does not keep is removed.
 */
#include <stdlib.h>
#include <string.h>
#include <apr_strings.h>
#include "admin/admin.h"
#include "screens/screens.h"
#include "core/pt_audit.h"
#include "core/pt_form.h"
#include "domain/pt_check.h"
#include "domain/pt_fr.h"

/* Larger than this, an image is refused with the form shown again (413); the glue's
 * PortailMaxUploadSize refuses bigger bodies before reading them. */
#define PORTAIL_ACTUALITE_IMAGE_MAX (2 * 1024 * 1024)

/* The fields of the form, in its order: name (the column), type, label, hint, required. */
static const struct { const char *name, *type, *label, *hint; int required; }
    portail_actualite_fields[] = {
    { "title", "text", "Titre", "200 caractères au plus.", 1 },
    { "body", "textarea", "Texte",
      "Texte simple : une ligne vide sépare deux paragraphes ; les adresses web "
      "(https://…, www.…) deviennent des liens.", 1 },
    { "visible_from", "date", "Afficher à partir du", "Vide : dès la publication.", 0 },
    { "visible_until", "date", "Afficher jusqu'au (inclus)", "Vide : sans date de fin.", 0 },
    { "rang", "number", "Ordre d'affichage",
      "1 en premier ; à ordre égal, la plus récente d'abord.", 0 },
    { "image", "file", "Image (facultative)", "JPEG ou PNG, 2 Mo au plus.", 0 },
    { "image_alt", "text", "Description de l'image",
      "Pour les personnes qui ne la voient pas ; vide si elle est décorative.", 0 },
};
#define PORTAIL_ACTUALITE_NFIELDS \
    (sizeof(portail_actualite_fields) / sizeof(portail_actualite_fields[0]))

/* Where today is in the window of row i: « programmee » (it starts later), « expiree »
 * (it ended) or « en_ligne ». */
static const char *portail_actualite_window_state(pt_req *rq, pt_rows *r, int i)
{
    const char *today = pt_date_iso(rq->pool, pt_date_of_time(rq->now));
    const char *from = pt_rows_get(r, i, "visible_from");
    const char *until = pt_rows_get(r, i, "visible_until");
    return from && strcmp(from, today) > 0 ? "programmee"
           : until && strcmp(until, today) < 0 ? "expiree" : "en_ligne";
}

/* What the public sees of row i today: « brouillon » (not published), or the above. */
static const char *portail_actualite_etat(pt_req *rq, pt_rows *r, int i)
{
    return pt_rows_int(r, i, "visible", 0) != 1 ? "brouillon"
           : portail_actualite_window_state(rq, r, i);
}

int portail_admin_actualites_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "admin-actualites");
    pt_rows *r = NULL;
    int i;
    if (pt_db_select(rq->db, rq->pool, "portail_admin_actualites_list", PT_NOARGS, &r)
        != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    for (i = 0; i < r->n; i++) {
        pt_node *e = pt_xml_row(screen, "actualite", r, i, NULL);
        pt_date d = pt_date_of_time(apr_time_from_sec(pt_rows_int(r, i, "published_at", 0)));
        pt_xml_attr(e, "etat", portail_actualite_etat(rq, r, i));
        pt_xml_attr(e, "publiee", pt_date_iso(rq->pool, d));
    }
    return 200;
}

/* The form: `row` the stored news (or NULL), `typed` what was sent (or NULL). */
static int portail_actualite_form(pt_req *rq, const char *action, pt_rows *row,
                                  apr_table_t *typed, apr_table_t *errors, int status)
{
    pt_node *screen = pt_req_screen(rq, "admin-actualite");
    pt_form_view *fv;
    size_t i;
    if (row) {
        pt_xml_attr(screen, "id", pt_rows_get(row, 0, "id"));
        pt_xml_attr(screen, "titre", pt_rows_get(row, 0, "title"));
        pt_xml_attr(screen, "etat", portail_actualite_etat(rq, row, 0));
        pt_xml_attr(screen, "image", pt_rows_get(row, 0, "image") ? "1" : NULL);
    }
    fv = pt_form_view_new(rq, screen, action);
    for (i = 0; i < PORTAIL_ACTUALITE_NFIELDS; i++) {
        const char *name = portail_actualite_fields[i].name;
        const char *v = typed ? pt_form_get(typed, name) : row ? pt_rows_get(row, 0, name)
                        : !strcmp(name, "rang") ? "1" : "";
        pt_node *f = pt_form_view_field(fv, name, portail_actualite_fields[i].type,
                                        portail_actualite_fields[i].label, v ? v : "",
                                        portail_actualite_fields[i].required);
        pt_xml_attr(f, "hint", portail_actualite_fields[i].hint);
        if (!strcmp(name, "image")) {
            pt_xml_attr(f, "accept", "image/jpeg,image/png");
        }
        if (errors && apr_table_get(errors, name)) {
            pt_form_view_error(fv, name, apr_table_get(errors, name));
        }
    }
    if (row && pt_rows_get(row, 0, "image")) {
        const char *v = typed ? pt_form_get(typed, "retirer_image") : "";
        pt_form_view_field(fv, "retirer_image", "checkbox", "Retirer l'image actuelle",
                           !strcmp(v, "1") ? "1" : "", 0);
    }
    return status;
}

/* A free-text field (pt_check_text: trimmed, no control character, at most max bytes)
 * into v; its error into e, `missing` when it is required and empty. */
static void portail_actualite_text(pt_req *rq, apr_table_t *v, apr_table_t *e,
                                   const char *name, apr_size_t max, const char *missing)
{
    const char *why = NULL;
    const char *t = pt_check_text(rq->pool, pt_form_get(rq->form, name), max, &why);
    if (!t || (missing && !*t)) {
        apr_table_setn(e, name, t ? missing : why);
    }
    apr_table_setn(v, name, t ? t : "");
}

/* Check the form: the values to store in *v (title, body, image_alt trimmed), errors by
 * field; *status 400, or 413 for an image too large.  When everything else is right, the
 * image sent (if any) is checked by its bytes and stored: *image its new name (NULL:
 * none sent). */
static apr_table_t *portail_actualite_check(pt_req *rq, apr_table_t **v, const char **image,
                                            int *status)
{
    apr_table_t *e = apr_table_make(rq->pool, 4);
    const char *from = pt_form_get(rq->form, "visible_from");
    const char *until = pt_form_get(rq->form, "visible_until");
    const char *rang = pt_form_get(rq->form, "rang"), *why;
    const pt_upload *u = pt_req_upload(rq, "image");
    pt_date d;
    char *end;
    long n;

    *v = apr_table_make(rq->pool, 4);
    *image = NULL;
    *status = 400;
    portail_actualite_text(rq, *v, e, "title", 200, "Indiquez le titre de l'actualité.");
    portail_actualite_text(rq, *v, e, "body", 20000, "Écrivez le texte de l'actualité.");
    portail_actualite_text(rq, *v, e, "image_alt", 300, NULL);
    if (*from && !pt_date_parse(from, &d)) {
        apr_table_setn(e, "visible_from", "Une date réelle, par exemple 2026-12-03, ou vide.");
    }
    if (*until && !pt_date_parse(until, &d)) {
        apr_table_setn(e, "visible_until", "Une date réelle, par exemple 2026-12-24, ou vide.");
    }
    else if (*from && *until && !apr_table_get(e, "visible_from") && strcmp(until, from) < 0) {
        apr_table_setn(e, "visible_until", "La fin de l'affichage ne peut pas précéder son "
                                           "début : choisissez une date de fin après le "
                                           "début, ou laissez-la vide.");
    }
    n = *rang ? strtol(rang, &end, 10) : 1;
    if (*rang && (*end || n < 1 || n > 999)) {
        apr_table_setn(e, "rang", "Un nombre entier de 1 à 999 (1 en premier).");
    }
    if (!u) {
        return e;
    }
    if (u->size == 0) {
        apr_table_setn(e, "image", "Ce fichier est vide : choisissez une image JPEG ou PNG.");
    }
    else if (u->size > PORTAIL_ACTUALITE_IMAGE_MAX) {
        apr_table_setn(e, "image", "Cette image est trop volumineuse : 2 Mo au plus. "
                                   "Réduisez-la, puis choisissez-la à nouveau.");
        *status = 413;
    }
    else if (apr_table_elts(e)->nelts > 0) {
        /* A browser does not send a file again: say so rather than lose it silently. */
        apr_table_setn(e, "image", "Corrigez les autres champs, puis choisissez à nouveau "
                                   "l'image : elle n'a pas été enregistrée.");
    }
    else if (!(*image = portail_photo_store(rq, u, &why))) {
        apr_table_setn(e, "image", why);
    }
    return e;
}

/* The values of the insert and the update after title and body, in their order. */
#define PORTAIL_ACTUALITE_VALUES(rq, v, img) \
    *pt_form_get(rq->form, "visible_from") ? pt_form_get(rq->form, "visible_from") : NULL, \
    *pt_form_get(rq->form, "visible_until") ? pt_form_get(rq->form, "visible_until") : NULL, \
    *pt_form_get(rq->form, "rang") ? pt_form_get(rq->form, "rang") : "1", (img), \
    (img) && *apr_table_get(v, "image_alt") ? apr_table_get(v, "image_alt") : NULL

/* « du 03/12/2026 au 24/12/2026 », for the journal. */
static const char *portail_actualite_window(apr_pool_t *p, const char *from, const char *until)
{
    from = from && *from ? pt_fr_date_short(p, from) : NULL;
    until = until && *until ? pt_fr_date_short(p, until) : NULL;
    return apr_pstrcat(p, from ? "du " : "dès la publication", from ? from : "",
                       until ? " au " : ", sans fin", until ? until : "", NULL);
}

/* What the journal says of a news: « Titre ; affichage du … au … ; ordre 2 ; image ». */
static const char *portail_actualite_summary(apr_pool_t *p, const char *title, const char *from,
                                             const char *until, const char *rang, int image)
{
    return apr_pstrcat(p, title, " ; affichage ", portail_actualite_window(p, from, until),
                       " ; ordre ", rang && *rang ? rang : "1", image ? " ; avec image" : "",
                       NULL);
}

int portail_admin_actualites_nouvelle_get(pt_req *rq)
{
    return portail_actualite_form(rq, "/admin/actualites/nouvelle", NULL, NULL, NULL, 200);
}

int portail_admin_actualites_nouvelle_post(pt_req *rq)
{
    const char *image, *title, *now = pt_db_int(rq->pool, apr_time_sec(rq->now));
    int status;
    apr_table_t *v, *e = portail_actualite_check(rq, &v, &image, &status);
    pt_rows *r = NULL;
    apr_int64_t id = 0;
    if (apr_table_elts(e)->nelts > 0) {
        return portail_actualite_form(rq, "/admin/actualites/nouvelle", NULL, rq->form, e,
                                      status);
    }
    title = apr_table_get(v, "title");
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_admin_actualites_insert",
                        PT_ARGS(title, apr_table_get(v, "body"), now,
                                pt_db_int(rq->pool, rq->user->id),
                                PORTAIL_ACTUALITE_VALUES(rq, v, image), now), &r) != PT_DB_OK
        || r->n != 1
        || pt_audit(rq->db, rq->pool, rq->now, rq->user->id, "creation", "actualite",
                    (id = pt_rows_int(r, 0, "id", 0)), NULL,
                    portail_actualite_summary(rq->pool, title,
                                              pt_form_get(rq->form, "visible_from"),
                                              pt_form_get(rq->form, "visible_until"),
                                              pt_form_get(rq->form, "rang"), image != NULL))
           != PT_DB_OK
        || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        portail_photo_remove(rq, image);          /* nothing half-done */
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, apr_psprintf(rq->pool, "/admin/actualites/%" APR_INT64_T_FMT, id),
                           PT_FLASH_SUCCES, "L'actualité est enregistrée comme brouillon : "
                           "vérifiez-la avec « Aperçu », puis publiez-la.");
}

/* The news {actualite} of the URL: 0 or the error's status. */
static int portail_actualite_load(pt_req *rq, apr_int64_t *id, pt_rows **row)
{
    *id = pt_req_param_id(rq, "actualite");
    return portail_actualites_load(rq, *id, row);
}

int portail_admin_actualite_get(pt_req *rq)
{
    apr_int64_t id;
    pt_rows *row = NULL;
    int rv = portail_actualite_load(rq, &id, &row);
    return rv ? rv : portail_actualite_form(rq, apr_psprintf(rq->pool, "/admin/actualites/%"
                                                             APR_INT64_T_FMT, id),
                                            row, NULL, NULL, 200);
}

int portail_admin_actualite_post(pt_req *rq)
{
    apr_int64_t id;
    pt_rows *row = NULL;
    const char *image, *old, *keep, *before, *after, *action, *title;
    apr_table_t *v, *e;
    int status, rv = portail_actualite_load(rq, &id, &row);
    if (rv) {
        return rv;
    }
    action = apr_psprintf(rq->pool, "/admin/actualites/%" APR_INT64_T_FMT, id);
    e = portail_actualite_check(rq, &v, &image, &status);
    if (apr_table_elts(e)->nelts > 0) {
        return portail_actualite_form(rq, action, row, rq->form, e, status);
    }
    title = apr_table_get(v, "title");
    /* The image kept: the new one, else the stored one unless the agent removes it. */
    old = pt_rows_get(row, 0, "image");
    keep = image ? image : !strcmp(pt_form_get(rq->form, "retirer_image"), "1") ? NULL : old;
    before = portail_actualite_summary(rq->pool, pt_rows_get(row, 0, "title"),
                                       pt_rows_get(row, 0, "visible_from"),
                                       pt_rows_get(row, 0, "visible_until"),
                                       pt_rows_get(row, 0, "rang"), old != NULL);
    after = portail_actualite_summary(rq->pool, title, pt_form_get(rq->form, "visible_from"),
                                      pt_form_get(rq->form, "visible_until"),
                                      pt_form_get(rq->form, "rang"), keep != NULL);
    if (keep && !image) {
        /* The stored image stays with its description as now typed. */
        image = keep;
    }
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK
        || pt_db_exec(rq->db, rq->pool, "portail_admin_actualites_update",
                      PT_ARGS(title, apr_table_get(v, "body"),
                              PORTAIL_ACTUALITE_VALUES(rq, v, image),
                              pt_db_int(rq->pool, apr_time_sec(rq->now)),
                              pt_db_int(rq->pool, id)), NULL) != PT_DB_OK
        || pt_audit(rq->db, rq->pool, rq->now, rq->user->id, "modification", "actualite", id,
                    before, strcmp(before, after) || strcmp(pt_rows_get(row, 0, "body"),
                                                            apr_table_get(v, "body"))
                            ? after : "Aucun changement") != PT_DB_OK
        || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        if (image && image != old) {
            portail_photo_remove(rq, image);
        }
        return pt_req_error(rq, 503, NULL);
    }
    if (old && old != keep) {
        portail_photo_remove(rq, old);            /* replaced or removed, now committed */
    }
    return pt_req_redirect(rq, action, PT_FLASH_SUCCES, "L'actualité est enregistrée.");
}

/* Publish (1) or unpublish (0) the news of the URL, back to the list. */
static int portail_actualite_publish(pt_req *rq, int publish)
{
    apr_int64_t id;
    pt_rows *row = NULL;
    const char *now = pt_db_int(rq->pool, apr_time_sec(rq->now)), *etat, *msg;
    int n = 0, rv = portail_actualite_load(rq, &id, &row);
    if (rv) {
        return rv;
    }
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK
        || (publish ? pt_db_exec(rq->db, rq->pool, "portail_admin_actualites_publish",
                                 PT_ARGS(now, now, pt_db_int(rq->pool, id)), &n)
                    : pt_db_exec(rq->db, rq->pool, "portail_admin_actualites_unpublish",
                                 PT_ARGS(now, pt_db_int(rq->pool, id)), &n)) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 503, NULL);
    }
    if (n == 0) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 409, publish ? "Cette actualité est déjà publiée."
                                             : "Cette actualité n'est pas publiée.");
    }
    if (pt_audit(rq->db, rq->pool, rq->now, rq->user->id,
                 publish ? "publication" : "depublication", "actualite", id, NULL,
                 pt_rows_get(row, 0, "title")) != PT_DB_OK
        || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 503, NULL);
    }
    /* Published outside its window: say when the public sees it. */
    etat = portail_actualite_window_state(rq, row, 0);
    msg = !publish ? "L'actualité n'est plus visible du public."
          : !strcmp(etat, "programmee")
            ? apr_pstrcat(rq->pool, "L'actualité est publiée : elle s'affichera à partir du ",
                          pt_fr_date_short(rq->pool, pt_rows_get(row, 0, "visible_from")), ".",
                          NULL)
          : !strcmp(etat, "expiree")
            ? "L'actualité est publiée, mais sa période d'affichage est terminée : changez "
              "ses dates pour qu'elle s'affiche."
          : "L'actualité est publiée : elle est sur la page d'accueil.";
    return pt_req_redirect(rq, "/admin/actualites", PT_FLASH_SUCCES, msg);
}

int portail_admin_actualite_publier_post(pt_req *rq)
{
    return portail_actualite_publish(rq, 1);
}

int portail_admin_actualite_depublier_post(pt_req *rq)
{
    return portail_actualite_publish(rq, 0);
}
