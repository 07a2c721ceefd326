-- Notifications to agents (notification module): one row per agent and cause, so that an event delivered twice
-- notifies (and mails) once. in_app false: the agent asked for email only; the row still records the cause.
CREATE TABLE notification_item (
    id                  UUID                     NOT NULL PRIMARY KEY,
    agent_id            UUID                     NOT NULL,
    kind                VARCHAR(20)              NOT NULL,
    cause               VARCHAR(200)             NOT NULL,
    conversation_id     UUID,
    conversation_number BIGINT,
    text                VARCHAR(1000)            NOT NULL,
    in_app              BOOLEAN                  NOT NULL,
    emailed             BOOLEAN                  NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at             TIMESTAMP WITH TIME ZONE,
    CONSTRAINT notification_item_once UNIQUE (agent_id, cause)
);
CREATE INDEX notification_item_agent ON notification_item (agent_id, created_at);

-- What an agent wants to hear about, and how; no row: the kind's defaults.
CREATE TABLE notification_preference (
    agent_id UUID        NOT NULL,
    kind     VARCHAR(20) NOT NULL,
    in_app   BOOLEAN     NOT NULL,
    by_email BOOLEAN     NOT NULL,
    PRIMARY KEY (agent_id, kind)
);
