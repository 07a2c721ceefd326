-- A customer signed in to the portal: the portal's own session, apart from the agents' staff_session. The browser
-- holds a random secret in its own cookie (path /portal); only its SHA-256 is kept. A session ends when the customer
-- signs out (ended_at), after idle_until without a request, or at expires_at, whichever comes first.
CREATE TABLE portal_session (
    id             UUID                     NOT NULL PRIMARY KEY,
    contact_id     UUID                     NOT NULL,
    identity_kind  VARCHAR(10)              NOT NULL,
    identity_value VARCHAR(400)             NOT NULL,
    link_id        UUID                     NOT NULL REFERENCES portal_link (id),
    token_hash     VARCHAR(64)              NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    idle_until     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at       TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX portal_session_hash_uq ON portal_session (token_hash);
CREATE UNIQUE INDEX portal_session_link_uq ON portal_session (link_id);
CREATE INDEX portal_session_expires_ix ON portal_session (expires_at);
