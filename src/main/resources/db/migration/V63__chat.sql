-- The chat widget (module chat, ADR 0031). A chat is a live session between a visitor and, once one accepts it,
-- an agent; its conversation is filed by intake like any other message. state: WAITING (no agent yet), ACTIVE (an
-- agent accepted it), ENDED (left, ended, or no agent came; the conversation goes on by email).
-- token_hash: SHA-256 (hex) of the visitor's token, the only permission a visitor's request carries.
-- first_message_id, first_item_id: intake's acknowledgement of the first line (the message it becomes, its log entry).
-- last_seq: the newest line's number; lines are numbered 1, 2, … per chat and are the SSE event ids.
CREATE TABLE chat_session (
    id                 UUID                     NOT NULL PRIMARY KEY,
    token_hash         VARCHAR(64)              NOT NULL,
    state              VARCHAR(10)              NOT NULL,
    end_reason         VARCHAR(20),
    visitor_name       VARCHAR(200),
    visitor_email      VARCHAR(320),
    sender             VARCHAR(400)             NOT NULL,
    origin             VARCHAR(300),
    first_message_id   UUID                     NOT NULL,
    first_item_id      UUID                     NOT NULL,
    conversation_id    UUID,
    agent_id           UUID,
    agent_name         VARCHAR(300),
    started_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_at        TIMESTAMP WITH TIME ZONE,
    ended_at           TIMESTAMP WITH TIME ZONE,
    visitor_seen_at    TIMESTAMP WITH TIME ZONE,
    agent_seen_at      TIMESTAMP WITH TIME ZONE,
    last_seq           BIGINT                   NOT NULL,
    transcript_queued  BOOLEAN                  NOT NULL
);
CREATE INDEX chat_session_state_idx ON chat_session (state, started_at);
CREATE INDEX chat_session_message_idx ON chat_session (first_message_id);
CREATE INDEX chat_session_conversation_idx ON chat_session (conversation_id);

-- What was said, durably, in order: a reconnecting client replays from its Last-Event-ID (seq).
-- kind: VISITOR, AGENT or SYSTEM. message_id: the conversation's message (a visitor line's id from intake's
-- acknowledgement, an agent line's reply). intake_pending: a visitor line written before the conversation was
-- filed; it goes to intake, naming the conversation, as soon as the conversation is known.
CREATE TABLE chat_line (
    chat_id         UUID                     NOT NULL,
    seq             BIGINT                   NOT NULL,
    kind            VARCHAR(10)              NOT NULL,
    author          VARCHAR(300),
    body            TEXT                     NOT NULL,
    message_id      UUID,
    intake_pending  BOOLEAN                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (chat_id, seq)
);
CREATE UNIQUE INDEX chat_line_message_idx ON chat_line (message_id);
