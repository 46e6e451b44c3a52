/* anonymiser.c — /portail/admin/familles/{famille}/anonymiser: a family that left the
 * town is made anonymous (RGPD), for good.
 *
 * A confirmation page says what is erased and what stays; the POST needs its box ticked.
 * In one transaction: the family's name becomes « Famille anonymisée n° N » and its
 * address, references and fiscal data are erased; its responsables and children lose
 * their names, birthdays (the year stays: billing rules read ages), phones, e-mails,
 * bank and health data and photos; the requests keep their history without the values
 * and messages typed; the accounts subscribed to it only are removed (sessions and links
 * with them), the others detached; invoices, payments and their amounts stay, their
 * lines naming « Enfant anonymisé ».  The families row's `anonymisee_le` is set by a
 * conditional update: a second anonymisation, even simultaneous, answers 409.  The photo
 * files go once the transaction is committed.  Recorded in the journal.
 */
#include <string.h>
#include <apr_strings.h>
#include <apr_file_io.h>
#include "admin/admin.h"
#include "core/pt_audit.h"
#include "core/pt_dossier.h"
#include "core/pt_form.h"
#include "domain/pt_fr.h"

static const char portail_anonymiser_confirm[] =
    "Je confirme l'anonymisation définitive de cette famille";

/* The family (id, nom, code_abonne, anonymisee_le) into *r: 0, or the error status. */
static int portail_anonymiser_load(pt_req *rq, apr_int64_t id, pt_rows **r)
{
    if (id < 0) {
        return pt_req_error(rq, 404, NULL);
    }
    if (pt_db_select(rq->db, rq->pool, "portail_anonymiser_family",
                     PT_ARGS(pt_db_int(rq->pool, id)), r) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    return (*r)->n == 0 ? pt_req_error(rq, 404, NULL) : 0;
}

static int portail_anonymiser_page(pt_req *rq, pt_rows *fam, const char *error, int status)
{
    pt_node *screen = pt_req_screen(rq, "admin-anonymiser");
    pt_node *f = pt_xml_row(screen, "famille", fam, 0, NULL);
    const char *done = pt_rows_get(fam, 0, "anonymisee_le");
    if (done) {
        pt_xml_attr(f, "anonymisee_fr", pt_fr_datetime(rq->pool, apr_atoi64(done)));
    }
    else {
        pt_form_view *fv = pt_form_view_new(rq, screen, apr_psprintf(rq->pool,
            "/admin/familles/%s/anonymiser", pt_rows_get(fam, 0, "id")));
        pt_form_view_field(fv, "confirmation", "checkbox", portail_anonymiser_confirm,
                           NULL, 1);
        if (error) {
            pt_form_view_error(fv, "confirmation", error);
        }
    }
    return status;
}

int portail_admin_anonymiser_get(pt_req *rq)
{
    pt_rows *fam = NULL;
    int rv = portail_anonymiser_load(rq, pt_req_param_id(rq, "famille"), &fam);
    return rv ? rv : portail_anonymiser_page(rq, fam, NULL, 200);
}

/* Every statement of the anonymisation, each taking the family's id (and texts first). */
static int portail_anonymiser_apply(pt_req *rq, const char *fid, const char *nom, int *done)
{
    const char *code = apr_pstrcat(rq->pool, "ANONYME-", fid, NULL);
    const char *now = pt_db_int(rq->pool, apr_time_sec(rq->now));
    pt_rows *acc = NULL;
    int rv, i, n = 0;
    if ((rv = pt_db_exec(rq->db, rq->pool, "portail_anonymiser_mark",
                         PT_ARGS(nom, code, now, fid), done)) != PT_DB_OK || *done == 0) {
        return rv;
    }
    if ((rv = pt_db_select(rq->db, rq->pool, "portail_anonymiser_accounts", PT_ARGS(fid), &acc))
            != PT_DB_OK
        || (rv = pt_db_exec(rq->db, rq->pool, "portail_anonymiser_responsables", PT_ARGS(fid),
                            NULL)) != PT_DB_OK
        || (rv = pt_db_exec(rq->db, rq->pool, "portail_anonymiser_children",
                            PT_ARGS("Enfant n° ", fid), NULL)) != PT_DB_OK
        || (rv = pt_db_exec(rq->db, rq->pool, "portail_anonymiser_lines",
                            PT_ARGS("Enfant anonymisé", fid), NULL)) != PT_DB_OK
        || (rv = pt_db_exec(rq->db, rq->pool, "portail_anonymiser_changes", PT_ARGS(fid), NULL))
           != PT_DB_OK
        || (rv = pt_db_exec(rq->db, rq->pool, "portail_anonymiser_requests",
                            PT_ARGS("Demande d'une famille anonymisée", fid), NULL)) != PT_DB_OK
        || (rv = pt_db_exec(rq->db, rq->pool, "portail_anonymiser_events", PT_ARGS(fid), NULL))
           != PT_DB_OK
        || (rv = pt_db_exec(rq->db, rq->pool, "portail_anonymiser_bookings", PT_ARGS(fid),
                            NULL)) != PT_DB_OK
        || (rv = pt_db_exec(rq->db, rq->pool, "portail_anonymiser_documents", PT_ARGS(fid),
                            NULL)) != PT_DB_OK
        || (rv = pt_db_exec(rq->db, rq->pool, "portail_anonymiser_unlink", PT_ARGS(fid), NULL))
           != PT_DB_OK) {
        return rv;
    }
    /* Accounts of this family only are removed (their sessions, links and warnings with
     * them: ON DELETE CASCADE); an account of another family too is only detached. */
    for (i = 0; i < acc->n; i++) {
        int closed = 0;
        if ((rv = pt_db_exec(rq->db, rq->pool, "portail_anonymiser_close_account",
                             PT_ARGS(pt_rows_get(acc, i, "account_id")), &closed)) != PT_DB_OK) {
            return rv;
        }
        n += closed;
    }
    return pt_audit(rq->db, rq->pool, rq->now, rq->user->id, "anonymisation", "famille",
                    apr_atoi64(fid), NULL,
                    apr_psprintf(rq->pool, "%s, %d compte(s) supprimé(s)", nom, n));
}

int portail_admin_anonymiser_post(pt_req *rq)
{
    apr_int64_t id = pt_req_param_id(rq, "famille");
    const pt_dossier_field *photo = pt_dossier_field_find("enfant", "photo");
    pt_rows *fam = NULL, *photos = NULL;
    const char *fid, *nom, *dir;
    int rv = portail_anonymiser_load(rq, id, &fam), done = 0, i;
    if (rv) {
        return rv;
    }
    if (pt_rows_get(fam, 0, "anonymisee_le")) {
        rq->error_detail = "Cette famille est déjà anonymisée : il n'y a plus rien à effacer.";
        return pt_req_error(rq, 409, rq->error_detail);
    }
    if (strcmp(pt_form_get(rq->form, "confirmation") ? pt_form_get(rq->form, "confirmation")
                                                     : "", "1") != 0) {
        return portail_anonymiser_page(rq, fam, "Cochez la case pour confirmer : "
                                       "l'anonymisation ne peut pas être annulée.", 400);
    }
    fid = pt_rows_get(fam, 0, "id");
    nom = apr_pstrcat(rq->pool, "Famille anonymisée n° ", fid, NULL);
    if (pt_db_select(rq->db, rq->pool, "portail_anonymiser_photos", PT_ARGS(fid, fid), &photos)
            != PT_DB_OK
        || pt_db_begin(rq->db, rq->pool) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    if ((rv = portail_anonymiser_apply(rq, fid, nom, &done)) != PT_DB_OK || done == 0) {
        pt_db_rollback(rq->db);
        return rv != PT_DB_OK ? pt_req_error(rq, 503, NULL)
               : pt_req_error(rq, 409, "Cette famille vient d'être anonymisée par un autre "
                                       "agent : il n'y a plus rien à effacer.");
    }
    if (pt_db_commit(rq->db) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    /* The photo files, once nothing refers to them any more (else purge sweeps them). */
    dir = apr_pstrcat(rq->pool, rq->site->data_dir ? rq->site->data_dir : ".", "/photos", NULL);
    for (i = 0; rq->site->data_dir && i < photos->n; i++) {
        const char *name = pt_rows_get(photos, i, "name"), *why = NULL;
        if (name && *name && pt_dossier_check(rq->pool, photo, name, &why)) {
            apr_file_remove(apr_pstrcat(rq->pool, dir, "/", name, NULL), rq->pool);
        }
    }
    return pt_req_redirect(rq, apr_psprintf(rq->pool, "/admin/familles/%s", fid),
                           PT_FLASH_SUCCES, apr_psprintf(rq->pool, "La famille est anonymisée : "
                           "elle s'appelle désormais « %s ». Ses factures sont conservées.", nom));
}
