-- A notice is queued once per business key, kind, recipient *and round*: a second request for missing
-- documents, a second reminder, is a new notice (round 2), while a retried step within a round
-- queues nothing more (its transaction was rolled back, or it finds its round taken).
ALTER TABLE notification_outbox ADD COLUMN round_number INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE notification_outbox DROP CONSTRAINT uq_notification_once;
ALTER TABLE notification_outbox ADD CONSTRAINT uq_notification_round UNIQUE (business_key, kind, recipient, round_number);
