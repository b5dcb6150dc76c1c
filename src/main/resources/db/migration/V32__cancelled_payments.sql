-- A rejected or returned payment an advisor cancels as not due (paymentException): who and when; and what
-- it had counted is undone — the endowment's reservation released (released_at), a loan never lent cancelled.
ALTER TABLE payment_order ADD COLUMN cancelled_by VARCHAR(64);
ALTER TABLE payment_order ADD COLUMN cancelled_at TIMESTAMP;
ALTER TABLE endowment_reservation ADD COLUMN released_at TIMESTAMP;

-- An entry nobody recognised may be applied by a gestionnaire (reconcileBankEntry): only an incoming transfer in
-- euros may repay a loan, so the entry keeps its direction and currency, and who applied it.
ALTER TABLE bank_entry ADD COLUMN direction VARCHAR(4);
ALTER TABLE bank_entry ADD COLUMN currency VARCHAR(3);
ALTER TABLE bank_entry ADD COLUMN applied_by VARCHAR(64);
