-- Letters and their delivery (docs/letters.md). Portable SQL: PostgreSQL (prod, tests) and H2 (demo, tests).

-- Where a member receives letters by e-mail; without one, the letter goes to the member's agency,
-- which posts it.
ALTER TABLE member ADD COLUMN email VARCHAR(254);

-- Delivery of the notice outbox: each row is claimed by one dispatcher at a time (claimed_until, a
-- lease taken by a conditional UPDATE), sent once (sent_at, message_id), retried with back-off
-- (attempts, next_attempt_at), and after the last attempt marked failed (failed_at) and shown to
-- managers (incident_id when the file's process still runs). last_error holds an error class, never a value.
ALTER TABLE notification_outbox ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE notification_outbox ADD COLUMN next_attempt_at TIMESTAMP;
ALTER TABLE notification_outbox ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE notification_outbox ADD COLUMN claimed_until TIMESTAMP;
ALTER TABLE notification_outbox ADD COLUMN message_id VARCHAR(250);
ALTER TABLE notification_outbox ADD COLUMN last_error VARCHAR(200);
ALTER TABLE notification_outbox ADD COLUMN failed_at TIMESTAMP;
ALTER TABLE notification_outbox ADD COLUMN incident_id VARCHAR(64);
CREATE INDEX ix_outbox_pending ON notification_outbox (sent_at, failed_at, next_attempt_at);
CREATE INDEX ix_outbox_business_key ON notification_outbox (business_key);

-- The letter of a notice, as rendered from the file's records and sent: one per outbox row, kept
-- with its checksum so the file shows exactly what the person received.
CREATE TABLE letter (
  id            VARCHAR(40)   NOT NULL,
  notice_id     VARCHAR(40)   NOT NULL,
  business_key  VARCHAR(100)  NOT NULL,
  kind          VARCHAR(60)   NOT NULL,
  template      VARCHAR(60)   NOT NULL,
  recipient     VARCHAR(250)  NOT NULL,
  title         VARCHAR(200)  NOT NULL,
  file_name     VARCHAR(200)  NOT NULL,
  content       BYTEA         NOT NULL,
  sha256        VARCHAR(64)   NOT NULL,
  created_at    TIMESTAMP     NOT NULL,
  CONSTRAINT pk_letter PRIMARY KEY (id),
  CONSTRAINT uq_letter_notice UNIQUE (notice_id)
);
CREATE INDEX ix_letter_business_key ON letter (business_key);

-- The médecin-conseil's refusal reason for the member (a text area of medicalReview, quoted in the
-- refusal letter) did not fit in 60 characters: a longer one failed the refusal step.
ALTER TABLE prior_approval_file ALTER COLUMN decision_reason SET DATA TYPE VARCHAR(2000);
