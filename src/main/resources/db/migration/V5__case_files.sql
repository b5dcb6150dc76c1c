-- The business record of each file, written by the step that decides it (in its transaction): what
-- the APIs answer, kept after the engine's history is cleaned up. Processes carry the keys; the
-- business key leads to the process instance through process_request.

CREATE TABLE prior_approval_file (
  business_key        VARCHAR(100)   NOT NULL,
  member_id           VARCHAR(40)    NOT NULL,
  care_type           VARCHAR(20)    NOT NULL,
  country             VARCHAR(10)    NOT NULL,
  establishment_id    VARCHAR(40)    NOT NULL,
  received_date       DATE           NOT NULL,
  admission_date      DATE,
  pregnancy_start_date DATE,
  quote_amount        NUMERIC(14, 2),
  quote_currency      VARCHAR(3),
  administrator       VARCHAR(10),
  decision            VARCHAR(30),
  decision_reason     VARCHAR(60),
  approved_amount     NUMERIC(14, 2),
  agreement_number    VARCHAR(40),
  -- A request filed again after it ended without a decision on the care (RULES §9 Decision).
  previous_business_key VARCHAR(100),
  decided_at          TIMESTAMP,
  created_at          TIMESTAMP      NOT NULL,
  CONSTRAINT pk_prior_approval_file PRIMARY KEY (business_key)
);

CREATE TABLE social_aid_file (
  business_key        VARCHAR(100)   NOT NULL,
  member_id           VARCHAR(40)    NOT NULL,
  agency_code         VARCHAR(20)    NOT NULL,
  aid_type            VARCHAR(30)    NOT NULL,
  requested_amount    NUMERIC(14, 2),
  -- Admissible (R-AS-2/3): the file goes to the commission, whose members may then read it.
  eligible            BOOLEAN,
  decision            VARCHAR(20),
  granted_amount      NUMERIC(14, 2),
  granted_duration_months INTEGER,
  motivation          VARCHAR(4000),
  decided_at          TIMESTAMP,
  created_at          TIMESTAMP      NOT NULL,
  CONSTRAINT pk_social_aid_file PRIMARY KEY (business_key)
);

-- The repayment schedule of a social loan or special advance, one row per instalment.
CREATE TABLE loan_instalment (
  business_key  VARCHAR(100)   NOT NULL,
  number        INTEGER        NOT NULL,
  due_date      DATE           NOT NULL,
  amount        NUMERIC(14, 2) NOT NULL,
  CONSTRAINT pk_loan_instalment PRIMARY KEY (business_key, number)
);

CREATE TABLE death_claim (
  business_key        VARCHAR(100)   NOT NULL,
  member_id           VARCHAR(40)    NOT NULL,
  event               VARCHAR(10)    NOT NULL,
  event_date          DATE           NOT NULL,
  capital_amount      NUMERIC(14, 2),
  majoration_per_child NUMERIC(14, 2),
  majoration_amount   NUMERIC(14, 2),
  -- The calculator's steps and warnings (JSON), as they explained the amounts.
  capital_explanation VARCHAR(8000),
  created_at          TIMESTAMP      NOT NULL,
  CONSTRAINT pk_death_claim PRIMARY KEY (business_key)
);

CREATE INDEX ix_process_request_instance ON process_request (process_instance_id);
