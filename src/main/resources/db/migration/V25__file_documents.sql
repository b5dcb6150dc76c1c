-- Documents of a file (docs/letters.md, "Documents"): uploaded through /api, typed, size-limited,
-- their content type sniffed from their bytes, kept with their SHA-256. A medical document is read by
-- médecins-conseil only (medical = true), like medical_record.
CREATE TABLE file_document (
  id            VARCHAR(40)   NOT NULL,
  business_key  VARCHAR(100)  NOT NULL,
  document_type VARCHAR(40)   NOT NULL,
  medical       BOOLEAN       NOT NULL,
  file_name     VARCHAR(120)  NOT NULL,
  media_type    VARCHAR(100)  NOT NULL,
  size_bytes    BIGINT        NOT NULL,
  sha256        VARCHAR(64)   NOT NULL,
  content       BYTEA         NOT NULL,
  uploaded_by   VARCHAR(64)   NOT NULL,
  uploaded_at   TIMESTAMP     NOT NULL,
  CONSTRAINT pk_file_document PRIMARY KEY (id)
);
CREATE INDEX ix_file_document_business_key ON file_document (business_key);
