/* auth.c — the portal's identity as Apache sees it.
 *
 *   AuthType portail            the session cookie -> r->user (check_authn hook); an
 *                               anonymous visitor is sent to the login page and back;
 *   Require portail-role ROLE…  an authorization provider: agent, parent, or an agent
 *                               role (accueil, restauration, facturation, administration).
 * So webmasters protect URLs with ordinary <Location> blocks, and logs show the user.
 * Refusals are answered by the portal's own French error screen (ap_custom_response).
 */
#include <string.h>
#include <apr_strings.h>
#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "mod_auth.h"
#include "glue/glue.h"
#include "core/pt_form.h"
#include "core/pt_role.h"

APLOG_USE_MODULE(portail);

/* Apache's own refusals (403, 503) come back to the portal's error screen. */
static void portail_error_documents(request_rec *r)
{
    portail_server_conf *sc = ap_get_module_config(r->server->module_config, &portail_module);
    const char *page = apr_pstrcat(r->pool, portail_conf_base_path(sc), "/erreur", NULL);
    ap_custom_response(r, HTTP_UNAUTHORIZED, page);
    ap_custom_response(r, HTTP_FORBIDDEN, page);
    ap_custom_response(r, HTTP_SERVICE_UNAVAILABLE, page);
    ap_custom_response(r, HTTP_INTERNAL_SERVER_ERROR, page);
    portail_security_headers(r);
}

static int portail_check_authn(request_rec *r)
{
    const char *type = ap_auth_type(r);
    portail_server_conf *sc;
    const pt_user *u;
    int unavailable = 0;

    if (!type || strcasecmp(type, "portail") != 0) {
        return DECLINED;
    }
    portail_error_documents(r);
    u = portail_user(r, &unavailable);
    if (u) {
        return OK;
    }
    if (unavailable) {
        return HTTP_SERVICE_UNAVAILABLE;
    }
    /* Anonymous: to the login page, which brings the visitor back here afterwards. */
    sc = ap_get_module_config(r->server->module_config, &portail_module);
    apr_table_setn(r->headers_out, "Location",
                   apr_pstrcat(r->pool, portail_conf_base_path(sc), "/connexion?retour=",
                               pt_form_escape(r->pool, r->uri), NULL));
    return HTTP_SEE_OTHER;
}

/* The roles a Require line names, as pt_role_allows takes them: agent, parent, or an
 * agent role (accueil, restauration, facturation, administration: pt_role_defs). */
static const char *portail_role_parse(cmd_parms *cmd, const char *line_args,
                                      const void **parsed)
{
    const char *w, *line = line_args;
    int *roles = apr_pcalloc(cmd->pool, 2 * sizeof(int)), n = 0;
    while (*(w = ap_getword_conf(cmd->temp_pool, &line))) {
        int bit = !strcmp(w, "agent") ? PT_ROLE_AGENT
                  : !strcmp(w, "parent") ? PT_ROLE_PARENT : pt_role_bit(w);
        if (!bit) {
            return apr_psprintf(cmd->pool, "Require portail-role: unknown role '%s' (expected "
                                "agent, parent, accueil, restauration, facturation or "
                                "administration)", w);
        }
        /* [0]: agent and parent; [1]: the agent roles (any one of them suffices). */
        roles[bit == PT_ROLE_AGENT || bit == PT_ROLE_PARENT ? 0 : 1] |= bit;
        n++;
    }
    if (!n) {
        return "Require portail-role: name at least one role (agent, parent or an agent role)";
    }
    *parsed = roles;
    return NULL;
}

static authz_status portail_role_check(request_rec *r, const char *line_args,
                                       const void *parsed)
{
    const int *roles = parsed;
    const pt_user *u;
    if (!r->user) {
        return AUTHZ_DENIED_NO_USER;
    }
    portail_error_documents(r);
    u = portail_user(r, NULL);
    if (!u) {
        return AUTHZ_DENIED;
    }
    if (((roles[0] & PT_ROLE_AGENT) && pt_role_allows(PT_ROLE_AGENT, u))
        || ((roles[0] & PT_ROLE_PARENT) && pt_role_allows(PT_ROLE_PARENT, u))
        || (roles[1] && pt_role_allows(roles[1], u))) {
        return AUTHZ_GRANTED;
    }
    return AUTHZ_DENIED;
}

static const authz_provider portail_role_provider = {
    &portail_role_check,
    &portail_role_parse,
};

void portail_register_auth(apr_pool_t *p)
{
    ap_hook_check_authn(portail_check_authn, NULL, NULL, APR_HOOK_MIDDLE,
                        AP_AUTH_INTERNAL_PER_CONF);
    ap_register_auth_provider(p, AUTHZ_PROVIDER_GROUP, "portail-role",
                              AUTHZ_PROVIDER_VERSION, &portail_role_provider,
                              AP_AUTH_INTERNAL_PER_CONF);
}
