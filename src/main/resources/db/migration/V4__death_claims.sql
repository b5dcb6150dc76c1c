-- Who receives what from a death / PTIA claim (R-CAP-*, R-BEN-*): one row per payee, with the
-- payment status, so each payee is paid once and the claim's answer lists them.
CREATE TABLE death_claim_payee (
  claim_key      VARCHAR(100)   NOT NULL,
  position       INTEGER        NOT NULL,
  name           VARCHAR(200)   NOT NULL,
  beneficiary_rank VARCHAR(20)  NOT NULL,
  purpose        VARCHAR(20)    NOT NULL,
  share          NUMERIC(15, 12) NOT NULL,
  amount         NUMERIC(14, 2) NOT NULL,
  birth_date     DATE,
  payment_status VARCHAR(20)    NOT NULL,
  CONSTRAINT pk_death_claim_payee PRIMARY KEY (claim_key, position)
);
