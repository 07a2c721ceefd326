-- Noise control: near-duplicate clusters, linked reports, mail-bomb holds, vendor-pitch answers.

-- One row per lock key ('author:<address>', 'sender:<address>', 'domain:<domain>'); a check and the
-- insert that follows it run under SELECT ... FOR UPDATE of its row, so that two nodes handling
-- copies of one message at the same moment cannot both open a conversation.
CREATE TABLE noise_lock (
    lock_key   VARCHAR(400) NOT NULL PRIMARY KEY
);

CREATE SEQUENCE noise_signature_seq START WITH 1 INCREMENT BY 1;

-- The MinHash signature of each message that opened or joined a cluster, within the window.
-- author_key: the original sender's address (lower case), '*' when unknown.
CREATE TABLE noise_signature (
    ref             BIGINT                   NOT NULL PRIMARY KEY,
    author_key      VARCHAR(400)             NOT NULL,
    signature       BYTEA                    NOT NULL,
    conversation_id UUID                     NOT NULL,
    report_id       UUID                     NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX noise_signature_author_idx ON noise_signature (author_key, ref);
CREATE INDEX noise_signature_created_idx ON noise_signature (created_at);
CREATE INDEX noise_signature_report_idx ON noise_signature (report_id);

-- Who reported a conversation: the message that opened it (kind ORIGINAL) and every duplicate that
-- joined it (DUPLICATE). id is the intake item's message id; message_id is set once a conversation
-- message exists for it (the original's, or a split report's).
CREATE TABLE noise_report (
    id                    UUID                     NOT NULL PRIMARY KEY,
    conversation_id       UUID                     NOT NULL,
    kind                  VARCHAR(10)              NOT NULL,
    inbound_item_id       UUID,
    message_id            UUID,
    channel               VARCHAR(20)              NOT NULL,
    external_id           VARCHAR(300),
    contact_id            UUID                     NOT NULL,
    contact_name          VARCHAR(300),
    reporter              VARCHAR(620)             NOT NULL,
    forwarded             BOOLEAN                  NOT NULL,
    comment               TEXT,
    subject               VARCHAR(2000),
    text                  TEXT,
    similarity            DOUBLE PRECISION,
    received_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    split_at              TIMESTAMP WITH TIME ZONE,
    split_by              VARCHAR(300),
    split_to_conversation UUID
);
CREATE INDEX noise_report_conversation_idx ON noise_report (conversation_id, received_at);
CREATE INDEX noise_report_external_idx ON noise_report (channel, external_id);

-- Rate-limit arrivals per key ('sender:<address>', 'domain:<domain>'), counted in a sliding window.
CREATE TABLE noise_arrival (
    scope_key   VARCHAR(400)             NOT NULL,
    arrived_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    item_id     UUID                     NOT NULL
);
CREATE INDEX noise_arrival_scope_idx ON noise_arrival (scope_key, arrived_at);

-- Limits per team (team_id NULL: mail no team receives); absent: the tact.noise.* defaults.
CREATE TABLE noise_limit (
    team_key        VARCHAR(40)              NOT NULL PRIMARY KEY,
    per_sender      INT                      NOT NULL,
    per_domain      INT                      NOT NULL,
    window_seconds  INT                      NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Messages past a limit are held in one group per scope key until an agent releases or discards it.
-- status: HELD, RELEASED, DISCARDED.
CREATE TABLE noise_held_group (
    id             UUID                     NOT NULL PRIMARY KEY,
    scope_key      VARCHAR(400)             NOT NULL,
    team_id        UUID,
    status         VARCHAR(10)              NOT NULL,
    message_count  INT                      NOT NULL,
    first_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    sample_subject VARCHAR(2000),
    sample_text    TEXT,
    decided_at     TIMESTAMP WITH TIME ZONE,
    decided_by     VARCHAR(300)
);
CREATE INDEX noise_held_group_scope_idx ON noise_held_group (scope_key, status);

-- state: HELD, RELEASED (then filed normally), DISCARDED (raw kept in the inbound log).
CREATE TABLE noise_held_item (
    item_id      UUID                     NOT NULL PRIMARY KEY,
    group_id     UUID                     NOT NULL REFERENCES noise_held_group (id),
    channel      VARCHAR(20)              NOT NULL,
    external_id  VARCHAR(300),
    sender       VARCHAR(620),
    subject      VARCHAR(2000),
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    state        VARCHAR(10)              NOT NULL
);
CREATE INDEX noise_held_item_group_idx ON noise_held_item (group_id, received_at);
CREATE INDEX noise_held_item_external_idx ON noise_held_item (channel, external_id);

-- Senders who were given the standard answer to a vendor pitch (once each).
CREATE TABLE noise_pitch_answer (
    sender_key      VARCHAR(400)             NOT NULL PRIMARY KEY,
    conversation_id UUID                     NOT NULL,
    answered_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
