-- Need to know (issue 16, point 6): an agent holds roles, and each role opens its screens
-- and its data (core/pt_role.c; the matrix is in docs/architecture.md).
--   accueil         families, parents' accounts, queues, day sheets; health data
--   restauration    day sheets and lists; health data (allergies, PAI, diet)
--   facturation     invoices, payments, tariffs; bank data (IBAN, BIC, holder)
--   administration  agents and their roles, activities, closures, the journal
CREATE TABLE agent_roles (
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role TEXT NOT NULL
        CHECK (role IN ('accueil', 'restauration', 'facturation', 'administration')),
    PRIMARY KEY (account_id, role)
);

-- The agents of an existing portal keep what they had (every screen, every datum): they
-- get the four roles, and an administrator then takes away what each does not need
-- (/portail/admin/agents).  Agents created afterwards start with none.
INSERT INTO agent_roles (account_id, role)
SELECT a.id, r.role FROM accounts a,
    (SELECT 'accueil' AS role UNION ALL SELECT 'restauration' UNION ALL SELECT 'facturation'
     UNION ALL SELECT 'administration') r
WHERE a.role = 'agent';

-- The journal never keeps a full IBAN nor a health detail (core/pt_audit.c now writes
-- the masked IBAN and no value for the other bank and health fields): the rows written
-- before are scrubbed the same way — an IBAN's values are dropped (masking needs C), the
-- action still says which field changed.
UPDATE audit SET before_value = NULL, after_value = NULL
WHERE object_type IN ('responsable', 'enfant')
  AND action IN ('modification iban', 'validation iban', 'modification bic', 'validation bic',
                 'modification titulaire', 'validation titulaire',
                 'modification allergies', 'validation allergies',
                 'modification pai', 'validation pai',
                 'modification vaccinations', 'validation vaccinations',
                 'modification medecin', 'validation medecin',
                 'modification medecin_tel', 'validation medecin_tel',
                 'modification regime', 'validation regime');
