-- Staff administration (issue 13). An agent is INVITED (no password yet, cannot sign in), ACTIVE or DEACTIVATED.
-- The column active stays (active = state ACTIVE, enforced below) for the queries that only ask that.
ALTER TABLE staff_agent ADD COLUMN state VARCHAR(20) DEFAULT 'ACTIVE' NOT NULL;
UPDATE staff_agent SET state = 'DEACTIVATED' WHERE NOT active;
ALTER TABLE staff_agent ADD CONSTRAINT staff_agent_state_ck CHECK (active = (state = 'ACTIVE'));
ALTER TABLE staff_agent ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE staff_agent ADD COLUMN last_signed_in_at TIMESTAMP WITH TIME ZONE;
-- The agent's own profile.
ALTER TABLE staff_agent ADD COLUMN time_zone VARCHAR(64);
ALTER TABLE staff_agent ADD COLUMN signature VARCHAR(2000);
CREATE TABLE staff_agent_language (
    agent_id UUID        NOT NULL REFERENCES staff_agent (id),
    language VARCHAR(8)  NOT NULL,
    position INT         NOT NULL,
    PRIMARY KEY (agent_id, language)
);

-- One-time links mailed to an agent: an invitation (set a first password) or a password reset. Only the SHA-256 of
-- the link's secret is kept; a link works once (used_at), until it expires or an admin revokes it.
CREATE TABLE staff_link (
    id         UUID                     NOT NULL PRIMARY KEY,
    agent_id   UUID                     NOT NULL REFERENCES staff_agent (id),
    purpose    VARCHAR(20)              NOT NULL,
    token_hash VARCHAR(64)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    revoked_at TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX staff_link_hash_uq ON staff_link (token_hash);
CREATE INDEX staff_link_agent_ix ON staff_link (agent_id, purpose, created_at);

-- The setup link of an installation without an admin: at most one row, so that among several nodes starting at
-- once exactly one makes (and prints) a link, and a new one only once it has expired.
CREATE TABLE staff_setup_link (
    id         INT                      NOT NULL PRIMARY KEY CHECK (id = 1),
    token_hash VARCHAR(64)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Deleted teams stay (closed conversations, reports and the audit log name them) but leave every list, and free
-- their name: live_name is the name of a team not deleted, NULL once deleted, and unique.
ALTER TABLE staff_team ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE staff_team ADD COLUMN live_name VARCHAR(100);
UPDATE staff_team SET live_name = name;
DROP INDEX staff_team_name_uq;
CREATE UNIQUE INDEX staff_team_live_name_uq ON staff_team (live_name);
