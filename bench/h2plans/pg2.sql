CREATE TABLE conv_message (id UUID PRIMARY KEY, conversation_id UUID NOT NULL, contact_id UUID, body TEXT);
INSERT INTO conv_message SELECT gen_random_uuid(), gen_random_uuid(), ('00000000-0000-7000-8001-' || LPAD(((x + 1) / 2 % 100000 + 1)::text, 12, '0'))::uuid, 'body' FROM generate_series(1, 400000) x;
ANALYZE conv_message;
EXPLAIN ANALYZE UPDATE conv_message SET contact_id = '00000000-0000-7000-8001-000000000009' WHERE contact_id = '00000000-0000-7000-8001-000000000009';
CREATE INDEX conv_message_contact_idx ON conv_message (contact_id);
EXPLAIN ANALYZE UPDATE conv_message SET contact_id = '00000000-0000-7000-8001-000000000009' WHERE contact_id = '00000000-0000-7000-8001-000000000009';
