CREATE TABLE staff_team (
    id         UUID                     NOT NULL PRIMARY KEY,
    name       VARCHAR(100)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX staff_team_name_uq ON staff_team (name);

CREATE TABLE staff_agent (
    id            UUID                     NOT NULL PRIMARY KEY,
    email         VARCHAR(320)             NOT NULL,
    display_name  VARCHAR(200)             NOT NULL,
    password_hash VARCHAR(200)             NOT NULL,
    role          VARCHAR(20)              NOT NULL,
    active        BOOLEAN                  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX staff_agent_email_uq ON staff_agent (email);

CREATE TABLE staff_team_member (
    team_id  UUID NOT NULL REFERENCES staff_team (id),
    agent_id UUID NOT NULL REFERENCES staff_agent (id),
    PRIMARY KEY (team_id, agent_id)
);

CREATE TABLE staff_api_token (
    id           UUID                     NOT NULL PRIMARY KEY,
    name         VARCHAR(100)             NOT NULL,
    token_prefix VARCHAR(16)              NOT NULL,
    token_hash   VARCHAR(64)              NOT NULL,
    role         VARCHAR(20)              NOT NULL,
    created_by   UUID                     REFERENCES staff_agent (id),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX staff_api_token_hash_uq ON staff_api_token (token_hash);
