-- The living town of the demonstration (portable: SQLite and PostgreSQL), loaded by
-- `portail-ctl demo-ville` after `portail-ctl demo` — by dev/demo and the browser suite,
-- never by the Apache::Test suite, whose tests count the rows of sql/demo.sql.
--
-- Dates are relative to the day it runs: mod_portail/ctl/ctl_demo.c replaces the tokens in
-- braces (J+N: today plus N days; S+N.W: weekday W, 1 = Monday, of the week N weeks from
-- this one; H-N: N hours ago in Unix seconds; E:date: 'present' before today, else
-- 'reserve').
--
-- What it shows: MARTIN's three children enrolled in the canteen, the evening after-school
-- care and the Wednesday centre; bookings over two past and three coming weeks in every
-- status (present, absent, excused, waiting list, pending, refused); a request waiting in
-- each agent queue (dossier, pré-inscription, réservations and absences, account).

-- The school year around today, with holidays ahead and a closure of the evening care.
UPDATE activity_periods SET date_debut = '{J-120}', date_fin = '{J+240}';
DELETE FROM closures;
INSERT INTO closures (activity_id, date_debut, date_fin, label) VALUES
(NULL, '{S+4.6}', '{S+6.7}', 'Vacances scolaires'),
(3, '{S+3.5}', '{S+3.5}', 'Formation des équipes d''animation');
-- The Wednesday centre asks an agent to accept each booking; Multisport is small, has a
-- waiting list, and an agent gives a freed place.
UPDATE activities SET validation = 1 WHERE id = 4;
UPDATE activities SET capacity = 2, waiting_list = 1, promotion = 'agent' WHERE id = 5;

INSERT INTO news (title, body, published_at, visible) VALUES
('Réservez en ligne', 'Cantine, accueil du soir et mercredis : réservez, signalez une absence et suivez vos demandes depuis votre espace famille, jusqu''à deux jours avant.', {H-20}, 1);
-- News with a publication window (shown until the holidays), a paragraph break, a line
-- break and a web address made into a link; one whose window is over; one to come.
INSERT INTO news (title, body, published_at, visible, visible_from, visible_until, rang) VALUES
('Vacances : inscriptions à l''accueil de loisirs', 'Les inscriptions à l''accueil de loisirs des vacances sont ouvertes jusqu''au vendredi précédent.

Programme et tarifs : https://www.ville-demo.fr/loisirs.
Pensez à mettre à jour le dossier de votre enfant.', {H-48}, 1, '{J-2}', '{S+4.5}', 1),
('Spectacle de l''école', 'Le spectacle a eu lieu.', {H-400}, 1, '{J-30}', '{J-10}', 2),
('Forum des associations', 'Le forum se tiendra au gymnase.', {H-2}, 1, '{J+5}', '{J+20}', 2);

-- A parent who signed up and has not opened the activation mail yet.
INSERT INTO accounts (email, password_hash, nom, prenom, role, state, created_at) VALUES
('samira.benali@example.fr', '!', 'BENALI', 'Samira', 'parent', 'en_attente', {H-30});

-- Enrolments (« pré-inscriptions »): accepted ones, and LE GALL's waiting for an agent.
INSERT INTO requests (id, family_id, account_id, kind, status, title, created_at, updated_at, processed_at, processed_by) VALUES
(101, 1, (SELECT id FROM accounts WHERE email = 'parent@demo.portail.fr'), 'preinscription', 'acceptee', 'Pré-inscription régulière : Restauration scolaire (Léa, Hugo, Chloé)', {H-2200}, {H-2150}, {H-2150}, (SELECT id FROM accounts WHERE email = 'agent@demo.portail.fr')),
(102, 1, (SELECT id FROM accounts WHERE email = 'parent@demo.portail.fr'), 'preinscription', 'acceptee', 'Pré-inscription régulière : Accueil périscolaire du soir (Hugo)', {H-2200}, {H-2150}, {H-2150}, (SELECT id FROM accounts WHERE email = 'agent@demo.portail.fr')),
(103, 1, (SELECT id FROM accounts WHERE email = 'parent@demo.portail.fr'), 'preinscription', 'acceptee', 'Pré-inscription régulière : Accueil de loisirs du mercredi (Léa, Chloé)', {H-2200}, {H-2150}, {H-2150}, (SELECT id FROM accounts WHERE email = 'agent@demo.portail.fr')),
(104, 1, (SELECT id FROM accounts WHERE email = 'parent@demo.portail.fr'), 'preinscription', 'acceptee', 'Pré-inscription régulière : Multisport (Léa)', {H-2200}, {H-2150}, {H-2150}, (SELECT id FROM accounts WHERE email = 'agent@demo.portail.fr')),
(105, 2, NULL, 'preinscription', 'acceptee', 'Pré-inscription régulière : Restauration scolaire (Inès, Adam)', {H-2200}, {H-2150}, {H-2150}, (SELECT id FROM accounts WHERE email = 'agent@demo.portail.fr')),
(106, 2, NULL, 'preinscription', 'acceptee', 'Pré-inscription régulière : Accueil périscolaire du soir (Adam)', {H-2200}, {H-2150}, {H-2150}, (SELECT id FROM accounts WHERE email = 'agent@demo.portail.fr')),
(107, 2, NULL, 'preinscription', 'acceptee', 'Pré-inscription régulière : Multisport (Inès)', {H-2200}, {H-2150}, {H-2150}, (SELECT id FROM accounts WHERE email = 'agent@demo.portail.fr')),
(108, 3, NULL, 'preinscription', 'acceptee', 'Pré-inscription régulière : Restauration scolaire (Maël, Nolwenn)', {H-2200}, {H-2150}, {H-2150}, (SELECT id FROM accounts WHERE email = 'agent@demo.portail.fr')),
(109, 3, NULL, 'preinscription', 'acceptee', 'Pré-inscription régulière : Multisport (Maël)', {H-2200}, {H-2150}, {H-2150}, (SELECT id FROM accounts WHERE email = 'agent@demo.portail.fr')),
(110, 3, NULL, 'preinscription', 'en_attente', 'Pré-inscription régulière : Accueil périscolaire du soir (Nolwenn)', {H-26}, {H-26}, NULL, NULL);
INSERT INTO enrolments (request_id, child_id, activity_id, date_debut, date_fin, occasionnelle, weekdays, reserve_weekdays) VALUES
(101, 1, 1, '{J-90}', '{J+200}', 0, '1101100', '0000000'),
(101, 2, 1, '{J-90}', '{J+200}', 0, '1101100', '0000000'),
(101, 3, 1, '{J-90}', '{J+200}', 0, '1101100', '0000000'),
(102, 2, 3, '{J-90}', '{J+200}', 0, '1101100', '0000000'),
(103, 1, 4, '{J-90}', '{J+200}', 0, '0010000', '0000000'),
(103, 3, 4, '{J-90}', '{J+200}', 0, '0010000', '0000000'),
(104, 1, 5, '{J-90}', '{J+200}', 0, '1001000', '0000000'),
(105, 4, 1, '{J-90}', '{J+200}', 0, '1101100', '0000000'),
(105, 5, 1, '{J-90}', '{J+200}', 0, '1101100', '0000000'),
(106, 5, 3, '{J-90}', '{J+200}', 0, '1101100', '0000000'),
(107, 4, 5, '{J-90}', '{J+200}', 0, '1001000', '0000000'),
(108, 6, 1, '{J-90}', '{J+200}', 0, '1101100', '0000000'),
(108, 7, 1, '{J-90}', '{J+200}', 0, '1101100', '0000000'),
(109, 6, 5, '{J-90}', '{J+200}', 0, '1001000', '0000000'),
(110, 7, 3, '{S+1.1}', '{J+200}', 0, '1101100', '0000000');

-- A change of the family file waiting for an agent: MARTIN moved, Hugo has an allergy.
INSERT INTO requests (id, family_id, account_id, kind, status, title, created_at, updated_at) VALUES
(120, 1, (SELECT id FROM accounts WHERE email = 'parent@demo.portail.fr'), 'dossier', 'en_attente', 'Modification du dossier : adresse, allergies de Hugo', {H-5}, {H-5});
INSERT INTO request_changes (request_id, object_type, object_id, field, old_value, new_value) VALUES
(120, 'famille', 1, 'adresse', '12 rue des Écoles', '3 place de la Mairie'),
(120, 'enfant', 2, 'allergies', NULL, 'Arachide (éviction, pas de PAI)');

-- Requests of reservations and absences: accepted, pending, refused, on the waiting list.
INSERT INTO requests (id, family_id, account_id, kind, status, title, created_at, updated_at, processed_at, processed_by, agent_message, unread) VALUES
(130, 1, (SELECT id FROM accounts WHERE email = 'parent@demo.portail.fr'), 'absence', 'acceptee', 'Absence : Restauration scolaire (Hugo)', {H-200}, {H-190}, {H-190}, (SELECT id FROM accounts WHERE email = 'agent@demo.portail.fr'), NULL, 0),
(131, 1, (SELECT id FROM accounts WHERE email = 'parent@demo.portail.fr'), 'absence', 'en_attente', 'Absence : Restauration scolaire (Hugo)', {H-3}, {H-3}, NULL, NULL, NULL, 0),
(132, 1, (SELECT id FROM accounts WHERE email = 'parent@demo.portail.fr'), 'reservation', 'en_attente', 'Réservation : Accueil de loisirs du mercredi (Léa)', {H-28}, {H-28}, NULL, NULL, NULL, 0),
(133, 1, (SELECT id FROM accounts WHERE email = 'parent@demo.portail.fr'), 'reservation', 'refusee', 'Réservation : Accueil de loisirs du mercredi (Chloé)', {H-50}, {H-24}, {H-24}, (SELECT id FROM accounts WHERE email = 'agent@demo.portail.fr'), 'Le centre de loisirs est complet pour les moyennes sections ce mercredi-là ; nous vous proposons le mercredi suivant.', 1),
(134, 1, (SELECT id FROM accounts WHERE email = 'parent@demo.portail.fr'), 'reservation', 'en_attente', 'Réservation : Multisport (Léa)', {H-40}, {H-40}, NULL, NULL, NULL, 0);
INSERT INTO request_events (request_id, at, actor_account_id, event, message) VALUES
(101, {H-2200}, (SELECT id FROM accounts WHERE email = 'parent@demo.portail.fr'), 'creation', NULL), (101, {H-2150}, (SELECT id FROM accounts WHERE email = 'agent@demo.portail.fr'), 'acceptation', NULL),
(110, {H-26}, NULL, 'creation', NULL),
(120, {H-5}, (SELECT id FROM accounts WHERE email = 'parent@demo.portail.fr'), 'creation', NULL),
(130, {H-200}, (SELECT id FROM accounts WHERE email = 'parent@demo.portail.fr'), 'creation', NULL), (130, {H-190}, (SELECT id FROM accounts WHERE email = 'agent@demo.portail.fr'), 'acceptation', NULL),
(131, {H-3}, (SELECT id FROM accounts WHERE email = 'parent@demo.portail.fr'), 'creation', NULL),
(132, {H-28}, (SELECT id FROM accounts WHERE email = 'parent@demo.portail.fr'), 'creation', NULL),
(133, {H-50}, (SELECT id FROM accounts WHERE email = 'parent@demo.portail.fr'), 'creation', NULL), (133, {H-24}, (SELECT id FROM accounts WHERE email = 'agent@demo.portail.fr'), 'refus', 'Le centre de loisirs est complet pour les moyennes sections ce mercredi-là ; nous vous proposons le mercredi suivant.'),
(134, {H-40}, (SELECT id FROM accounts WHERE email = 'parent@demo.portail.fr'), 'creation', NULL);

-- Bookings of two past weeks (pointed: present, absent, excused) and three coming ones.
INSERT INTO bookings (child_id, activity_id, day, status, motif, request_id, created_at, updated_at) VALUES
(1, 1, '{S-2.1}', '{E:S-2.1}', NULL, NULL, {H-400}, {H-400}),
(2, 1, '{S-2.1}', '{E:S-2.1}', NULL, NULL, {H-400}, {H-400}),
(3, 1, '{S-2.1}', '{E:S-2.1}', NULL, NULL, {H-400}, {H-400}),
(4, 1, '{S-2.1}', '{E:S-2.1}', NULL, NULL, {H-400}, {H-400}),
(5, 1, '{S-2.1}', '{E:S-2.1}', NULL, NULL, {H-400}, {H-400}),
(6, 1, '{S-2.1}', '{E:S-2.1}', NULL, NULL, {H-400}, {H-400}),
(7, 1, '{S-2.1}', '{E:S-2.1}', NULL, NULL, {H-400}, {H-400}),
(2, 3, '{S-2.1}', '{E:S-2.1}', NULL, NULL, {H-400}, {H-400}),
(1, 1, '{S-2.2}', '{E:S-2.2}', NULL, NULL, {H-400}, {H-400}),
(2, 1, '{S-2.2}', '{E:S-2.2}', NULL, NULL, {H-400}, {H-400}),
(3, 1, '{S-2.2}', '{E:S-2.2}', NULL, NULL, {H-400}, {H-400}),
(4, 1, '{S-2.2}', '{E:S-2.2}', NULL, NULL, {H-400}, {H-400}),
(5, 1, '{S-2.2}', '{E:S-2.2}', NULL, NULL, {H-400}, {H-400}),
(6, 1, '{S-2.2}', '{E:S-2.2}', NULL, NULL, {H-400}, {H-400}),
(7, 1, '{S-2.2}', '{E:S-2.2}', NULL, NULL, {H-400}, {H-400}),
(2, 3, '{S-2.2}', '{E:S-2.2}', NULL, NULL, {H-400}, {H-400}),
(5, 3, '{S-2.2}', '{E:S-2.2}', NULL, NULL, {H-400}, {H-400}),
(1, 1, '{S-2.4}', '{E:S-2.4}', NULL, NULL, {H-400}, {H-400}),
(2, 1, '{S-2.4}', '{E:S-2.4}', NULL, NULL, {H-400}, {H-400}),
(3, 1, '{S-2.4}', '{E:S-2.4}', NULL, NULL, {H-400}, {H-400}),
(4, 1, '{S-2.4}', '{E:S-2.4}', NULL, NULL, {H-400}, {H-400}),
(5, 1, '{S-2.4}', '{E:S-2.4}', NULL, NULL, {H-400}, {H-400}),
(6, 1, '{S-2.4}', '{E:S-2.4}', NULL, NULL, {H-400}, {H-400}),
(7, 1, '{S-2.4}', '{E:S-2.4}', NULL, NULL, {H-400}, {H-400}),
(2, 3, '{S-2.4}', '{E:S-2.4}', NULL, NULL, {H-400}, {H-400}),
(5, 3, '{S-2.4}', '{E:S-2.4}', NULL, NULL, {H-400}, {H-400}),
(1, 1, '{S-2.5}', '{E:S-2.5}', NULL, NULL, {H-400}, {H-400}),
(2, 1, '{S-2.5}', '{E:S-2.5}', NULL, NULL, {H-400}, {H-400}),
(3, 1, '{S-2.5}', '{E:S-2.5}', NULL, NULL, {H-400}, {H-400}),
(4, 1, '{S-2.5}', '{E:S-2.5}', NULL, NULL, {H-400}, {H-400}),
(5, 1, '{S-2.5}', '{E:S-2.5}', NULL, NULL, {H-400}, {H-400}),
(6, 1, '{S-2.5}', '{E:S-2.5}', NULL, NULL, {H-400}, {H-400}),
(7, 1, '{S-2.5}', '{E:S-2.5}', NULL, NULL, {H-400}, {H-400}),
(2, 3, '{S-2.5}', '{E:S-2.5}', NULL, NULL, {H-400}, {H-400}),
(4, 5, '{S-2.1}', '{E:S-2.1}', NULL, NULL, {H-400}, {H-400}),
(6, 5, '{S-2.1}', '{E:S-2.1}', NULL, NULL, {H-400}, {H-400}),
(4, 5, '{S-2.4}', '{E:S-2.4}', NULL, NULL, {H-400}, {H-400}),
(6, 5, '{S-2.4}', '{E:S-2.4}', NULL, NULL, {H-400}, {H-400}),
(1, 1, '{S-1.1}', '{E:S-1.1}', NULL, NULL, {H-400}, {H-400}),
(2, 1, '{S-1.1}', '{E:S-1.1}', NULL, NULL, {H-400}, {H-400}),
(3, 1, '{S-1.1}', '{E:S-1.1}', NULL, NULL, {H-400}, {H-400}),
(4, 1, '{S-1.1}', '{E:S-1.1}', NULL, NULL, {H-400}, {H-400}),
(5, 1, '{S-1.1}', '{E:S-1.1}', NULL, NULL, {H-400}, {H-400}),
(6, 1, '{S-1.1}', '{E:S-1.1}', NULL, NULL, {H-400}, {H-400}),
(7, 1, '{S-1.1}', '{E:S-1.1}', NULL, NULL, {H-400}, {H-400}),
(2, 3, '{S-1.1}', '{E:S-1.1}', NULL, NULL, {H-400}, {H-400}),
(1, 1, '{S-1.2}', '{E:S-1.2}', NULL, NULL, {H-400}, {H-400}),
(2, 1, '{S-1.2}', 'excuse', 'maladie', 130, {H-400}, {H-400}),
(3, 1, '{S-1.2}', '{E:S-1.2}', NULL, NULL, {H-400}, {H-400}),
(4, 1, '{S-1.2}', '{E:S-1.2}', NULL, NULL, {H-400}, {H-400}),
(5, 1, '{S-1.2}', '{E:S-1.2}', NULL, NULL, {H-400}, {H-400}),
(6, 1, '{S-1.2}', '{E:S-1.2}', NULL, NULL, {H-400}, {H-400}),
(7, 1, '{S-1.2}', '{E:S-1.2}', NULL, NULL, {H-400}, {H-400}),
(2, 3, '{S-1.2}', '{E:S-1.2}', NULL, NULL, {H-400}, {H-400}),
(5, 3, '{S-1.2}', '{E:S-1.2}', NULL, NULL, {H-400}, {H-400}),
(1, 1, '{S-1.4}', '{E:S-1.4}', NULL, NULL, {H-400}, {H-400}),
(2, 1, '{S-1.4}', '{E:S-1.4}', NULL, NULL, {H-400}, {H-400}),
(3, 1, '{S-1.4}', '{E:S-1.4}', NULL, NULL, {H-400}, {H-400}),
(4, 1, '{S-1.4}', '{E:S-1.4}', NULL, NULL, {H-400}, {H-400}),
(5, 1, '{S-1.4}', '{E:S-1.4}', NULL, NULL, {H-400}, {H-400}),
(6, 1, '{S-1.4}', '{E:S-1.4}', NULL, NULL, {H-400}, {H-400}),
(7, 1, '{S-1.4}', '{E:S-1.4}', NULL, NULL, {H-400}, {H-400}),
(2, 3, '{S-1.4}', '{E:S-1.4}', NULL, NULL, {H-400}, {H-400}),
(5, 3, '{S-1.4}', '{E:S-1.4}', NULL, NULL, {H-400}, {H-400}),
(1, 1, '{S-1.5}', '{E:S-1.5}', NULL, NULL, {H-400}, {H-400}),
(2, 1, '{S-1.5}', '{E:S-1.5}', NULL, NULL, {H-400}, {H-400}),
(3, 1, '{S-1.5}', '{E:S-1.5}', NULL, NULL, {H-400}, {H-400}),
(4, 1, '{S-1.5}', '{E:S-1.5}', NULL, NULL, {H-400}, {H-400}),
(5, 1, '{S-1.5}', '{E:S-1.5}', NULL, NULL, {H-400}, {H-400}),
(6, 1, '{S-1.5}', 'absent', NULL, NULL, {H-400}, {H-400}),
(7, 1, '{S-1.5}', '{E:S-1.5}', NULL, NULL, {H-400}, {H-400}),
(2, 3, '{S-1.5}', '{E:S-1.5}', NULL, NULL, {H-400}, {H-400}),
(4, 5, '{S-1.1}', '{E:S-1.1}', NULL, NULL, {H-400}, {H-400}),
(6, 5, '{S-1.1}', '{E:S-1.1}', NULL, NULL, {H-400}, {H-400}),
(4, 5, '{S-1.4}', '{E:S-1.4}', NULL, NULL, {H-400}, {H-400}),
(6, 5, '{S-1.4}', '{E:S-1.4}', NULL, NULL, {H-400}, {H-400}),
(1, 1, '{S+0.1}', '{E:S+0.1}', NULL, NULL, {H-400}, {H-400}),
(2, 1, '{S+0.1}', '{E:S+0.1}', NULL, NULL, {H-400}, {H-400}),
(3, 1, '{S+0.1}', '{E:S+0.1}', NULL, NULL, {H-400}, {H-400}),
(4, 1, '{S+0.1}', '{E:S+0.1}', NULL, NULL, {H-400}, {H-400}),
(5, 1, '{S+0.1}', '{E:S+0.1}', NULL, NULL, {H-400}, {H-400}),
(6, 1, '{S+0.1}', '{E:S+0.1}', NULL, NULL, {H-400}, {H-400}),
(7, 1, '{S+0.1}', '{E:S+0.1}', NULL, NULL, {H-400}, {H-400}),
(2, 3, '{S+0.1}', '{E:S+0.1}', NULL, NULL, {H-400}, {H-400}),
(1, 1, '{S+0.2}', '{E:S+0.2}', NULL, NULL, {H-400}, {H-400}),
(2, 1, '{S+0.2}', '{E:S+0.2}', NULL, NULL, {H-400}, {H-400}),
(3, 1, '{S+0.2}', '{E:S+0.2}', NULL, NULL, {H-400}, {H-400}),
(4, 1, '{S+0.2}', '{E:S+0.2}', NULL, NULL, {H-400}, {H-400}),
(5, 1, '{S+0.2}', '{E:S+0.2}', NULL, NULL, {H-400}, {H-400}),
(6, 1, '{S+0.2}', '{E:S+0.2}', NULL, NULL, {H-400}, {H-400}),
(7, 1, '{S+0.2}', '{E:S+0.2}', NULL, NULL, {H-400}, {H-400}),
(2, 3, '{S+0.2}', '{E:S+0.2}', NULL, NULL, {H-400}, {H-400}),
(5, 3, '{S+0.2}', '{E:S+0.2}', NULL, NULL, {H-400}, {H-400}),
(1, 1, '{S+0.4}', '{E:S+0.4}', NULL, NULL, {H-400}, {H-400}),
(2, 1, '{S+0.4}', '{E:S+0.4}', NULL, NULL, {H-400}, {H-400}),
(3, 1, '{S+0.4}', '{E:S+0.4}', NULL, NULL, {H-400}, {H-400}),
(4, 1, '{S+0.4}', '{E:S+0.4}', NULL, NULL, {H-400}, {H-400}),
(5, 1, '{S+0.4}', '{E:S+0.4}', NULL, NULL, {H-400}, {H-400}),
(6, 1, '{S+0.4}', '{E:S+0.4}', NULL, NULL, {H-400}, {H-400}),
(7, 1, '{S+0.4}', '{E:S+0.4}', NULL, NULL, {H-400}, {H-400}),
(2, 3, '{S+0.4}', '{E:S+0.4}', NULL, NULL, {H-400}, {H-400}),
(5, 3, '{S+0.4}', '{E:S+0.4}', NULL, NULL, {H-400}, {H-400}),
(1, 1, '{S+0.5}', '{E:S+0.5}', NULL, NULL, {H-400}, {H-400}),
(2, 1, '{S+0.5}', '{E:S+0.5}', NULL, NULL, {H-400}, {H-400}),
(3, 1, '{S+0.5}', '{E:S+0.5}', NULL, NULL, {H-400}, {H-400}),
(4, 1, '{S+0.5}', '{E:S+0.5}', NULL, NULL, {H-400}, {H-400}),
(5, 1, '{S+0.5}', '{E:S+0.5}', NULL, NULL, {H-400}, {H-400}),
(6, 1, '{S+0.5}', '{E:S+0.5}', NULL, NULL, {H-400}, {H-400}),
(7, 1, '{S+0.5}', '{E:S+0.5}', NULL, NULL, {H-400}, {H-400}),
(2, 3, '{S+0.5}', '{E:S+0.5}', NULL, NULL, {H-400}, {H-400}),
(4, 5, '{S+0.1}', '{E:S+0.1}', NULL, NULL, {H-400}, {H-400}),
(6, 5, '{S+0.1}', '{E:S+0.1}', NULL, NULL, {H-400}, {H-400}),
(4, 5, '{S+0.4}', '{E:S+0.4}', NULL, NULL, {H-400}, {H-400}),
(6, 5, '{S+0.4}', '{E:S+0.4}', NULL, NULL, {H-400}, {H-400}),
(1, 1, '{S+1.1}', '{E:S+1.1}', NULL, NULL, {H-400}, {H-400}),
(2, 1, '{S+1.1}', '{E:S+1.1}', NULL, NULL, {H-400}, {H-400}),
(3, 1, '{S+1.1}', '{E:S+1.1}', NULL, NULL, {H-400}, {H-400}),
(4, 1, '{S+1.1}', '{E:S+1.1}', NULL, NULL, {H-400}, {H-400}),
(5, 1, '{S+1.1}', '{E:S+1.1}', NULL, NULL, {H-400}, {H-400}),
(6, 1, '{S+1.1}', '{E:S+1.1}', NULL, NULL, {H-400}, {H-400}),
(7, 1, '{S+1.1}', '{E:S+1.1}', NULL, NULL, {H-400}, {H-400}),
(2, 3, '{S+1.1}', '{E:S+1.1}', NULL, NULL, {H-400}, {H-400}),
(1, 1, '{S+1.2}', '{E:S+1.2}', NULL, NULL, {H-400}, {H-400}),
(2, 1, '{S+1.2}', '{E:S+1.2}', NULL, NULL, {H-400}, {H-400}),
(3, 1, '{S+1.2}', '{E:S+1.2}', NULL, NULL, {H-400}, {H-400}),
(4, 1, '{S+1.2}', '{E:S+1.2}', NULL, NULL, {H-400}, {H-400}),
(5, 1, '{S+1.2}', '{E:S+1.2}', NULL, NULL, {H-400}, {H-400}),
(6, 1, '{S+1.2}', '{E:S+1.2}', NULL, NULL, {H-400}, {H-400}),
(7, 1, '{S+1.2}', '{E:S+1.2}', NULL, NULL, {H-400}, {H-400}),
(2, 3, '{S+1.2}', '{E:S+1.2}', NULL, NULL, {H-400}, {H-400}),
(5, 3, '{S+1.2}', '{E:S+1.2}', NULL, NULL, {H-400}, {H-400}),
(1, 1, '{S+1.4}', '{E:S+1.4}', NULL, NULL, {H-400}, {H-400}),
(2, 1, '{S+1.4}', 'absence_demandee', 'convenance', 131, {H-400}, {H-400}),
(3, 1, '{S+1.4}', '{E:S+1.4}', NULL, NULL, {H-400}, {H-400}),
(4, 1, '{S+1.4}', '{E:S+1.4}', NULL, NULL, {H-400}, {H-400}),
(5, 1, '{S+1.4}', '{E:S+1.4}', NULL, NULL, {H-400}, {H-400}),
(6, 1, '{S+1.4}', '{E:S+1.4}', NULL, NULL, {H-400}, {H-400}),
(7, 1, '{S+1.4}', '{E:S+1.4}', NULL, NULL, {H-400}, {H-400}),
(2, 3, '{S+1.4}', '{E:S+1.4}', NULL, NULL, {H-400}, {H-400}),
(5, 3, '{S+1.4}', '{E:S+1.4}', NULL, NULL, {H-400}, {H-400}),
(1, 1, '{S+1.5}', '{E:S+1.5}', NULL, NULL, {H-400}, {H-400}),
(2, 1, '{S+1.5}', '{E:S+1.5}', NULL, NULL, {H-400}, {H-400}),
(3, 1, '{S+1.5}', '{E:S+1.5}', NULL, NULL, {H-400}, {H-400}),
(4, 1, '{S+1.5}', '{E:S+1.5}', NULL, NULL, {H-400}, {H-400}),
(5, 1, '{S+1.5}', '{E:S+1.5}', NULL, NULL, {H-400}, {H-400}),
(6, 1, '{S+1.5}', '{E:S+1.5}', NULL, NULL, {H-400}, {H-400}),
(7, 1, '{S+1.5}', '{E:S+1.5}', NULL, NULL, {H-400}, {H-400}),
(2, 3, '{S+1.5}', '{E:S+1.5}', NULL, NULL, {H-400}, {H-400}),
(4, 5, '{S+1.1}', '{E:S+1.1}', NULL, NULL, {H-400}, {H-400}),
(6, 5, '{S+1.1}', '{E:S+1.1}', NULL, NULL, {H-400}, {H-400}),
(4, 5, '{S+1.4}', '{E:S+1.4}', NULL, NULL, {H-400}, {H-400}),
(6, 5, '{S+1.4}', '{E:S+1.4}', NULL, NULL, {H-400}, {H-400}),
(1, 1, '{S+2.1}', '{E:S+2.1}', NULL, NULL, {H-400}, {H-400}),
(2, 1, '{S+2.1}', '{E:S+2.1}', NULL, NULL, {H-400}, {H-400}),
(3, 1, '{S+2.1}', '{E:S+2.1}', NULL, NULL, {H-400}, {H-400}),
(4, 1, '{S+2.1}', '{E:S+2.1}', NULL, NULL, {H-400}, {H-400}),
(5, 1, '{S+2.1}', '{E:S+2.1}', NULL, NULL, {H-400}, {H-400}),
(6, 1, '{S+2.1}', '{E:S+2.1}', NULL, NULL, {H-400}, {H-400}),
(7, 1, '{S+2.1}', '{E:S+2.1}', NULL, NULL, {H-400}, {H-400}),
(2, 3, '{S+2.1}', '{E:S+2.1}', NULL, NULL, {H-400}, {H-400}),
(1, 1, '{S+2.2}', '{E:S+2.2}', NULL, NULL, {H-400}, {H-400}),
(2, 1, '{S+2.2}', '{E:S+2.2}', NULL, NULL, {H-400}, {H-400}),
(3, 1, '{S+2.2}', '{E:S+2.2}', NULL, NULL, {H-400}, {H-400}),
(4, 1, '{S+2.2}', '{E:S+2.2}', NULL, NULL, {H-400}, {H-400}),
(5, 1, '{S+2.2}', '{E:S+2.2}', NULL, NULL, {H-400}, {H-400}),
(6, 1, '{S+2.2}', '{E:S+2.2}', NULL, NULL, {H-400}, {H-400}),
(7, 1, '{S+2.2}', '{E:S+2.2}', NULL, NULL, {H-400}, {H-400}),
(2, 3, '{S+2.2}', '{E:S+2.2}', NULL, NULL, {H-400}, {H-400}),
(5, 3, '{S+2.2}', '{E:S+2.2}', NULL, NULL, {H-400}, {H-400}),
(1, 1, '{S+2.4}', '{E:S+2.4}', NULL, NULL, {H-400}, {H-400}),
(2, 1, '{S+2.4}', '{E:S+2.4}', NULL, NULL, {H-400}, {H-400}),
(3, 1, '{S+2.4}', '{E:S+2.4}', NULL, NULL, {H-400}, {H-400}),
(4, 1, '{S+2.4}', '{E:S+2.4}', NULL, NULL, {H-400}, {H-400}),
(5, 1, '{S+2.4}', '{E:S+2.4}', NULL, NULL, {H-400}, {H-400}),
(6, 1, '{S+2.4}', '{E:S+2.4}', NULL, NULL, {H-400}, {H-400}),
(7, 1, '{S+2.4}', '{E:S+2.4}', NULL, NULL, {H-400}, {H-400}),
(2, 3, '{S+2.4}', '{E:S+2.4}', NULL, NULL, {H-400}, {H-400}),
(5, 3, '{S+2.4}', '{E:S+2.4}', NULL, NULL, {H-400}, {H-400}),
(1, 1, '{S+2.5}', '{E:S+2.5}', NULL, NULL, {H-400}, {H-400}),
(2, 1, '{S+2.5}', '{E:S+2.5}', NULL, NULL, {H-400}, {H-400}),
(3, 1, '{S+2.5}', '{E:S+2.5}', NULL, NULL, {H-400}, {H-400}),
(4, 1, '{S+2.5}', '{E:S+2.5}', NULL, NULL, {H-400}, {H-400}),
(5, 1, '{S+2.5}', '{E:S+2.5}', NULL, NULL, {H-400}, {H-400}),
(6, 1, '{S+2.5}', '{E:S+2.5}', NULL, NULL, {H-400}, {H-400}),
(7, 1, '{S+2.5}', '{E:S+2.5}', NULL, NULL, {H-400}, {H-400}),
(2, 3, '{S+2.5}', '{E:S+2.5}', NULL, NULL, {H-400}, {H-400}),
(4, 5, '{S+2.1}', '{E:S+2.1}', NULL, NULL, {H-400}, {H-400}),
(6, 5, '{S+2.1}', '{E:S+2.1}', NULL, NULL, {H-400}, {H-400}),
(4, 5, '{S+2.4}', '{E:S+2.4}', NULL, NULL, {H-400}, {H-400}),
(6, 5, '{S+2.4}', '{E:S+2.4}', NULL, NULL, {H-400}, {H-400}),
(1, 4, '{S-2.3}', '{E:S-2.3}', NULL, NULL, {H-400}, {H-400}),
(3, 4, '{S-2.3}', '{E:S-2.3}', NULL, NULL, {H-400}, {H-400}),
(1, 4, '{S-1.3}', '{E:S-1.3}', NULL, NULL, {H-400}, {H-400}),
(3, 4, '{S-1.3}', '{E:S-1.3}', NULL, NULL, {H-400}, {H-400}),
(1, 4, '{S+0.3}', '{E:S+0.3}', NULL, NULL, {H-400}, {H-400}),
(3, 4, '{S+0.3}', '{E:S+0.3}', NULL, NULL, {H-400}, {H-400}),
(1, 4, '{S+1.3}', 'en_attente', NULL, 132, {H-400}, {H-400}),
(3, 4, '{S+1.3}', 'annule', NULL, 133, {H-400}, {H-400}),
(1, 5, '{S+1.1}', 'liste_attente', NULL, 134, {H-400}, {H-400});
-- What each request did to its days.
INSERT INTO request_days (request_id, booking_id, action, outcome)
SELECT 130, id, 'absence', 'absence_demandee' FROM bookings WHERE request_id = 130;
INSERT INTO request_days (request_id, booking_id, action, outcome)
SELECT 131, id, 'absence', 'absence_demandee' FROM bookings WHERE request_id = 131;
INSERT INTO request_days (request_id, booking_id, action, outcome)
SELECT 132, id, 'reservation', 'en_attente' FROM bookings WHERE request_id = 132;
INSERT INTO request_days (request_id, booking_id, action, outcome)
SELECT 133, id, 'reservation', 'en_attente' FROM bookings WHERE request_id = 133;
INSERT INTO request_days (request_id, booking_id, action, outcome)
SELECT 134, id, 'reservation', 'liste_attente' FROM bookings WHERE request_id = 134;
-- The places taken, as the booking path keeps them.
DELETE FROM day_counts;
INSERT INTO day_counts (activity_id, day, taken)
SELECT activity_id, day, COUNT(*) FROM bookings
WHERE status IN ('reserve', 'en_attente', 'absence_demandee', 'present', 'absent')
GROUP BY activity_id, day;
-- h15wallet: a régie that works « prépayé », and the demo family's porte-monnaie there
-- (topped up, then corrected by the town), so the porte-monnaie screens have something to show.
INSERT INTO regies (code, name, emetteur, delai_paiement, relance_jours, created_at, prepaye, recharge_min, recharge_max)
VALUES ('STAG', 'Régie des stages', 'Mairie de Ville-de-Démo — régie des stages', 30, 5, {H-400}, 1, 1000, 20000);
INSERT INTO wallets (family_id, regie_id, solde, active_le) SELECT 1, id, 2500, {H-300} FROM regies WHERE code = 'STAG';
INSERT INTO wallet_movements (family_id, regie_id, kind, montant, solde, motif, created_at)
SELECT 1, id, 'recharge', 2000, 2000, NULL, {H-200} FROM regies WHERE code = 'STAG';
INSERT INTO wallet_movements (family_id, regie_id, kind, montant, solde, motif, created_at)
SELECT 1, id, 'ajustement', 500, 2500, 'Stage du 2 novembre annulé par la mairie', {H-100} FROM regies WHERE code = 'STAG';
