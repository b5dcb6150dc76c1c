-- Invalidity allowances are paid and renewed by set-based runs (each month, and each 1 January), not by one
-- timer per allowance: a claim says which year's resource evidence is awaited, which year's end capital is due,
-- and when its process was told that the allowance ended.
ALTER TABLE disability_claim ADD COLUMN evidence_year INTEGER;
ALTER TABLE disability_claim ADD COLUMN capital_due_year INTEGER;
ALTER TABLE disability_claim ADD COLUMN closed_at TIMESTAMP;
-- The runs select the allowances in service in business-key pages: decision, then key.
CREATE INDEX ix_disability_claim_in_service ON disability_claim (decision, business_key);

-- Each run once per period: MONTH 2027-03 (a month paid in arrears), RENEWAL 2027 (a 1 January).
CREATE TABLE disability_run (
  kind         VARCHAR(20) NOT NULL,
  period       VARCHAR(10) NOT NULL,
  started_at   TIMESTAMP   NOT NULL,
  finished_at  TIMESTAMP,
  paid         INTEGER,
  renewed      INTEGER,
  evidence     INTEGER,
  capital      INTEGER,
  closed       INTEGER,
  CONSTRAINT pk_disability_run PRIMARY KEY (kind, period)
);

-- A monthly run reads back the months it has just paid (period and time of the run) to order their payments.
CREATE INDEX ix_disability_payment_run ON disability_payment (period, paid_at);
