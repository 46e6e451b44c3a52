-- The porte-monnaie: a prepaid balance a family holds at a régie, topped up by card
-- (PayFiP) and drawn by the bookings of the activities that régie bills « prépayé ».
-- Money: integer cents.  The balance is only ever changed by pt_wallet_move (one
-- conditional UPDATE that never lets it go below zero, then the movement that explains it).

-- A régie either invoices its activities at the end of the month (0) or takes them from
-- the porte-monnaie when a booking is accepted (1); a top-up is between these bounds.
ALTER TABLE regies ADD COLUMN prepaye INTEGER NOT NULL DEFAULT 0 CHECK (prepaye IN (0, 1));
ALTER TABLE regies ADD COLUMN recharge_min INTEGER NOT NULL DEFAULT 1000 CHECK (recharge_min > 0);
ALTER TABLE regies ADD COLUMN recharge_max INTEGER NOT NULL DEFAULT 30000 CHECK (recharge_max > 0);
-- The régie's PayFiP client number (6 digits); NULL: the PortailPayfip default.
ALTER TABLE regies ADD COLUMN payfip_numcli TEXT;

-- The family's porte-monnaie at a régie, once activated.  solde never goes below zero.
CREATE TABLE wallets (
    family_id BIGINT NOT NULL REFERENCES families (id) ON DELETE CASCADE,
    regie_id BIGINT NOT NULL REFERENCES regies (id),
    solde INTEGER NOT NULL DEFAULT 0 CHECK (solde >= 0),
    active_le BIGINT NOT NULL,
    PRIMARY KEY (family_id, regie_id)
);

-- Every change of a balance, signed, with the balance after it: « recharge » (a card
-- payment), « debit » (a booking accepted), « remboursement » (a booking cancelled in
-- time), « ajustement » (an agent, with a reason).
CREATE TABLE wallet_movements (
    id @id@,
    family_id BIGINT NOT NULL,
    regie_id BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('recharge', 'debit', 'remboursement', 'ajustement')),
    montant INTEGER NOT NULL CHECK (montant <> 0),
    solde INTEGER NOT NULL CHECK (solde >= 0),
    booking_id BIGINT REFERENCES bookings (id) ON DELETE SET NULL,
    payment_id BIGINT REFERENCES payments (id) ON DELETE SET NULL,
    motif TEXT,
    agent_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    FOREIGN KEY (family_id, regie_id) REFERENCES wallets (family_id, regie_id) ON DELETE CASCADE
);
CREATE INDEX wallet_movements_family ON wallet_movements (family_id, regie_id, id);
CREATE INDEX wallet_movements_booking ON wallet_movements (booking_id);
