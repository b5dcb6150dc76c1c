-- Invalidity allowances (R-INV-*): one claim per member and pension decision; each year's computation with
-- its explanation; each month paid in arrears once; the capital a manager computes (Règlement MISP).
CREATE TABLE disability_claim (
  business_key        VARCHAR(100)   NOT NULL,
  member_id           VARCHAR(40)    NOT NULL,
  start_date          DATE           NOT NULL,
  invalidity_rate     NUMERIC(5, 2),
  ss_category         INTEGER,
  base_salary         NUMERIC(14, 2) NOT NULL,
  bonuses             NUMERIC(14, 2) NOT NULL,
  cost_of_living      NUMERIC(14, 2) NOT NULL,
  category            VARCHAR(5),
  end_date            DATE,
  decision            VARCHAR(30),
  refusal_reason      VARCHAR(500),
  capital_amount      NUMERIC(14, 2),
  capital_source      VARCHAR(1000),
  created_at          TIMESTAMP      NOT NULL,
  CONSTRAINT pk_disability_claim PRIMARY KEY (business_key)
);

CREATE TABLE disability_year (
  business_key    VARCHAR(100)   NOT NULL,
  benefit_year    INTEGER        NOT NULL,
  resources_json  VARCHAR(4000)  NOT NULL,
  guarantee       NUMERIC(14, 2) NOT NULL,
  resources       NUMERIC(14, 2) NOT NULL,
  annual_benefit  NUMERIC(14, 2) NOT NULL,
  monthly_benefit NUMERIC(14, 2) NOT NULL,
  outcome         VARCHAR(30)    NOT NULL,
  explanation     VARCHAR(8000)  NOT NULL,
  CONSTRAINT pk_disability_year PRIMARY KEY (business_key, benefit_year)
);

CREATE TABLE disability_payment (
  business_key  VARCHAR(100)   NOT NULL,
  period        VARCHAR(20)    NOT NULL,
  amount        NUMERIC(14, 2) NOT NULL,
  paid_at       TIMESTAMP      NOT NULL,
  CONSTRAINT pk_disability_payment PRIMARY KEY (business_key, period)
);
