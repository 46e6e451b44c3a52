/* admin.h — the agents' screens, below /portail/admin/ (role agent).
 *
 * Same rules as screens/: httpd-free, one function per (method, path) of the router
 * table, /portail/admin/familles -> admin/familles.c -> portail_admin_familles_* ->
 * xslt/admin-familles.xsl.
 */
#ifndef PORTAIL_ADMIN_H
#define PORTAIL_ADMIN_H

#include "core/pt_req.h"

/* Lists show this many rows a page. */
#define PORTAIL_ADMIN_PAGE_SIZE 50

/* admin/admin.c — /portail/admin/, the dashboard */
int portail_admin_get(pt_req *rq);
/* Lists fetch PORTAIL_ADMIN_PAGE_SIZE + 1 rows: mark the screen with its page number,
 * whether there is a next page (and drop the extra row), and the query of its filters
 * (NULL-terminated name, value pairs) for the links to the other pages. */
void portail_admin_list_more(pt_req *rq, pt_node *screen, int page, pt_rows *rows,
                             const char *const *filters);
/* The row offset of a page. */
const char *portail_admin_offset(pt_req *rq, int page);

/* The page of a queue of requests: ?statut= (« en_attente » by default, 400 if unknown)
 * and ?page=; the rows of the statement `label` (statut, limit, offset), the screen marked
 * as by portail_admin_list_more.  0, or the error's status. */
int portail_admin_queue_page(pt_req *rq, pt_node *screen, const char *label,
                             const char **statut, pt_rows **rows);

/* The screen `name` of a queue: its page of requests (<demande>), each with the rows of
 * the statement `details` (the request's id) as <detail> elements. */
int portail_admin_queue_get(pt_req *rq, const char *name, const char *label, const char *details,
                            const char *detail);

/* Accepting one request of a queue, in its own transaction: *conflicts names what
 * prevented it (nothing applied), *done is 0 when it was no longer pending. */
typedef int (*portail_admin_accept_fn)(pt_req *rq, apr_int64_t id, const char **conflicts,
                                       int *done);
/* Accept the request {demande} of the URL from `queue` (pt_request_answer): 404 when it
 * is not a request of that queue, 409 naming the conflicts, or when it was answered
 * already; else back to `back` with done_message. */
int portail_admin_request_accept(pt_req *rq, const char *queue, portail_admin_accept_fn accept,
                                 const char *back, const char *done_message);
/* Bulk acceptance of the requests ticked (form fields « demande »), back to `back`. */
int portail_admin_requests_accept(pt_req *rq, portail_admin_accept_fn accept, const char *back);
/* Refuse the request {demande} of the URL with the agent's message (required: without
 * it, 400 and `page`, the queue's screen, with the message field of that request marked);
 * 404 when it is not a request of `queue`. */
int portail_admin_request_refuse(pt_req *rq, const char *queue, const char *back,
                                 pt_screen_fn page);

/* admin/familles.c — /portail/admin/familles… */
int portail_admin_familles_get(pt_req *rq);
int portail_admin_familles_nouvelle_get(pt_req *rq);
int portail_admin_familles_nouvelle_post(pt_req *rq);
int portail_admin_famille_get(pt_req *rq);
int portail_admin_courrier_get(pt_req *rq);
int portail_admin_famille_detacher_post(pt_req *rq);

/* admin/comptes.c — /portail/admin/comptes… */
int portail_admin_comptes_get(pt_req *rq);
int portail_admin_compte_renvoyer_post(pt_req *rq);
int portail_admin_compte_bloquer_post(pt_req *rq);
int portail_admin_compte_debloquer_post(pt_req *rq);

/* admin/dossiers.c — /portail/admin/dossiers, « Modifications du dossier » */
int portail_admin_dossiers_get(pt_req *rq);
int portail_admin_dossier_accepter_post(pt_req *rq);
int portail_admin_dossier_refuser_post(pt_req *rq);
int portail_admin_dossiers_accepter_post(pt_req *rq);

/* admin/journal.c — /portail/admin/journal, the audit trail */
int portail_admin_journal_get(pt_req *rq);

/* admin/activites.c — /portail/admin/activites */
int portail_admin_activites_get(pt_req *rq);
int portail_admin_activites_nouvelle_get(pt_req *rq);
int portail_admin_activites_nouvelle_post(pt_req *rq);
int portail_admin_activite_get(pt_req *rq);
int portail_admin_activite_post(pt_req *rq);
int portail_admin_periode_post(pt_req *rq);

/* admin/preinscriptions.c — /portail/admin/preinscriptions */
int portail_admin_preinscriptions_get(pt_req *rq);
int portail_admin_preinscription_accepter_post(pt_req *rq);
int portail_admin_preinscription_refuser_post(pt_req *rq);
int portail_admin_preinscriptions_accepter_post(pt_req *rq);

/* admin/reservations.c — /portail/admin/reservations, reservations and absences */
int portail_admin_reservations_get(pt_req *rq);
int portail_admin_reservation_accepter_post(pt_req *rq);
int portail_admin_reservation_refuser_post(pt_req *rq);
int portail_admin_reservations_accepter_post(pt_req *rq);

/* admin/jour.c — /portail/admin/activites/{activite}/jour?date=…: the day sheet,
 * « pointage », and the waiting list's places given by an agent */
int portail_admin_jour_get(pt_req *rq);
int portail_admin_jour_post(pt_req *rq);
int portail_admin_jour_promouvoir_post(pt_req *rq);

/* admin/export.c — /portail/admin/activites/{activite}/export: CSV for the canteen and
 * the staff */
int portail_admin_export_get(pt_req *rq);

/* admin/fermetures.c — /portail/admin/fermetures */
int portail_admin_fermetures_get(pt_req *rq);
int portail_admin_fermetures_post(pt_req *rq);
int portail_admin_fermetures_import_post(pt_req *rq);
int portail_admin_fermeture_supprimer_post(pt_req *rq);

/* admin/facturation.c — /portail/admin/facturation: runs, invoices, credit notes,
 * payments, accounting export */
int portail_admin_facturation_get(pt_req *rq);
int portail_admin_facturation_apercu_get(pt_req *rq);
int portail_admin_facturation_emettre_post(pt_req *rq);
int portail_admin_facturation_export_get(pt_req *rq);
int portail_admin_facture_get(pt_req *rq);
int portail_admin_facture_avoir_post(pt_req *rq);
int portail_admin_facture_pdf_get(pt_req *rq);
int portail_admin_reglement_get(pt_req *rq);
int portail_admin_reglement_post(pt_req *rq);

/* admin/tarifs.c — /portail/admin/tarifs: régies and dated tariffs */
int portail_admin_tarifs_get(pt_req *rq);
int portail_admin_tarifs_post(pt_req *rq);
int portail_admin_tarifs_regie_post(pt_req *rq);
/* h15wallet: a régie's porte-monnaie and PayFiP settings */
int portail_admin_tarifs_parametres_post(pt_req *rq);
/* admin/portemonnaie.c — /portail/admin/porte-monnaie: balances and adjustments */
int portail_admin_portemonnaie_get(pt_req *rq);
int portail_admin_portemonnaie_post(pt_req *rq);

/* h14more: closing a month, an activity's régie, the medical certificates of absences */
int portail_admin_facturation_cloturer_post(pt_req *rq);
int portail_admin_tarifs_activite_post(pt_req *rq);
int portail_admin_jour_certificat_post(pt_req *rq);
/* admin/documents.c — /portail/admin/documents: the documents families send, their
 * types, and the documents an activity requires (h16docs) */
int portail_admin_documents_get(pt_req *rq);
int portail_admin_document_accepter_post(pt_req *rq);
int portail_admin_document_refuser_post(pt_req *rq);
int portail_admin_documents_accepter_post(pt_req *rq);
int portail_admin_document_fichier_get(pt_req *rq);
int portail_admin_documents_types_get(pt_req *rq);
int portail_admin_documents_types_post(pt_req *rq);
int portail_admin_documents_type_post(pt_req *rq);
/* The activity form's « Documents exigés » (a checkbox document_<type> per type), and
 * their saving in the caller's transaction. */
void portail_admin_activite_documents_form(pt_req *rq, pt_form_view *fv,
                                           apr_int64_t activity, apr_table_t *typed);
int portail_admin_activite_documents_save(pt_req *rq, apr_int64_t activity);
/* admin/actualites.c — /portail/admin/actualites: the news of the home page — h16news */
int portail_admin_actualites_get(pt_req *rq);
int portail_admin_actualites_nouvelle_get(pt_req *rq);
int portail_admin_actualites_nouvelle_post(pt_req *rq);
int portail_admin_actualite_get(pt_req *rq);
int portail_admin_actualite_post(pt_req *rq);
int portail_admin_actualite_publier_post(pt_req *rq);
int portail_admin_actualite_depublier_post(pt_req *rq);

/* admin/payfip.c — /portail/admin/payfip: the PayFiP journal — h15payfip */
int portail_admin_payfip_get(pt_req *rq);

/* admin/anonymiser.c — /portail/admin/familles/{famille}/anonymiser (h16rgpd) */
int portail_admin_anonymiser_get(pt_req *rq);
int portail_admin_anonymiser_post(pt_req *rq);

/* agents.c — h16roles */
int portail_admin_agents_get(pt_req *rq);
int portail_admin_agent_post(pt_req *rq);

#endif
