-- Issue 17, replies with care (compose). A reply the agent sent is held here for the undo window (and any cool-off)
-- before it is written to the conversation and the outbox; a durable timer ('compose.send-held', key = id) releases
-- it. Undo and release each move the row out of HELD with a conditional update, so exactly one of them wins.
CREATE TABLE compose_held_reply (
  id               UUID PRIMARY KEY,
  conversation_id  UUID NOT NULL,
  author_kind      VARCHAR(16) NOT NULL,     -- AGENT, SYSTEM
  author_id        UUID,
  author_name      VARCHAR(300) NOT NULL,
  body             TEXT NOT NULL,            -- the agent's text, without the signature
  signature        VARCHAR(4000),            -- appended when it is released
  via_channel      VARCHAR(16),
  via_to           VARCHAR(320),
  cc               VARCHAR(4000),            -- comma-separated addresses, validated
  bcc              VARCHAR(4000),
  then_status      VARCHAR(16),              -- "send and set status"
  state            VARCHAR(16) NOT NULL,     -- HELD, RELEASED, UNDONE, FAILED
  send_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  cool_off_seconds INT NOT NULL DEFAULT 0,
  message_id       UUID,                     -- the conversation's message, once released
  reason           VARCHAR(2000),            -- why it failed on release
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  decided_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX compose_held_reply_conversation ON compose_held_reply (conversation_id, state);

-- Files attached to a held reply; written to the message's uploads (mail_upload) when it is released.
CREATE TABLE compose_held_attachment (
  held_id       UUID NOT NULL REFERENCES compose_held_reply (id),
  position      INT NOT NULL,
  filename      VARCHAR(500) NOT NULL,
  content_type  VARCHAR(200) NOT NULL,
  content       BYTEA NOT NULL,
  PRIMARY KEY (held_id, position)
);

-- What an agent is typing in a conversation's reply box, saved as they type; deleted when the reply is sent.
CREATE TABLE compose_draft (
  agent_id         UUID NOT NULL,
  conversation_id  UUID NOT NULL,
  body             TEXT NOT NULL,
  cc               VARCHAR(4000),
  bcc              VARCHAR(4000),
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (agent_id, conversation_id)
);

-- Signatures per mailbox (an admin's), appended to replies after the agent's own (their profile's) when they leave.
CREATE TABLE compose_signature (
  owner_kind  VARCHAR(16) NOT NULL,          -- MAILBOX (room for others later)
  owner_id    UUID NOT NULL,
  body        VARCHAR(4000) NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (owner_kind, owner_id)
);

-- An agent's own undo window (seconds, 0 to 60); none: tact.compose.undo-window.
CREATE TABLE compose_preference (
  agent_id      UUID PRIMARY KEY,
  undo_seconds  INT NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A reply's CC and BCC, as the envelope recipients its outbox row is sent to besides its recipient (the CC are also
-- written in the mail's Cc header; the BCC nowhere in it). Comma-separated.
ALTER TABLE delivery_outbox ADD COLUMN copies VARCHAR(8000);

-- The copies a reply went to, shown with the message (BCC to agents only).
CREATE TABLE compose_reply_copies (
  message_id  UUID PRIMARY KEY,
  cc          VARCHAR(4000),
  bcc         VARCHAR(4000)
);
