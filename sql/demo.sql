-- Demonstration data for Ville-de-Démo (portable: SQLite and PostgreSQL).  No accounts:
-- `portail-ctl demo` creates the demo agent and parent with real bcrypt hashes.

INSERT INTO news (id, title, body, published_at, visible) VALUES
(1, 'Inscriptions périscolaires 2027', 'Les pré-inscriptions à l''accueil périscolaire du matin et du soir pour la rentrée 2027 ouvriront le lundi 4 janvier. Pensez à mettre à jour votre dossier famille avant cette date.', 1795417200, 1);
INSERT INTO news (id, title, body, published_at, visible) VALUES
(2, 'Menus de la cantine de décembre', 'Les menus de la restauration scolaire du mois de décembre sont disponibles. Le repas de Noël sera servi le jeudi 17 décembre dans toutes les écoles.', 1795244400, 1);
INSERT INTO news (id, title, body, published_at, visible) VALUES
(3, 'Vacances d''hiver : accueil de loisirs', 'L''accueil de loisirs sera ouvert pendant les vacances d''hiver, du lundi 8 au vendredi 19 février, de 7 h 30 à 18 h 30. Les réservations ouvrent le 11 janvier.', 1794898800, 1);
INSERT INTO news (id, title, body, published_at, visible) VALUES
(4, 'Fermeture exceptionnelle le 11 décembre', 'En raison d''une formation des équipes, l''accueil périscolaire du soir sera fermé le vendredi 11 décembre. Merci de votre compréhension.', 1794639600, 1);
INSERT INTO news (id, title, body, published_at, visible) VALUES
(5, 'Brouillon : spectacle de fin d''année', 'Texte en cours de rédaction.', 1795500000, 0);

INSERT INTO families (id, code_abonne, nom, adresse, code_postal, commune, quotient, allocataire_caf, revenu_reference, created_at) VALUES
(1, 'K7QM-4XPT-9HWA', 'MARTIN', '12 rue des Écoles', '99100', 'Ville-de-Démo', 820, '1234567', 3150000, 1788220800);
INSERT INTO families (id, code_abonne, nom, adresse, code_postal, commune, quotient, allocataire_caf, revenu_reference, created_at) VALUES
(2, 'R3ZD-8NVE-2KQB', 'BENALI', '4 allée des Tilleuls', '99100', 'Ville-de-Démo', 540, '7654321', 2280000, 1788220800);
INSERT INTO families (id, code_abonne, nom, adresse, code_postal, commune, quotient, allocataire_caf, revenu_reference, created_at) VALUES
(3, 'W9HT-5CMU-6YPF', 'LE GALL', '27 chemin du Moulin', '99100', 'Ville-de-Démo', NULL, NULL, NULL, 1788220800);

INSERT INTO responsables (id, family_id, rang, civilite, nom, prenom, date_naissance, email, tel_portable) VALUES
(1, 1, 1, 'Mme', 'MARTIN', 'Marie', '1986-05-14', 'parent@demo.portail.fr', '06 12 34 56 78');
INSERT INTO responsables (id, family_id, rang, civilite, nom, prenom, date_naissance, email, tel_portable) VALUES
(2, 1, 2, 'M.', 'MARTIN', 'Julien', '1984-09-02', NULL, '06 98 76 54 32');
INSERT INTO responsables (id, family_id, rang, civilite, nom, prenom, date_naissance, email, tel_portable) VALUES
(3, 2, 1, 'Mme', 'BENALI', 'Samira', '1990-01-23', NULL, '07 11 22 33 44');
INSERT INTO responsables (id, family_id, rang, civilite, nom, prenom, date_naissance, email, tel_portable) VALUES
(4, 3, 1, 'M.', 'LE GALL', 'Yann', '1982-11-30', NULL, '06 55 44 33 22');

INSERT INTO children (id, family_id, nom, prenom, date_naissance, sexe, ecole, classe) VALUES
(1, 1, 'MARTIN', 'Léa', '2016-03-02', 'F', 'École Jules-Ferry', 'CM2');
INSERT INTO children (id, family_id, nom, prenom, date_naissance, sexe, ecole, classe) VALUES
(2, 1, 'MARTIN', 'Hugo', '2018-07-19', 'M', 'École Jules-Ferry', 'CE2');
INSERT INTO children (id, family_id, nom, prenom, date_naissance, sexe, ecole, classe) VALUES
(3, 1, 'MARTIN', 'Chloé', '2021-01-11', 'F', 'École maternelle Les Lilas', 'MS');
INSERT INTO children (id, family_id, nom, prenom, date_naissance, sexe, ecole, classe) VALUES
(4, 2, 'BENALI', 'Inès', '2017-10-05', 'F', 'École Jules-Ferry', 'CM1');
INSERT INTO children (id, family_id, nom, prenom, date_naissance, sexe, ecole, classe) VALUES
(5, 2, 'BENALI', 'Adam', '2019-04-27', 'M', 'École maternelle Les Lilas', 'GS');
INSERT INTO children (id, family_id, nom, prenom, date_naissance, sexe, ecole, classe) VALUES
(6, 3, 'LE GALL', 'Maël', '2015-06-08', 'M', 'École Jules-Ferry', 'CM2');
INSERT INTO children (id, family_id, nom, prenom, date_naissance, sexe, ecole, classe) VALUES
(7, 3, 'LE GALL', 'Nolwenn', '2020-12-15', 'F', 'École maternelle Les Lilas', 'MS');

INSERT INTO activities (id, name, type, description, place, age_min, age_max, capacity, start_time, end_time, active) VALUES
(1, 'Restauration scolaire', 'REST', 'Repas du midi dans les restaurants scolaires de la ville.', 'Restaurants scolaires', 3, 11, 200, '11:30', '13:30', 1);
INSERT INTO activities (id, name, type, description, place, age_min, age_max, capacity, start_time, end_time, active) VALUES
(2, 'Accueil périscolaire du matin', 'PERI', 'Accueil des enfants avant la classe.', 'École Jules-Ferry', 3, 11, 60, '07:30', '08:30', 1);
INSERT INTO activities (id, name, type, description, place, age_min, age_max, capacity, start_time, end_time, active) VALUES
(3, 'Accueil périscolaire du soir', 'PERI', 'Goûter et activités après la classe.', 'École Jules-Ferry', 3, 11, 80, '16:30', '18:30', 1);
INSERT INTO activities (id, name, type, description, place, age_min, age_max, capacity, start_time, end_time, active) VALUES
(4, 'Accueil de loisirs du mercredi', 'EXTRA', 'Journée d''activités le mercredi.', 'Centre de loisirs Les Marronniers', 3, 11, 100, '07:30', '18:30', 1);
INSERT INTO activities (id, name, type, description, place, age_min, age_max, capacity, start_time, end_time, active) VALUES
(5, 'Multisport', 'SPORT', 'Découverte de sports collectifs et individuels.', 'Gymnase municipal', 6, 11, 24, '17:00', '18:00', 1);

-- Invoices whose references let a family subscribe without its code abonné.
INSERT INTO invoices (id, family_id, code_emission, reference, code_personne, montant, emise_le) VALUES
(1, 1, 'RS2610', 'F2026-000123', 'P00417', 8640, '2026-11-02');
INSERT INTO invoices (id, family_id, code_emission, reference, code_personne, montant, emise_le) VALUES
(2, 2, 'RS2610', 'F2026-000124', 'P00522', 4520, '2026-11-02');
-- Periods of the demo activities: the school year 2026-2027 (migration 008).
INSERT INTO activity_periods (activity_id, date_debut, date_fin, weekdays) VALUES (1, '2026-09-01', '2027-07-03', '1101100');
INSERT INTO activity_periods (activity_id, date_debut, date_fin, weekdays) VALUES (2, '2026-09-01', '2027-07-03', '1101100');
INSERT INTO activity_periods (activity_id, date_debut, date_fin, weekdays) VALUES (3, '2026-09-01', '2027-07-03', '1101100');
INSERT INTO activity_periods (activity_id, date_debut, date_fin, weekdays) VALUES (4, '2026-09-02', '2027-06-30', '0010000');
INSERT INTO activity_periods (activity_id, date_debut, date_fin, weekdays) VALUES (5, '2026-09-14', '2027-06-25', '1001000');
INSERT INTO closures (activity_id, date_debut, date_fin, label) VALUES (NULL, '2026-10-17', '2026-11-01', 'Vacances de la Toussaint');
INSERT INTO closures (activity_id, date_debut, date_fin, label) VALUES (NULL, '2026-12-19', '2027-01-03', 'Vacances de Noël');
-- Billing (migration 014): the régie of the canteen and after-school care, its tariffs by
-- quotient familial, and MARTIN's invoices — October's paid (imported from the former
-- software, its references are those of the town's letter), November's partly paid, a
-- supplementary one to pay.  BENALI's October invoice is to pay.
INSERT INTO regies (id, code, name, emetteur, delai_paiement, relance_jours, created_at) VALUES
(1, 'CANT', 'Régie restauration et périscolaire', 'Régie restauration et périscolaire — Mairie de Ville-de-Démo, 1 place de la Mairie, 99100 Ville-de-Démo', 30, 5, 1788220800);
UPDATE activities SET regie_id = 1 WHERE id IN (1, 2, 3, 4);
UPDATE activities SET late_policy = 'majoration', surcharge_pct = 50 WHERE id = 1;
UPDATE families SET quotient_le = '2026-09-01' WHERE quotient IS NOT NULL;
INSERT INTO tariffs (id, activity_id, valid_from, mode, taux, plancher, plafond, created_at) VALUES
(1, 1, '2026-09-01', 'tranches', 0, 0, 0, 1788220800);
INSERT INTO tariff_brackets (tariff_id, qf_min, qf_max, prix) VALUES (1, 0, 500, 150);
INSERT INTO tariff_brackets (tariff_id, qf_min, qf_max, prix) VALUES (1, 501, 1000, 320);
INSERT INTO tariff_brackets (tariff_id, qf_min, qf_max, prix) VALUES (1, 1001, NULL, 480);
INSERT INTO tariffs (id, activity_id, valid_from, mode, taux, plancher, plafond, created_at) VALUES
(2, 2, '2026-09-01', 'taux', 195, 50, 250, 1788220800);
INSERT INTO tariffs (id, activity_id, valid_from, mode, taux, plancher, plafond, created_at) VALUES
(3, 3, '2026-09-01', 'taux', 333, 80, 350, 1788220800);
INSERT INTO tariffs (id, activity_id, valid_from, mode, taux, plancher, plafond, created_at) VALUES
(4, 4, '2026-09-01', 'tranches', 0, 0, 0, 1788220800);
INSERT INTO tariff_brackets (tariff_id, qf_min, qf_max, prix) VALUES (4, 0, 500, 600);
INSERT INTO tariff_brackets (tariff_id, qf_min, qf_max, prix) VALUES (4, 501, 1000, 1100);
INSERT INTO tariff_brackets (tariff_id, qf_min, qf_max, prix) VALUES (4, 1001, NULL, 1600);
INSERT INTO tariffs (id, activity_id, valid_from, mode, taux, plancher, plafond, created_at) VALUES
(5, 1, '2027-01-01', 'tranches', 0, 0, 0, 1788220800);
INSERT INTO tariff_brackets (tariff_id, qf_min, qf_max, prix) VALUES (5, 0, 500, 160);
INSERT INTO tariff_brackets (tariff_id, qf_min, qf_max, prix) VALUES (5, 501, 1000, 335);
INSERT INTO tariff_brackets (tariff_id, qf_min, qf_max, prix) VALUES (5, 1001, NULL, 500);

UPDATE invoices SET regie_id = 1, periode = '2026-10', echeance = '2026-12-02', emetteur = (SELECT emetteur FROM regies WHERE id = 1), created_at = 1793613600 WHERE id IN (1, 2);
INSERT INTO invoice_lines (invoice_id, position, child_id, activity_id, enfant, activite, jours, prix, majoration, montant) VALUES
(1, 1, 1, 1, 'Léa', 'Restauration scolaire', 12, 320, 0, 3840);
INSERT INTO invoice_lines (invoice_id, position, child_id, activity_id, enfant, activite, jours, prix, majoration, montant) VALUES
(1, 2, 2, 1, 'Hugo', 'Restauration scolaire', 12, 320, 320, 4160);
INSERT INTO invoice_lines (invoice_id, position, child_id, activity_id, enfant, activite, jours, prix, majoration, montant) VALUES
(1, 3, 2, 2, 'Hugo', 'Accueil périscolaire du matin', 4, 160, 0, 640);
INSERT INTO invoice_lines (invoice_id, position, child_id, activity_id, enfant, activite, jours, prix, majoration, montant) VALUES
(2, 1, 4, 1, 'Inès', 'Restauration scolaire', 9, 320, 0, 2880);
INSERT INTO invoice_lines (invoice_id, position, child_id, activity_id, enfant, activite, jours, prix, majoration, montant) VALUES
(2, 2, 5, 1, 'Adam', 'Restauration scolaire', 4, 320, 0, 1280);
INSERT INTO invoice_lines (invoice_id, position, child_id, activity_id, enfant, activite, jours, prix, majoration, montant) VALUES
(2, 3, 5, 3, 'Adam', 'Accueil périscolaire du soir', 2, 180, 0, 360);
INSERT INTO invoices (id, family_id, code_emission, reference, code_personne, montant, emise_le, regie_id, periode, echeance, emetteur, etat, paye, created_at) VALUES
(3, 1, 'CANT-202611', '2026-CANT-000001', 'P00001', 9900, '2026-12-01', 1, '2026-11', '2026-12-31', 'Régie restauration et périscolaire — Mairie de Ville-de-Démo, 1 place de la Mairie, 99100 Ville-de-Démo', 'emise', 4000, 1796119200);
INSERT INTO invoice_lines (invoice_id, position, child_id, activity_id, enfant, activite, jours, prix, majoration, montant) VALUES
(3, 1, 1, 1, 'Léa', 'Restauration scolaire', 14, 320, 160, 4640);
INSERT INTO invoice_lines (invoice_id, position, child_id, activity_id, enfant, activite, jours, prix, majoration, montant) VALUES
(3, 2, 2, 1, 'Hugo', 'Restauration scolaire', 13, 320, 0, 4160);
INSERT INTO invoice_lines (invoice_id, position, child_id, activity_id, enfant, activite, jours, prix, majoration, montant) VALUES
(3, 3, 2, 4, 'Hugo', 'Accueil de loisirs du mercredi', 1, 1100, 0, 1100);
INSERT INTO invoices (id, family_id, code_emission, reference, code_personne, montant, emise_le, regie_id, periode, echeance, emetteur, etat, paye, created_at) VALUES
(4, 1, 'CANT-202611', '2026-CANT-000002', 'P00001', 960, '2026-12-01', 1, '2026-11', '2026-12-31', 'Régie restauration et périscolaire — Mairie de Ville-de-Démo, 1 place de la Mairie, 99100 Ville-de-Démo', 'emise', 0, 1796119260);
INSERT INTO invoice_lines (invoice_id, position, child_id, activity_id, enfant, activite, jours, prix, majoration, montant) VALUES
(4, 1, 3, 1, 'Chloé', 'Restauration scolaire', 3, 320, 0, 960);
INSERT INTO billing_numbers (regie_id, year, kind, last) VALUES (1, 2026, 'facture', 2);
INSERT INTO billing_numbers (regie_id, year, kind, last) VALUES (1, 2026, 'recu', 2);
UPDATE invoices SET paye = 8640 WHERE id = 1;
INSERT INTO payments (id, family_id, regie_id, numero, moyen, montant, paye_le, piece, created_at) VALUES
(1, 1, 1, '2026-CANT-R000001', 'cheque', 8640, '2026-11-20', '0012345', 1795651200);
INSERT INTO payment_allocations (payment_id, invoice_id, montant) VALUES (1, 1, 8640);
INSERT INTO payments (id, family_id, regie_id, numero, moyen, montant, paye_le, piece, created_at) VALUES
(2, 1, 1, '2026-CANT-R000002', 'especes', 4000, '2026-12-01', NULL, 1796122800);
INSERT INTO payment_allocations (payment_id, invoice_id, montant) VALUES (2, 3, 4000);
