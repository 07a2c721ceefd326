-- The durable outbox (issue 7): every outbound message Tact sends, committed in the same
-- transaction as its cause, with the policy decision that allowed it. Dispatchers on any node
-- claim due rows (due_at <= now) with FOR UPDATE SKIP LOCKED; a SENDING row's due_at is the end
-- of its lease, so the row of a crashed node becomes due again and is re-sent with the same
-- Message-ID. Rows in a final state (SENT, FAILED, BOUNCED, CANCELLED, DENIED) have no due_at.
CREATE TABLE delivery_outbox (
  id                UUID PRIMARY KEY,
  idempotency_key   VARCHAR(200) NOT NULL,
  kind              VARCHAR(16) NOT NULL,   -- EMAIL, WEBHOOK
  purpose           VARCHAR(16) NOT NULL,   -- TRANSACTIONAL, MARKETING
  conversation_id   UUID,                   -- cause: a reply in a conversation...
  message_id        UUID,                   -- ...the conversation message it sends
  cause             VARCHAR(200) NOT NULL,  -- in words: 'reply', 'notice', 'campaign step ...'
  contact_id        UUID,
  recipient         VARCHAR(320),
  recipient_domain  VARCHAR(255),
  sender            VARCHAR(320),
  subject           VARCHAR(1000),
  header_message_id VARCHAR(500) NOT NULL,  -- the Message-ID in content, without angle brackets
  content           BYTEA,                  -- the message exactly as it is sent (before DKIM signing)
  decision_id       UUID,                   -- policy_decision that allowed, deferred or denied it
  state             VARCHAR(16) NOT NULL,
  not_before        TIMESTAMP WITH TIME ZONE,  -- DEFERRED by the policy until then
  due_at            TIMESTAMP WITH TIME ZONE,  -- when a dispatcher may claim it; NULL when final
  claimed_by        VARCHAR(200),
  lease_until       TIMESTAMP WITH TIME ZONE,
  attempts          INT NOT NULL DEFAULT 0,
  last_error        VARCHAR(2000),
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  sent_at           TIMESTAMP WITH TIME ZONE,
  CONSTRAINT delivery_outbox_key UNIQUE (idempotency_key),
  CONSTRAINT delivery_outbox_header UNIQUE (header_message_id)
);
CREATE INDEX delivery_outbox_due ON delivery_outbox (due_at);
CREATE INDEX delivery_outbox_state ON delivery_outbox (state, created_at);
CREATE INDEX delivery_outbox_message ON delivery_outbox (message_id);

-- Every send attempt and what the peer said.
CREATE TABLE delivery_attempt (
  id          UUID PRIMARY KEY,
  outbox_id   UUID NOT NULL REFERENCES delivery_outbox (id),
  attempt     INT NOT NULL,
  node        VARCHAR(200) NOT NULL,
  outcome     VARCHAR(16) NOT NULL,   -- SENT, RETRY, FAILED, SKIPPED
  reply_code  INT,
  detail      VARCHAR(2000),
  at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX delivery_attempt_outbox ON delivery_attempt (outbox_id, at);

-- Hard bounces (5xx at send time, or a DSN saying failed) per recipient address; past the limit
-- the address is undeliverable and later mail to it fails at once.
CREATE TABLE delivery_address (
  address              VARCHAR(320) PRIMARY KEY,
  hard_bounces         INT NOT NULL,
  last_reason          VARCHAR(2000),
  last_bounce_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  undeliverable_since  TIMESTAMP WITH TIME ZONE
);
