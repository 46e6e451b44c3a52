/* pt_sql — the table of every statement, by label.  See pt_sql.h.
 *
 * Grouped by the screen or service that owns them; a label says who uses it:
 * portail_<area>_<what>.  Timestamps are Unix seconds (%lld), dates ISO text.
 */
#include <stddef.h>
#include "core/pt_sql.h"

const pt_sql_stmt pt_sql_statements[] = {
    /* settings: the portal's secret and other site-wide values */
    { "portail_settings_get", "SELECT value FROM settings WHERE name = %s" },
    { "portail_settings_put",
      "INSERT INTO settings (name, value) VALUES (%s, %s) "
      "ON CONFLICT (name) DO UPDATE SET value = excluded.value" },

    /* schema versions (portail-ctl migrate) */
    { "portail_schema_versions", "SELECT version FROM schema_version ORDER BY version" },
    { "portail_schema_record",
      "INSERT INTO schema_version (version, name, applied_at) VALUES (%d, %s, %lld)" },

    /* sessions */
    { "portail_session_lookup",
      "SELECT s.id, s.account_id, s.last_seen_at, a.email, a.prenom, a.nom, a.role "
      "FROM sessions s JOIN accounts a ON a.id = s.account_id "
      "WHERE s.token_hash = %s AND s.expires_at > %lld AND s.last_seen_at > %lld "
      "AND a.state = 'actif'" },
    { "portail_session_touch", "UPDATE sessions SET last_seen_at = %lld WHERE id = %lld" },
    { "portail_session_insert",
      "INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at, expires_at, "
      "client_ip) VALUES (%s, %lld, %lld, %lld, %lld, %s)" },
    { "portail_session_delete", "DELETE FROM sessions WHERE token_hash = %s" },
    { "portail_session_delete_account", "DELETE FROM sessions WHERE account_id = %lld" },
    { "portail_session_purge",
      "DELETE FROM sessions WHERE expires_at <= %lld OR last_seen_at <= %lld" },

    /* throttling of guesses */
    { "portail_throttle_get", "SELECT failures, blocked_until FROM throttle WHERE key = %s" },
    /* Attempts reserved before they are evaluated (pt_throttle.h): the row exists and
     * forgets attempts older than the window, then one conditional update counts this one
     * and, beyond the free ones, blocks the key for base << (beyond - 1) seconds, capped. */
    { "portail_throttle_ensure",
      "INSERT INTO throttle (key, failures, first_at, last_at, blocked_until) "
      "VALUES (%s, 0, %lld, %lld, 0) "
      "ON CONFLICT (key) DO UPDATE SET failures = 0, first_at = excluded.first_at "
      "WHERE throttle.last_at < %lld AND throttle.blocked_until <= %lld" },
    { "portail_throttle_reserve",
      "UPDATE throttle SET failures = failures + 1, last_at = %lld, "
      "blocked_until = CASE WHEN failures + 1 <= CAST(%d AS INTEGER) THEN 0 "
      "WHEN failures - CAST(%d AS INTEGER) >= 16 THEN CAST(%lld AS BIGINT) "
      "ELSE CAST(%lld AS BIGINT) + CASE "
      "WHEN (CAST(%d AS INTEGER) << (failures - CAST(%d AS INTEGER))) > CAST(%d AS INTEGER) "
      "THEN CAST(%d AS INTEGER) "
      "ELSE (CAST(%d AS INTEGER) << (failures - CAST(%d AS INTEGER))) END END "
      "WHERE key = %s AND blocked_until <= %lld" },
    /* (Parameters reach SQLite as text: CAST where they meet an expression, not a
     * column.) */
    { "portail_throttle_refund",
      "UPDATE throttle SET failures = failures - 1, "
      "blocked_until = CASE WHEN failures - 1 <= CAST(%d AS INTEGER) THEN 0 "
      "ELSE blocked_until END "
      "WHERE key = %s AND failures > 0" },
    { "portail_throttle_clear", "DELETE FROM throttle WHERE key = %s" },
    { "portail_throttle_purge", "DELETE FROM throttle WHERE last_at < %lld AND blocked_until < %lld" },

    /* accounts */
    { "portail_account_by_email",
      "SELECT id, password_hash, state, role, prenom FROM accounts WHERE email = %s" },
    { "portail_account_set_email", "UPDATE accounts SET email = %s WHERE id = %lld" },
    { "portail_account_set_password",
      "UPDATE accounts SET password_hash = %s WHERE id = %lld" },
    { "portail_account_insert",
      "INSERT INTO accounts (email, password_hash, nom, prenom, role, state, created_at, "
      "activated_at) VALUES (%s, %s, %s, %s, %s, %s, %lld, %lld) RETURNING id" },
    { "portail_account_logged_in", "UPDATE accounts SET last_login_at = %lld WHERE id = %lld" },
    { "portail_account_subscribe",
      "INSERT INTO account_families (account_id, family_id, created_at) "
      "VALUES (%lld, %lld, %lld) ON CONFLICT DO NOTHING" },

    /* home page */
    /* The news published and inside their window on the day given (twice): the window
     * opens and closes with the date, the page cache keyed by these rows follows. */
    { "portail_home_news",
      "SELECT id, title, body, published_at, visible_from, image, image_alt FROM news "
      "WHERE visible = 1 AND (visible_from IS NULL OR visible_from <= %s) "
      "AND (visible_until IS NULL OR visible_until >= %s) "
      "ORDER BY rang, published_at DESC, id DESC LIMIT 12" },

    /* family space */
    { "portail_famille_families",
      "SELECT f.id, f.nom, f.code_abonne FROM families f "
      "JOIN account_families af ON af.family_id = f.id "
      "WHERE af.account_id = %lld ORDER BY f.nom, f.id" },
    { "portail_famille_children",
      "SELECT c.id, c.family_id, c.prenom, c.nom, c.date_naissance FROM children c "
      "JOIN account_families af ON af.family_id = c.family_id "
      "WHERE af.account_id = %lld ORDER BY c.date_naissance, c.id" },
    { "portail_famille_by_code", "SELECT id, nom FROM families WHERE code_abonne = %s" },

    /* « Mes abonnements » */
    { "portail_abonnements_by_invoice",
      "SELECT f.id, f.nom FROM invoices i JOIN families f ON f.id = i.family_id "
      "WHERE upper(i.code_emission) = upper(%s) AND upper(i.reference) = upper(%s) "
      "AND i.montant = %lld AND upper(i.code_personne) = upper(%s)" },
    { "portail_abonnements_unsubscribe",
      "DELETE FROM account_families WHERE account_id = %lld AND family_id = %lld" },

    /* administration */
    { "portail_admin_counts",
      "SELECT (SELECT count(*) FROM families) AS familles, "
      "(SELECT count(*) FROM accounts WHERE role = 'parent') AS comptes, "
      "(SELECT count(*) FROM activities) AS activites, "
      "(SELECT count(*) FROM news WHERE visible = 1) AS actualites, "
      "(SELECT count(*) FROM requests WHERE kind = 'dossier' AND status = 'en_attente') "
      "AS dossiers, "
      "(SELECT count(*) FROM requests WHERE kind = 'preinscription' AND status = 'en_attente') "
      "AS preinscriptions, "
      "(SELECT count(*) FROM requests WHERE kind IN ('reservation', 'absence') "
      "AND status = 'en_attente') AS reservations" },

    /* families (core/pt_family.c: the agents' form and portail-ctl import-families) */
    { "portail_family_taken",
      "SELECT id FROM families WHERE code_abonne = %s OR reference = %s" },
    { "portail_family_insert",
      "INSERT INTO families (code_abonne, nom, adresse, code_postal, commune, reference, "
      "created_at) VALUES (%s, %s, %s, %s, %s, %s, %lld) RETURNING id" },
    { "portail_family_insert_responsable",
      "INSERT INTO responsables (family_id, rang, civilite, nom, prenom, date_naissance, "
      "email, tel_portable) VALUES (%lld, %d, %s, %s, %s, %s, %s, %s)" },
    { "portail_family_insert_child",
      "INSERT INTO children (family_id, nom, prenom, date_naissance, sexe) "
      "VALUES (%lld, %s, %s, %s, %s)" },

    /* audit trail (core/pt_audit.c) */
    { "portail_audit_insert",
      "INSERT INTO audit (at, actor_account_id, action, object_type, object_id, "
      "before_value, after_value) VALUES (%lld, %lld, %s, %s, %s, %s, %s)" },

    /* agents: families (admin/familles.c).  The search pattern is a LIKE pattern built
     * in C with its wildcards escaped; the empty search lists every family. */
    { "portail_admin_familles_search",
      "SELECT f.id, f.nom, f.code_abonne, f.commune, f.reference, "
      "(SELECT count(*) FROM children c WHERE c.family_id = f.id) AS enfants, "
      "(SELECT count(*) FROM account_families af WHERE af.family_id = f.id) AS comptes "
      "FROM families f WHERE %s = '' "
      "OR lower(f.nom) LIKE %s ESCAPE '!' OR f.code_abonne = %s OR f.reference = %s "
      "OR EXISTS (SELECT 1 FROM responsables r WHERE r.family_id = f.id "
      "AND (lower(r.nom) LIKE %s ESCAPE '!' OR lower(r.prenom) LIKE %s ESCAPE '!' "
      "OR lower(r.email) LIKE %s ESCAPE '!')) "
      "OR EXISTS (SELECT 1 FROM children c WHERE c.family_id = f.id "
      "AND (lower(c.nom) LIKE %s ESCAPE '!' OR lower(c.prenom) LIKE %s ESCAPE '!')) "
      "ORDER BY f.nom, f.id LIMIT %d OFFSET %d" },
    { "portail_admin_famille_get",
      "SELECT id, nom, code_abonne, adresse, code_postal, commune, reference, created_at "
      "FROM families WHERE id = %lld" },
    { "portail_admin_famille_responsables",
      "SELECT id, rang, civilite, nom, prenom, date_naissance, email, tel_portable, tel_fixe, "
      "tel_travail FROM responsables WHERE family_id = %lld ORDER BY rang, id" },
    { "portail_admin_famille_children",
      "SELECT id, prenom, nom, date_naissance, sexe, ecole, classe FROM children "
      "WHERE family_id = %lld ORDER BY date_naissance, id" },
    { "portail_admin_famille_comptes",
      "SELECT a.id, a.email, a.prenom, a.nom, a.state, af.created_at AS depuis "
      "FROM account_families af JOIN accounts a ON a.id = af.account_id "
      "WHERE af.family_id = %lld ORDER BY af.created_at, a.id" },

    /* agents: parents' accounts (admin/comptes.c) */
    { "portail_admin_comptes_search",
      "SELECT a.id, a.email, a.prenom, a.nom, a.state, a.created_at, a.last_login_at, "
      "(SELECT count(*) FROM account_families af WHERE af.account_id = a.id) AS familles "
      "FROM accounts a WHERE a.role = 'parent' AND (%s = '' OR a.state = %s) "
      "AND (%s = '' OR lower(a.email) LIKE %s ESCAPE '!' OR lower(a.nom) LIKE %s ESCAPE '!' "
      "OR lower(a.prenom) LIKE %s ESCAPE '!') "
      "ORDER BY a.created_at DESC, a.id DESC LIMIT %d OFFSET %d" },
    { "portail_admin_compte_get",
      "SELECT id, email, prenom, nom, state FROM accounts WHERE id = %lld AND role = 'parent'" },
    { "portail_admin_compte_block",
      "UPDATE accounts SET state = 'bloque' WHERE id = %lld AND role = 'parent' "
      "AND state <> 'bloque'" },
    /* Unblocked, an account goes back to where it was: active once it has been activated. */
    { "portail_admin_compte_unblock",
      "UPDATE accounts SET state = CASE WHEN activated_at IS NULL THEN 'en_attente' "
      "ELSE 'actif' END WHERE id = %lld AND role = 'parent' AND state = 'bloque'" },

    /* The family file: one conditional UPDATE per field of pt_dossier.def.  It changes
     * the field only if it still holds the value the request was made against (NULL-safe
     * comparison), so an agent's change in between is seen as a conflict. */
#define PT_DOSSIER_TABLE_famille "families"
#define PT_DOSSIER_TABLE_responsable "responsables"
#define PT_DOSSIER_TABLE_enfant "children"
#define PT_DOSSIER_FIELD(obj, col, section, type, family, fmt, label) \
    { "portail_dossier_set_" #obj "_" #col, \
      "UPDATE " PT_DOSSIER_TABLE_##obj " SET " #col " = " fmt " WHERE id = %lld AND " \
      #col " IS NOT DISTINCT FROM " fmt },
#include "core/pt_dossier.def"
#undef PT_DOSSIER_FIELD
    { "portail_dossier_famille", "SELECT * FROM families WHERE id = %lld" },
    { "portail_dossier_responsables",
      "SELECT * FROM responsables WHERE family_id = %lld ORDER BY rang, id" },
    { "portail_dossier_enfants",
      "SELECT * FROM children WHERE family_id = %lld ORDER BY date_naissance, id" },
    /* One object of the file, by the object's name in URLs. */
    { "portail_dossier_responsable", "SELECT * FROM responsables WHERE id = %lld" },
    { "portail_dossier_enfant", "SELECT * FROM children WHERE id = %lld" },
    { "portail_dossier_pending",
      "SELECT rc.object_type, rc.object_id, rc.field, rc.new_value, rc.request_id "
      "FROM request_changes rc JOIN requests r ON r.id = rc.request_id "
      "WHERE r.family_id = %lld AND r.status = 'en_attente' ORDER BY rc.id" },
    { "portail_photo_families",
      "SELECT family_id FROM children WHERE photo = %s UNION "
      "SELECT r.family_id FROM request_changes rc JOIN requests r ON r.id = rc.request_id "
      "WHERE rc.field = 'photo' AND rc.new_value = %s" },
    /* Photo storage (screens/photo.c, portail-ctl purge). */
    { "portail_photo_pending",
      "SELECT count(*) AS n FROM request_changes rc JOIN requests r ON r.id = rc.request_id "
      "WHERE r.family_id = %lld AND r.status = 'en_attente' AND rc.field = 'photo'" },
    { "portail_photo_of_request",
      "SELECT old_value, new_value FROM request_changes "
      "WHERE request_id = %lld AND field = 'photo'" },
    { "portail_photo_used",
      "SELECT 1 FROM children WHERE photo = %s UNION ALL "
      "SELECT 1 FROM request_changes rc JOIN requests r ON r.id = rc.request_id "
      "WHERE rc.field = 'photo' AND rc.new_value = %s AND r.status = 'en_attente'" },
    { "portail_photo_all_used",
      "SELECT photo AS name FROM children WHERE photo IS NOT NULL UNION "
      "SELECT rc.new_value FROM request_changes rc JOIN requests r ON r.id = rc.request_id "
      "WHERE rc.field = 'photo' AND r.status = 'en_attente' AND rc.new_value IS NOT NULL "
      "UNION SELECT image FROM news WHERE image IS NOT NULL" },
    { "portail_famille_subscribed",
      "SELECT family_id FROM account_families WHERE account_id = %lld AND family_id = %lld" },

    /* requests (core/pt_request.c): « Mes demandes » and the agents' queues */
    { "portail_request_insert",
      "INSERT INTO requests (family_id, account_id, kind, title, created_at, updated_at) "
      "VALUES (%lld, %lld, %s, %s, %lld, %lld) RETURNING id" },
    { "portail_request_change_insert",
      "INSERT INTO request_changes (request_id, object_type, object_id, field, old_value, "
      "new_value) VALUES (%lld, %s, %lld, %s, %s, %s)" },
    { "portail_request_event_insert",
      "INSERT INTO request_events (request_id, at, actor_account_id, event, message) "
      "VALUES (%lld, %lld, %lld, %s, %s)" },
    { "portail_request_get",
      "SELECT r.id, r.family_id, r.account_id, r.kind, r.status, r.title, r.created_at, "
      "r.updated_at, r.processed_at, r.agent_message, r.unread, f.nom AS famille "
      "FROM requests r JOIN families f ON f.id = r.family_id WHERE r.id = %lld" },
    { "portail_request_changes",
      "SELECT id, object_type, object_id, field, old_value, new_value FROM request_changes "
      "WHERE request_id = %lld ORDER BY id" },
    { "portail_request_change_mask",
      "UPDATE request_changes SET old_value = %s, new_value = %s WHERE id = %lld" },
    { "portail_request_events",
      "SELECT e.at, e.event, e.message, a.prenom, a.nom, a.role FROM request_events e "
      "LEFT JOIN accounts a ON a.id = e.actor_account_id WHERE e.request_id = %lld "
      "ORDER BY e.at, e.id" },
    /* Answered at most once: the status test makes two agents (or an agent and the
     * family cancelling) exclusive. */
    { "portail_request_close",
      "UPDATE requests SET status = %s, processed_at = %lld, processed_by = %lld, "
      "agent_message = %s, unread = %d, updated_at = %lld "
      "WHERE id = %lld AND status = 'en_attente' AND (%s = '' OR kind = %s OR kind = %s)" },
    { "portail_request_in_queue",
      "SELECT id FROM requests WHERE id = %lld AND (kind = %s OR kind = %s)" },
    { "portail_request_read", "UPDATE requests SET unread = 0 WHERE id = %lld AND unread = 1" },
    { "portail_demandes_list",
      "SELECT r.id, r.kind, r.status, r.title, r.created_at, r.updated_at, r.unread "
      "FROM requests r JOIN account_families af ON af.family_id = r.family_id "
      "WHERE af.account_id = %lld ORDER BY r.created_at DESC, r.id DESC LIMIT 200" },
    { "portail_admin_dossiers_queue",
      "SELECT r.id, r.title, r.created_at, r.status, r.family_id, f.nom AS famille, "
      "a.email FROM requests r JOIN families f ON f.id = r.family_id "
      "LEFT JOIN accounts a ON a.id = r.account_id "
      "WHERE r.kind = 'dossier' AND r.status = %s ORDER BY r.created_at, r.id LIMIT %d OFFSET %d" },
    { "portail_admin_dossiers_changes",
      "SELECT rc.request_id, rc.object_type, rc.object_id, rc.field, rc.old_value, "
      "rc.new_value FROM request_changes rc JOIN requests r ON r.id = rc.request_id "
      "WHERE r.kind = 'dossier' AND r.status = %s ORDER BY rc.request_id, rc.id" },
    { "portail_admin_dossier_responsables",
      "SELECT count(*) AS n FROM responsables WHERE family_id = %lld" },
    { "portail_admin_journal",
      "SELECT au.id, au.at, au.action, au.object_type, au.object_id, au.before_value, "
      "au.after_value, a.email, CASE au.object_type "
      "WHEN 'activite' THEN (SELECT name FROM activities WHERE id = CAST(au.object_id AS BIGINT)) "
      "WHEN 'famille' THEN (SELECT nom FROM families WHERE id = CAST(au.object_id AS BIGINT)) "
      "WHEN 'enfant' THEN (SELECT prenom || ' ' || nom FROM children "
      "WHERE id = CAST(au.object_id AS BIGINT)) "
      "WHEN 'responsable' THEN (SELECT prenom || ' ' || nom FROM responsables "
      "WHERE id = CAST(au.object_id AS BIGINT)) "
      "WHEN 'compte' THEN (SELECT email FROM accounts WHERE id = CAST(au.object_id AS BIGINT)) "
      "WHEN 'demande' THEN (SELECT title FROM requests WHERE id = CAST(au.object_id AS BIGINT)) "
      "WHEN 'fermeture' THEN (SELECT label FROM closures WHERE id = CAST(au.object_id AS BIGINT)) "
      "WHEN 'actualite' THEN (SELECT title FROM news WHERE id = CAST(au.object_id AS BIGINT)) "
      "END AS object_name "
      "FROM audit au LEFT JOIN accounts a ON a.id = au.actor_account_id "
      "WHERE (%s = '' OR au.object_type = %s) ORDER BY au.at DESC, au.id DESC LIMIT %d OFFSET %d" },

    /* agents: activities, their periods, closures (admin/activites.c, admin/fermetures.c) */
    { "portail_admin_activites_list",
      "SELECT a.id, a.name, a.type, a.capacity, a.age_min, a.age_max, a.start_time, "
      "a.end_time, a.booking_rule, a.validation, a.waiting_list, a.active, "
      "(SELECT count(*) FROM activity_periods p WHERE p.activity_id = a.id) AS periodes "
      "FROM activities a ORDER BY a.type, a.name" },
    { "portail_admin_activite_get", "SELECT * FROM activities WHERE id = %lld" },
    { "portail_admin_activite_insert",
      "INSERT INTO activities (name, type, description, place, age_min, age_max, capacity, "
      "start_time, end_time, booking_rule, cancel_rule, late_policy, surcharge_pct, "
      "surcharge_cents, validation, waiting_list, promotion) VALUES (%s, %s, %s, %s, %d, %d, "
      "%d, %s, %s, %s, %s, %s, %d, %d, %d, %d, %s) RETURNING id" },
    { "portail_admin_activite_update",
      "UPDATE activities SET name = %s, type = %s, description = %s, place = %s, "
      "age_min = %d, age_max = %d, capacity = %d, start_time = %s, end_time = %s, "
      "booking_rule = %s, cancel_rule = %s, late_policy = %s, surcharge_pct = %d, "
      "surcharge_cents = %d, validation = %d, waiting_list = %d, promotion = %s "
      "WHERE id = %lld" },
    { "portail_admin_periodes_list",
      "SELECT id, date_debut, date_fin, weekdays, start_time, end_time FROM activity_periods "
      "WHERE activity_id = %lld ORDER BY date_debut, id" },
    { "portail_admin_periode_insert",
      "INSERT INTO activity_periods (activity_id, date_debut, date_fin, weekdays) "
      "VALUES (%lld, %s, %s, %s)" },
    { "portail_admin_fermetures_list",
      "SELECT c.id, c.date_debut, c.date_fin, c.label, a.name AS activite FROM closures c "
      "LEFT JOIN activities a ON a.id = c.activity_id ORDER BY c.date_debut, c.id" },
    { "portail_admin_fermeture_insert",
      "INSERT INTO closures (activity_id, date_debut, date_fin, label) VALUES (%lld, %s, %s, %s)" },
    { "portail_admin_fermeture_delete", "DELETE FROM closures WHERE id = %lld" },

    /* planning (core/pt_planning.c, screens/planning.c, screens/preinscriptions.c) */
    /* Through activity_periods_fin (migration 022): the periods of past years are not
     * read. */
    { "portail_planning_periods",
      "SELECT activity_id, date_debut, date_fin, weekdays FROM activity_periods "
      "WHERE date_fin >= %s AND date_debut <= %s" },
    { "portail_planning_closures",
      "SELECT activity_id, date_debut, date_fin, label FROM closures "
      "WHERE date_fin >= %s AND date_debut <= %s" },
    /* The enrolments of the account's children touching a range, pending ones included. */
    { "portail_planning_enrolments",
      "SELECT e.id, e.child_id, e.activity_id, e.date_debut, e.date_fin, e.occasionnelle, "
      "e.weekdays, r.status, a.name, a.start_time, a.end_time FROM enrolments e "
      "JOIN requests r ON r.id = e.request_id JOIN activities a ON a.id = e.activity_id "
      "JOIN children c ON c.id = e.child_id "
      "JOIN account_families af ON af.family_id = c.family_id "
      "WHERE af.account_id = %lld AND r.status IN ('en_attente', 'acceptee') "
      "AND e.date_fin >= %s AND e.date_debut <= %s ORDER BY a.start_time, a.name, e.id" },
    /* What a slot shows, in four columns (« majore » folded into the status): each
     * value of each row is read, copied and hashed into the page-cache key. */
    { "portail_planning_bookings",
      "SELECT b.child_id, b.activity_id, b.day, CASE WHEN b.majore = 1 AND b.status = 'reserve' "
      "THEN 'majore' ELSE b.status END AS status FROM bookings b "
      "JOIN children c ON c.id = b.child_id "
      "JOIN account_families af ON af.family_id = c.family_id "
      "WHERE af.account_id = %lld AND b.day >= %s AND b.day <= %s" },
    /* The full days of the activities the account's children are enrolled in over the
     * days shown (not the town's: fewer rows, and a day filling elsewhere leaves this page
     * cached; not through the enrolments of past years: enrolments_child serves the
     * range, else a family's history was read on every page). */
    { "portail_planning_full",
      "SELECT dc.activity_id, dc.day FROM day_counts dc JOIN activities a ON a.id = dc.activity_id "
      "WHERE dc.activity_id IN (SELECT e.activity_id FROM enrolments e "
      "JOIN children c ON c.id = e.child_id JOIN account_families af ON af.family_id = c.family_id "
      "WHERE af.account_id = %lld AND e.date_fin >= %s AND e.date_debut <= %s) "
      "AND dc.day >= %s AND dc.day <= %s AND dc.taken >= a.capacity" },

    { "portail_planning_liste",
      "SELECT b.id, b.day, b.status, b.majore, b.child_id, c.prenom, a.name AS activite, "
      "a.start_time, a.end_time FROM bookings b JOIN children c ON c.id = b.child_id "
      "JOIN activities a ON a.id = b.activity_id "
      "JOIN account_families af ON af.family_id = c.family_id "
      "WHERE af.account_id = %lld AND (%s = '' OR b.status = %s) "
      "ORDER BY b.day, a.start_time, c.prenom LIMIT 1000" },

    /* the planning's calendar feed (screens/agenda.c) */
    { "portail_agenda_families",
      "SELECT f.id, f.nom, f.ics_generation FROM families f "
      "JOIN account_families af ON af.family_id = f.id WHERE af.account_id = %lld ORDER BY f.nom" },
    { "portail_agenda_family", "SELECT id, nom, ics_generation FROM families WHERE id = %lld" },
    { "portail_agenda_bookings",
      "SELECT b.id, b.day, b.updated_at, c.prenom, a.name, a.place, a.start_time, a.end_time "
      "FROM bookings b JOIN children c ON c.id = b.child_id "
      "JOIN activities a ON a.id = b.activity_id "
      "WHERE c.family_id = %lld AND b.status IN ('reserve', 'present') ORDER BY b.day, b.id" },
    { "portail_agenda_revoke",
      "UPDATE families SET ics_generation = ics_generation + 1 WHERE id = %lld" },

    /* pre-inscriptions (screens/preinscriptions.c, admin/preinscriptions.c) */
    { "portail_preinscriptions_list",
      "SELECT e.id, e.request_id, e.date_debut, e.date_fin, e.occasionnelle, e.weekdays, "
      "e.reserve_weekdays, r.status, r.unread, e.child_id, c.prenom, a.name AS activite "
      "FROM enrolments e "
      "JOIN requests r ON r.id = e.request_id JOIN children c ON c.id = e.child_id "
      "JOIN activities a ON a.id = e.activity_id "
      "JOIN account_families af ON af.family_id = r.family_id "
      "WHERE af.account_id = %lld ORDER BY e.date_debut DESC, e.id DESC" },
    { "portail_preinscriptions_activities",
      "SELECT id, name, type, age_min, age_max, start_time, end_time FROM activities "
      "WHERE active = 1 ORDER BY type, name" },
    { "portail_preinscriptions_activity",
      "SELECT id, name, age_min, age_max, capacity FROM activities WHERE id = %lld AND active = 1" },
    { "portail_preinscriptions_child",
      "SELECT c.id, c.family_id, c.prenom, c.date_naissance FROM children c "
      "JOIN account_families af ON af.family_id = c.family_id "
      "WHERE c.id = %lld AND af.account_id = %lld" },
    { "portail_enrolment_insert",
      "INSERT INTO enrolments (request_id, child_id, activity_id, date_debut, date_fin, "
      "occasionnelle, weekdays, reserve_weekdays) VALUES (%lld, %lld, %lld, %s, %s, %d, %s, %s)" },
    { "portail_enrolments_of_request",
      "SELECT e.id, e.child_id, e.activity_id, e.date_debut, e.date_fin, e.occasionnelle, "
      "e.weekdays, e.reserve_weekdays, c.prenom, a.name AS activite FROM enrolments e "
      "JOIN children c ON c.id = e.child_id JOIN activities a ON a.id = e.activity_id "
      "WHERE e.request_id = %lld ORDER BY e.id" },
    { "portail_admin_preinscriptions_queue",
      "SELECT r.id, r.title, r.created_at, r.family_id, f.nom AS famille FROM requests r "
      "JOIN families f ON f.id = r.family_id "
      "WHERE r.kind = 'preinscription' AND r.status = %s ORDER BY r.created_at, r.id "
      "LIMIT %d OFFSET %d" },
    /* Places: the day's row is created once, then taken by one conditional update. */
    { "portail_day_count_ensure",
      "INSERT INTO day_counts (activity_id, day, taken) VALUES (%lld, %s, 0) "
      "ON CONFLICT DO NOTHING" },
    { "portail_day_count_take",
      "UPDATE day_counts SET taken = taken + 1 WHERE activity_id = %lld AND day = %s "
      "AND taken < (SELECT capacity FROM activities WHERE id = %lld)" },
    { "portail_booking_insert",
      "INSERT INTO bookings (child_id, activity_id, day, status, majore, request_id, "
      "created_at, updated_at) VALUES (%lld, %lld, %s, %s, %d, %lld, %lld, %lld) "
      "ON CONFLICT DO NOTHING" },

    /* the period form (screens/reservations.c): activities a child is enrolled in */
    { "portail_reservations_activities",
      "SELECT DISTINCT a.id, a.name, a.start_time, a.end_time FROM activities a "
      "JOIN enrolments e ON e.activity_id = a.id JOIN requests r ON r.id = e.request_id "
      "JOIN children c ON c.id = e.child_id "
      "JOIN account_families af ON af.family_id = c.family_id "
      "WHERE af.account_id = %lld AND r.status = 'acceptee' AND a.active = 1 ORDER BY a.name" },
    /* the agents' queue of reservations and absences (admin/reservations.c) */
    { "portail_admin_reservations_queue",
      "SELECT r.id, r.kind, r.title, r.created_at, r.family_id, f.nom AS famille FROM requests r "
      "JOIN families f ON f.id = r.family_id "
      "WHERE r.kind IN ('reservation', 'absence') AND r.status = %s "
      "ORDER BY r.created_at, r.id LIMIT %d OFFSET %d" },
    /* the day sheet and the exports (admin/jour.c, admin/export.c) */
    { "portail_admin_jour_bookings",
      "SELECT b.id, b.status, b.motif, b.majore, b.created_at, c.id AS child_id, c.nom, c.prenom, "
      "c.ecole, c.classe, c.allergies, c.pai, c.regime, f.nom AS famille FROM bookings b "
      "JOIN children c ON c.id = b.child_id JOIN families f ON f.id = c.family_id "
      "WHERE b.activity_id = %lld AND b.day = %s AND b.status <> 'annule' "
      "ORDER BY CASE WHEN b.status = 'liste_attente' THEN b.created_at ELSE 0 END, "
      "c.nom, c.prenom, b.id" },
    { "portail_admin_pointage",
      "UPDATE bookings SET status = %s, updated_at = %lld WHERE id = %lld AND activity_id = %lld "
      "AND day = %s AND status IN ('reserve', 'present', 'absent', 'excuse')" },
    { "portail_admin_export_counts",
      "SELECT day, "
      "SUM(CASE WHEN status IN ('reserve', 'en_attente', 'present') THEN 1 ELSE 0 END) "
      "AS attendus, "
      "SUM(CASE WHEN status IN ('reserve', 'en_attente', 'present') AND majore = 1 THEN 1 "
      "ELSE 0 END) AS majores, "
      "SUM(CASE WHEN status IN ('absence_demandee', 'absent', 'excuse') THEN 1 ELSE 0 END) "
      "AS absences, "
      "SUM(CASE WHEN status = 'liste_attente' THEN 1 ELSE 0 END) AS attente "
      "FROM bookings WHERE activity_id = %lld AND day >= %s AND day <= %s "
      "AND status <> 'annule' GROUP BY day ORDER BY day" },
    { "portail_admin_export_list",
      "SELECT b.day, c.nom, c.prenom, c.ecole, c.classe, b.status, c.allergies, c.pai, c.regime, "
      "b.motif FROM bookings b JOIN children c ON c.id = b.child_id "
      "WHERE b.activity_id = %lld AND b.day >= %s AND b.day <= %s "
      "AND b.status NOT IN ('annule', 'liste_attente') ORDER BY b.day, c.nom, c.prenom" },
    /* reservations, absences, cancellations (core/pt_reservation.c) */
    { "portail_resa_activity",
      "SELECT a.id, a.name, a.capacity, a.booking_rule, a.cancel_rule, a.late_policy, "
      "a.surcharge_pct, a.surcharge_cents, a.validation, a.waiting_list, a.promotion, "
      "a.start_time, a.end_time, a.regie_id, COALESCE(r.prepaye, 0) AS prepaye "
      "FROM activities a LEFT JOIN regies r ON r.id = a.regie_id "
      "WHERE a.id = %lld AND a.active = 1" },
    { "portail_resa_enrolments",
      "SELECT e.child_id, e.date_debut, e.date_fin, e.occasionnelle, e.weekdays "
      "FROM enrolments e JOIN requests r ON r.id = e.request_id "
      "JOIN children c ON c.id = e.child_id "
      "WHERE e.activity_id = %lld AND c.family_id = %lld AND r.status = 'acceptee' "
      "AND e.date_fin >= %s AND e.date_debut <= %s" },
    /* From the family's children to their bookings (CROSS JOIN: SQLite keeps that order;
     * PostgreSQL plans freely): from the day's bookings of the activity, SQLite read every
     * booking of the day for each one — quadratic in a booking rush, under the writers'
     * lock (bench/spike). */
    { "portail_resa_bookings",
      "SELECT b.id, b.child_id, b.day, b.status FROM children c CROSS JOIN bookings b "
      "WHERE b.activity_id = %lld AND c.family_id = %lld AND b.child_id = c.id "
      "AND b.day >= %s AND b.day <= %s" },
    { "portail_resa_counts",
      "SELECT day, taken FROM day_counts WHERE activity_id = %lld AND day >= %s AND day <= %s" },
    { "portail_resa_children", "SELECT id, prenom FROM children WHERE family_id = %lld" },
    /* A day booked again after a cancellation reuses its row, at the back of the queue. */
    { "portail_resa_book",
      "INSERT INTO bookings (child_id, activity_id, day, status, majore, request_id, "
      "created_at, updated_at) VALUES (%lld, %lld, %s, %s, %d, %lld, %lld, %lld) "
      "ON CONFLICT (child_id, activity_id, day) DO UPDATE SET status = excluded.status, "
      "majore = excluded.majore, request_id = excluded.request_id, motif = NULL, "
      "created_at = excluded.created_at, updated_at = excluded.updated_at "
      "WHERE bookings.status = 'annule' RETURNING id" },
    { "portail_resa_set_status",
      "UPDATE bookings SET status = %s, motif = COALESCE(%s, motif), request_id = %lld, "
      "updated_at = %lld WHERE id = %lld AND status = %s" },
    { "portail_day_count_release",
      "UPDATE day_counts SET taken = taken - 1 WHERE activity_id = %lld AND day = %s "
      "AND taken > 0" },
    { "portail_resa_waiting_first",
      "SELECT b.id, b.request_id, c.prenom FROM bookings b JOIN children c ON c.id = b.child_id "
      "WHERE b.activity_id = %lld AND b.day = %s AND b.status = 'liste_attente' "
      "ORDER BY b.created_at, b.id LIMIT 1" },
    { "portail_request_day_insert",
      "INSERT INTO request_days (request_id, booking_id, action, outcome, majore) "
      "VALUES (%lld, %lld, %s, %s, %d)" },
    { "portail_resa_request_days",
      "SELECT rd.booking_id, rd.action, rd.outcome, rd.majore, b.status, b.activity_id, b.day, "
      "b.motif, c.prenom, a.name AS activite FROM request_days rd "
      "JOIN bookings b ON b.id = rd.booking_id JOIN children c ON c.id = b.child_id "
      "JOIN activities a ON a.id = b.activity_id "
      "WHERE rd.request_id = %lld ORDER BY b.day, c.prenom, rd.id" },
    { "portail_resa_request_pending",
      "SELECT COUNT(*) AS n FROM request_days rd JOIN bookings b ON b.id = rd.booking_id "
      "WHERE rd.request_id = %lld AND b.status = rd.outcome "
      "AND rd.outcome IN ('en_attente', 'liste_attente', 'absence_demandee')" },
    { "portail_request_mark_unread", "UPDATE requests SET unread = 1 WHERE id = %lld" },

    /* the processing digest (ctl/ctl_digest.c) */
    { "portail_digest_last",
      "SELECT window_end FROM digest_windows ORDER BY window_end DESC LIMIT 1" },
    /* Whoever inserts the window sends it; the other run updates nothing. */
    { "portail_digest_record",
      "INSERT INTO digest_windows (window_end, sent_at, mails) VALUES (%s, %lld, 0) "
      "ON CONFLICT DO NOTHING" },
    { "portail_digest_count", "UPDATE digest_windows SET mails = %d WHERE window_end = %s" },
    { "portail_digest_events",
      "SELECT r.family_id, r.id, r.title, e.event, e.message FROM request_events e "
      "JOIN requests r ON r.id = e.request_id "
      "WHERE (e.event IN ('acceptation', 'refus') "
      "OR (e.event = 'annulation' AND r.account_id IS NULL)) "
      "AND e.at >= %lld AND e.at < %lld "
      "ORDER BY r.family_id, e.at, e.id" },
    { "portail_digest_accounts",
      "SELECT a.email, a.prenom FROM accounts a "
      "JOIN account_families af ON af.account_id = a.id "
      "WHERE af.family_id = %lld AND a.state = 'actif' ORDER BY a.id" },

    /* captcha (single use) and single-use links sent by mail */
    { "portail_captcha_use",
      "INSERT INTO captcha_used (id, expires_at) VALUES (%s, %lld) ON CONFLICT DO NOTHING" },
    { "portail_token_insert",
      "INSERT INTO account_tokens (token_hash, account_id, purpose, created_at, expires_at, "
      "new_email) VALUES (%s, %lld, %s, %lld, %lld, %s)" },
    { "portail_token_find",
      "SELECT t.account_id, t.expires_at, t.used_at, t.new_email, a.email, a.prenom, a.state "
      "FROM account_tokens t JOIN accounts a ON a.id = t.account_id "
      "WHERE t.token_hash = %s AND t.purpose = %s" },
    /* Used at most once: the update only takes a token not used yet and not expired. */
    { "portail_token_use",
      "UPDATE account_tokens SET used_at = %lld "
      "WHERE token_hash = %s AND purpose = %s AND used_at IS NULL AND expires_at > %lld" },
    /* A new password revokes the links that could choose another one. */
    { "portail_token_revoke",
      "UPDATE account_tokens SET used_at = %lld WHERE account_id = %lld "
      "AND purpose IN ('reinitialisation', 'activation') AND used_at IS NULL" },
    { "portail_account_activate",
      "UPDATE accounts SET state = 'actif', activated_at = %lld "
      "WHERE id = %lld AND state = 'en_attente'" },

    /* mail outbox (core/pt_mail.c, portail-ctl mail) */
#include "core/pt_sql_mail.def"

    /* a closure added after bookings (admin/fermetures.c): the bookings of its days that
     * are still to come are cancelled, their places given back, the families told */
    { "portail_admin_fermeture_bookings",
      "SELECT b.id, b.day, b.status, b.request_id, c.family_id, c.prenom, a.name AS activite "
      "FROM bookings b "
      "JOIN children c ON c.id = b.child_id JOIN activities a ON a.id = b.activity_id "
      "WHERE b.day >= %s AND b.day <= %s AND b.activity_id = COALESCE(%lld, b.activity_id) "
      "AND b.status IN ('reserve', 'en_attente', 'liste_attente', 'absence_demandee') "
      "ORDER BY c.family_id, b.day, c.prenom, b.id" },
    { "portail_admin_fermeture_cancel",
      "UPDATE bookings SET status = 'annule', updated_at = %lld "
      "WHERE day >= %s AND day <= %s AND activity_id = COALESCE(%lld, activity_id) "
      "AND status IN ('reserve', 'en_attente', 'liste_attente', 'absence_demandee')" },
    { "portail_admin_fermeture_recount",
      "UPDATE day_counts SET taken = (SELECT count(*) FROM bookings b "
      "WHERE b.activity_id = day_counts.activity_id AND b.day = day_counts.day "
      "AND b.status NOT IN ('annule', 'liste_attente')) "
      "WHERE day >= %s AND day <= %s AND activity_id = COALESCE(%lld, activity_id)" },

    /* billing: runs, credit notes, payments, tariffs — h14billing, h14more */
#include "core/pt_sql_facturation.def"

    /* the porte-monnaie's ledger (core/pt_wallet.c) */
    { "portail_wallet_activate",
      "INSERT INTO wallets (family_id, regie_id, solde, active_le) VALUES (%lld, %lld, 0, %lld) "
      "ON CONFLICT (family_id, regie_id) DO NOTHING" },
    { "portail_wallet_move",
      "UPDATE wallets SET solde = solde + %lld WHERE family_id = %lld AND regie_id = %lld "
      "AND solde + %lld >= 0 RETURNING solde" },
    { "portail_wallet_movement_insert",
      "INSERT INTO wallet_movements (family_id, regie_id, kind, montant, solde, booking_id, "
      "payment_id, motif, agent_id, created_at) "
      "VALUES (%lld, %lld, %s, %lld, %lld, %lld, %lld, %s, %lld, %lld)" },
    { "portail_wallet_balance",
      "SELECT solde FROM wallets WHERE family_id = %lld AND regie_id = %lld" },

    /* the families' documents — h16docs */
#include "core/pt_sql_documents.def"
    /* news, « Actualités » — h16news */
#include "core/pt_sql_actualites.def"
    /* the porte-monnaie's screens and bookings — h15wallet */
#include "core/pt_sql_portemonnaie.def"
    /* PayFiP operations — h15payfip: in their own file, part of this one table */
#include "core/pt_sql_payfip.def"

    /* « Mes données » (core/pt_rgpd.c) — h16rgpd.  Each: (family, last id), keyset pages
     * of 200 (PT_RGPD_PAGE), the key first as `id`. */
    { "portail_mesdonnees_famille",
      "SELECT id, code_abonne, nom, adresse, code_postal, commune, quotient, quotient_le, "
      "allocataire_caf, revenu_reference, reference, created_at FROM families "
      "WHERE id = %lld AND id > %lld ORDER BY id LIMIT 200" },
    { "portail_mesdonnees_responsables",
      "SELECT id, rang, civilite, nom, prenom, date_naissance, email, tel_fixe, tel_portable, "
      "tel_travail, iban, bic, titulaire FROM responsables "
      "WHERE family_id = %lld AND id > %lld ORDER BY id LIMIT 200" },
    { "portail_mesdonnees_enfants",
      "SELECT id, nom, prenom, date_naissance, sexe, ecole, classe, assurance_compagnie, "
      "assurance_contrat, assurance_echeance, lunettes, appareil_dentaire, appareil_auditif, "
      "autorisation_sport, droit_image, sortir_seul, sorties_scolaires, hospitalisation, "
      "allergies, pai, vaccinations, medecin, medecin_tel, regime, contacts FROM children "
      "WHERE family_id = %lld AND id > %lld ORDER BY id LIMIT 200" },
    { "portail_mesdonnees_comptes",
      "SELECT a.id, a.email, a.nom, a.prenom, a.state, a.created_at, a.activated_at, "
      "a.last_login_at, af.created_at AS abonne_at FROM account_families af "
      "JOIN accounts a ON a.id = af.account_id "
      "WHERE af.family_id = %lld AND a.id > %lld ORDER BY a.id LIMIT 200" },
    { "portail_mesdonnees_demandes",
      "SELECT id, kind, status, title, created_at, updated_at, processed_at, agent_message "
      "FROM requests WHERE family_id = %lld AND id > %lld ORDER BY id LIMIT 200" },
    { "portail_mesdonnees_modifications",
      "SELECT c.id, c.request_id, c.object_type, c.object_id, c.field, c.old_value, "
      "c.new_value FROM request_changes c JOIN requests r ON r.id = c.request_id "
      "WHERE r.family_id = %lld AND c.id > %lld ORDER BY c.id LIMIT 200" },
    { "portail_mesdonnees_historique",
      "SELECT e.id, e.request_id, e.at, e.event, e.message FROM request_events e "
      "JOIN requests r ON r.id = e.request_id "
      "WHERE r.family_id = %lld AND e.id > %lld ORDER BY e.id LIMIT 200" },
    { "portail_mesdonnees_inscriptions",
      "SELECT e.id, e.request_id, e.child_id, c.prenom AS enfant, a.name AS activite, "
      "e.date_debut, e.date_fin, e.occasionnelle, e.weekdays FROM enrolments e "
      "JOIN children c ON c.id = e.child_id JOIN activities a ON a.id = e.activity_id "
      "WHERE c.family_id = %lld AND e.id > %lld ORDER BY e.id LIMIT 200" },
    { "portail_mesdonnees_reservations",
      "SELECT b.id, b.child_id, c.prenom AS enfant, a.name AS activite, b.day, b.status, "
      "b.majore, b.motif, b.certificat_le, b.request_id, b.created_at, b.updated_at "
      "FROM bookings b JOIN children c ON c.id = b.child_id "
      "JOIN activities a ON a.id = b.activity_id "
      "WHERE c.family_id = %lld AND b.id > %lld ORDER BY b.id LIMIT 200" },
    { "portail_mesdonnees_factures",
      "SELECT id, reference, code_emission, code_personne, periode, emise_le, echeance, "
      "montant, paye, etat, emetteur FROM invoices "
      "WHERE family_id = %lld AND id > %lld ORDER BY id LIMIT 200" },
    { "portail_mesdonnees_lignes",
      "SELECT l.id, l.invoice_id, i.reference AS facture, l.enfant, l.activite, l.jours, "
      "l.prix, l.majoration, l.montant FROM invoice_lines l "
      "JOIN invoices i ON i.id = l.invoice_id "
      "WHERE i.family_id = %lld AND l.id > %lld ORDER BY l.id LIMIT 200" },
    { "portail_mesdonnees_avoirs",
      "SELECT n.id, n.invoice_id, i.reference AS facture, n.numero, n.montant, n.motif, "
      "n.emis_le FROM credit_notes n JOIN invoices i ON i.id = n.invoice_id "
      "WHERE i.family_id = %lld AND n.id > %lld ORDER BY n.id LIMIT 200" },
    { "portail_mesdonnees_reglements",
      "SELECT id, numero, moyen, montant, paye_le, piece, created_at FROM payments "
      "WHERE family_id = %lld AND id > %lld ORDER BY id LIMIT 200" },
    { "portail_mesdonnees_credits",
      "SELECT id, montant, libelle, payment_id, created_at FROM family_credits "
      "WHERE family_id = %lld AND id > %lld ORDER BY id LIMIT 200" },
    { "portail_mesdonnees_porte_monnaie",
      "SELECT w.regie_id AS id, r.name AS regie, w.solde, w.active_le FROM wallets w "
      "JOIN regies r ON r.id = w.regie_id "
      "WHERE w.family_id = %lld AND w.regie_id > %lld ORDER BY w.regie_id LIMIT 200" },
    { "portail_mesdonnees_mouvements",
      "SELECT id, regie_id, kind, montant, solde, booking_id, payment_id, motif, created_at "
      "FROM wallet_movements WHERE family_id = %lld AND id > %lld ORDER BY id LIMIT 200" },
    { "portail_mesdonnees_documents",
      "SELECT d.id, t.label AS type, d.member_kind, d.member_id, d.original_name, d.mime, "
      "d.size, d.state, d.valid_from, d.valid_until, d.created_at FROM documents d "
      "JOIN document_types t ON t.id = d.type_id "
      "WHERE d.family_id = %lld AND d.id > %lld ORDER BY d.id LIMIT 200" },
    { "portail_mesdonnees_documents_files",
      "SELECT id, file_name AS fichier, 'document-' || id AS nom FROM documents "
      "WHERE family_id = %lld AND id > %lld ORDER BY id LIMIT 200" },
    { "portail_mesdonnees_photos",
      "SELECT id, photo AS fichier, prenom AS nom FROM children "
      "WHERE family_id = %lld AND id > %lld AND photo IS NOT NULL ORDER BY id LIMIT 200" },
    { "portail_mesdonnees_family",
      "SELECT f.id, f.nom FROM families f JOIN account_families af ON af.family_id = f.id "
      "WHERE af.account_id = %lld AND f.anonymisee_le IS NULL ORDER BY f.nom, f.id" },


    /* anonymisation of a family that left (admin/anonymiser.c) — h16rgpd */
    { "portail_anonymiser_family",
      "SELECT id, nom, code_abonne, anonymisee_le FROM families WHERE id = %lld" },
    { "portail_anonymiser_photos",
      "SELECT photo AS name FROM children WHERE family_id = %lld AND photo IS NOT NULL UNION "
      "SELECT c.new_value FROM request_changes c JOIN requests r ON r.id = c.request_id "
      "WHERE r.family_id = %lld AND c.field = 'photo' AND c.new_value IS NOT NULL" },
    { "portail_anonymiser_mark",
      "UPDATE families SET nom = %s, code_abonne = %s, adresse = NULL, code_postal = NULL, "
      "commune = NULL, quotient = NULL, quotient_le = NULL, allocataire_caf = NULL, "
      "revenu_reference = NULL, reference = NULL, anonymisee_le = %lld "
      "WHERE id = %lld AND anonymisee_le IS NULL" },
    { "portail_anonymiser_accounts",
      "SELECT account_id FROM account_families WHERE family_id = %lld ORDER BY account_id" },
    { "portail_anonymiser_responsables",
      "UPDATE responsables SET civilite = NULL, nom = 'ANONYME', prenom = 'Responsable', "
      "date_naissance = NULL, email = NULL, tel_fixe = NULL, tel_portable = NULL, "
      "tel_travail = NULL, iban = NULL, bic = NULL, titulaire = NULL WHERE family_id = %lld" },
    { "portail_anonymiser_children",
      "UPDATE children SET nom = 'ANONYME', prenom = %s || CAST(id AS TEXT), "
      "date_naissance = substr(date_naissance, 1, 4) || '-01-01', sexe = NULL, ecole = NULL, "
      "classe = NULL, assurance_compagnie = NULL, assurance_contrat = NULL, "
      "assurance_echeance = NULL, lunettes = NULL, appareil_dentaire = NULL, "
      "appareil_auditif = NULL, autorisation_sport = NULL, droit_image = NULL, "
      "sortir_seul = NULL, sorties_scolaires = NULL, hospitalisation = NULL, allergies = NULL, "
      "pai = NULL, vaccinations = NULL, medecin = NULL, medecin_tel = NULL, regime = NULL, "
      "contacts = NULL, photo = NULL WHERE family_id = %lld" },
    { "portail_anonymiser_lines",
      "UPDATE invoice_lines SET enfant = %s "
      "WHERE invoice_id IN (SELECT id FROM invoices WHERE family_id = %lld)" },
    { "portail_anonymiser_changes",
      "UPDATE request_changes SET old_value = NULL, new_value = NULL "
      "WHERE request_id IN (SELECT id FROM requests WHERE family_id = %lld)" },
    { "portail_anonymiser_requests",
      "UPDATE requests SET title = %s, agent_message = NULL, account_id = NULL "
      "WHERE family_id = %lld" },
    { "portail_anonymiser_events",
      "UPDATE request_events SET message = NULL "
      "WHERE request_id IN (SELECT id FROM requests WHERE family_id = %lld)" },
    { "portail_anonymiser_bookings",
      "UPDATE bookings SET motif = NULL "
      "WHERE child_id IN (SELECT id FROM children WHERE family_id = %lld)" },
    /* the documents a family sent: their rows go, their files are then no row's and
     * `portail-ctl purge` removes them (its orphan sweep) */
    { "portail_anonymiser_documents", "DELETE FROM documents WHERE family_id = %lld" },
    { "portail_anonymiser_unlink", "DELETE FROM account_families WHERE family_id = %lld" },
    { "portail_anonymiser_close_account",
      "DELETE FROM accounts WHERE id = %lld AND role = 'parent' AND NOT EXISTS "
      "(SELECT 1 FROM account_families af WHERE af.account_id = accounts.id)" },


    /* retention rules of portail-ctl purge (ctl/ctl_purge.c) — h16rgpd */
    { "portail_purge_tokens", "DELETE FROM account_tokens WHERE expires_at <= %lld" },
    { "portail_purge_captchas", "DELETE FROM captcha_used WHERE expires_at <= %lld" },
    { "portail_purge_unactivated_list",
      "SELECT id FROM accounts WHERE role = 'parent' AND state = 'en_attente' "
      "AND created_at <= %lld ORDER BY id" },
    { "portail_purge_unactivated",
      "DELETE FROM accounts WHERE role = 'parent' AND state = 'en_attente' AND created_at <= %lld" },
    { "portail_purge_warnings_obsolete",
      "DELETE FROM account_warnings WHERE account_id IN (SELECT a.id FROM accounts a "
      "JOIN account_warnings w ON w.account_id = a.id WHERE a.last_login_at > w.warned_at)" },
    { "portail_purge_inactive_list",
      "SELECT account_id AS id FROM account_warnings WHERE warned_at <= %lld ORDER BY account_id" },
    { "portail_purge_inactive",
      "DELETE FROM accounts WHERE role = 'parent' AND id IN "
      "(SELECT account_id FROM account_warnings WHERE warned_at <= %lld)" },
    { "portail_purge_to_warn",
      "SELECT id, email, prenom FROM accounts a WHERE role = 'parent' AND state <> 'en_attente' "
      "AND COALESCE(last_login_at, activated_at, created_at) <= CAST(%lld AS BIGINT) "
      "AND NOT EXISTS (SELECT 1 FROM account_warnings w WHERE w.account_id = a.id) ORDER BY id" },
    { "portail_purge_warning_insert",
      "INSERT INTO account_warnings (account_id, warned_at) VALUES (%lld, %lld)" },
    { "portail_purge_audit", "DELETE FROM audit WHERE at < %lld" },
    /* agents' roles, need to know (core/pt_role.c, admin/agents.c) — h16roles */
    { "portail_role_list", "SELECT role FROM agent_roles WHERE account_id = %lld" },
    { "portail_role_clear", "DELETE FROM agent_roles WHERE account_id = %lld" },
    { "portail_role_add", "INSERT INTO agent_roles (account_id, role) VALUES (%lld, %s)" },
    { "portail_role_administrators",
      "SELECT COUNT(*) AS n FROM agent_roles r JOIN accounts a ON a.id = r.account_id "
      "WHERE r.role = 'administration' AND a.role = 'agent' AND a.state = 'actif'" },
    { "portail_admin_agents_list",
      "SELECT a.id, a.email, a.prenom, a.nom, a.state, r.role FROM accounts a "
      "LEFT JOIN agent_roles r ON r.account_id = a.id WHERE a.role = 'agent' "
      "ORDER BY a.nom, a.prenom, a.email, a.id, r.role" },
    { "portail_admin_agents_get",
      "SELECT id, email, prenom, nom FROM accounts WHERE id = %lld AND role = 'agent'" },

    { NULL, NULL }
};
