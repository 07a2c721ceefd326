-- Public conversation numbers: one sequence shared by every node on the database.
CREATE SEQUENCE conv_number_seq START WITH 1000 INCREMENT BY 1;

CREATE TABLE conv_conversation (
    id                 UUID                     NOT NULL PRIMARY KEY,
    number             BIGINT                   NOT NULL,
    subject            VARCHAR(500),
    status             VARCHAR(20)              NOT NULL,
    priority           VARCHAR(20)              NOT NULL,
    channel            VARCHAR(20)              NOT NULL,
    contact_id         UUID                     NOT NULL,
    team_id            UUID,
    assignee_id        UUID,
    external_thread_id VARCHAR(300),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_message_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX conv_conversation_number_uq ON conv_conversation (number);
CREATE INDEX conv_conversation_contact_idx ON conv_conversation (contact_id);
CREATE INDEX conv_conversation_thread_idx ON conv_conversation (channel, external_thread_id);
CREATE INDEX conv_conversation_inbox_idx ON conv_conversation (status, last_message_at);
CREATE INDEX conv_conversation_assignee_idx ON conv_conversation (assignee_id);
CREATE INDEX conv_conversation_team_idx ON conv_conversation (team_id);

-- direction: INBOUND (from the customer), OUTBOUND (agent reply), NOTE (internal)
CREATE TABLE conv_message (
    id              UUID                     NOT NULL PRIMARY KEY,
    conversation_id UUID                     NOT NULL REFERENCES conv_conversation (id),
    direction       VARCHAR(10)              NOT NULL,
    channel         VARCHAR(20)              NOT NULL,
    contact_id      UUID,
    author_agent_id UUID,
    author_name     VARCHAR(300),
    body            TEXT                     NOT NULL,
    external_id     VARCHAR(300),
    inbound_item_id UUID,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX conv_message_conversation_idx ON conv_message (conversation_id, created_at);
CREATE UNIQUE INDEX conv_message_external_uq ON conv_message (channel, external_id);

CREATE TABLE conv_tag (
    conversation_id UUID         NOT NULL REFERENCES conv_conversation (id),
    tag             VARCHAR(64)  NOT NULL,
    PRIMARY KEY (conversation_id, tag)
);
CREATE INDEX conv_tag_tag_idx ON conv_tag (tag);

-- The conversation's history: every change, who made it and when.
CREATE TABLE conv_event (
    id              UUID                     NOT NULL PRIMARY KEY,
    conversation_id UUID                     NOT NULL REFERENCES conv_conversation (id),
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_kind      VARCHAR(10)              NOT NULL,
    actor_id        UUID,
    actor_name      VARCHAR(300),
    kind            VARCHAR(30)              NOT NULL,
    detail          VARCHAR(2000)
);
CREATE INDEX conv_event_conversation_idx ON conv_event (conversation_id, occurred_at);
