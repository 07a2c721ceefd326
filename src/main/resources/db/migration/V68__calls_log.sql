-- Issue 16: phone calls agents log. An inbound call enters through intake (item_id, message_id: the conversation is
-- known once the item is filed); an outbound one is recorded by the calls module itself, after the contact policy
-- (decision_id and the answer at the time, kept here as the agent saw it).
CREATE TABLE calls_log (
  id                UUID PRIMARY KEY,
  direction         VARCHAR(16) NOT NULL,    -- INBOUND, OUTBOUND
  outcome           VARCHAR(16) NOT NULL,    -- ANSWERED, VOICEMAIL, NO_ANSWER, BUSY, FAILED, NOT_PLACED
  phone             VARCHAR(64) NOT NULL,    -- E.164
  contact_id        UUID,
  duration_seconds  INT NOT NULL DEFAULT 0,
  notes             VARCHAR(10000),
  occurred_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  agent_id          UUID,
  agent_name        VARCHAR(300) NOT NULL,
  item_id           UUID,                    -- the inbound log's item (inbound calls)
  message_id        UUID,                    -- the conversation entry the call became
  conversation_id   UUID,                    -- known at once for outbound calls, after filing for inbound ones
  decision_id       UUID,                    -- the contact policy's decision (outbound calls)
  decision_outcome  VARCHAR(16),             -- ALLOW, DEFER, DENY
  decision_summary  VARCHAR(2000),
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX calls_log_contact ON calls_log (contact_id, occurred_at);
CREATE INDEX calls_log_created ON calls_log (created_at);
