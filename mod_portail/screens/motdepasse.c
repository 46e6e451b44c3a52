/* motdepasse.c — « Mot de passe oublié » (/portail/mot-de-passe-oublie) and the reset link
 * (/portail/reinitialisation/{jeton}).
 *
 * The request gets the same answer whether the e-mail has an account or not.  An active
 * account gets a single-use link valid one hour; a pending one gets a new activation link
 * instead (the usual reason for a « lost » password).  Requests per address are throttled
 * so that nobody floods a mailbox.  A new password ends every session of the account.
 */
#include <string.h>
#include <apr_strings.h>
#include "screens/screens.h"
#include "core/pt_account.h"
#include "core/pt_form.h"
#include "core/pt_session.h"
#include "core/pt_throttle.h"

#define PORTAIL_RESET_LIFETIME 3600

/* Three mails free per hour and address, then one every five minutes at most. */
static const pt_throttle_rule portail_motdepasse_rule = { 3, 300, 300, 3600 };

static int portail_motdepasse_form(pt_req *rq, const char *email, const char *error, int status)
{
    pt_node *screen = pt_req_screen(rq, "motdepasse");
    pt_form_view *fv = pt_form_view_new(rq, screen, "/mot-de-passe-oublie");
    pt_xml_attr(pt_form_view_field(fv, "email", "email", "Adresse e-mail", email, 1),
                "autocomplete", "email");
    if (error) {
        pt_form_view_error(fv, "email", error);
    }
    return status;
}

int portail_motdepasse_get(pt_req *rq)
{
    return portail_motdepasse_form(rq, "", NULL, 200);
}

int portail_motdepasse_post(pt_req *rq)
{
    const char *typed = pt_form_get(rq->form, "email");
    const char *email = pt_account_normalize_email(rq->pool, typed);
    const char *token = NULL, *state;
    pt_throttle_key key;
    pt_rows *r = NULL;
    int wait = 0, rv;

    if (!email) {
        return portail_motdepasse_form(rq, typed, "Indiquez une adresse e-mail valide, par "
                                       "exemple prenom.nom@exemple.fr.", 400);
    }
    key.key = apr_pstrcat(rq->pool, "reset:", email, NULL);
    key.rule = &portail_motdepasse_rule;
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK
        || pt_throttle_reserve(rq->db, rq->pool, &key, 1, rq->now, &wait) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_account_by_email", PT_ARGS(email), &r)
           != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 503, NULL);
    }
    /* The same work whatever the address: one try counted, one account read, one mail
     * queued (sent later by portail-ctl mail) — so the delay of the answer does not tell
     * which addresses have an account. */
    rv = PT_DB_OK;
    state = r->n == 1 ? pt_rows_get(r, 0, "state") : "inconnu";
    if (wait == 0 && !strcmp(state, "en_attente")) {
        rv = portail_activation_send(rq, pt_rows_int(r, 0, "id", 0), email,
                                     pt_rows_get(r, 0, "prenom"));
    }
    else if (wait == 0 && !strcmp(state, "actif")) {
        rv = pt_account_link_issue(rq->db, rq->pool, pt_rows_int(r, 0, "id", 0),
                                   "reinitialisation", PORTAIL_RESET_LIFETIME, rq->now, NULL,
                                   &token);
        if (rv == PT_DB_OK) {
            rv = portail_account_mail(rq, email, "reinitialisation",
                                      pt_rows_get(r, 0, "prenom"),
                                      apr_pstrcat(rq->pool, rq->site->public_url,
                                                  "/reinitialisation/", token, NULL));
        }
    }
    else if (wait == 0 && r->n == 0) {
        rv = portail_account_mail(rq, email, "compte-inconnu", NULL, NULL);
    }
    if (rv != PT_DB_OK || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, "/connexion", PT_FLASH_INFO,
        apr_psprintf(rq->pool, "Si un compte existe pour %s, un courriel vient de lui être "
                     "envoyé avec un lien pour choisir un nouveau mot de passe (valable une "
                     "heure).", email));
}

static const char *const portail_reinitialisation_why[3] = {
    "Ce lien a déjà servi. Si besoin, demandez-en un nouveau avec « Mot de passe oublié ».",
    "Ce lien a expiré (il est valable une heure). Demandez-en un nouveau avec « Mot de passe "
    "oublié ».",
    "Ce lien n'est pas valide. Vérifiez qu'il a été copié en entier."
};

static int portail_reinitialisation_check(pt_req *rq, apr_int64_t *account)
{
    return portail_link_check(rq, "reinitialisation", portail_reinitialisation_why, account,
                              NULL);
}

int portail_reinitialisation_get(pt_req *rq)
{
    apr_int64_t account;
    int rv = portail_reinitialisation_check(rq, &account);
    return rv ? rv : portail_link_password_form(rq, "reinitialisation", "Nouveau mot de passe",
                                                PORTAIL_PASSWORD_HINT, NULL, NULL, 200);
}

int portail_reinitialisation_post(pt_req *rq)
{
    apr_int64_t account;
    int used = 0, rv = portail_reinitialisation_check(rq, &account);
    if (rv || (rv = portail_link_password_post(rq, "reinitialisation", account,
                                               "Nouveau mot de passe",
                                               PORTAIL_PASSWORD_HINT, &used)) != 0) {
        return rv;
    }
    if (used != 1) {
        return pt_req_error(rq, 409, portail_reinitialisation_why[0]);
    }
    pt_req_set_cookie(rq, PT_SESSION_COOKIE, NULL);
    return pt_req_redirect(rq, "/connexion", PT_FLASH_SUCCES,
                           "Votre mot de passe est changé : connectez-vous avec le nouveau.");
}
