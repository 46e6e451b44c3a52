-- After demo.sql on PostgreSQL: identity sequences continue after the explicit ids.
SELECT setval(pg_get_serial_sequence('news', 'id'), (SELECT max(id) FROM news));
SELECT setval(pg_get_serial_sequence('families', 'id'), (SELECT max(id) FROM families));
SELECT setval(pg_get_serial_sequence('responsables', 'id'), (SELECT max(id) FROM responsables));
SELECT setval(pg_get_serial_sequence('children', 'id'), (SELECT max(id) FROM children));
SELECT setval(pg_get_serial_sequence('activities', 'id'), (SELECT max(id) FROM activities));
SELECT setval(pg_get_serial_sequence('invoices', 'id'), (SELECT max(id) FROM invoices));
-- demo-ville gives its requests ids (101…): the sequence continues after them (1 when none).
SELECT setval(pg_get_serial_sequence('requests', 'id'), (SELECT COALESCE(max(id), 0) + 1 FROM requests), false);
SELECT setval(pg_get_serial_sequence('regies', 'id'), (SELECT max(id) FROM regies));
SELECT setval(pg_get_serial_sequence('tariffs', 'id'), (SELECT max(id) FROM tariffs));
SELECT setval(pg_get_serial_sequence('payments', 'id'), (SELECT max(id) FROM payments));
