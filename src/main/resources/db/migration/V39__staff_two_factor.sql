-- Two-factor sign-in (ADR 0020). An agent's authenticator secret, encrypted with the installation's secret key
-- (tact.secrets.key), unconfirmed until a first code proves the app has it; last_used_step refuses a code twice.
CREATE TABLE staff_two_factor (
    agent_id       UUID                     NOT NULL PRIMARY KEY REFERENCES staff_agent (id),
    secret         VARCHAR(200)             NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at   TIMESTAMP WITH TIME ZONE,
    last_used_step BIGINT                   NOT NULL DEFAULT 0
);

-- Single-use recovery codes: only their SHA-256 is kept (each code is 80 random bits).
CREATE TABLE staff_recovery_code (
    code_hash  CHAR(64)                 NOT NULL PRIMARY KEY,
    agent_id   UUID                     NOT NULL REFERENCES staff_agent (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX staff_recovery_code_agent_ix ON staff_recovery_code (agent_id);

-- Installation-wide sign-in rules, one row.
CREATE TABLE staff_signin_policy (
    id                  INT                      NOT NULL PRIMARY KEY,
    require_two_factor  BOOLEAN                  NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE
);
INSERT INTO staff_signin_policy (id, require_two_factor) VALUES (1, FALSE);
