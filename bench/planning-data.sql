-- bench/planning-data.sql — the family the planning bench measures: four children, eight
-- activities each (the demo's five and three more), enrolled for the current school year,
-- with a reservation every other open day.  Loaded by bench/run into the demo database;
-- :TODAY-like values are written by bench/run with sed before loading.
INSERT INTO activities (id, name, type, description, place, age_min, age_max, capacity, start_time, end_time, active) VALUES
(101, 'Études surveillées', 'ETUDE', 'Aide aux devoirs.', 'École Jules-Ferry', 6, 11, 40, '16:30', '17:30', 1);
INSERT INTO activities (id, name, type, description, place, age_min, age_max, capacity, start_time, end_time, active) VALUES
(102, 'Atelier musique', 'EXTRA', 'Éveil musical.', 'Conservatoire', 3, 11, 20, '17:00', '18:00', 1);
INSERT INTO activities (id, name, type, description, place, age_min, age_max, capacity, start_time, end_time, active) VALUES
(103, 'Piscine', 'SPORT', 'Natation.', 'Piscine municipale', 3, 11, 30, '13:30', '15:00', 1);
INSERT INTO activity_periods (activity_id, date_debut, date_fin, weekdays) VALUES (101, '2026-09-01', '2027-07-03', '1101100');
INSERT INTO activity_periods (activity_id, date_debut, date_fin, weekdays) VALUES (102, '2026-09-01', '2027-07-03', '1101100');
INSERT INTO activity_periods (activity_id, date_debut, date_fin, weekdays) VALUES (103, '2026-09-01', '2027-07-03', '0010000');
INSERT INTO families (id, code_abonne, nom, created_at) VALUES (900, 'BNCH-2345-6789', 'BENCH', 0);
INSERT INTO children (id, family_id, nom, prenom, date_naissance) VALUES (901, 900, 'Bench', 'Anna', '2016-03-01');
INSERT INTO children (id, family_id, nom, prenom, date_naissance) VALUES (902, 900, 'Bench', 'Bruno', '2017-04-02');
INSERT INTO children (id, family_id, nom, prenom, date_naissance) VALUES (903, 900, 'Bench', 'Chloé', '2018-05-03');
INSERT INTO children (id, family_id, nom, prenom, date_naissance) VALUES (904, 900, 'Bench', 'David', '2019-06-04');
INSERT INTO requests (id, family_id, kind, status, title, created_at, updated_at) VALUES (900, 900, 'preinscription', 'acceptee', 'Bench', 0, 0);
INSERT INTO enrolments (request_id, child_id, activity_id, date_debut, date_fin, weekdays)
SELECT 900, c.id, a.id, '2026-09-01', '2027-07-03', '1111100' FROM children c, activities a
WHERE c.family_id = 900 AND a.id IN (1, 2, 3, 4, 5, 101, 102, 103);
