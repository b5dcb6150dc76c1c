-- Action Sociale (R-AS-5): one reservation per file and cycle, so a retried step never reserves twice.
CREATE TABLE endowment_reservation (
  business_key VARCHAR(100)   NOT NULL,
  agency_code  VARCHAR(20)    NOT NULL,
  budget_year  INTEGER        NOT NULL,
  amount       NUMERIC(14, 2) NOT NULL,
  reserved_at  TIMESTAMP      NOT NULL,
  CONSTRAINT pk_endowment_reservation PRIMARY KEY (business_key)
);

-- The agency each advisor works for: advisors see their agency's files.
CREATE TABLE advisor_agency (
  user_id     VARCHAR(64) NOT NULL,
  agency_code VARCHAR(20) NOT NULL,
  CONSTRAINT pk_advisor_agency PRIMARY KEY (user_id, agency_code)
);

-- Payment orders sent to the payment gateway: once per business key and purpose (outbox).
CREATE TABLE payment_order (
  order_key    VARCHAR(200)   NOT NULL,
  business_key VARCHAR(100)   NOT NULL,
  beneficiary  VARCHAR(200)   NOT NULL,
  amount       NUMERIC(14, 2) NOT NULL,
  purpose      VARCHAR(60)    NOT NULL,
  created_at   TIMESTAMP      NOT NULL,
  CONSTRAINT pk_payment_order PRIMARY KEY (order_key)
);
