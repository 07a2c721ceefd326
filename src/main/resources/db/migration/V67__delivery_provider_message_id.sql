-- Issue 16: rows sent by a channel's own provider (kind PROVIDER, e.g. Twilio's Messages API) keep the id the
-- provider gave the message, so that its status callbacks find the row.
ALTER TABLE delivery_outbox ADD COLUMN provider_message_id VARCHAR(200);
CREATE INDEX delivery_outbox_provider ON delivery_outbox (provider_message_id);
