-- Raw bytes of items that are not text, such as an email's MIME exactly as received (8-bit and
-- binary content included). payload then holds a small JSON envelope: how it came in, the SMTP
-- envelope, the mailbox.
ALTER TABLE intake_item ADD COLUMN raw_content BYTEA;

-- Why an item became no message although it was read (e.g. a bounce about nothing we sent, or
-- mail past the loop limit): state SUPPRESSED with this note; the raw item stays in the log.
ALTER TABLE intake_item ADD COLUMN note VARCHAR(2000);
