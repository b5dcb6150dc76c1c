-- Total dependency (R-DEP-*): one claim per member and dependency, its monthly annuity and yearly home-care
-- forfait, each paid once per period. The médecin-conseil's notes are in medical_record.
CREATE TABLE dependency_claim (
  business_key      VARCHAR(100)   NOT NULL,
  member_id         VARCHAR(40)    NOT NULL,
  dependency_start  DATE           NOT NULL,
  dependency_end    DATE,
  gir               INTEGER,
  decision          VARCHAR(30),
  refusal_reasons   VARCHAR(2000),
  explanation       VARCHAR(8000),
  first_payment     DATE,
  monthly_annuity   NUMERIC(14, 2),
  created_at        TIMESTAMP      NOT NULL,
  CONSTRAINT pk_dependency_claim PRIMARY KEY (business_key)
);

-- One row per period paid: "2027-03" for a month's annuity, "FORFAIT-1" for the first year's forfait.
CREATE TABLE dependency_payment (
  business_key  VARCHAR(100)   NOT NULL,
  period        VARCHAR(20)    NOT NULL,
  amount        NUMERIC(14, 2) NOT NULL,
  paid_at       TIMESTAMP      NOT NULL,
  CONSTRAINT pk_dependency_payment PRIMARY KEY (business_key, period)
);
