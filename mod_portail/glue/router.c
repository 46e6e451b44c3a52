/* router.c — the one table of the portal's URLs, and the dispatch of a request to its
 * screen: unknown path -> 404, known path with another method -> 405 with Allow, route
 * for a role the user does not have -> login (anonymous) or 403. */
#include <string.h>
#include <apr_strings.h>
#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "http_protocol.h"
#include "glue/glue.h"
#include "glue/respond.h"
#include "core/pt_route.h"
#include "core/pt_role.h"
#include "screens/screens.h"
#include "admin/admin.h"

APLOG_USE_MODULE(portail);

/* method, pattern (below the base), screen, role required, stylesheet.
 * The role is one word: PT_ROLE_ANY, PT_ROLE_USER, PT_ROLE_PARENT, PT_ROLE_AGENT (any
 * agent), or the agent role it needs — PT_ROLE_ACCUEIL, PT_ROLE_RESTAURATION,
 * PT_ROLE_FACTURATION, PT_ROLE_ADMINISTRATION, or a named set of them (PT_ROLE_ENFANTS,
 * PT_ROLE_DOSSIERS: core/pt_req.h).  The matrix: docs/architecture.md. */
static const portail_route portail_routes[] = {
    { "GET",  "/",            portail_home_get,        PT_ROLE_ANY,    "home" },
    { "GET",  "/theme.css",   portail_theme_get,       PT_ROLE_ANY,    NULL },
    { "GET",  "/connexion",   portail_connexion_get,   PT_ROLE_ANY,    "connexion" },
    { "POST", "/connexion",   portail_connexion_post,  PT_ROLE_ANY,    "connexion" },
    { "POST", "/deconnexion", portail_deconnexion_post, PT_ROLE_ANY,   "home" },
    { "GET",  "/inscription", portail_inscription_get, PT_ROLE_ANY,    "inscription" },
    { "POST", "/inscription", portail_inscription_post, PT_ROLE_ANY,   "inscription" },
    { "GET",  "/mot-de-passe-oublie", portail_motdepasse_get, PT_ROLE_ANY, "motdepasse" },
    { "POST", "/mot-de-passe-oublie", portail_motdepasse_post, PT_ROLE_ANY, "motdepasse" },
    { "GET",  "/reinitialisation/{jeton}", portail_reinitialisation_get, PT_ROLE_ANY,
      "reinitialisation" },
    { "POST", "/reinitialisation/{jeton}", portail_reinitialisation_post, PT_ROLE_ANY,
      "reinitialisation" },
    { "GET",  "/activation/{jeton}", portail_activation_get, PT_ROLE_ANY, "activation" },
    { "POST", "/activation/{jeton}", portail_activation_post, PT_ROLE_ANY, "activation" },
    { "GET",  "/espace",      portail_espace_get,      PT_ROLE_USER,   "espace" },
    { "GET",  "/espace/compte", portail_compte_get, PT_ROLE_USER, "compte" },
    { "POST", "/espace/compte/mot-de-passe", portail_compte_password_post, PT_ROLE_USER,
      "compte" },
    { "POST", "/espace/compte/email", portail_compte_email_post, PT_ROLE_USER, "compte" },
    { "GET",  "/confirmation-email/{jeton}", portail_confirmation_email_get, PT_ROLE_ANY,
      "confirmation-email" },
    { "POST", "/confirmation-email/{jeton}", portail_confirmation_email_post, PT_ROLE_ANY,
      "confirmation-email" },
    { "GET",  "/espace/abonnements", portail_abonnements_get, PT_ROLE_PARENT, "abonnements" },
    { "POST", "/espace/abonnements", portail_abonnements_post, PT_ROLE_PARENT, "abonnements" },
    { "POST", "/espace/abonnements/{famille}/desabonner", portail_abonnements_desabonner_post,
      PT_ROLE_PARENT, "abonnements" },
    { "GET",  "/famille/",    portail_famille_get,     PT_ROLE_PARENT, "famille" },
    { "GET",  "/famille/dossier", portail_dossier_get, PT_ROLE_PARENT, "dossier" },
    { "GET",  "/famille/dossier/ajout/{objet}", portail_dossier_ajout_get, PT_ROLE_PARENT,
      "dossier-section" },
    { "POST", "/famille/dossier/ajout/{objet}", portail_dossier_ajout_post, PT_ROLE_PARENT,
      "dossier-section" },
    { "GET",  "/famille/dossier/{objet}/{id}/{section}", portail_dossier_section_get,
      PT_ROLE_PARENT, "dossier-section" },
    { "POST", "/famille/dossier/{objet}/{id}/{section}", portail_dossier_section_post,
      PT_ROLE_PARENT, "dossier-section" },
    { "GET",  "/famille/photos/{fichier}", portail_photo_get, PT_ROLE_PARENT, NULL },
    { "GET",  "/famille/demandes", portail_demandes_get, PT_ROLE_PARENT, "demandes" },
    { "GET",  "/famille/preinscriptions", portail_preinscriptions_get, PT_ROLE_PARENT,
      "preinscriptions" },
    { "GET",  "/famille/preinscriptions/nouvelle", portail_preinscription_nouvelle_get,
      PT_ROLE_PARENT, "preinscription-nouvelle" },
    { "POST", "/famille/preinscriptions/nouvelle", portail_preinscription_nouvelle_post,
      PT_ROLE_PARENT, "preinscription-nouvelle" },
    { "GET",  "/famille/planning", portail_planning_get, PT_ROLE_PARENT, "planning" },
    { "GET",  "/famille/planning/liste", portail_planning_liste_get, PT_ROLE_PARENT,
      "planning-liste" },
    { "POST", "/famille/planning/agenda", portail_agenda_post, PT_ROLE_PARENT, "planning" },
    { "GET",  "/famille/planning/creneau", portail_creneau_get, PT_ROLE_PARENT, "creneau" },
    { "GET",  "/famille/reservations", portail_reservations_get, PT_ROLE_PARENT, "reservations" },
    { "POST", "/famille/reservations", portail_reservations_post, PT_ROLE_PARENT, "reservations" },
    { "GET",  "/agenda/{jeton}", portail_agenda_get, PT_ROLE_ANY, NULL },
    { "GET",  "/famille/demandes/{demande}", portail_demande_get, PT_ROLE_PARENT, "demande" },
    { "POST", "/famille/demandes/{demande}/annuler", portail_demande_annuler_post,
      PT_ROLE_PARENT, "demande" },
    { "GET",  "/admin/",      portail_admin_get,       PT_ROLE_AGENT,  "admin" },
    { "GET",  "/admin/familles", portail_admin_familles_get, PT_ROLE_AGENT, "admin-familles" },
    { "GET",  "/admin/familles/nouvelle", portail_admin_familles_nouvelle_get, PT_ROLE_ACCUEIL,
      "admin-familles-nouvelle" },
    { "POST", "/admin/familles/nouvelle", portail_admin_familles_nouvelle_post, PT_ROLE_ACCUEIL,
      "admin-familles-nouvelle" },
    { "GET",  "/admin/familles/{famille}", portail_admin_famille_get, PT_ROLE_AGENT,
      "admin-famille" },
    { "GET",  "/admin/familles/{famille}/courrier", portail_admin_courrier_get, PT_ROLE_ACCUEIL,
      "admin-courrier" },
    { "POST", "/admin/familles/{famille}/comptes/{compte}/detacher",
      portail_admin_famille_detacher_post, PT_ROLE_ACCUEIL, "admin-famille" },
    { "GET",  "/admin/comptes", portail_admin_comptes_get, PT_ROLE_ACCUEIL, "admin-comptes" },
    { "POST", "/admin/comptes/{compte}/renvoyer", portail_admin_compte_renvoyer_post,
      PT_ROLE_ACCUEIL, "admin-comptes" },
    { "POST", "/admin/comptes/{compte}/bloquer", portail_admin_compte_bloquer_post,
      PT_ROLE_ACCUEIL, "admin-comptes" },
    { "POST", "/admin/comptes/{compte}/debloquer", portail_admin_compte_debloquer_post,
      PT_ROLE_ACCUEIL, "admin-comptes" },
    { "GET",  "/admin/dossier/{objet}/{id}/{section}", portail_dossier_section_get,
      PT_ROLE_AGENT, "dossier-section" },
    { "POST", "/admin/dossier/{objet}/{id}/{section}", portail_dossier_section_post,
      PT_ROLE_AGENT, "dossier-section" },
    { "GET",  "/admin/dossiers", portail_admin_dossiers_get, PT_ROLE_DOSSIERS, "admin-dossiers" },
    { "POST", "/admin/dossiers/accepter", portail_admin_dossiers_accepter_post, PT_ROLE_DOSSIERS,
      "admin-dossiers" },
    { "POST", "/admin/dossiers/{demande}/accepter", portail_admin_dossier_accepter_post,
      PT_ROLE_DOSSIERS, "admin-dossiers" },
    { "POST", "/admin/dossiers/{demande}/refuser", portail_admin_dossier_refuser_post,
      PT_ROLE_DOSSIERS, "admin-dossiers" },
    { "GET",  "/admin/journal", portail_admin_journal_get, PT_ROLE_ADMINISTRATION, "admin-journal" },
    { "GET",  "/admin/photos/{fichier}", portail_photo_get, PT_ROLE_AGENT, NULL },
    { "GET",  "/admin/activites", portail_admin_activites_get, PT_ROLE_AGENT,
      "admin-activites" },
    { "GET",  "/admin/activites/nouvelle", portail_admin_activites_nouvelle_get, PT_ROLE_ADMINISTRATION,
      "admin-activite" },
    { "POST", "/admin/activites/nouvelle", portail_admin_activites_nouvelle_post, PT_ROLE_ADMINISTRATION,
      "admin-activite" },
    { "GET",  "/admin/activites/{activite}", portail_admin_activite_get, PT_ROLE_AGENT,
      "admin-activite" },
    { "POST", "/admin/activites/{activite}", portail_admin_activite_post, PT_ROLE_ADMINISTRATION,
      "admin-activite" },
    { "POST", "/admin/activites/{activite}/periodes", portail_admin_periode_post, PT_ROLE_ADMINISTRATION,
      "admin-activite" },
    { "GET",  "/admin/preinscriptions", portail_admin_preinscriptions_get, PT_ROLE_ACCUEIL,
      "admin-preinscriptions" },
    { "POST", "/admin/preinscriptions/accepter", portail_admin_preinscriptions_accepter_post,
      PT_ROLE_ACCUEIL, "admin-preinscriptions" },
    { "POST", "/admin/preinscriptions/{demande}/accepter",
      portail_admin_preinscription_accepter_post, PT_ROLE_ACCUEIL, "admin-preinscriptions" },
    { "POST", "/admin/preinscriptions/{demande}/refuser",
      portail_admin_preinscription_refuser_post, PT_ROLE_ACCUEIL, "admin-preinscriptions" },
    { "GET",  "/admin/reservations", portail_admin_reservations_get, PT_ROLE_ACCUEIL,
      "admin-reservations" },
    { "POST", "/admin/reservations/accepter", portail_admin_reservations_accepter_post,
      PT_ROLE_ACCUEIL, "admin-reservations" },
    { "POST", "/admin/reservations/{demande}/accepter", portail_admin_reservation_accepter_post,
      PT_ROLE_ACCUEIL, "admin-reservations" },
    { "POST", "/admin/reservations/{demande}/refuser", portail_admin_reservation_refuser_post,
      PT_ROLE_ACCUEIL, "admin-reservations" },
    { "GET",  "/admin/activites/{activite}/jour", portail_admin_jour_get, PT_ROLE_ENFANTS,
      "admin-jour" },
    { "POST", "/admin/activites/{activite}/jour", portail_admin_jour_post, PT_ROLE_ENFANTS,
      "admin-jour" },
    { "POST", "/admin/activites/{activite}/jour/promouvoir", portail_admin_jour_promouvoir_post,
      PT_ROLE_ENFANTS, "admin-jour" },
    { "GET",  "/admin/activites/{activite}/export", portail_admin_export_get, PT_ROLE_ENFANTS,
      NULL },
    { "GET",  "/admin/fermetures", portail_admin_fermetures_get, PT_ROLE_ADMINISTRATION,
      "admin-fermetures" },
    { "POST", "/admin/fermetures", portail_admin_fermetures_post, PT_ROLE_ADMINISTRATION,
      "admin-fermetures" },
    { "POST", "/admin/fermetures/import", portail_admin_fermetures_import_post, PT_ROLE_ADMINISTRATION,
      "admin-fermetures" },
    { "POST", "/admin/fermetures/{fermeture}/supprimer", portail_admin_fermeture_supprimer_post,
      PT_ROLE_ADMINISTRATION, "admin-fermetures" },
    { "GET",  "/mentions-legales", portail_mentions_legales_get, PT_ROLE_ANY,
      "mentions-legales" },
    { "GET",  "/accessibilite", portail_accessibilite_get, PT_ROLE_ANY, "accessibilite" },
    /* billing — h14billing */
    { "GET",  "/famille/factures", portail_factures_get, PT_ROLE_PARENT, "factures" },
    { "GET",  "/famille/factures/{facture}", portail_facture_get, PT_ROLE_PARENT, "facture" },
    { "GET",  "/admin/facturation", portail_admin_facturation_get, PT_ROLE_FACTURATION,
      "admin-facturation" },
    { "GET",  "/admin/facturation/apercu", portail_admin_facturation_apercu_get, PT_ROLE_FACTURATION,
      "admin-facturation-apercu" },
    { "POST", "/admin/facturation/emettre", portail_admin_facturation_emettre_post,
      PT_ROLE_FACTURATION, "admin-facturation-apercu" },
    { "GET",  "/admin/facturation/export", portail_admin_facturation_export_get, PT_ROLE_FACTURATION,
      NULL },
    { "GET",  "/admin/factures/{facture}", portail_admin_facture_get, PT_ROLE_FACTURATION,
      "admin-facture" },
    { "POST", "/admin/factures/{facture}/avoir", portail_admin_facture_avoir_post, PT_ROLE_FACTURATION,
      "admin-facture" },
    { "GET",  "/admin/familles/{famille}/reglement", portail_admin_reglement_get, PT_ROLE_FACTURATION,
      "admin-reglement" },
    { "POST", "/admin/familles/{famille}/reglement", portail_admin_reglement_post, PT_ROLE_FACTURATION,
      "admin-reglement" },
    { "GET",  "/famille/factures/{facture}/pdf", portail_facture_pdf_get, PT_ROLE_PARENT, NULL },
    { "GET",  "/admin/factures/{facture}/pdf", portail_admin_facture_pdf_get, PT_ROLE_FACTURATION, NULL },
    { "GET",  "/famille/tarifs", portail_tarifs_get, PT_ROLE_PARENT, "tarifs" },
    { "GET",  "/admin/tarifs", portail_admin_tarifs_get, PT_ROLE_FACTURATION, "admin-tarifs" },
    { "POST", "/admin/tarifs", portail_admin_tarifs_post, PT_ROLE_FACTURATION, "admin-tarifs" },
    { "POST", "/admin/tarifs/regies", portail_admin_tarifs_regie_post, PT_ROLE_FACTURATION,
      "admin-tarifs" },
    { "POST", "/admin/facturation/cloturer", portail_admin_facturation_cloturer_post,
      PT_ROLE_FACTURATION, "admin-facturation" },
    { "POST", "/admin/tarifs/activite", portail_admin_tarifs_activite_post, PT_ROLE_FACTURATION,
      "admin-tarifs" },
    { "POST", "/admin/activites/{activite}/jour/certificat", portail_admin_jour_certificat_post,
      PT_ROLE_ENFANTS, "admin-jour" },
    /* documents — h16docs */
    { "GET",  "/famille/documents", portail_documents_get, PT_ROLE_PARENT, "documents" },
    { "POST", "/famille/documents", portail_documents_post, PT_ROLE_PARENT, "documents" },
    { "GET",  "/famille/documents/{document}", portail_document_get, PT_ROLE_PARENT, NULL },
    { "GET",  "/admin/documents", portail_admin_documents_get, PT_ROLE_ACCUEIL, "admin-documents" },
    { "POST", "/admin/documents/accepter", portail_admin_documents_accepter_post, PT_ROLE_ACCUEIL,
      "admin-documents" },
    { "POST", "/admin/documents/{demande}/accepter", portail_admin_document_accepter_post,
      PT_ROLE_ACCUEIL, "admin-documents" },
    { "POST", "/admin/documents/{demande}/refuser", portail_admin_document_refuser_post,
      PT_ROLE_ACCUEIL, "admin-documents" },
    { "GET",  "/admin/documents/{document}/fichier", portail_admin_document_fichier_get,
      PT_ROLE_ACCUEIL, NULL },
    { "GET",  "/admin/documents/types", portail_admin_documents_types_get, PT_ROLE_ADMINISTRATION,
      "admin-documents-types" },
    { "POST", "/admin/documents/types", portail_admin_documents_types_post, PT_ROLE_ADMINISTRATION,
      "admin-documents-types" },
    { "POST", "/admin/documents/types/{type}", portail_admin_documents_type_post, PT_ROLE_ADMINISTRATION,
      "admin-documents-types" },
    /* news, « Actualités » — h16news */
    { "GET",  "/actualites/{actualite}", portail_actualites_get, PT_ROLE_ANY, "actualite" },
    { "GET",  "/actualites/{actualite}/image", portail_actualites_image_get, PT_ROLE_ANY, NULL },
    { "GET",  "/admin/actualites", portail_admin_actualites_get, PT_ROLE_ADMINISTRATION,
      "admin-actualites" },
    { "GET",  "/admin/actualites/nouvelle", portail_admin_actualites_nouvelle_get, PT_ROLE_ADMINISTRATION,
      "admin-actualite" },
    { "POST", "/admin/actualites/nouvelle", portail_admin_actualites_nouvelle_post,
      PT_ROLE_ADMINISTRATION, "admin-actualite" },
    { "GET",  "/admin/actualites/{actualite}", portail_admin_actualite_get, PT_ROLE_ADMINISTRATION,
      "admin-actualite" },
    { "POST", "/admin/actualites/{actualite}", portail_admin_actualite_post, PT_ROLE_ADMINISTRATION,
      "admin-actualite" },
    { "POST", "/admin/actualites/{actualite}/publier", portail_admin_actualite_publier_post,
      PT_ROLE_ADMINISTRATION, "admin-actualites" },
    { "POST", "/admin/actualites/{actualite}/depublier", portail_admin_actualite_depublier_post,
      PT_ROLE_ADMINISTRATION, "admin-actualites" },
    /* the porte-monnaie — h15wallet */
    { "GET",  "/famille/porte-monnaie", portail_portemonnaie_get, PT_ROLE_PARENT,
      "porte-monnaie" },
    { "POST", "/famille/porte-monnaie", portail_portemonnaie_post, PT_ROLE_PARENT,
      "porte-monnaie" },
    { "GET",  "/admin/porte-monnaie", portail_admin_portemonnaie_get, PT_ROLE_FACTURATION,
      "admin-porte-monnaie" },
    { "POST", "/admin/porte-monnaie", portail_admin_portemonnaie_post, PT_ROLE_FACTURATION,
      "admin-porte-monnaie" },
    { "POST", "/admin/tarifs/regies/parametres", portail_admin_tarifs_parametres_post,
      PT_ROLE_FACTURATION, "admin-tarifs" },
    /* paying online through PayFiP — h15payfip */
    { "POST", "/famille/factures/{facture}/payer", portail_facture_payer_post, PT_ROLE_PARENT,
      "facture" },
    { "GET",  "/famille/porte-monnaie/recharger", portail_recharger_get, PT_ROLE_PARENT,
      "recharger" },
    { "POST", "/famille/porte-monnaie/recharger", portail_recharger_post, PT_ROLE_PARENT,
      "recharger" },
    { "GET",  "/famille/paiement/retour", portail_paiement_retour_get, PT_ROLE_PARENT,
      "paiement" },
    { "POST", "/payfip/notification", portail_payfip_notification_post, PT_ROLE_SERVICE, NULL },
    { "GET",  "/admin/payfip", portail_admin_payfip_get, PT_ROLE_FACTURATION, "admin-payfip" },
    /* RGPD (h16rgpd) */
    { "GET",  "/famille/mes-donnees", portail_mesdonnees_get, PT_ROLE_PARENT, "mesdonnees" },
    { "POST", "/famille/mes-donnees", portail_mesdonnees_post, PT_ROLE_PARENT, "mesdonnees" },
    { "GET",  "/admin/familles/{famille}/anonymiser", portail_admin_anonymiser_get,
      PT_ROLE_ADMINISTRATION, "admin-anonymiser" },
    { "POST", "/admin/familles/{famille}/anonymiser", portail_admin_anonymiser_post,
      PT_ROLE_ADMINISTRATION, "admin-anonymiser" },
    /* agents and their roles — h16roles */
    { "GET",  "/admin/agents", portail_admin_agents_get, PT_ROLE_ADMINISTRATION, "admin-agents" },
    { "POST", "/admin/agents/{compte}", portail_admin_agent_post, PT_ROLE_ADMINISTRATION,
      "admin-agents" },
    { NULL, NULL, NULL, PT_ROLE_ANY, NULL }
};

const portail_route *portail_routes_table(void)
{
    return portail_routes;
}

int portail_route_may(const pt_req *rq, const char *method, const char *path)
{
    const portail_route *rt;
    for (rt = portail_routes; rt->method; rt++) {
        if (strcmp(rt->method, method) == 0 && pt_route_match(rt->pattern, path, rq->pool, NULL)) {
            return pt_role_allows(rt->role, rq->user);
        }
    }
    return 0;
}

int portail_dispatch(request_rec *r)
{
    portail_server_conf *sc = ap_get_module_config(r->server->module_config, &portail_module);
    const char *base = portail_conf_base_path(sc);
    apr_size_t blen = strlen(base);
    const char *method = r->method_number == M_GET ? "GET" : r->method;
    const char *path, *allow = NULL;
    const portail_route *rt;
    apr_table_t *params = apr_table_make(r->pool, 4);

    if (strncmp(r->uri, base, blen) != 0 || (r->uri[blen] != '/' && r->uri[blen] != '\0')) {
        return DECLINED;
    }
    path = r->uri + blen;
    if (*path == '\0') {
        /* "/portail" -> "/portail/": relative links of the pages need the slash. */
        apr_table_setn(r->headers_out, "Location", apr_pstrcat(r->pool, base, "/", NULL));
        return HTTP_MOVED_PERMANENTLY;
    }
    /* An error document of Apache's (authorization refused, body too large…) comes back
     * here by internal redirect: answer with the French error screen. */
    if (strcmp(path, "/erreur") == 0 && r->prev) {
        const char *st = apr_table_get(r->subprocess_env, "REDIRECT_STATUS");
        return portail_respond_error(r, st ? atoi(st) : HTTP_INTERNAL_SERVER_ERROR, NULL);
    }
    for (rt = portail_routes; rt->method; rt++) {
        apr_table_clear(params);
        if (!pt_route_match(rt->pattern, path, r->pool, params)) {
            continue;
        }
        if (strcmp(rt->method, method) == 0) {
            return portail_respond(r, rt, path, params);
        }
        allow = allow ? apr_pstrcat(r->pool, allow, ", ", rt->method, NULL) : rt->method;
    }
    if (allow) {
        if (strstr(allow, "GET")) {
            allow = apr_pstrcat(r->pool, allow, ", HEAD", NULL);
        }
        apr_table_setn(r->err_headers_out, "Allow", allow);
        return portail_respond_error(r, HTTP_METHOD_NOT_ALLOWED, NULL);
    }
    return portail_respond_error(r, HTTP_NOT_FOUND, NULL);
}
