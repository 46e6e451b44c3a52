/* portail-ctl — what is not a request: create and migrate the database, create agents,
 * load the demo, purge expired data, export a family's data.
 *
 * It speaks to the database with apr_dbd, with the same driver names and parameters as
 * Apache's DBDriver / DBDParams (given as options, or read from the Apache configuration
 * file that holds them), and the same prepared statements as the module.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <apr_general.h>
#include <apr_getopt.h>
#include <apr_strings.h>
#include <apr_file_io.h>
#include "core/pt_db.h"
#include "core/pt_migrate.h"
#include "core/pt_account.h"
#include "core/pt_token.h"
#include "core/pt_role.h"
#include "domain/pt_password.h"
#include "ctl/ctl.h"

static void ctl_usage(FILE *out)
{
    fprintf(out,
        "Usage : portail-ctl [options] COMMANDE [arguments]\n"
        "\n"
        "Options :\n"
        "  -d, --driver NOM      pilote apr_dbd, comme DBDriver (sqlite3, pgsql)\n"
        "  -p, --params TEXTE    paramètres, comme DBDParams\n"
        "  -c, --config FICHIER  lire DBDriver et DBDParams dans ce fichier de configuration\n"
        "                        d'Apache\n"
        "  -s, --sql-dir DOSSIER dossier des scripts SQL (défaut : %s/sql)\n"
        "  -x, --xslt-dir DOSSIER feuilles de style, comme PortailStylesheetDir\n"
        "      --smtp URL        serveur SMTP, comme PortailSMTPServer (smtp://hôte:port)\n"
        "      --smtp-security M none, starttls ou tls, comme PortailSMTPSecurity\n"
        "      --from ADRESSE    expéditeur, comme PortailMailFrom\n"
        "      --now 'AAAA-MM-JJ HH:MM'\n"
        "                        l'heure (Europe/Paris) à laquelle digest ou purge se croit\n"
        "                        lancé\n"
        "      --data-dir DOSSIER fichiers du portail, comme PortailDataDir (purge)\n"
        "      --dry-run         purge : dire ce qui serait supprimé, sans rien supprimer\n"
        "  -h, --help            cette aide\n"
        "\n"
        "Commandes :\n"
        "  init                  créer la base (schéma, secret du portail)\n"
        "  migrate               appliquer les migrations en attente\n"
        "  status                version du schéma\n"
        "  create-agent EMAIL    créer un compte agent ; mot de passe lu sur l'entrée standard\n"
        "  demo                  charger les données de démonstration et les comptes de démo\n"
        "  purge [--dry-run] [--now 'AAAA-MM-JJ HH:MM'] [--non-actives-jours 30]\n"
        "        [--inactifs-ans 3] [--preavis-jours 30] [--journal-ans 5]\n"
        "                        appliquer les durées de conservation : sessions, compteurs\n"
        "                        d'essais et liens expirés, comptes jamais activés, comptes\n"
        "                        inutilisés (prévenus par courriel, supprimés après le\n"
        "                        préavis), journal ancien, photos orphelines, envois\n"
        "                        interrompus (tmp/), documents expirés depuis\n"
        "                        PortailDocumentRetention mois ; chaque suppression est écrite\n"
        "                        (cron : chaque nuit)\n"
        "  mail                  envoyer les courriels en attente (cron : chaque minute)\n"
        "  mail-test EMAIL       mettre un courriel d'essai en attente pour EMAIL\n"
        "  import-families FICHIER.csv\n"
        "                        importer des familles (tout ou rien) ; les codes abonné\n"
        "                        créés sont écrits en CSV sur la sortie standard\n"
        "  digest                courriels de traitement des demandes (cron : 13:00 et 18:00,\n"
        "                        Europe/Paris) ; chaque fenêtre n'est envoyée qu'une fois,\n"
        "                        une fenêtre manquée est rattrapée\n"
        "  demo-ville            après demo : une ville vivante autour d'aujourd'hui\n"
        "                        (inscriptions, réservations, demandes à traiter)\n"
        "  invoice-run --regie CODE --mois AAAA-MM [--dry-run]\n"
        "                        facturer un mois terminé d'une régie (comme l'écran des\n"
        "                        agents) ; --dry-run n'affiche que l'aperçu\n"
        "  invoice-reminders     relancer les factures impayées à l'approche de leur\n"
        "                        échéance (cron : chaque jour) ; une fois par facture\n"
        "  document-reminders    prévenir les familles dont un document accepté expire dans\n"
        "                        les 30 jours (cron : chaque jour) ; une fois par document\n"
        "  payfip-reconcile      demander à PayFiP l'issue des paiements en ligne en cours\n"
        "                        depuis plus de 15 minutes et les enregistrer (cron :\n"
        "                        toutes les 5 minutes) ; sans réponse : expirés\n"
        "      --payfip URL      service web PayFiP, comme PortailPayfipService\n"
        "  export-family ID      « Mes données » de la famille ID : le ZIP écrit sur la\n"
        "                        sortie standard (… export-family 12 > famille-12.zip)\n",
        PORTAIL_DATADIR);
}

int ctl_fail(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "portail-ctl : ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    return 1;
}

/* The settings portail-ctl reads from an Apache configuration file: the first occurrence
 * of each directive; an option given on the command line wins. */
static void ctl_set_from_config(ctl *c, const char *name, const char *v)
{
    static const struct { const char *directive; size_t offset; } map[] = {
        { "DBDriver", offsetof(ctl, driver) },
        { "DBDParams", offsetof(ctl, params) },
        { "PortailStylesheetDir", offsetof(ctl, xslt_dir) },
        { "PortailTown", offsetof(ctl, town) },
        { "PortailBaseURL", offsetof(ctl, base_url) },
        { "PortailMailFrom", offsetof(ctl, mail_from) },
        { "PortailSMTPServer", offsetof(ctl, smtp_server) },
        { "PortailSMTPSecurity", offsetof(ctl, smtp_security) },
        { "PortailSMTPUser", offsetof(ctl, smtp_user) },
        { "PortailSMTPPasswordFile", offsetof(ctl, smtp_password_file) },
        { "PortailDataDir", offsetof(ctl, data_dir) },
        { "PortailDocumentRetention", offsetof(ctl, document_retention) },
        { "PortailPayfipService", offsetof(ctl, payfip_service) },
        { "PortailPayfipPage", offsetof(ctl, payfip_page) },
        { "PortailPayfipNumcli", offsetof(ctl, payfip_numcli) },
        { "PortailPayfipSaisie", offsetof(ctl, payfip_saisie) },
        { "PortailPayfipTimeout", offsetof(ctl, payfip_timeout) },
    };
    size_t i;
    for (i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
        const char **field = (const char **)((char *)c + map[i].offset);
        if (!strcasecmp(name, map[i].directive) && !*field) {
            *field = apr_pstrdup(c->pool, v);
        }
    }
}

static int ctl_read_config(ctl *c, const char *path)
{
    FILE *f = fopen(path, "r");
    char line[4096];
    if (!f) {
        return ctl_fail("impossible de lire %s", path);
    }
    while (fgets(line, sizeof(line), f)) {
        char *s = line, *v;
        while (*s == ' ' || *s == '\t') {
            s++;
        }
        v = s;
        while (*v && *v != ' ' && *v != '\t') {
            v++;
        }
        if (!*v) {
            continue;
        }
        *v++ = '\0';
        while (*v == ' ' || *v == '\t') {
            v++;
        }
        v[strcspn(v, "\r\n")] = '\0';
        if (*v == '"' && strlen(v) >= 2 && v[strlen(v) - 1] == '"') {
            v[strlen(v) - 1] = '\0';
            v++;
        }
        ctl_set_from_config(c, s, v);
    }
    fclose(f);
    return 0;
}

static int ctl_open(ctl *c)
{
    const char *err = NULL;
    if (!c->driver || !c->params) {
        return ctl_fail("%s", "indiquez la base : --driver et --params, ou --config");
    }
    if (pt_db_open(c->pool, c->driver, c->params, &c->db, &err) != PT_DB_OK) {
        return ctl_fail("%s", err ? err : c->db->error);
    }
#ifdef PT_FAULT_INJECTION
    /* Tests: PORTAIL_FAULT as the module's X-Portail-Fault (core/pt_db.h). */
    if (getenv("PORTAIL_FAULT") && pt_db_fault_set(c->db, getenv("PORTAIL_FAULT")) != PT_DB_OK) {
        return ctl_fail("PORTAIL_FAULT incompris : %s", getenv("PORTAIL_FAULT"));
    }
#endif
    return 0;
}

static int ctl_migrate(ctl *c)
{
    const char *err = NULL;
    int applied = 0, current = 0;
    if (pt_migrate_run(c->db, c->pool, c->sql_dir, &applied, &current, &err) != PT_DB_OK) {
        return ctl_fail("migration impossible : %s", err ? err : c->db->error);
    }
    printf("schéma en version %d (%d migration%s appliquée%s)\n", current, applied,
           applied > 1 ? "s" : "", applied > 1 ? "s" : "");
    return 0;
}

static int ctl_init(ctl *c)
{
    pt_rows *r = NULL;
    int rv;
    if (c->db->dialect == PT_DIALECT_SQLITE) {
        /* WAL is persistent: set once here, every later connection has it. */
        if (pt_db_pragma(c->db, c->pool, "PRAGMA journal_mode = WAL") != PT_DB_OK) {
            return ctl_fail("mode WAL impossible : %s", c->db->error);
        }
    }
    if ((rv = ctl_migrate(c)) != 0) {
        return rv;
    }
    if (pt_db_select(c->db, c->pool, "portail_settings_get", PT_ARGS("secret"), &r) != PT_DB_OK) {
        return ctl_fail("lecture des réglages : %s", c->db->error);
    }
    if (r->n == 0) {
        /* The secret signs CSRF tokens and one-shot messages; it lives in the database so
         * that every server of a cluster shares it. */
        const char *secret = pt_token_new(c->pool);
        if (!secret || pt_db_exec(c->db, c->pool, "portail_settings_put",
                                  PT_ARGS("secret", secret), NULL) != PT_DB_OK) {
            return ctl_fail("secret du portail : %s", c->db->error);
        }
    }
    printf("base prête\n");
    return 0;
}

static int ctl_status(ctl *c)
{
    pt_rows *r = NULL;
    if (pt_db_select(c->db, c->pool, "portail_schema_versions", PT_NOARGS, &r) != PT_DB_OK) {
        return ctl_fail("base non initialisée (%s) : lancez portail-ctl init", c->db->error);
    }
    printf("schéma en version %s\n", r->n ? r->values[r->n - 1][0] : "0");
    return 0;
}

static const char *ctl_read_password(apr_pool_t *p)
{
    char buf[512];
    if (!fgets(buf, sizeof(buf), stdin)) {
        return NULL;
    }
    buf[strcspn(buf, "\r\n")] = '\0';
    return apr_pstrdup(p, buf);
}

static int ctl_create_account(ctl *c, const char *email, const char *password,
                              const char *prenom, const char *nom, pt_role role,
                              apr_int64_t *id)
{
    const char *why = pt_password_check(password);
    int rv;
    if (!pt_account_normalize_email(c->pool, email)) {
        return ctl_fail("adresse e-mail invalide : %s", email);
    }
    if (why) {
        return ctl_fail("%s", why);
    }
    rv = pt_account_create(c->db, c->pool, email, pt_account_hash_password(c->pool, password),
                           prenom, nom, role, "actif", apr_time_now(), id);
    if (rv == PT_DB_CONFLICT) {
        return ctl_fail("un compte existe déjà pour %s", email);
    }
    if (rv != PT_DB_OK) {
        return ctl_fail("création du compte : %s", c->db->error);
    }
    return 0;
}

static int ctl_create_agent(ctl *c, const char *email)
{
    const char *password = ctl_read_password(c->pool);
    apr_int64_t id = 0;
    pt_rows *r = NULL;
    int rv;
    if (!password) {
        return ctl_fail("%s", "mot de passe attendu sur l'entrée standard");
    }
    /* The account and its roles together, or nothing. */
    if (pt_db_begin(c->db, c->pool) != PT_DB_OK) {
        return ctl_fail("base indisponible : %s", c->db->error);
    }
    rv = ctl_create_account(c, email, password, "Agent", "", PT_ROLE_AGENT, &id);
    if (rv != 0) {
        pt_db_rollback(c->db);
        return rv;
    }
    /* The first agent is the portal's first administrator: it gives the others their
     * roles in /portail/admin/agents.  Later ones start with none. */
    if (pt_db_select(c->db, c->pool, "portail_role_administrators", PT_NOARGS, &r) != PT_DB_OK
        || (pt_rows_int(r, 0, "n", 0) == 0
            && pt_role_store(c->db, c->pool, id, PT_ROLE_ADMINISTRATION) != PT_DB_OK)
        || pt_db_commit(c->db) != PT_DB_OK) {
        pt_db_rollback(c->db);
        return ctl_fail("rôles de l'agent : %s", c->db->error);
    }
    printf("compte agent %s créé%s\n", email, pt_rows_int(r, 0, "n", 0) == 0
           ? " avec le rôle administration (premier administrateur)"
           : " sans rôle : un administrateur les attribue dans /portail/admin/agents");
    return 0;
}

static int ctl_demo(ctl *c)
{
    const char *err = NULL;
    apr_int64_t parent = 0, agent = 0;
    pt_rows *r = NULL;
    int rv;

    if (pt_migrate_load(c->db, c->pool, apr_pstrcat(c->pool, c->sql_dir, "/demo.sql", NULL),
                        &err) != PT_DB_OK) {
        return ctl_fail("données de démonstration : %s", err);
    }
    if (ctl_demo_sequences(c, &err) != PT_DB_OK) {
        return ctl_fail("données de démonstration : %s", err);
    }
    if ((rv = ctl_create_account(c, "agent@demo.portail.fr", "Agent-demo-2026", "Agnès",
                                 "Démo", PT_ROLE_AGENT, &agent)) != 0
        || (rv = ctl_create_account(c, "parent@demo.portail.fr", "Parent-demo-2026", "Marie",
                                    "MARTIN", PT_ROLE_PARENT, &parent)) != 0) {
        return rv;
    }
    /* The demo agent does everything: every role. */
    if (pt_role_store(c->db, c->pool, agent, PT_ROLE_ACCUEIL | PT_ROLE_RESTAURATION
                                              | PT_ROLE_FACTURATION | PT_ROLE_ADMINISTRATION)
        != PT_DB_OK) {
        return ctl_fail("rôles de l'agent de démo : %s", c->db->error);
    }
    if (pt_db_select(c->db, c->pool, "portail_famille_by_code", PT_ARGS("K7QM-4XPT-9HWA"),
                     &r) != PT_DB_OK || r->n != 1
        || pt_db_exec(c->db, c->pool, "portail_account_subscribe",
                      PT_ARGS(pt_db_int(c->pool, parent), r->values[0][0],
                              pt_db_int(c->pool, apr_time_sec(apr_time_now()))), NULL)
           != PT_DB_OK) {
        return ctl_fail("abonnement du parent de démo : %s", c->db->error);
    }
    printf("démo chargée : agent@demo.portail.fr / Agent-demo-2026, "
           "parent@demo.portail.fr / Parent-demo-2026\n");
    return 0;
}

/* The commands: the one table main() dispatches on (the usage text above lists them). */
static const struct {
    const char *name;
    int (*run)(ctl *c);
    int (*run_arg)(ctl *c, const char *arg);
    const char *arg;               /* what run_arg expects, for the error message */
} ctl_commands[] = {
    { "init", ctl_init, NULL, NULL },
    { "migrate", ctl_migrate, NULL, NULL },
    { "status", ctl_status, NULL, NULL },
    { "create-agent", NULL, ctl_create_agent, "une adresse e-mail" },
    { "demo", ctl_demo, NULL, NULL },
    { "purge", ctl_purge, NULL, NULL },
    { "mail", ctl_mail, NULL, NULL },
    { "mail-test", NULL, ctl_mail_test, "une adresse e-mail" },
    { "import-families", NULL, ctl_import_families, "un fichier CSV" },
    { "digest", ctl_digest, NULL, NULL },
    { "demo-ville", ctl_demo_ville, NULL, NULL },
    { "invoice-run", ctl_invoice_run, NULL, NULL },
    { "invoice-reminders", ctl_invoice_reminders, NULL, NULL },
    { "document-reminders", ctl_document_reminders, NULL, NULL },
    { "payfip-reconcile", ctl_payfip_reconcile, NULL, NULL },
    { "export-family", NULL, ctl_export_family, "un numéro de famille" },
    { NULL, NULL, NULL, NULL }
};

int main(int argc, const char *const *argv)
{
    static const apr_getopt_option_t opts[] = {
        { "driver", 'd', 1, "pilote" },
        { "params", 'p', 1, "paramètres" },
        { "config", 'c', 1, "fichier" },
        { "sql-dir", 's', 1, "dossier" },
        { "xslt-dir", 'x', 1, "dossier" },
        { "smtp", 256, 1, "url" },
        { "smtp-security", 257, 1, "mode" },
        { "from", 258, 1, "adresse" },
        { "now", 259, 1, "date et heure" },
        { "data-dir", 260, 1, "dossier" },
        { "dry-run", 261, 0, "simulation" },
        { "regie", 262, 1, "code" },
        { "mois", 263, 1, "AAAA-MM" },
        { "payfip", 268, 1, "url" },
        { "non-actives-jours", 264, 1, "jours" },
        { "inactifs-ans", 265, 1, "années" },
        { "preavis-jours", 266, 1, "jours" },
        { "journal-ans", 267, 1, "années" },
        { "help", 'h', 0, "aide" },
        { NULL, 0, 0, NULL }
    };
    apr_getopt_t *g;
    ctl c;
    const char *arg, *cmd, *config = NULL;
    int opt, rv, k, pass, first = 0, cmd_index = 0;
    apr_status_t st;

    apr_app_initialize(&argc, &argv, NULL);
    atexit(apr_terminate);
    memset(&c, 0, sizeof(c));
    apr_pool_create(&c.pool, NULL);
    c.sql_dir = PORTAIL_DATADIR "/sql";

    /* Options before the command, then after it (invoice-run --regie CODE …). */
    for (pass = 0; pass < 2; pass++) {
        apr_getopt_init(&g, c.pool, argc - first, argv + first);
        while ((st = apr_getopt_long(g, opts, &opt, &arg)) == APR_SUCCESS) {
            switch (opt) {
            case 'd': c.driver = arg; break;
            case 'p': c.params = arg; break;
            case 'c': config = arg; break;
            case 's': c.sql_dir = arg; break;
            case 'x': c.xslt_dir = arg; break;
            case 256: c.smtp_server = arg; break;
            case 257: c.smtp_security = arg; break;
            case 258: c.mail_from = arg; break;
            case 259: c.now = arg; break;
            case 260: c.data_dir = arg; break;
            case 261: c.dry_run = 1; break;
            case 262: c.regie = arg; break;
            case 263: c.mois = arg; break;
            case 268: c.payfip_service = arg; break;
            case 264: c.keep_unactivated = arg; break;
            case 265: c.keep_inactive = arg; break;
            case 266: c.keep_notice = arg; break;
            case 267: c.keep_audit = arg; break;
            case 'h': ctl_usage(stdout); return 0;
            }
        }
        if (st != APR_EOF || first + g->ind >= argc) {
            if (pass == 0 || st != APR_EOF) {
                ctl_usage(stderr);
                return 2;
            }
        }
        first += g->ind;       /* pass 0: the command; pass 1: its argument */
        cmd_index = pass ? cmd_index : first;
    }
    if (config && (rv = ctl_read_config(&c, config)) != 0) {
        return rv;
    }
    cmd = argv[cmd_index];
    for (k = 0; ctl_commands[k].name && strcmp(ctl_commands[k].name, cmd); k++) {
    }
    if (!ctl_commands[k].name) {
        fprintf(stderr, "portail-ctl : commande inconnue « %s »\n", cmd);
        ctl_usage(stderr);
        return 2;
    }
    if (ctl_commands[k].run_arg && first >= argc) {
        return ctl_fail("%s attend %s", cmd, ctl_commands[k].arg);
    }
    if (!c.xslt_dir) {
        c.xslt_dir = PORTAIL_DATADIR "/xslt";
    }
    if ((rv = ctl_open(&c)) != 0) {
        return rv;
    }
    rv = ctl_commands[k].run_arg ? ctl_commands[k].run_arg(&c, argv[first])
                                 : ctl_commands[k].run(&c);
    pt_db_close(c.db);
    return rv;
}
