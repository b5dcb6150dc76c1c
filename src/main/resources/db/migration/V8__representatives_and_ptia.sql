-- RULES §6/§7 Decisions: who is paid and written to when the beneficiary cannot act alone, and
-- the médecin-conseil's answer on a PTIA.

-- A payee who is a minor or a protected adult is paid through the legal representative recorded at
-- checkBeneficiary; a payee who cannot be found has their share set aside (payment_status).
ALTER TABLE death_claim_payee ADD COLUMN legal_representative VARCHAR(200);

-- The payment goes to the representative, on behalf of the beneficiary.
ALTER TABLE payment_order ADD COLUMN on_behalf_of VARCHAR(200);

-- A PTIA that the médecin-conseil does not recognise ends the claim without capital.
ALTER TABLE death_claim ADD COLUMN decision VARCHAR(30);

-- An orphan allowance is the orphan's: paid and written to the orphan when of age, else to the legal
-- representative recorded on the file (never to the deceased member).
ALTER TABLE social_aid_file ADD COLUMN beneficiary_name VARCHAR(200);
ALTER TABLE social_aid_file ADD COLUMN beneficiary_birth_date DATE;
ALTER TABLE social_aid_file ADD COLUMN legal_representative VARCHAR(200);

-- A notice may be addressed to a payee by name ("payee:<name>").
ALTER TABLE notification_outbox ALTER COLUMN recipient SET DATA TYPE VARCHAR(250);

-- RULES §8 Decision: the commission sits on dated sessions; an adjourned file waits for the next one.
CREATE TABLE commission_session (
  session_date DATE        NOT NULL,
  created_by   VARCHAR(64) NOT NULL,
  created_at   TIMESTAMP   NOT NULL,
  CONSTRAINT pk_commission_session PRIMARY KEY (session_date)
);
