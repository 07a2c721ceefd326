-- The durable inbound log: every accepted item, raw, written before the acknowledgement.
-- state: PENDING (waiting for the pipeline), DONE, DUPLICATE (redelivery of an item already
-- turned into a message), PARKED (failed; kept with the error, retryable by an admin).
CREATE TABLE intake_item (
    id               UUID                     NOT NULL PRIMARY KEY,
    channel          VARCHAR(20)              NOT NULL,
    external_id      VARCHAR(300),
    content_type     VARCHAR(100)             NOT NULL,
    payload          TEXT                     NOT NULL,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    state            VARCHAR(10)              NOT NULL,
    attempts         INT                      NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error       VARCHAR(4000),
    processed_at     TIMESTAMP WITH TIME ZONE,
    message_id       UUID                     NOT NULL,
    contact_id       UUID,
    conversation_id  UUID
);
CREATE INDEX intake_item_due_idx ON intake_item (state, next_attempt_at);
CREATE INDEX intake_item_external_idx ON intake_item (channel, external_id);
