-- Repayment of social loans and special advances (R-AS-2): a loan is an advance of the endowment, not a
-- grant. Each loan has an account; instalments are received from the bank's notifications, arrears
-- are reminded and, after a parameter number of missed instalments, the commission decides.
CREATE TABLE loan_account (
  business_key   VARCHAR(100)   NOT NULL,
  -- What the member writes on the transfer ("MISP-PRET-XXXXXXXX"): how a receipt finds its loan.
  reference      VARCHAR(35)    NOT NULL,
  member_id      VARCHAR(40)    NOT NULL,
  agency_code    VARCHAR(20)    NOT NULL,
  principal      NUMERIC(14, 2) NOT NULL,
  repaid         NUMERIC(14, 2) DEFAULT 0 NOT NULL,
  status         VARCHAR(20)    NOT NULL,
  created_at     TIMESTAMP      NOT NULL,
  CONSTRAINT pk_loan_account PRIMARY KEY (business_key),
  CONSTRAINT uq_loan_reference UNIQUE (reference),
  CONSTRAINT ck_loan_repaid CHECK (repaid >= 0 AND repaid <= principal)
);

ALTER TABLE loan_instalment ADD COLUMN paid_amount NUMERIC(14, 2) DEFAULT 0 NOT NULL;
ALTER TABLE loan_instalment ADD COLUMN status VARCHAR(20) DEFAULT 'DUE' NOT NULL;

-- Repayments credit the endowment of the year they come in: remaining = initial + repaid − reserved.
ALTER TABLE agency_endowment ADD COLUMN repaid_amount NUMERIC(14, 2) DEFAULT 0 NOT NULL;
ALTER TABLE agency_endowment DROP CONSTRAINT ck_endowment_not_negative;
ALTER TABLE agency_endowment ADD CONSTRAINT ck_endowment_covered
  CHECK (reserved_amount >= 0 AND reserved_amount <= initial_amount + repaid_amount);
