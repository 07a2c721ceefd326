-- Raw bytes of items that are not text, such as an email's MIME exactly as received (8-bit and
-- binary content included). payload then holds a small JSON envelope: how it came in, the SMTP
-- envelope, the mailbox.
ALTER TABLE intake_item ADD COLUMN raw_content BYTEA;
