-- Daily allowances, AJ (R-AJ-*): one claim per member and half-pay date; each month of half pay, the
-- gross and net sums paid are recorded, the allowance computed with its explanation and paid once.
CREATE TABLE daily_allowance_claim (
  business_key        VARCHAR(100)   NOT NULL,
  member_id           VARCHAR(40)    NOT NULL,
  half_pay_date       DATE           NOT NULL,
  reference_base      NUMERIC(14, 2) NOT NULL,
  net_salary_before   NUMERIC(14, 2) NOT NULL,
  end_date            DATE,
  end_reason          VARCHAR(30),
  decision            VARCHAR(30),
  refusal_reason      VARCHAR(500),
  created_at          TIMESTAMP      NOT NULL,
  CONSTRAINT pk_daily_allowance_claim PRIMARY KEY (business_key)
);

CREATE TABLE daily_allowance_month (
  business_key   VARCHAR(100)   NOT NULL,
  month_start    DATE           NOT NULL,
  gross_paid     NUMERIC(14, 2) NOT NULL,
  net_paid       NUMERIC(14, 2) NOT NULL,
  guarantee      NUMERIC(14, 2) NOT NULL,
  allowance      NUMERIC(14, 2) NOT NULL,
  explanation    VARCHAR(8000)  NOT NULL,
  CONSTRAINT pk_daily_allowance_month PRIMARY KEY (business_key, month_start)
);
