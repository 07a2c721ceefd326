-- Rules that decide a new conversation's intent and team before the model does, in position order.
-- kind: SENDER (an address, or @domain), KEYWORD (a word in the subject or first message), CHANNEL.
CREATE TABLE routing_rule (
    id          UUID                     NOT NULL PRIMARY KEY,
    position    INT                      NOT NULL,
    kind        VARCHAR(10)              NOT NULL,
    match_value VARCHAR(320)             NOT NULL,
    intent      VARCHAR(64),
    team_id     UUID,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
