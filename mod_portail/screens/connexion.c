/* connexion.c — /portail/connexion (login) and /portail/deconnexion (logout).
 *
 * Login checks bcrypt once, then identity rides on the session.  Wrong attempts are
 * counted per account and per client address in the database (pt_throttle), so a
 * guesser is slowed down whichever server of a cluster it reaches.
 */
#include <string.h>
#include <apr_strings.h>
#include "screens/screens.h"
#include "core/pt_account.h"
#include "core/pt_form.h"
#include "core/pt_session.h"
#include "core/pt_throttle.h"

/* Per account: 5 free tries, the 6th blocks 30 s, doubling up to 15 min — so a burst of
 * simultaneous guesses gets 6 evaluated, however long the burst lasts under load.  Per
 * address (a school's or a town hall's shared connection sends many parents): 20 free,
 * then 2 s doubling — a brake on one address trying many accounts, gentle for the others
 * behind it. */
static const pt_throttle_rule portail_connexion_per_account = { 5, 30, 900, 3600 };
static const pt_throttle_rule portail_connexion_per_address = { 20, 2, 900, 3600 };

/* Where to go after login: only a local path of the portal, never another site, and
 * nothing that could not travel in a Location header as it is (CR, LF, spaces, controls,
 * non-ASCII: a link of the portal is %-encoded).  Anything else is ignored. */
static const char *portail_connexion_retour(pt_req *rq, const char *retour)
{
    apr_size_t blen = strlen(rq->site->base);
    const unsigned char *c;
    if (!retour || strncmp(retour, rq->site->base, blen) != 0 || retour[blen] != '/'
        || strstr(retour, "//") || strchr(retour, '\\') || strstr(retour, "/connexion")) {
        return NULL;
    }
    for (c = (const unsigned char *)retour; *c; c++) {
        if (*c <= ' ' || *c >= 0x7f || *c == '"' || *c == '<' || *c == '>') {
            return NULL;
        }
    }
    return retour + blen;               /* pt_req_redirect wants a path below the base */
}

static int portail_connexion_form(pt_req *rq, const char *email, const char *retour,
                                  const char *email_error, const char *password_error,
                                  const char *message, int status)
{
    pt_node *screen = pt_req_screen(rq, "connexion");
    pt_form_view *fv = pt_form_view_new(rq, screen, "/connexion");
    pt_node *f;

    f = pt_form_view_field(fv, "email", "email", "Adresse e-mail", email, 1);
    pt_xml_attr(f, "autocomplete", "username");
    if (email_error) {
        pt_form_view_error(fv, "email", email_error);
    }
    f = pt_form_view_field(fv, "password", "password", "Mot de passe", NULL, 1);
    pt_xml_attr(f, "autocomplete", "current-password");
    if (password_error) {
        pt_form_view_error(fv, "password", password_error);
    }
    pt_form_view_field(fv, "retour", "hidden", NULL, retour, 0);
    if (message) {
        pt_xml_elem(pt_form_view_node(fv), "message", message);
    }
    return status;
}

int portail_connexion_get(pt_req *rq)
{
    const char *retour = pt_form_get(rq->query, "retour");
    if (rq->user) {
        return pt_req_redirect(rq, rq->user->role == PT_ROLE_AGENT ? "/admin/" : "/espace",
                               PT_FLASH_INFO, "Vous êtes déjà connecté(e).");
    }
    return portail_connexion_form(rq, "", portail_connexion_retour(rq, retour) ? retour : "",
                                  NULL, NULL, NULL, 200);
}

int portail_password_attempt(pt_req *rq, const char *norm, const char *password,
                             apr_int64_t *id, const char **state, pt_role *role, int *wait)
{
    pt_throttle_key keys[2];
    int rv;
    keys[0].key = apr_pstrcat(rq->pool, "login:ip:", rq->client_ip, NULL);
    keys[0].rule = &portail_connexion_per_address;
    keys[1].key = apr_pstrcat(rq->pool, "login:acct:", norm, NULL);
    keys[1].rule = &portail_connexion_per_account;
    *id = 0;
    /* Reserved before bcrypt: simultaneous guesses queue on the database's row, and
     * those beyond the allowance are refused without being evaluated. */
    if ((rv = pt_throttle_reserve(rq->db, rq->pool, keys, 2, rq->now, wait)) != PT_DB_OK
        || *wait > 0) {
        return rv;
    }
    rv = pt_account_check_password(rq->db, rq->pool, norm, password, id, state, role);
    if (rv == PT_DB_OK && *id > 0) {
        /* The right password is not a guess: the account's count restarts, and the
         * address (shared by a school or a town hall) gets its attempt back. */
        pt_throttle_clear(rq->db, rq->pool, keys[1].key);
        pt_throttle_refund(rq->db, rq->pool, &keys[0]);
    }
    return rv;
}

const char *portail_password_wait_message(pt_req *rq, int wait)
{
    return apr_psprintf(rq->pool, "Trop de tentatives de connexion. Par sécurité, "
                        "réessayez dans %d seconde%s.", wait, wait > 1 ? "s" : "");
}

int portail_connexion_post(pt_req *rq)
{
    const char *email = pt_form_get(rq->form, "email");
    const char *password = apr_table_get(rq->form, "password");
    const char *retour = pt_form_get(rq->form, "retour");
    const char *norm = pt_account_normalize_email(rq->pool, email);
    const char *state = NULL, *token = NULL, *next;
    int wait = 0;
    apr_int64_t id = 0;
    pt_role role = PT_ROLE_PARENT;

    if (!portail_connexion_retour(rq, retour)) {
        retour = "";
    }
    if (!*email || !norm || !password || !*password) {
        return portail_connexion_form(rq, email, retour,
                                      !*email ? "Indiquez votre adresse e-mail."
                                      : !norm ? "Cette adresse e-mail n'est pas valide ; "
                                                "exemple : prenom.nom@exemple.fr" : NULL,
                                      !password || !*password ? "Indiquez votre mot de passe."
                                                              : NULL, NULL, 400);
    }
    if (portail_password_attempt(rq, norm, password, &id, &state, &role, &wait) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    if (wait > 0) {
        return portail_connexion_form(rq, email, retour, NULL, NULL,
                                      portail_password_wait_message(rq, wait), 429);
    }
    if (id == 0) {
        return portail_connexion_form(rq, email, retour, NULL, NULL,
                                      "Adresse e-mail ou mot de passe incorrect.", 400);
    }
    if (strcmp(state, "actif") != 0) {
        return portail_connexion_form(rq, email, retour, NULL, NULL,
            strcmp(state, "bloque") == 0
            ? "Ce compte est bloqué. Contactez la mairie pour le débloquer."
            : "Ce compte n'est pas encore activé : cliquez sur le lien reçu par e-mail "
              "pour l'activer. Lien perdu ou expiré ? « Mot de passe oublié » vous en envoie "
              "un nouveau.", 400);
    }
    /* A new token at every login: a token planted before login is worth nothing after. */
    if (rq->user) {
        pt_session_destroy(rq->db, rq->pool, rq->user->session_token);
    }
    if (pt_session_create(rq->db, rq->pool, id, rq->now, rq->site->session_lifetime,
                          rq->client_ip, &token) != PT_DB_OK
        || pt_db_exec(rq->db, rq->pool, "portail_account_logged_in",
                      PT_ARGS(pt_db_int(rq->pool, apr_time_sec(rq->now)),
                              pt_db_int(rq->pool, id)), NULL) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    pt_req_set_cookie(rq, PT_SESSION_COOKIE, token);
    next = portail_connexion_retour(rq, retour);
    if (!next) {
        next = role == PT_ROLE_AGENT ? "/admin/" : "/espace";
    }
    return pt_req_redirect(rq, next, PT_FLASH_SUCCES,
                           "Vous êtes connecté(e).");
}

int portail_deconnexion_post(pt_req *rq)
{
    if (rq->user) {
        if (pt_session_destroy(rq->db, rq->pool, rq->user->session_token) != PT_DB_OK) {
            return pt_req_error(rq, 503, NULL);
        }
    }
    pt_req_set_cookie(rq, PT_SESSION_COOKIE, NULL);
    return pt_req_redirect(rq, "/", PT_FLASH_SUCCES, "Vous êtes déconnecté(e).");
}
