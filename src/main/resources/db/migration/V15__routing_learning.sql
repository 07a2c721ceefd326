-- What agents taught the front door: a conversation's first words and the intent of the team an
-- agent moved it to (one example per conversation, the latest move wins).
CREATE TABLE routing_example (
    conversation_id UUID                     NOT NULL PRIMARY KEY,
    text            TEXT                     NOT NULL,
    intent          VARCHAR(64)              NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Intent models trained from the seed phrases and those examples; the newest one routes.
CREATE TABLE routing_model (
    id          UUID                     NOT NULL PRIMARY KEY,
    examples    INT                      NOT NULL,
    model       BYTEA                    NOT NULL,
    trained_by  VARCHAR(400)             NOT NULL,
    trained_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
