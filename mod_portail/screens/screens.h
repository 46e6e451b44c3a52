/* screens.h — every screen function, one per (method, path) of the router table.
 *
 * A screen's URL, C file, SQL labels and stylesheet share its name:
 * /portail/connexion -> screens/connexion.c -> portail_connexion_* -> xslt/connexion.xsl.
 * Screens are httpd-free: they see a pt_req (core/pt_req.h) and nothing else.
 */
#ifndef PORTAIL_SCREENS_H
#define PORTAIL_SCREENS_H

#include "core/pt_req.h"
#include "core/pt_reservation.h"

/* screens/home.c — /portail/ */
int portail_home_get(pt_req *rq);
/* screens/theme.c — /portail/theme.css, the town's colour */
int portail_theme_get(pt_req *rq);
/* screens/connexion.c — /portail/connexion, /portail/deconnexion */
int portail_connexion_get(pt_req *rq);
int portail_connexion_post(pt_req *rq);
int portail_deconnexion_post(pt_req *rq);
/* One password attempt for the account `norm` (login, and the current password asked by
 * « Mon compte »): reserved first on the address's and the account's throttle, then
 * checked with bcrypt.  *wait > 0: too many attempts, not evaluated (say
 * portail_password_wait_message).  Else *id > 0 with *state and *role when right. */
int portail_password_attempt(pt_req *rq, const char *norm, const char *password,
                             apr_int64_t *id, const char **state, pt_role *role, int *wait);
const char *portail_password_wait_message(pt_req *rq, int wait);
/* screens/inscription.c — /portail/inscription, /portail/activation/{jeton} */
int portail_inscription_get(pt_req *rq);
int portail_inscription_post(pt_req *rq);
int portail_activation_get(pt_req *rq);
int portail_activation_post(pt_req *rq);
/* Queue an account mail (xslt/mail/<template>.xsl with town, url, prenom, lien), inside
 * the caller's transaction. */
int portail_account_mail(pt_req *rq, const char *to, const char *template_name,
                         const char *prenom, const char *link);
/* Check the {jeton} of a link URL for `purpose`: 0 when usable (*account, *new_email set),
 * else the error screen's status with why[0] (used), why[1] (expired), why[2] (unknown). */
int portail_link_check(pt_req *rq, const char *purpose, const char *const why[3],
                       apr_int64_t *account, const char **new_email);
/* What every new-password field says (domain/pt_password.c's rule). */
#define PORTAIL_PASSWORD_HINT "Au moins 12 caractères, ou au moins 8 avec une minuscule, " \
    "une majuscule, un chiffre et un caractère spécial."
/* The form of a link that sets a password (purpose "activation" or "reinitialisation":
 * also its screen and URL /<purpose>/{jeton}), with the field's error if any. */
int portail_link_password_form(pt_req *rq, const char *purpose, const char *label,
                               const char *hint, const char *field, const char *error,
                               int status);
/* Its POST: the password and confirmation checked (else the form again, 400), then in one
 * transaction the link used, the password set (pt_account_set_password) and, for an
 * activation, the account activated.  0 with *used (1: this call used the link), or the
 * status of the answer already given. */
int portail_link_password_post(pt_req *rq, const char *purpose, apr_int64_t account,
                               const char *label, const char *hint, int *used);
/* A new activation link for a pending account, and its mail (caller's transaction). */
int portail_activation_send(pt_req *rq, apr_int64_t account, const char *email,
                            const char *prenom);
/* screens/motdepasse.c — /portail/mot-de-passe-oublie, /portail/reinitialisation/{jeton} */
int portail_motdepasse_get(pt_req *rq);
int portail_motdepasse_post(pt_req *rq);
int portail_reinitialisation_get(pt_req *rq);
int portail_reinitialisation_post(pt_req *rq);
/* screens/espace.c — /portail/espace, « Mon espace citoyen » */
int portail_espace_get(pt_req *rq);
/* screens/compte.c — /portail/espace/compte, /portail/confirmation-email/{jeton} */
int portail_compte_get(pt_req *rq);
int portail_compte_password_post(pt_req *rq);
int portail_compte_email_post(pt_req *rq);
int portail_confirmation_email_get(pt_req *rq);
int portail_confirmation_email_post(pt_req *rq);
/* screens/abonnements.c — /portail/espace/abonnements, « Mes abonnements » */
int portail_abonnements_get(pt_req *rq);
int portail_abonnements_post(pt_req *rq);
int portail_abonnements_desabonner_post(pt_req *rq);
/* The family of a code abonné typed by a parent (« Mes abonnements », sign-up), with the
 * wrong tries throttled per address (and per account when logged in).  0 with *family
 * set (0 when no family has this code, *error saying why), or the error screen's status
 * (429 with *error when slowed down). */
int portail_abonnements_by_code(pt_req *rq, const char *typed, apr_int64_t *family,
                                const char **nom, const char **error);
/* screens/famille.c — /portail/famille/, « Espace famille » */
int portail_famille_get(pt_req *rq);

/* screens/dossier.c — /portail/famille/dossier, « Dossier famille »; the section form
 * also serves agents at /portail/admin/dossier/… (changes applied at once). */
int portail_dossier_get(pt_req *rq);
int portail_dossier_section_get(pt_req *rq);
int portail_dossier_section_post(pt_req *rq);
int portail_dossier_ajout_get(pt_req *rq);
int portail_dossier_ajout_post(pt_req *rq);
/* The cards of a family's file under parent, unmasked (agents' family page). */
int portail_dossier_famille_admin(pt_req *rq, pt_node *parent, apr_int64_t family);
/* Queue the « demande reçue » mail to the logged-in parent (caller's transaction). */
int portail_request_ack(pt_req *rq, apr_int64_t request, const char *title);
/* Its data (<mail-data town url prenom titre lien>), for mails that add to it. */
pt_doc *portail_request_ack_data(pt_req *rq, apr_int64_t request, const char *title);
/* screens/demandes.c — /portail/famille/demandes, « Mes demandes » */
int portail_demandes_get(pt_req *rq);
int portail_demande_get(pt_req *rq);
int portail_demande_annuler_post(pt_req *rq);
/* The rows of request_changes as <changement label avant apres> under parent. */
void portail_demande_changes(pt_req *rq, pt_node *parent, pt_rows *changes, int mask);

/* screens/preinscriptions.c — /portail/famille/preinscriptions */
int portail_preinscriptions_get(pt_req *rq);
int portail_preinscription_nouvelle_get(pt_req *rq);
int portail_preinscription_nouvelle_post(pt_req *rq);
/* screens/planning.c — /portail/famille/planning and its list mode */
int portail_planning_get(pt_req *rq);
int portail_planning_liste_get(pt_req *rq);
/* The children ticked in a form (fields enfant_<id> = 1), each one of the account's and
 * all of one family: their ids appended to kids in id order, *family, *names (first names,
 * comma-separated), their rows (id, family_id, prenom, date_naissance) appended to rows
 * (may be NULL).  0, or 400 with *error, 404 (not the account's child), 503. */
int portail_children_ticked(pt_req *rq, apr_table_t *in, apr_array_header_t *kids,
                            apr_int64_t *family, const char **names, apr_array_header_t *rows,
                            const char **error);
/* screens/reservations.c — /portail/famille/reservations: requests over a period, and
 * the one path applying every reservation, absence and cancellation */
int portail_reservations_get(pt_req *rq);
int portail_reservations_post(pt_req *rq);
/* Read a request from form fields (action, motif, activite, enfant_<id>, date_debut,
 * date_fin, j1…j7): 0, or 400 with *error, or 404 (another family's child), 503. *names
 * lists the children's first names. */
int portail_reservations_ask(pt_req *rq, apr_table_t *in, pt_resa_ask *ask, const char **names,
                             const char **error);
/* <apercu empreinte …><jour date libelle prenom statut|refus majore/></apercu> */
void portail_reservations_plan_xml(pt_req *rq, pt_node *parent, const pt_resa *plan);
/* screens/creneau.c — /portail/famille/planning/creneau: one slot, to confirm */
int portail_creneau_get(pt_req *rq);
/* screens/agenda.c — /portail/agenda/{jeton}: the planning as an iCalendar feed */
int portail_agenda_get(pt_req *rq);
int portail_agenda_post(pt_req *rq);
/* The feed's URL of a family (its secret token depends on the generation). */
const char *portail_agenda_url(pt_req *rq, apr_int64_t family, apr_int64_t generation);
/* screens/photo.c — children's photos */
int portail_photo_get(pt_req *rq);
/* Check an uploaded photo by its content and move it into the photos directory: its new
 * name, or NULL with *why. */
const char *portail_photo_store(pt_req *rq, const pt_upload *u, const char **why);
/* The stored image `name` as the answer (its type from its name): 200, 404, 503. */
int portail_photo_send(pt_req *rq, const char *name);
/* Delete the stored image `name` (NULL or "": nothing). */
void portail_photo_remove(pt_req *rq, const char *name);
/* 0 when the family may send one more photo (PortailPhotosPending), 400 with *why, 503. */
int portail_photo_room(pt_req *rq, apr_int64_t family, const char **why);
/* After request `request` closed (committed): delete the files of its photo changes that
 * nothing references any more (refused or cancelled photo, photo replaced). */
void portail_photo_discard(pt_req *rq, apr_int64_t request);
/* The storage of uploaded files that photos and documents share, in folders of
 * <PortailDataDir>: the kind of an uploaded file by its first bytes (".pdf", ".jpg",
 * ".png" or NULL); the upload moved into folder `sub` under a random name ending in
 * `kind` (its name, or NULL); a stored file as rq->body (200, 404 or 503), after the
 * caller checked who may see it. */
const char *portail_file_kind(pt_req *rq, const char *path);
const char *portail_file_keep(pt_req *rq, const pt_upload *u, const char *sub, const char *kind);
int portail_file_send(pt_req *rq, const char *sub, const char *name, const char *type);
/* screens/mentions.c — /portail/mentions-legales and /portail/accessibilite: the legal
 * notice and the accessibility statement (PortailLegalNotice, PortailAccessibility) */
int portail_mentions_legales_get(pt_req *rq);
int portail_accessibilite_get(pt_req *rq);

/* screens/factures.c — /portail/famille/factures, « Espace facturation » */
int portail_factures_get(pt_req *rq);
int portail_facture_get(pt_req *rq);
int portail_facture_pdf_get(pt_req *rq);
int portail_tarifs_get(pt_req *rq);
/* An invoice's detail (<facture> with <ligne>, <reglement>, <avoir>) under screen: of the
 * account's families, or any (account 0, agents).  200, 404 or 503. */
int portail_factures_detail(pt_req *rq, pt_node *screen, apr_int64_t invoice,
                            apr_int64_t account);
/* A tariff as <tarif depuis_fr mode [prix_fr] [taux_fr plancher_fr plafond_fr]><tranche min
 * [max] prix_fr/></tarif> under parent; prix_fr is its price for qf (PT_QF_UNKNOWN: the
 * highest; PT_QF_UNKNOWN - 1: no price, the agents' list). */
struct pt_tariff;
pt_node *portail_tarif_xml(pt_req *rq, pt_node *parent, const struct pt_tariff *x, long qf);
/* The same invoice as a PDF (rq->body): 200, 404 or 503. */
int portail_factures_pdf(pt_req *rq, apr_int64_t invoice, apr_int64_t account);
/* screens/portemonnaie.c — /portail/famille/porte-monnaie (h15wallet) */
int portail_portemonnaie_get(pt_req *rq);
int portail_portemonnaie_post(pt_req *rq);
/* A porte-monnaie movement (kind, montant, solde, motif, created_at, jour, prenom,
 * activite) as <mouvement … date_fr montant_fr solde_fr/> under parent. */
void portail_portemonnaie_movement_xml(pt_req *rq, pt_node *parent, const pt_rows *m, int i);
/* A prepaid régie by id: its row in *r (id, code, name), -1 when it is not one,
 * -2 when the database fails. */
int portail_portemonnaie_regie(pt_req *rq, apr_int64_t regie, pt_rows **r);

/* screens/documents.c — /portail/famille/documents, « Envoyer un document » (h16docs) */
int portail_documents_get(pt_req *rq);
int portail_documents_post(pt_req *rq);
int portail_document_get(pt_req *rq);
/* Document `id` as an attachment (rq->body): of the account's families, or any for an
 * agent (`agent` 1).  200, 404 or 503. */
int portail_document_send(pt_req *rq, apr_int64_t id, int agent);
/* screens/actualites.c — /portail/actualites/{actualite} and its image — h16news */
int portail_actualites_get(pt_req *rq);
int portail_actualites_image_get(pt_req *rq);
/* The news `id` (portail_actualites_get's row, with en_ligne), if the user may see it:
 * the public only while it is published and inside its window, agents always (their
 * preview).  0, or the error screen's status (404, 503). */
int portail_actualites_load(pt_req *rq, apr_int64_t id, pt_rows **row);
/* Row i of r (id, title, body, published_at, visible_from, image, image_alt) as a news
 * item: <item id [image image_alt]><title/><published iso/><texte>…</texte></item>, the
 * text's first `paragraphs` paragraphs (0: all). */
void portail_actualites_xml(pt_req *rq, pt_node *item, pt_rows *r, int i, int paragraphs);

/* screens/paiement.c — paying online through PayFiP — h15payfip */
int portail_facture_payer_post(pt_req *rq);
int portail_recharger_get(pt_req *rq);
int portail_recharger_post(pt_req *rq);
int portail_paiement_retour_get(pt_req *rq);
int portail_payfip_notification_post(pt_req *rq);
/* The « Payer » block (<paiement>) of the account's invoice under screen; typed/error: a
 * refused attempt (typed: the amount typed).  200, 404 or 503. */
int portail_paiement_facture_xml(pt_req *rq, pt_node *screen, apr_int64_t invoice,
                                 const char *typed, const char *error);

/* screens/mesdonnees.c — /portail/famille/mes-donnees, « Mes données » (h16rgpd) */
int portail_mesdonnees_get(pt_req *rq);
int portail_mesdonnees_post(pt_req *rq);

#endif
