-- Money out and back (issue "payments"): each order goes ORDERED → APPROVED → SENT → PAID, or
-- REJECTED / RETURNED, with who and when at each step; approved orders are gathered into one SEPA
-- credit-transfer batch each, and the bank's notifications mark them paid or returned.
ALTER TABLE payment_order ADD COLUMN status VARCHAR(20) DEFAULT 'ORDERED' NOT NULL;
-- The person who decided the payment (four eyes: never its approver).
ALTER TABLE payment_order ADD COLUMN decided_by VARCHAR(64);
ALTER TABLE payment_order ADD COLUMN iban VARCHAR(34);
-- Who last changed the bank details after the order (a changed account always needs another approver).
ALTER TABLE payment_order ADD COLUMN bank_details_by VARCHAR(64);
ALTER TABLE payment_order ADD COLUMN bic VARCHAR(11);
ALTER TABLE payment_order ADD COLUMN approved_by VARCHAR(64);
ALTER TABLE payment_order ADD COLUMN approved_at TIMESTAMP;
ALTER TABLE payment_order ADD COLUMN batch_id VARCHAR(35);
-- The SEPA end-to-end id (35 characters at most), by which the bank's notifications name the order.
ALTER TABLE payment_order ADD COLUMN end_to_end_id VARCHAR(35);
ALTER TABLE payment_order ADD COLUMN settled_at TIMESTAMP;
ALTER TABLE payment_order ADD COLUMN status_reason VARCHAR(200);
CREATE UNIQUE INDEX ux_payment_order_end_to_end ON payment_order (end_to_end_id);
CREATE INDEX ix_payment_order_status ON payment_order (status, batch_id);

-- One SEPA credit-transfer file (pain.001.001.09) per batch, written in the batch's transaction.
CREATE TABLE payment_batch (
  id               VARCHAR(35)    NOT NULL,
  created_by       VARCHAR(64)    NOT NULL,
  created_at       TIMESTAMP      NOT NULL,
  number_of_orders INTEGER        NOT NULL,
  control_sum      NUMERIC(16, 2) NOT NULL,
  file_content     TEXT           NOT NULL,
  CONSTRAINT pk_payment_batch PRIMARY KEY (id)
);

-- What the bank told us (camt.054), one row per entry: the order it settles, or none (a manager's task).
CREATE TABLE bank_entry (
  id             VARCHAR(40)    NOT NULL,
  end_to_end_id  VARCHAR(35),
  amount         NUMERIC(14, 2) NOT NULL,
  outcome        VARCHAR(20)    NOT NULL,
  reason_code    VARCHAR(10),
  received_by    VARCHAR(64)    NOT NULL,
  received_at    TIMESTAMP      NOT NULL,
  CONSTRAINT pk_bank_entry PRIMARY KEY (id)
);

-- Bank details recorded at checkBeneficiary, and who verified them.
ALTER TABLE death_claim_payee ADD COLUMN iban VARCHAR(34);
ALTER TABLE death_claim_payee ADD COLUMN bic VARCHAR(11);
ALTER TABLE death_claim_payee ADD COLUMN verified_by VARCHAR(64);
