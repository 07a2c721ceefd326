-- Optimistic versions (ADR 0037): every recorded change of a conversation counts up its version, and the history
-- entry keeps the version it made, so "what changed since version n" is one query.
ALTER TABLE conv_conversation ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE conv_event ADD COLUMN version BIGINT;
CREATE INDEX conv_event_version_idx ON conv_event (conversation_id, version);
