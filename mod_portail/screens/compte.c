/* compte.c — /portail/espace/compte (« Mon compte »): change the password (with the
 * current one) and the e-mail address (confirmed by a link sent to the new address,
 * /portail/confirmation-email/{jeton}).
 *
 * A new password ends every other session of the account: this browser gets a new one.
 */
#include <string.h>
#include <apr_strings.h>
#include "screens/screens.h"
#include "core/pt_account.h"
#include "core/pt_form.h"
#include "core/pt_session.h"
#include "domain/pt_password.h"

#define PORTAIL_EMAIL_LINK_LIFETIME (48 * 3600)

static const char *const portail_email_why[3] = {
    "Ce lien a déjà servi : la nouvelle adresse est enregistrée.",
    "Ce lien a expiré (il est valable 48 heures). Demandez à nouveau le changement depuis "
    "« Mon compte ».",
    "Ce lien n'est pas valide. Vérifiez qu'il a été copié en entier."
};

static int portail_compte_page(pt_req *rq, const char *form, const char *field,
                               const char *error, int status)
{
    pt_node *screen = pt_req_screen(rq, "compte");
    pt_form_view *pw = pt_form_view_new(rq, screen, "/espace/compte/mot-de-passe");
    pt_form_view *em = pt_form_view_new(rq, screen, "/espace/compte/email");
    pt_node *f;

    pt_xml_attr(screen, "email", rq->user->email);
    pt_xml_attr(screen, "prenom", rq->user->prenom);
    pt_xml_attr(screen, "nom", rq->user->nom);

    pt_xml_attr(pt_form_view_node(pw), "id", "mot-de-passe");
    pt_xml_attr(pt_form_view_field(pw, "actuel", "password", "Mot de passe actuel", NULL, 1),
                "autocomplete", "current-password");
    f = pt_form_view_field(pw, "password", "password", "Nouveau mot de passe", NULL, 1);
    pt_xml_attr(f, "autocomplete", "new-password");
    pt_xml_attr(f, "hint", PORTAIL_PASSWORD_HINT);
    pt_xml_attr(pt_form_view_field(pw, "confirmation", "password",
                                   "Confirmation du nouveau mot de passe", NULL, 1),
                "autocomplete", "new-password");

    pt_xml_attr(pt_form_view_node(em), "id", "email");
    pt_xml_attr(pt_form_view_field(em, "email", "email", "Nouvelle adresse e-mail",
                                   form && !strcmp(form, "email")
                                   ? pt_form_get(rq->form, "email") : "", 1),
                "autocomplete", "email");
    pt_xml_attr(pt_form_view_field(em, "actuel_email", "password", "Mot de passe actuel",
                                   NULL, 1), "autocomplete", "current-password");
    if (error) {
        pt_form_view_error(!strcmp(form, "email") ? em : pw, field, error);
    }
    return status;
}

int portail_compte_get(pt_req *rq)
{
    return portail_compte_page(rq, NULL, NULL, NULL, 200);
}

/* The current password, checked with bcrypt (only here and at login) and throttled like
 * a login: a stolen session must not become a way to guess the password.  0 when right,
 * else the status of the form given back with *error. */
static int portail_compte_password_ok(pt_req *rq, const char *password, const char **error)
{
    apr_int64_t id = 0;
    const char *state = NULL;
    pt_role role;
    int wait = 0;
    if (portail_password_attempt(rq, rq->user->email, password ? password : "", &id, &state,
                                 &role, &wait) != PT_DB_OK) {
        return 503;
    }
    if (wait > 0) {
        *error = portail_password_wait_message(rq, wait);
        return 429;
    }
    if (id != rq->user->id) {
        *error = "Le mot de passe actuel n'est pas le bon.";
        return 400;
    }
    return 0;
}

int portail_compte_password_post(pt_req *rq)
{
    const char *password = apr_table_get(rq->form, "password");
    const char *confirmation = apr_table_get(rq->form, "confirmation");
    const char *why, *hash, *token = NULL, *error = NULL;
    int st = portail_compte_password_ok(rq, apr_table_get(rq->form, "actuel"), &error);

    if (st == 503) {
        return pt_req_error(rq, 503, NULL);
    }
    if (st) {
        return portail_compte_page(rq, "mot-de-passe", "actuel", error, st);
    }
    if ((why = pt_password_check(password ? password : "")) != NULL) {
        return portail_compte_page(rq, "mot-de-passe", "password", why, 400);
    }
    if (!confirmation || strcmp(password, confirmation) != 0) {
        return portail_compte_page(rq, "mot-de-passe", "confirmation",
                                   "La confirmation ne correspond pas au mot de passe.", 400);
    }
    hash = pt_account_hash_password(rq->pool, password);
    if (!hash || pt_db_begin(rq->db, rq->pool) != PT_DB_OK
        || pt_account_set_password(rq->db, rq->pool, rq->user->id, hash, rq->now) != PT_DB_OK
        || pt_session_create(rq->db, rq->pool, rq->user->id, rq->now,
                             rq->site->session_lifetime, rq->client_ip, &token) != PT_DB_OK
        || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 503, NULL);
    }
    pt_req_set_cookie(rq, PT_SESSION_COOKIE, token);
    return pt_req_redirect(rq, "/espace/compte", PT_FLASH_SUCCES,
                           "Votre mot de passe est changé. Vos autres connexions sont fermées.");
}

int portail_compte_email_post(pt_req *rq)
{
    const char *typed = pt_form_get(rq->form, "email");
    const char *email = pt_account_normalize_email(rq->pool, typed);
    const char *token = NULL, *error = NULL;
    pt_rows *r = NULL;
    int rv;

    if (!email) {
        return portail_compte_page(rq, "email", "email", "Indiquez une adresse e-mail valide, "
                                   "par exemple prenom.nom@exemple.fr.", 400);
    }
    if (!strcmp(email, rq->user->email)) {
        return portail_compte_page(rq, "email", "email",
                                   "C'est déjà l'adresse de votre compte.", 400);
    }
    rv = portail_compte_password_ok(rq, apr_table_get(rq->form, "actuel_email"), &error);
    if (rv == 503) {
        return pt_req_error(rq, 503, NULL);
    }
    if (rv) {
        return portail_compte_page(rq, "email", "actuel_email", error, rv);
    }
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK
        || pt_db_select(rq->db, rq->pool, "portail_account_by_email", PT_ARGS(email), &r)
           != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 503, NULL);
    }
    /* An address that already has an account gets no link; the page says the same. */
    rv = PT_DB_OK;
    if (r->n == 0) {
        rv = pt_account_link_issue(rq->db, rq->pool, rq->user->id, "email",
                                   PORTAIL_EMAIL_LINK_LIFETIME, rq->now, email, &token);
        if (rv == PT_DB_OK) {
            rv = portail_account_mail(rq, email, "confirmation-email", rq->user->prenom,
                                      apr_pstrcat(rq->pool, rq->site->public_url,
                                                  "/confirmation-email/", token, NULL));
        }
    }
    if (rv != PT_DB_OK || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, "/espace/compte", PT_FLASH_INFO,
        apr_psprintf(rq->pool, "Un courriel de confirmation est envoyé à %s. La nouvelle "
                     "adresse remplacera l'actuelle quand vous aurez ouvert son lien.", email));
}

int portail_confirmation_email_get(pt_req *rq)
{
    apr_int64_t account;
    const char *email = NULL;
    int rv = portail_link_check(rq, "email", portail_email_why, &account, &email);
    pt_node *screen;
    if (rv) {
        return rv;
    }
    screen = pt_req_screen(rq, "confirmation-email");
    pt_xml_attr(screen, "email", email);
    pt_form_view_new(rq, screen, apr_pstrcat(rq->pool, "/confirmation-email/",
                                             apr_table_get(rq->params, "jeton"), NULL));
    return 200;
}

int portail_confirmation_email_post(pt_req *rq)
{
    apr_int64_t account;
    const char *email = NULL;
    int used = 0, rv = portail_link_check(rq, "email", portail_email_why, &account, &email);
    if (rv) {
        return rv;
    }
    if (pt_db_begin(rq->db, rq->pool) != PT_DB_OK
        || pt_account_link_use(rq->db, rq->pool, apr_table_get(rq->params, "jeton"), "email",
                               rq->now, &used) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 503, NULL);
    }
    rv = used == 1 ? pt_db_exec(rq->db, rq->pool, "portail_account_set_email",
                                PT_ARGS(email, pt_db_int(rq->pool, account)), NULL) : PT_DB_OK;
    if (rv == PT_DB_CONFLICT) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 409, "Cette adresse est entre-temps devenue celle d'un autre "
                                     "compte : elle ne peut pas remplacer la vôtre.");
    }
    if (rv != PT_DB_OK || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 503, NULL);
    }
    if (used != 1) {
        return pt_req_error(rq, 409, portail_email_why[0]);
    }
    return pt_req_redirect(rq, "/connexion", PT_FLASH_SUCCES,
        apr_psprintf(rq->pool, "Votre adresse e-mail est maintenant %s.", email));
}
