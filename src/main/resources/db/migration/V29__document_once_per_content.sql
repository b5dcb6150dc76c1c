-- A document is kept once per file, type and content: the same file sent twice (a double click, two
-- tabs) stores one row, whichever request commits first (docs/documents.md).
CREATE UNIQUE INDEX ux_file_document_content ON file_document (business_key, document_type, sha256);
