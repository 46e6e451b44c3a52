/* inscription.c — /portail/inscription (« Créer un compte ») and /portail/activation/{jeton}.
 *
 * Sign-up creates the account « en attente » and queues, in the same transaction, a mail
 * with a single-use activation link (48 h; only the token's hash is stored).  Whether the
 * e-mail already has an account or not, the visitor gets the same answer in the same time
 * (a bcrypt either way); the owner of an existing account gets a mail saying so.
 * The link's page is a form: a GET never changes anything (mail scanners that open links
 * do not activate accounts), and the password is chosen there, by whoever holds the
 * mailbox — a sign-up made with someone else's address can never be claimed with the
 * password its author typed.
 */
#include <string.h>
#include <apr_strings.h>
#include "screens/screens.h"
#include "core/pt_account.h"
#include "core/pt_captcha.h"
#include "core/pt_form.h"
#include "core/pt_mail.h"
#include "domain/pt_password.h"

#define PORTAIL_ACTIVATION_LIFETIME (48 * 3600)
#define PORTAIL_NAME_MAX 100

static int portail_inscription_form(pt_req *rq, apr_table_t *typed, apr_table_t *errors,
                                    int status)
{
    static const struct { const char *name, *type, *label, *autocomplete; } fields[] = {
        { "prenom", "text", "Prénom", "given-name" },
        { "nom", "text", "Nom", "family-name" },
        { "email", "email", "Adresse e-mail", "email" },
        { "password", "password", "Mot de passe", "new-password" },
        { "confirmation", "password", "Confirmation du mot de passe", "new-password" },
    };
    pt_node *screen = pt_req_screen(rq, "inscription");
    pt_form_view *fv = pt_form_view_new(rq, screen, "/inscription");
    pt_captcha captcha;
    size_t i;

    if (pt_captcha_new(rq->pool, rq->secret, rq->now, &captcha) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
        pt_node *f = pt_form_view_field(fv, fields[i].name, fields[i].type, fields[i].label,
                                        pt_form_get(typed, fields[i].name), 1);
        const char *err = errors ? apr_table_get(errors, fields[i].name) : NULL;
        pt_xml_attr(f, "autocomplete", fields[i].autocomplete);
        if (!strcmp(fields[i].name, "password")) {
            pt_xml_attr(f, "hint", PORTAIL_PASSWORD_HINT);
        }
        if (err) {
            pt_form_view_error(fv, fields[i].name, err);
        }
    }
    pt_xml_attr(pt_form_view_field(fv, "code", "text", "Code abonné (facultatif)",
                                   pt_form_get(typed, "code"), 0),
                "hint", "Sur le courrier de la mairie, par exemple K7QM-4XPT-9HWA. Sans code, "
                        "vous rattacherez votre famille plus tard dans « Mes abonnements ».");
    if (errors && apr_table_get(errors, "code")) {
        pt_form_view_error(fv, "code", apr_table_get(errors, "code"));
    }
    pt_xml_attr(pt_form_view_field(fv, "captcha", "text", captcha.question, "", 1),
                "hint", "Cette question vérifie que le formulaire est rempli par une personne.");
    if (errors && apr_table_get(errors, "captcha")) {
        pt_form_view_error(fv, "captcha", apr_table_get(errors, "captcha"));
    }
    pt_form_view_field(fv, "captcha_jeton", "hidden", NULL, captcha.token, 0);
    return status;
}

int portail_inscription_get(pt_req *rq)
{
    if (rq->user) {
        return pt_req_redirect(rq, "/espace", PT_FLASH_INFO, "Vous avez déjà un compte.");
    }
    return portail_inscription_form(rq, NULL, NULL, 200);
}

int portail_account_mail(pt_req *rq, const char *to, const char *template_name,
                         const char *prenom, const char *link)
{
    pt_doc *data = pt_xml_doc(rq->pool, "mail-data");
    pt_node *root = pt_xml_root(data);
    pt_xml_attr(root, "town", rq->site->town);
    pt_xml_attr(root, "url", rq->site->public_url);
    pt_xml_attr(root, "prenom", prenom);
    pt_xml_attr(root, "lien", link);
    return pt_mail_enqueue(rq->db, rq->pool, to, template_name, data, rq->now);
}

int portail_activation_send(pt_req *rq, apr_int64_t account, const char *email,
                            const char *prenom)
{
    const char *token = NULL;
    int rv = pt_account_link_issue(rq->db, rq->pool, account, "activation",
                                   PORTAIL_ACTIVATION_LIFETIME, rq->now, NULL, &token);
    if (rv == PT_DB_OK) {
        rv = portail_account_mail(rq, email, "activation", prenom,
                                      apr_pstrcat(rq->pool, rq->site->public_url,
                                                  "/activation/", token, NULL));
    }
    return rv;
}

/* A name is stored as clean text: it goes into mails, CSV exports and agents' screens.
 * No markup characters, no line breaks or other control characters. */
#define PORTAIL_NAME_CHARS "Un nom ne peut contenir ni les signes < et >, ni de retour à la " \
                           "ligne ni de tabulation."
static int portail_inscription_name_ok(const char *name)
{
    const unsigned char *s;
    for (s = (const unsigned char *)name; *s; s++) {
        if (*s < 0x20 || *s == 0x7f || *s == '<' || *s == '>') {
            return 0;
        }
    }
    return 1;
}

int portail_inscription_post(pt_req *rq)
{
    const char *prenom = pt_form_get(rq->form, "prenom");
    const char *nom = pt_form_get(rq->form, "nom");
    const char *email = pt_account_normalize_email(rq->pool, pt_form_get(rq->form, "email"));
    const char *password = apr_table_get(rq->form, "password");
    const char *confirmation = apr_table_get(rq->form, "confirmation");
    apr_table_t *errors = apr_table_make(rq->pool, 4);
    const char *why, *captcha_id = NULL, *hash, *code_error = NULL, *famille_nom = NULL;
    apr_int64_t id = 0, family = 0;
    pt_rows *r = NULL;
    int rv;

    if (!*prenom || strlen(prenom) > PORTAIL_NAME_MAX) {
        apr_table_setn(errors, "prenom", "Indiquez votre prénom (100 caractères au plus).");
    }
    else if (!portail_inscription_name_ok(prenom)) {
        apr_table_setn(errors, "prenom", PORTAIL_NAME_CHARS);
    }
    if (!*nom || strlen(nom) > PORTAIL_NAME_MAX) {
        apr_table_setn(errors, "nom", "Indiquez votre nom (100 caractères au plus).");
    }
    else if (!portail_inscription_name_ok(nom)) {
        apr_table_setn(errors, "nom", PORTAIL_NAME_CHARS);
    }
    if (!email) {
        apr_table_setn(errors, "email", "Indiquez une adresse e-mail valide, par exemple "
                                        "prenom.nom@exemple.fr.");
    }
    if ((why = pt_password_check(password ? password : "")) != NULL) {
        apr_table_setn(errors, "password", why);
    }
    else if (!confirmation || strcmp(password, confirmation) != 0) {
        apr_table_setn(errors, "confirmation", "La confirmation ne correspond pas au mot de passe.");
    }
    if (!pt_captcha_check(rq->pool, rq->secret, pt_form_get(rq->form, "captcha_jeton"),
                          pt_form_get(rq->form, "captcha"), rq->now, &captcha_id)) {
        apr_table_setn(errors, "captcha", "La réponse à la question n'est pas la bonne, ou la "
                                          "question a expiré : répondez à la nouvelle question.");
    }
    if (apr_table_elts(errors)->nelts > 0) {
        return portail_inscription_form(rq, rq->form, errors, 400);
    }
    /* The code abonné, when given, is checked like in « Mes abonnements » (and its wrong
     * tries counted the same way), so the new account opens on the family space. */
    if (*pt_form_get(rq->form, "code")) {
        rv = portail_abonnements_by_code(rq, pt_form_get(rq->form, "code"), &family,
                                         &famille_nom, &code_error);
        if (rv == 503) {
            return pt_req_error(rq, 503, NULL);
        }
        if (!family) {
            apr_table_setn(errors, "code", code_error);
            return portail_inscription_form(rq, rq->form, errors, rv ? rv : 400);
        }
    }

    /* The same cost whether the e-mail is known or not: bcrypt first, in both cases. */
    hash = pt_account_hash_password(rq->pool, password);
    if (!hash || pt_db_begin(rq->db, rq->pool) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    rv = pt_captcha_use(rq->db, rq->pool, captcha_id, rq->now);
    if (rv == PT_DB_CONFLICT) {
        pt_db_rollback(rq->db);
        apr_table_setn(errors, "captcha", "Cette question a déjà servi : répondez à la nouvelle "
                                          "question.");
        return portail_inscription_form(rq, rq->form, errors, 400);
    }
    if (rv == PT_DB_OK) {
        rv = pt_db_select(rq->db, rq->pool, "portail_account_by_email", PT_ARGS(email), &r);
    }
    if (rv == PT_DB_OK && r->n > 0) {
        rv = portail_account_mail(rq, email, "compte-existant", prenom, NULL);
    }
    else if (rv == PT_DB_OK) {
        rv = pt_account_create(rq->db, rq->pool, email, hash, prenom, nom, PT_ROLE_PARENT,
                               "en_attente", rq->now, &id);
        if (rv == PT_DB_OK && family) {
            rv = pt_db_exec(rq->db, rq->pool, "portail_account_subscribe",
                            PT_ARGS(pt_db_int(rq->pool, id), pt_db_int(rq->pool, family),
                                    pt_db_int(rq->pool, apr_time_sec(rq->now))), NULL);
        }
        if (rv == PT_DB_OK) {
            rv = portail_activation_send(rq, id, email, prenom);
        }
    }
    if (rv != PT_DB_OK || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 503, NULL);
    }
    return pt_req_redirect(rq, "/connexion", PT_FLASH_SUCCES,
        apr_psprintf(rq->pool, "Un courriel vient d'être envoyé à %s. Cliquez sur le lien qu'il "
                     "contient pour activer votre compte ; le lien est valable 48 heures.",
                     email));
}

int portail_link_check(pt_req *rq, const char *purpose, const char *const why[3],
                       apr_int64_t *account, const char **new_email)
{
    pt_link_state state;
    if (pt_account_link_find(rq->db, rq->pool, apr_table_get(rq->params, "jeton"), purpose,
                             rq->now, &state, account, new_email) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    switch (state) {
    case PT_LINK_OK:
        return 0;
    case PT_LINK_USED:
        return pt_req_error(rq, 409, why[0]);
    case PT_LINK_EXPIRED:
        return pt_req_error(rq, 400, why[1]);
    default:
        return pt_req_error(rq, 404, why[2]);
    }
}

static const char *const portail_activation_why[3] = {
    "Ce lien a déjà servi : votre compte est activé. Connectez-vous.",
    "Ce lien d'activation a expiré (il est valable 48 heures). Demandez-en un nouveau avec "
    "« Mot de passe oublié » sur la page « Se connecter ».",
    "Ce lien d'activation n'est pas valide. Vérifiez qu'il a été copié en entier."
};

static int portail_activation_check(pt_req *rq, apr_int64_t *account)
{
    return portail_link_check(rq, "activation", portail_activation_why, account, NULL);
}

#define PORTAIL_ACTIVATION_HINT "Celui choisi à l'inscription, ou un nouveau. " \
    PORTAIL_PASSWORD_HINT

int portail_link_password_form(pt_req *rq, const char *purpose, const char *label,
                               const char *hint, const char *field, const char *error,
                               int status)
{
    pt_node *screen = pt_req_screen(rq, purpose);
    pt_form_view *fv = pt_form_view_new(rq, screen, apr_pstrcat(rq->pool, "/", purpose, "/",
                                        apr_table_get(rq->params, "jeton"), NULL));
    pt_node *f = pt_form_view_field(fv, "password", "password", label, NULL, 1);
    pt_xml_attr(f, "autocomplete", "new-password");
    pt_xml_attr(f, "hint", hint);
    pt_xml_attr(pt_form_view_field(fv, "confirmation", "password",
                                   "Confirmation du mot de passe", NULL, 1),
                "autocomplete", "new-password");
    if (error) {
        pt_form_view_error(fv, field, error);
    }
    return status;
}

int portail_link_password_post(pt_req *rq, const char *purpose, apr_int64_t account,
                               const char *label, const char *hint, int *used)
{
    const char *password = apr_table_get(rq->form, "password");
    const char *confirmation = apr_table_get(rq->form, "confirmation");
    const char *why, *hash;
    *used = 0;
    if ((why = pt_password_check(password ? password : "")) != NULL) {
        return portail_link_password_form(rq, purpose, label, hint, "password", why, 400);
    }
    if (!confirmation || strcmp(password, confirmation) != 0) {
        return portail_link_password_form(rq, purpose, label, hint, "confirmation",
                                          "La confirmation ne correspond pas au mot de passe.",
                                          400);
    }
    hash = pt_account_hash_password(rq->pool, password);
    /* The link serves once; the password is set the one way (every session ended, every
     * other link revoked); an activation link also activates. */
    if (!hash || pt_db_begin(rq->db, rq->pool) != PT_DB_OK
        || pt_account_link_use(rq->db, rq->pool, apr_table_get(rq->params, "jeton"), purpose,
                               rq->now, used) != PT_DB_OK
        || (*used == 1
            && (pt_account_set_password(rq->db, rq->pool, account, hash, rq->now) != PT_DB_OK
                || (!strcmp(purpose, "activation")
                    && pt_db_exec(rq->db, rq->pool, "portail_account_activate",
                                  PT_ARGS(pt_db_int(rq->pool, apr_time_sec(rq->now)),
                                          pt_db_int(rq->pool, account)), NULL) != PT_DB_OK)))
        || pt_db_commit(rq->db) != PT_DB_OK) {
        pt_db_rollback(rq->db);
        return pt_req_error(rq, 503, NULL);
    }
    return 0;
}

/* The activation form: the password is chosen (again) here.  Whoever proves the address
 * sets the password, so a password typed at sign-up by someone else with this address
 * never works. */
int portail_activation_get(pt_req *rq)
{
    apr_int64_t account;
    int rv = portail_activation_check(rq, &account);
    return rv ? rv : portail_link_password_form(rq, "activation", "Mot de passe",
                                                PORTAIL_ACTIVATION_HINT, NULL, NULL, 200);
}

int portail_activation_post(pt_req *rq)
{
    apr_int64_t account;
    int used = 0, rv = portail_activation_check(rq, &account);
    if (rv || (rv = portail_link_password_post(rq, "activation", account, "Mot de passe",
                                               PORTAIL_ACTIVATION_HINT, &used)) != 0) {
        return rv;
    }
    if (used != 1) {
        /* Another click got there first. */
        return pt_req_error(rq, 409, portail_activation_why[0]);
    }
    return pt_req_redirect(rq, "/connexion", PT_FLASH_SUCCES,
                           "Votre compte est activé : connectez-vous avec le mot de passe que "
                           "vous venez de choisir.");
}
