-- The contact policy's settings as an admin last saved them (one row; none = the configured
-- defaults of tact.policy.*). version grows with each save, so every node notices a change.
CREATE TABLE policy_settings (
    id          INT                      NOT NULL PRIMARY KEY,
    settings    TEXT                     NOT NULL,
    version     BIGINT                   NOT NULL,
    updated_by  VARCHAR(400)             NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
