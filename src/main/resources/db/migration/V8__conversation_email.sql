-- Email needs the whole text beside the new part agents read first, and a mark for mail sent by
-- machines (auto-replies, bounces, list mail) that nothing may answer automatically.
ALTER TABLE conv_message ADD COLUMN full_body TEXT;
ALTER TABLE conv_message ADD COLUMN automatic BOOLEAN DEFAULT FALSE NOT NULL;
