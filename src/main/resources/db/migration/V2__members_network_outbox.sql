-- Member directory shared by every process (a port: a real membership system can replace it).
CREATE TABLE member (
  id                    VARCHAR(40)  NOT NULL,
  name                  VARCHAR(200) NOT NULL,
  birth_date            DATE         NOT NULL,
  category              VARCHAR(30)  NOT NULL,
  country_of_residence  VARCHAR(10)  NOT NULL,
  hcs_registered        BOOLEAN      NOT NULL,
  membership_start_date DATE         NOT NULL,
  agency_code           VARCHAR(20)  NOT NULL,
  CONSTRAINT pk_member PRIMARY KEY (id)
);
CREATE INDEX ix_member_residence ON member (country_of_residence);

-- MGEN International medical network (R-PA-4), maintained by gestionnaires.
CREATE TABLE network_establishment (
  id       VARCHAR(40)  NOT NULL,
  name     VARCHAR(200) NOT NULL,
  country  VARCHAR(10)  NOT NULL,
  city     VARCHAR(100) NOT NULL,
  CONSTRAINT pk_network_establishment PRIMARY KEY (id)
);
CREATE INDEX ix_network_country ON network_establishment (country);

-- Notifications to members and administrators: one per business key and kind (outbox; a sender
-- dispatches them), so a retried job never notifies twice.
CREATE TABLE notification_outbox (
  id            VARCHAR(40)   NOT NULL,
  business_key  VARCHAR(100)  NOT NULL,
  kind          VARCHAR(60)   NOT NULL,
  recipient     VARCHAR(100)  NOT NULL,
  message       VARCHAR(4000) NOT NULL,
  created_at    TIMESTAMP     NOT NULL,
  sent_at       TIMESTAMP,
  CONSTRAINT pk_notification_outbox PRIMARY KEY (id),
  CONSTRAINT uq_notification_once UNIQUE (business_key, kind, recipient)
);

-- One process per business request: a request posted twice answers with the first process.
CREATE TABLE process_request (
  business_key        VARCHAR(100) NOT NULL,
  process_key         VARCHAR(50)  NOT NULL,
  process_instance_id VARCHAR(64),
  created_by          VARCHAR(64)  NOT NULL,
  created_at          TIMESTAMP    NOT NULL,
  CONSTRAINT pk_process_request PRIMARY KEY (business_key)
);

-- Agreements issued after a médecin-conseil's approval (R-PA-5): the hospital bills MGEN directly.
CREATE TABLE agreement (
  agreement_number VARCHAR(40)    NOT NULL,
  business_key     VARCHAR(100)   NOT NULL,
  member_id        VARCHAR(40)    NOT NULL,
  establishment_id VARCHAR(40)    NOT NULL,
  care_type        VARCHAR(30)    NOT NULL,
  approved_amount  NUMERIC(14, 2) NOT NULL,
  currency         VARCHAR(3)     NOT NULL,
  valid_from       DATE           NOT NULL,
  valid_until      DATE           NOT NULL,
  issued_at        TIMESTAMP      NOT NULL,
  CONSTRAINT pk_agreement PRIMARY KEY (agreement_number),
  CONSTRAINT uq_agreement_business_key UNIQUE (business_key)
);
