/* config.c — the directives of mod_portail, and configuration create / merge.
 *
 * Every directive checks its value when the configuration is read, so a mistake stops
 * `apachectl -t` with a sentence that says what is expected.  Create and merge never
 * modify their inputs: merge builds a new record from base and add.
 */
#include <string.h>
#include <apr_strings.h>
#include <apr_lib.h>
#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "http_core.h"
#include "glue/glue.h"
#include "core/pt_xml.h"

APLOG_USE_MODULE(portail);

#define PORTAIL_DEFAULT_IDLE 1800          /* 30 minutes */
#define PORTAIL_DEFAULT_LIFETIME 43200     /* 12 hours */
#define PORTAIL_DEFAULT_MAX_FORM 65536
#define PORTAIL_DEFAULT_MAX_UPLOAD (5 * 1024 * 1024)
#define PORTAIL_DEFAULT_MAX_FIELDS 500

void *portail_create_server_conf(apr_pool_t *p, server_rec *s)
{
    portail_server_conf *c = apr_pcalloc(p, sizeof(*c));
    c->session_idle = -1;
    c->session_lifetime = -1;
    c->cookie_secure = PORTAIL_SECURE_UNSET;
    c->photos_pending = -1;
    c->payfip_timeout = -1;
    return c;
}

#define PORTAIL_MERGE(field, unset) (add->field != (unset) ? add->field : base->field)

void *portail_merge_server_conf(apr_pool_t *p, void *basev, void *addv)
{
    const portail_server_conf *base = basev, *add = addv;
    portail_server_conf *c = apr_pcalloc(p, sizeof(*c));
    c->town = PORTAIL_MERGE(town, NULL);
    /* One directive sets both: a virtual host that gives its own PortailBaseURL, even a
     * path, never keeps the main server's absolute URL (its mails would link there). */
    c->public_url = add->base_path ? add->public_url : base->public_url;
    c->base_path = PORTAIL_MERGE(base_path, NULL);
    c->static_url = PORTAIL_MERGE(static_url, NULL);
    c->stylesheet_dir = PORTAIL_MERGE(stylesheet_dir, NULL);
    c->data_dir = PORTAIL_MERGE(data_dir, NULL);
    c->colour = PORTAIL_MERGE(colour, NULL);
    c->logo = PORTAIL_MERGE(logo, NULL);
    c->mail_from = PORTAIL_MERGE(mail_from, NULL);
    c->session_idle = PORTAIL_MERGE(session_idle, -1);
    c->session_lifetime = PORTAIL_MERGE(session_lifetime, -1);
    c->cookie_secure = PORTAIL_MERGE(cookie_secure, PORTAIL_SECURE_UNSET);
    c->photos_pending = PORTAIL_MERGE(photos_pending, -1);
    c->legal_notice = PORTAIL_MERGE(legal_notice, NULL);
    c->accessibility = PORTAIL_MERGE(accessibility, NULL);
    c->payfip_service = PORTAIL_MERGE(payfip_service, NULL);
    c->payfip_page = PORTAIL_MERGE(payfip_page, NULL);
    c->payfip_page_default = PORTAIL_MERGE(payfip_page_default, NULL);
    c->payfip_origin = PORTAIL_MERGE(payfip_origin, NULL);
    c->payfip_numcli = PORTAIL_MERGE(payfip_numcli, NULL);
    c->payfip_saisie = PORTAIL_MERGE(payfip_saisie, NULL);
    c->payfip_timeout = PORTAIL_MERGE(payfip_timeout, -1);
    return c;
}

void *portail_create_dir_conf(apr_pool_t *p, char *dir)
{
    portail_dir_conf *c = apr_pcalloc(p, sizeof(*c));
    c->max_form = -1;
    c->max_fields = -1;
    c->max_upload = -1;
    return c;
}

void *portail_merge_dir_conf(apr_pool_t *p, void *basev, void *addv)
{
    const portail_dir_conf *base = basev, *add = addv;
    portail_dir_conf *c = apr_pcalloc(p, sizeof(*c));
    c->max_form = PORTAIL_MERGE(max_form, -1);
    c->max_fields = PORTAIL_MERGE(max_fields, -1);
    c->max_upload = PORTAIL_MERGE(max_upload, -1);
    return c;
}

const char *portail_conf_base_path(const portail_server_conf *sc)
{
    return sc->base_path ? sc->base_path : "/portail";
}

int portail_conf_session_idle(const portail_server_conf *sc)
{
    return sc->session_idle > 0 ? sc->session_idle : PORTAIL_DEFAULT_IDLE;
}

int portail_conf_session_lifetime(const portail_server_conf *sc)
{
    return sc->session_lifetime > 0 ? sc->session_lifetime : PORTAIL_DEFAULT_LIFETIME;
}

apr_off_t portail_conf_max_form(const portail_dir_conf *dc)
{
    return dc->max_form > 0 ? dc->max_form : PORTAIL_DEFAULT_MAX_FORM;
}

int portail_conf_max_fields(const portail_dir_conf *dc)
{
    return dc->max_fields > 0 ? dc->max_fields : PORTAIL_DEFAULT_MAX_FIELDS;
}

apr_off_t portail_conf_max_upload(const portail_dir_conf *dc)
{
    return dc->max_upload > 0 ? dc->max_upload : PORTAIL_DEFAULT_MAX_UPLOAD;
}

const char *portail_conf_stylesheet_dir(const portail_server_conf *sc)
{
    return sc->stylesheet_dir ? sc->stylesheet_dir : PORTAIL_DATADIR "/xslt";
}

static portail_server_conf *portail_sconf(cmd_parms *cmd)
{
    return ap_get_module_config(cmd->server->module_config, &portail_module);
}

/* A duration: a number of seconds, or with a unit s, min, h or d ("30min", "12h"). */
static const char *portail_parse_duration(cmd_parms *cmd, const char *arg, int *out)
{
    char *end = NULL;
    apr_int64_t n = apr_strtoi64(arg, &end, 10);
    apr_int64_t mult = 1;
    if (end == arg || n <= 0) {
        goto bad;
    }
    if (*end == '\0' || strcmp(end, "s") == 0) mult = 1;
    else if (strcmp(end, "min") == 0 || strcmp(end, "m") == 0) mult = 60;
    else if (strcmp(end, "h") == 0) mult = 3600;
    else if (strcmp(end, "d") == 0) mult = 86400;
    else goto bad;
    if (n * mult > 31 * 86400) {
        return apr_psprintf(cmd->pool, "%s: '%s' is longer than 31 days", cmd->cmd->name, arg);
    }
    *out = (int)(n * mult);
    return NULL;
bad:
    return apr_psprintf(cmd->pool, "%s: '%s' is not a duration; expected a positive number "
                        "of seconds, or a number followed by s, min, h or d (e.g. 30min)",
                        cmd->cmd->name, arg);
}

static const char *portail_set_town(cmd_parms *cmd, void *dc, const char *arg)
{
    /* Apache gives a TAKE1 directive a non-empty argument (« "" » is refused before). */
    if (strlen(arg) > 120) {
        return "PortailTown: the name of the town must have 1 to 120 characters";
    }
    portail_sconf(cmd)->town = arg;
    return NULL;
}

/* The portal's URL: a path ("/portail") or an absolute URL ("https://www.ville.fr/portail")
 * whose path is the portal's; the absolute form is also used in mails and letters. */
static const char *portail_set_base_url(cmd_parms *cmd, void *dc, const char *arg)
{
    portail_server_conf *sc = portail_sconf(cmd);
    const char *path = arg;
    apr_size_t n;
    if (strncmp(arg, "https://", 8) == 0 || strncmp(arg, "http://", 7) == 0) {
        path = strchr(arg + (arg[4] == 's' ? 8 : 7), '/');
        if (!path) {
            path = "";
        }
    }
    if ((*path && *path != '/') || strpbrk(arg, " \"<>'?#")) {
        return apr_psprintf(cmd->pool, "PortailBaseURL: '%s' must be a URL path such as "
                            "/portail or an absolute URL such as https://www.ville.fr/portail",
                            arg);
    }
    n = strlen(path);
    while (n > 0 && path[n - 1] == '/') {
        n--;
    }
    if (n == 0) {
        return "PortailBaseURL: the portal cannot be the site's root; use a path such as "
               "/portail";
    }
    sc->base_path = apr_pstrndup(cmd->pool, path, n);
    if (path != arg) {
        sc->public_url = apr_pstrndup(cmd->pool, arg, (path - arg) + n);
    }
    return NULL;
}

static const char *portail_set_url_path(cmd_parms *cmd, const char *arg, const char **out)
{
    if (arg[0] != '/' || strchr(arg, ' ') || strchr(arg, '"') || strchr(arg, '<')
        || strchr(arg, '>') || strchr(arg, '\'')) {
        return apr_psprintf(cmd->pool, "%s: '%s' must be a URL path starting with '/'",
                            cmd->cmd->name, arg);
    }
    *out = arg;
    return NULL;
}

static const char *portail_set_static_url(cmd_parms *cmd, void *dc, const char *arg)
{
    return portail_set_url_path(cmd, arg, &portail_sconf(cmd)->static_url);
}

static const char *portail_set_logo(cmd_parms *cmd, void *dc, const char *arg)
{
    return portail_set_url_path(cmd, arg, &portail_sconf(cmd)->logo);
}

static const char *portail_set_dir(cmd_parms *cmd, const char *arg, const char **out)
{
    apr_finfo_t fi;
    const char *path = ap_server_root_relative(cmd->pool, arg);
    if (!path || apr_stat(&fi, path, APR_FINFO_TYPE, cmd->temp_pool) != APR_SUCCESS
        || fi.filetype != APR_DIR) {
        return apr_psprintf(cmd->pool, "%s: '%s' is not an existing directory",
                            cmd->cmd->name, arg);
    }
    *out = path;
    return NULL;
}

static const char *portail_set_stylesheet_dir(cmd_parms *cmd, void *dc, const char *arg)
{
    const char *err = portail_set_dir(cmd, arg, &portail_sconf(cmd)->stylesheet_dir);
    apr_finfo_t fi;
    if (!err && apr_stat(&fi, apr_pstrcat(cmd->temp_pool, portail_sconf(cmd)->stylesheet_dir,
                                          "/layout.xsl", NULL),
                         APR_FINFO_TYPE, cmd->temp_pool) != APR_SUCCESS) {
        return apr_psprintf(cmd->pool, "PortailStylesheetDir: '%s' holds no layout.xsl; "
                            "point it at the xslt directory of mod_portail", arg);
    }
    return err;
}

static const char *portail_set_data_dir(cmd_parms *cmd, void *dc, const char *arg)
{
    return portail_set_dir(cmd, arg, &portail_sconf(cmd)->data_dir);
}

static const char *portail_set_colour(cmd_parms *cmd, void *dc, const char *arg)
{
    int i;
    if (strlen(arg) != 7 || arg[0] != '#') {
        goto bad;
    }
    for (i = 1; i < 7; i++) {
        if (!apr_isxdigit(arg[i])) {
            goto bad;
        }
    }
    portail_sconf(cmd)->colour = arg;
    return NULL;
bad:
    return apr_psprintf(cmd->pool, "PortailColour: '%s' is not a colour written #rrggbb "
                        "(e.g. #1f4e8c)", arg);
}

static const char *portail_set_mail_from(cmd_parms *cmd, void *dc, const char *arg)
{
    const char *at = strchr(arg, '@');
    if (!at || strchr(arg, '\r') || strchr(arg, '\n') || at == arg || !strchr(at, '.')) {
        return apr_psprintf(cmd->pool, "PortailMailFrom: '%s' is not an address such as "
                            "\"Mairie de Ville <portail@ville.fr>\"", arg);
    }
    portail_sconf(cmd)->mail_from = arg;
    return NULL;
}

static const char *portail_set_idle(cmd_parms *cmd, void *dc, const char *arg)
{
    return portail_parse_duration(cmd, arg, &portail_sconf(cmd)->session_idle);
}

static const char *portail_set_lifetime(cmd_parms *cmd, void *dc, const char *arg)
{
    return portail_parse_duration(cmd, arg, &portail_sconf(cmd)->session_lifetime);
}

static const char *portail_set_cookie_secure(cmd_parms *cmd, void *dc, const char *arg)
{
    portail_server_conf *sc = portail_sconf(cmd);
    if (!strcasecmp(arg, "on")) sc->cookie_secure = PORTAIL_SECURE_ON;
    else if (!strcasecmp(arg, "off")) sc->cookie_secure = PORTAIL_SECURE_OFF;
    else if (!strcasecmp(arg, "auto")) sc->cookie_secure = PORTAIL_SECURE_AUTO;
    else return apr_psprintf(cmd->pool, "PortailCookieSecure: '%s' must be On, Off or Auto",
                             arg);
    return NULL;
}

static const char *portail_set_max_form(cmd_parms *cmd, void *dcv, const char *arg)
{
    portail_dir_conf *dc = dcv;
    char *end = NULL;
    apr_int64_t n = apr_strtoi64(arg, &end, 10);
    if (end == arg || *end || n < 1024 || n > 16 * 1024 * 1024) {
        return apr_psprintf(cmd->pool, "PortailMaxFormSize: '%s' must be a number of bytes "
                            "between 1024 and 16777216", arg);
    }
    dc->max_form = n;
    return NULL;
}

static const char *portail_set_max_upload(cmd_parms *cmd, void *dcv, const char *arg)
{
    portail_dir_conf *dc = dcv;
    char *end = NULL;
    apr_int64_t n = apr_strtoi64(arg, &end, 10);
    if (end == arg || *end || n < 65536 || n > APR_INT64_C(1024) * 1024 * 1024) {
        return apr_psprintf(cmd->pool, "PortailMaxUploadSize: '%s' must be a number of bytes "
                            "between 65536 and 1073741824", arg);
    }
    dc->max_upload = n;
    return NULL;
}

static const char *portail_set_max_fields(cmd_parms *cmd, void *dcv, const char *arg)
{
    portail_dir_conf *dc = dcv;
    char *end = NULL;
    long n = strtol(arg, &end, 10);
    if (end == arg || *end || n < 1 || n > 10000) {
        return apr_psprintf(cmd->pool, "PortailMaxFormFields: '%s' must be a number between "
                            "1 and 10000", arg);
    }
    dc->max_fields = (int)n;
    return NULL;
}

/* The SMTP settings are portail-ctl's (the module never sends mail: a mail is a row of the
 * outbox).  They live in the same file so the webmaster has one place for the portal;
 * Apache checks them, portail-ctl --config reads them. */
static const char *portail_set_smtp_server(cmd_parms *cmd, void *dc, const char *arg)
{
    if (strncmp(arg, "smtp://", 7) != 0 && strncmp(arg, "smtps://", 8) != 0) {
        return apr_psprintf(cmd->pool, "PortailSMTPServer: '%s' must be smtp://host:port or "
                            "smtps://host:port", arg);
    }
    return NULL;
}

static const char *portail_set_smtp_security(cmd_parms *cmd, void *dc, const char *arg)
{
    if (strcmp(arg, "none") && strcmp(arg, "starttls") && strcmp(arg, "tls")) {
        return apr_psprintf(cmd->pool, "PortailSMTPSecurity: '%s' must be none, starttls or "
                            "tls", arg);
    }
    return NULL;
}

/* Any non-empty name (Apache refuses « "" » for a TAKE1 directive). */
static const char *portail_set_smtp_user(cmd_parms *cmd, void *dc, const char *arg)
{
    return NULL;
}

static const char *portail_set_smtp_password_file(cmd_parms *cmd, void *dc, const char *arg)
{
    apr_finfo_t fi;
    if (apr_stat(&fi, arg, APR_FINFO_TYPE, cmd->temp_pool) != APR_SUCCESS
        || fi.filetype != APR_REG) {
        return apr_psprintf(cmd->pool, "PortailSMTPPasswordFile: '%s' is not a file", arg);
    }
    return NULL;
}

/* PortailFaultInjection: tests only; a no-op (with a warning) in a production build. */
int portail_fault_injection = 0;

static const char *portail_set_fault_injection(cmd_parms *cmd, void *dc, int on)
{
#ifndef PT_FAULT_INJECTION
    if (on) {
        ap_log_error(APLOG_MARK, APLOG_WARNING, 0, cmd->server, PTLOGNO(00030)
                     "PortailFaultInjection On ignored: mod_portail was built without "
                     "--enable-fault-injection");
        on = 0;
    }
#endif
    portail_fault_injection = on;
    return NULL;
}

/* Photos a family may have waiting for an agent's answer at once: each is a file kept
 * until the answer (PortailPhotosPending). */
#define PORTAIL_DEFAULT_PHOTOS_PENDING 3

int portail_conf_photos_pending(const portail_server_conf *sc)
{
    return sc->photos_pending >= 0 ? sc->photos_pending : PORTAIL_DEFAULT_PHOTOS_PENDING;
}

/* A whole number in [min, max] into *out, or the directive's message (« what » says
 * what the number counts, e.g. "seconds"). */
static const char *portail_parse_int(cmd_parms *cmd, const char *arg, long min, long max,
                                     const char *what, int *out)
{
    char *end = NULL;
    long n = strtol(arg, &end, 10);
    if (end == arg || *end || n < min || n > max) {
        return apr_psprintf(cmd->pool, "%s: '%s' must be a number%s%s between %ld and %ld",
                            cmd->cmd->name, arg, *what ? " of " : "", what, min, max);
    }
    *out = (int)n;
    return NULL;
}

static const char *portail_set_photos_pending(cmd_parms *cmd, void *dc, const char *arg)
{
    return portail_parse_int(cmd, arg, 0, 100, "", &portail_sconf(cmd)->photos_pending);
}

/* Months a document is kept after its validity ended (or after it was refused): read by
 * `portail-ctl purge` from this configuration file; the module only checks it. */
static const char *portail_set_document_retention(cmd_parms *cmd, void *dc, const char *arg)
{
    int months;
    (void)dc;
    return portail_parse_int(cmd, arg, 1, 120, "months", &months);
}

/* PortailLegalNotice / PortailAccessibility: the text of a legal page, or the file that
 * holds it (an argument with a « / » and no space names a file, relative to ServerRoot):
 * UTF-8 text, paragraphs separated by a blank line, a line starting with « # » a heading. */
static const char *portail_set_page_text(cmd_parms *cmd, void *dc, const char *arg)
{
    portail_server_conf *sc = portail_sconf(cmd);
    const char **slot = cmd->info ? &sc->accessibility : &sc->legal_notice;
    const char *text = arg;
    if (strchr(arg, '/') && !strchr(arg, ' ')) {
        const char *path = ap_server_root_relative(cmd->temp_pool, arg);
        apr_file_t *f;
        apr_finfo_t fi;
        apr_size_t len = 0;
        char *buf;
        if (!path || apr_file_open(&f, path, APR_FOPEN_READ | APR_FOPEN_BINARY, 0,
                                   cmd->temp_pool) != APR_SUCCESS
            || apr_file_info_get(&fi, APR_FINFO_SIZE, f) != APR_SUCCESS) {
            return apr_psprintf(cmd->pool, "%s: cannot read the file '%s'", cmd->cmd->name, arg);
        }
        if (fi.size > 65536) {
            apr_file_close(f);
            return apr_psprintf(cmd->pool, "%s: '%s' is larger than 64 KB", cmd->cmd->name, arg);
        }
        buf = apr_palloc(cmd->pool, (apr_size_t)fi.size + 1);
        apr_file_read_full(f, buf, (apr_size_t)fi.size, &len);
        apr_file_close(f);
        buf[len] = '\0';
        text = buf;
    }
    if (!*text || !pt_xml_text_ok(text, strlen(text))) {
        return apr_psprintf(cmd->pool, "%s: the text is empty or not valid UTF-8",
                            cmd->cmd->name);
    }
    *slot = text;
    return NULL;
}

/* PortailPayfipService / PortailPayfipPage: http(s) URLs (cmd->info: 0 service, 1 page);
 * the page's origin joins the pages' form-action (a « Payer » form is answered by a 303
 * to it).  Without PortailPayfipPage, the page is the service's origin +
 * /tpi/paiement.web, as at PayFiP (and the simulator). */
static const char *portail_set_payfip_url(cmd_parms *cmd, void *dc, const char *arg)
{
    portail_server_conf *sc = portail_sconf(cmd);
    const char *rest = !strncmp(arg, "https://", 8) ? arg + 8
                       : !strncmp(arg, "http://", 7) ? arg + 7 : NULL;
    const char *origin;
    if (!rest || !*rest || *rest == '/' || strpbrk(arg, " \"';")) {
        return apr_psprintf(cmd->pool, "%s: '%s' must be an http:// or https:// URL",
                            cmd->cmd->name, arg);
    }
    origin = apr_pstrndup(cmd->pool, arg, (rest - arg) + strcspn(rest, "/?#"));
    if (cmd->info) {
        sc->payfip_page = arg;
        sc->payfip_origin = origin;
    }
    else {
        sc->payfip_service = arg;
        sc->payfip_page_default = apr_pstrcat(cmd->pool, origin, "/tpi/paiement.web", NULL);
        if (!sc->payfip_page) {
            sc->payfip_origin = origin;
        }
    }
    return NULL;
}

static const char *portail_set_payfip_numcli(cmd_parms *cmd, void *dc, const char *arg)
{
    int i;
    for (i = 0; apr_isdigit(arg[i]); i++) {
    }
    if (i != 6 || arg[i]) {
        return apr_psprintf(cmd->pool, "PortailPayfipNumcli: '%s' must be 6 digits", arg);
    }
    portail_sconf(cmd)->payfip_numcli = arg;
    return NULL;
}

static const char *portail_set_payfip_saisie(cmd_parms *cmd, void *dc, const char *arg)
{
    if (strcmp(arg, "T") && strcmp(arg, "X") && strcmp(arg, "W")) {
        return apr_psprintf(cmd->pool, "PortailPayfipSaisie: '%s' must be T (test), "
                            "X (activation) or W (production)", arg);
    }
    portail_sconf(cmd)->payfip_saisie = arg;
    return NULL;
}

static const char *portail_set_payfip_timeout(cmd_parms *cmd, void *dc, const char *arg)
{
    return portail_parse_int(cmd, arg, 1, 120, "seconds", &portail_sconf(cmd)->payfip_timeout);
}

const command_rec portail_cmds[] = {
    AP_INIT_TAKE1("PortailTown", portail_set_town, NULL, RSRC_CONF,
                  "The name of the town, shown in every page and mail"),
    AP_INIT_TAKE1("PortailBaseURL", portail_set_base_url, NULL, RSRC_CONF,
                  "URL of the portal: the path of its <Location> (/portail), or the absolute "
                  "URL used in mails (https://www.ville.fr/portail)"),
    AP_INIT_TAKE1("PortailStaticURL", portail_set_static_url, NULL, RSRC_CONF,
                  "URL path where Apache serves the portal's htdocs (CSS, scripts, images)"),
    AP_INIT_TAKE1("PortailStylesheetDir", portail_set_stylesheet_dir, NULL, RSRC_CONF,
                  "Directory of the portal's XSLT stylesheets"),
    AP_INIT_TAKE1("PortailDataDir", portail_set_data_dir, NULL, RSRC_CONF,
                  "Directory for uploaded files, outside the web root"),
    AP_INIT_TAKE1("PortailColour", portail_set_colour, NULL, RSRC_CONF,
                  "The town's colour, #rrggbb"),
    AP_INIT_TAKE1("PortailLogo", portail_set_logo, NULL, RSRC_CONF,
                  "URL path of the town's logo"),
    AP_INIT_TAKE1("PortailMailFrom", portail_set_mail_from, NULL, RSRC_CONF,
                  "Sender of the portal's mails, e.g. \"Mairie <portail@ville.fr>\""),
    AP_INIT_TAKE1("PortailSessionIdle", portail_set_idle, NULL, RSRC_CONF,
                  "A session ends after this much inactivity (seconds, or 30min, 2h...)"),
    AP_INIT_TAKE1("PortailSessionLifetime", portail_set_lifetime, NULL, RSRC_CONF,
                  "A session ends this long after login, whatever the activity"),
    AP_INIT_TAKE1("PortailCookieSecure", portail_set_cookie_secure, NULL, RSRC_CONF,
                  "On, Off or Auto (Secure cookies when the request came over HTTPS)"),
    AP_INIT_TAKE1("PortailSMTPServer", portail_set_smtp_server, NULL, RSRC_CONF,
                  "SMTP server of portail-ctl mail: smtp://host:port or smtps://host:port"),
    AP_INIT_TAKE1("PortailSMTPSecurity", portail_set_smtp_security, NULL, RSRC_CONF,
                  "none, starttls or tls"),
    AP_INIT_TAKE1("PortailSMTPUser", portail_set_smtp_user, NULL, RSRC_CONF,
                  "SMTP user name, if the server wants one"),
    AP_INIT_TAKE1("PortailSMTPPasswordFile", portail_set_smtp_password_file, NULL, RSRC_CONF,
                  "File holding the SMTP password (readable by portail-ctl's user only)"),
    AP_INIT_TAKE1("PortailMaxFormSize", portail_set_max_form, NULL, OR_ALL,
                  "Largest accepted form body, in bytes"),
    AP_INIT_TAKE1("PortailMaxFormFields", portail_set_max_fields, NULL, OR_ALL,
                  "Largest accepted number of fields in a form"),
    AP_INIT_TAKE1("PortailMaxUploadSize", portail_set_max_upload, NULL, OR_ALL,
                  "Largest accepted file upload (a photo, a document), in bytes"),
    AP_INIT_FLAG("PortailFaultInjection", portail_set_fault_injection, NULL, RSRC_CONF,
                 "Tests only: let the X-Portail-Fault request header make database "
                 "statements fail (needs a build with --enable-fault-injection)"),
    AP_INIT_TAKE1("PortailPhotosPending", portail_set_photos_pending, NULL, RSRC_CONF,
                  "Photos a family may have waiting for validation at once (default 3; 0 "
                  "forbids photo changes)"),
    AP_INIT_TAKE1("PortailLegalNotice", portail_set_page_text, NULL, RSRC_CONF,
                  "Text of the page « Mentions légales », or a file holding it"),
    AP_INIT_TAKE1("PortailAccessibility", portail_set_page_text, (void *)1, RSRC_CONF,
                  "Text of the accessibility statement (RGAA), or a file holding it"),
    AP_INIT_TAKE1("PortailDocumentRetention", portail_set_document_retention, NULL, RSRC_CONF,
                  "Months a document is kept after its validity ended or it was refused "
                  "(portail-ctl purge; default 12)"),
    AP_INIT_TAKE1("PortailPayfipService", portail_set_payfip_url, NULL, RSRC_CONF,
                  "PayFiP's web service (creerPaiementSecurise…): http(s) URL"),
    AP_INIT_TAKE1("PortailPayfipPage", portail_set_payfip_url, (void *)1, RSRC_CONF,
                  "PayFiP's payment page, ?idop=… is added: http(s) URL"),
    AP_INIT_TAKE1("PortailPayfipNumcli", portail_set_payfip_numcli, NULL, RSRC_CONF,
                  "PayFiP client number of the régies without their own: 6 digits"),
    AP_INIT_TAKE1("PortailPayfipSaisie", portail_set_payfip_saisie, NULL, RSRC_CONF,
                  "PayFiP mode: T (test), X (activation) or W (production)"),
    AP_INIT_TAKE1("PortailPayfipTimeout", portail_set_payfip_timeout, NULL, RSRC_CONF,
                  "seconds PayFiP has to answer one call (default 20)"),
    { NULL }
};
