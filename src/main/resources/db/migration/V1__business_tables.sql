-- Business tables of the MISP back office (the engine keeps its own ACT_* tables).
-- Portable SQL: runs on PostgreSQL (prod, tests) and H2 (demo, tests).

-- Annual Action Sociale endowment of each departmental agency (R-AS-5).
CREATE TABLE agency_endowment (
  agency_code    VARCHAR(20)    NOT NULL,
  budget_year    INTEGER        NOT NULL,
  initial_amount NUMERIC(14, 2) NOT NULL,
  reserved_amount NUMERIC(14, 2) NOT NULL DEFAULT 0,
  paid_amount    NUMERIC(14, 2) NOT NULL DEFAULT 0,
  CONSTRAINT pk_agency_endowment PRIMARY KEY (agency_code, budget_year),
  CONSTRAINT ck_endowment_not_negative CHECK (reserved_amount >= 0 AND reserved_amount <= initial_amount)
);

-- Medical details of a prior-approval file: kept out of process variables, read by medecins-conseil only.
CREATE TABLE medical_record (
  id               VARCHAR(64)   NOT NULL,
  business_key     VARCHAR(100)  NOT NULL,
  author           VARCHAR(64)   NOT NULL,
  notes            VARCHAR(8000) NOT NULL,
  created_at       TIMESTAMP     NOT NULL,
  CONSTRAINT pk_medical_record PRIMARY KEY (id)
);
CREATE INDEX ix_medical_record_business_key ON medical_record (business_key);
