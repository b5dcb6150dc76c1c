-- A rejected or returned payment an advisor cancels as not due (paymentException): who and when; and what
-- it had counted is undone — the endowment's reservation released (released_at), a loan never lent cancelled.
ALTER TABLE payment_order ADD COLUMN cancelled_by VARCHAR(64);
ALTER TABLE payment_order ADD COLUMN cancelled_at TIMESTAMP;
ALTER TABLE endowment_reservation ADD COLUMN released_at TIMESTAMP;
