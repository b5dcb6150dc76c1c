-- Temporary loss of autonomy, PTA (R-PTA-*): one claim per member and work stoppage, its quarters and
-- their payments. The pathology the médecin-conseil recognised is kept here for the calculation and never
-- answered by an API (medical secrecy); its notes are in medical_record.
CREATE TABLE pta_claim (
  business_key      VARCHAR(100)  NOT NULL,
  member_id         VARCHAR(40)   NOT NULL,
  stoppage_start    DATE          NOT NULL,
  stoppage_end      DATE,
  pathology         VARCHAR(40),
  decision          VARCHAR(30),
  refusal_reasons   VARCHAR(2000),
  explanation       VARCHAR(8000),
  created_at        TIMESTAMP     NOT NULL,
  CONSTRAINT pk_pta_claim PRIMARY KEY (business_key)
);

CREATE TABLE pta_quarter (
  business_key  VARCHAR(100)   NOT NULL,
  number        INTEGER        NOT NULL,
  period_from   DATE           NOT NULL,
  period_to     DATE           NOT NULL,
  amount        NUMERIC(14, 2) NOT NULL,
  status        VARCHAR(20)    NOT NULL,
  CONSTRAINT pk_pta_quarter PRIMARY KEY (business_key, number)
);
CREATE INDEX ix_pta_claim_member ON pta_claim (member_id);
