/* journal.c — /portail/admin/journal: the audit trail, newest first, filtered by the kind
 * of object (famille, responsable, enfant, compte, demande).
 *
 * The trail stores codes (« modification revenu_reference », « ajout periode ») and the
 * values as they were; an agent reads them in French: the action and the field's label,
 * the object by its name, each value as the family file shows it (pt_dossier_display),
 * days and weekdays by pt_fr.  Health and bank values are not in the trail (pt_audit):
 * « valeur non conservée », or the IBAN masked.  The stored codes stay in the XML for integrators. */
#include <string.h>
#include <apr_strings.h>
#include <apr_lib.h>
#include "admin/admin.h"
#include "core/pt_dossier.h"
#include "core/pt_form.h"
#include "domain/pt_fr.h"

static const char *const portail_journal_actions[] = {
    "creation", "Création",
    "modification", "Modification",
    "import", "Import (portail-ctl)",
    "ajout periode", "Ajout d'une période",
    "ajout fermeture", "Ajout d'une fermeture",
    "suppression fermeture", "Suppression d'une fermeture",
    "pointage", "Pointage",
    "place attribuee", "Place attribuée (liste d'attente)",
    "acceptation reservation", "Demande de réservation acceptée",
    "acceptation preinscription", "Pré-inscription acceptée",
    "refus", "Demande refusée",
    "detachement", "Compte détaché de la famille",
    "renvoi-confirmation", "Nouveau lien de confirmation envoyé",
    "blocage", "Compte bloqué",
    "deblocage", "Compte débloqué",
    "ajout responsable", "Ajout d'un responsable (demande acceptée)",
    "ajout enfant", "Ajout d'un enfant (demande acceptée)",
    "publication", "Publication",
    "depublication", "Retrait de la publication",
    "payfip_payee", "Paiement en ligne reçu (PayFiP)",
    "payfip_refusee", "Paiement en ligne refusé (PayFiP)",
    "payfip_abandonnee", "Paiement en ligne abandonné (PayFiP)",
    "payfip_expiree", "Paiement en ligne expiré (PayFiP)",
    "roles", "Rôles de l'agent modifiés",
    NULL
};

static const char *const portail_journal_objects[] = {
    "activite", "Activité", "famille", "Famille", "enfant", "Enfant",
    "responsable", "Responsable", "compte", "Compte", "demande", "Demande",
    "fermeture", "Fermeture", "actualite", "Actualité", NULL
};

static const char *const portail_journal_states[] = {
    "actif", "actif", "bloque", "bloqué", "en_attente", "en attente d'activation", NULL
};

static const char *portail_journal_lookup(const char *const *table, const char *code)
{
    for (; code && *table; table += 2) {
        if (!strcmp(*table, code)) {
            return table[1];
        }
    }
    return NULL;
}

/* A stored free value: its ISO days « 03/12/2026 » and its weekday masks (« 1111100 »)
 * written out by pt_fr. */
static const char *portail_journal_text(apr_pool_t *p, const char *v)
{
    const char *out = "", *s = v;
    char text[PT_FR_BUF], num[PT_FR_BUF], word[11];
    if (!v) {
        return NULL;
    }
    while (*s) {
        size_t n = strcspn(s, " "), k;
        int mask = n == 7;
        for (k = 0; mask && k < 7; k++) {
            mask = s[k] == '0' || s[k] == '1';
        }
        if (n == 10) {
            memcpy(word, s, 10);
            word[10] = '\0';
        }
        if (n == 10 && pt_fr_iso_date(word, text, num)) {
            out = apr_pstrcat(p, out, num, NULL);
        }
        else if (mask) {
            out = apr_pstrcat(p, out, pt_fr_weekdays(p, apr_pstrmemdup(p, s, 7)), NULL);
        }
        else {
            out = apr_pstrcat(p, out, apr_pstrmemdup(p, s, n), NULL);
        }
        s += n;
        if (*s) {
            out = apr_pstrcat(p, out, " ", NULL);
            s++;
        }
    }
    return out;
}

/* One entry in French: action_fr, objet_fr, avant_fr, apres_fr beside the stored codes. */
static void portail_journal_entry(pt_req *rq, pt_node *e, pt_rows *r, int i)
{
    const char *action = pt_rows_get(r, i, "action"), *type = pt_rows_get(r, i, "object_type");
    const char *id = pt_rows_get(r, i, "object_id"), *name = pt_rows_get(r, i, "object_name");
    const char *before = pt_rows_get(r, i, "before_value");
    const char *after = pt_rows_get(r, i, "after_value");
    const char *label = portail_journal_lookup(portail_journal_actions, action);
    const char *noun = portail_journal_lookup(portail_journal_objects, type);
    const char *space = action ? strchr(action, ' ') : NULL;
    const pt_dossier_field *f = NULL;

    /* « modification <column> » (an agent's change) or « validation <column> » (a
     * family's change accepted): the field's label, its values as the file shows them. */
    if (space && (!strncmp(action, "modification ", 13) || !strncmp(action, "validation ", 11))
        && (f = pt_dossier_field_find(type, space + 1)) != NULL) {
        label = apr_pstrcat(rq->pool, !strncmp(action, "validation", 10)
                                      ? "Demande acceptée : " : "Modification : ",
                            f->label, NULL);
        if (pt_dossier_section_class(f->object, f->section) != PT_DATA_COMMUNE) {
            /* Health and bank values are not kept (core/pt_audit.c): the IBAN masked. */
            before = before ? before : "valeur non conservée";
            after = after ? after : "valeur non conservée";
        }
        else {
            before = pt_dossier_display(rq->pool, f, before, 0);
            after = pt_dossier_display(rq->pool, f, after, 0);
        }
    }
    else if (action && (!strcmp(action, "blocage") || !strcmp(action, "deblocage"))) {
        const char *b = portail_journal_lookup(portail_journal_states, before);
        const char *a = portail_journal_lookup(portail_journal_states, after);
        before = b ? b : before;
        after = a ? a : after;
    }
    else {
        before = portail_journal_text(rq->pool, before);
        after = portail_journal_text(rq->pool, after);
    }
    if (!label) {
        /* A code this table does not know yet: readable rather than raw. */
        label = apr_pstrdup(rq->pool, action ? action : "");
        for (char *c = (char *)label; *c; c++) {
            if (*c == '_' || *c == '-') {
                *c = ' ';
            }
        }
    }
    pt_xml_attr(e, "action_fr", label);
    if (type && !strcmp(type, "activite") && id && !strcmp(id, "0")) {
        pt_xml_attr(e, "objet_fr", "Toutes les activités");
    }
    else if (name && *name) {
        pt_xml_attr(e, "objet_fr", apr_pstrcat(rq->pool, noun ? noun : type, " « ", name, " »",
                                               NULL));
    }
    else {
        pt_xml_attr(e, "objet_fr", apr_pstrcat(rq->pool, noun ? noun : type, " n° ", id, NULL));
    }
    pt_xml_attr(e, "avant_fr", before);
    pt_xml_attr(e, "apres_fr", after);
}

int portail_admin_journal_get(pt_req *rq)
{
    pt_node *screen = pt_req_screen(rq, "admin-journal");
    const char *objet = pt_form_get(rq->query, "objet");
    pt_rows *r = NULL;
    int page, i;
    if (!pt_req_query_int(rq, "page", 1, 1, 100000, &page)) {
        return pt_req_error(rq, 400, "Ce numéro de page n'existe pas.");
    }
    pt_xml_attr(screen, "objet", objet);
    if (pt_db_select(rq->db, rq->pool, "portail_admin_journal",
                     PT_ARGS(objet, objet, pt_db_int(rq->pool, PORTAIL_ADMIN_PAGE_SIZE + 1),
                             portail_admin_offset(rq, page)), &r) != PT_DB_OK) {
        return pt_req_error(rq, 503, NULL);
    }
    portail_admin_list_more(rq, screen, page, r, (const char *const[]){ "objet", objet, NULL });
    for (i = 0; i < r->n; i++) {
        portail_journal_entry(rq, pt_xml_row(screen, "entree", r, i, NULL), r, i);
    }
    return 200;
}
