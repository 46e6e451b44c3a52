/* ctl.h — what the files of portail-ctl share. */
#ifndef PORTAIL_CTL_H
#define PORTAIL_CTL_H

#include <apr_pools.h>
#include "core/pt_db.h"
#include "domain/pt_fr.h"

typedef struct ctl {
    apr_pool_t *pool;
    const char *driver;            /* DBDriver */
    const char *params;            /* DBDParams */
    const char *sql_dir;
    const char *xslt_dir;          /* PortailStylesheetDir */
    const char *town;              /* PortailTown */
    const char *base_url;          /* PortailBaseURL */
    const char *mail_from;         /* PortailMailFrom */
    const char *smtp_server;       /* PortailSMTPServer: smtp://host:port or smtps:// */
    const char *smtp_security;     /* PortailSMTPSecurity: none, starttls, tls */
    const char *smtp_user;         /* PortailSMTPUser */
    const char *smtp_password_file;/* PortailSMTPPasswordFile */
    const char *now;               /* --now 'AAAA-MM-JJ HH:MM', Europe/Paris */
    const char *data_dir;          /* PortailDataDir, --data-dir (purge) */
    int dry_run;                   /* --dry-run (purge, invoice-run) */
    pt_db *db;
    const char *regie;             /* --regie CODE (invoice-run) */
    const char *mois;              /* --mois AAAA-MM (invoice-run) */
    const char *document_retention;/* PortailDocumentRetention, months (purge) */
    /* PortailPayfipService, PortailPayfipPage, PortailPayfipNumcli, PortailPayfipSaisie,
     * PortailPayfipTimeout (payfip-reconcile) — h15payfip */
    const char *payfip_service, *payfip_page, *payfip_numcli, *payfip_saisie, *payfip_timeout;
    /* purge's retention rules (h16rgpd), as typed; NULL: the default */
    const char *keep_unactivated;  /* --non-actives-jours N */
    const char *keep_inactive;     /* --inactifs-ans N */
    const char *keep_notice;       /* --preavis-jours N */
    const char *keep_audit;        /* --journal-ans N */
} ctl;

int ctl_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ctl_mail.c */
int ctl_mail(ctl *c);
int ctl_mail_test(ctl *c, const char *to);

/* ctl_import.c */
int ctl_import_families(ctl *c, const char *path);

/* ctl_digest.c */
int ctl_digest(ctl *c);
/* The wall clock of --now (Europe/Paris), or of the system: 0 when --now is malformed. */
int ctl_digest_now(ctl *c, pt_date *d, int *h, int *m);

/* ctl_billing.c */
int ctl_invoice_run(ctl *c);
int ctl_invoice_reminders(ctl *c);
/* The instant of --now, or the system's: 0 when --now is malformed. */
int ctl_billing_now(ctl *c, apr_time_t *now);

/* ctl_documents.c */
int ctl_document_reminders(ctl *c);

/* ctl_payfip.c — h15payfip */
int ctl_payfip_reconcile(ctl *c);

/* ctl_purge.c */
int ctl_purge(ctl *c);

/* ctl_rgpd.c (h16rgpd) */
int ctl_export_family(ctl *c, const char *family);

/* ctl_demo.c */
int ctl_demo_ville(ctl *c);
/* After demo rows with explicit ids: PostgreSQL's sequences continue after them
 * (sql/pgsql/demo-after.sql); nothing to do on SQLite.  PT_DB_OK or the error in *err. */
int ctl_demo_sequences(ctl *c, const char **err);

#endif
