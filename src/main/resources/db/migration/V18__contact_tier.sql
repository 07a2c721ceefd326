-- The customer tier (e.g. vip) that routing rules and SLA policies may depend on; NULL = standard.
ALTER TABLE contact_contact ADD COLUMN tier VARCHAR(32);
