-- The customer portal's sign-in links (issue 16, ADR 0032): a customer asks for a link by email or text and opens it
-- once. Only the SHA-256 of the link's secret is kept. The link names the contact and the identity it was sent to; it
-- works once (used_at), until it expires.
CREATE TABLE portal_link (
    id             UUID                     NOT NULL PRIMARY KEY,
    contact_id     UUID                     NOT NULL,
    identity_kind  VARCHAR(10)              NOT NULL,
    identity_value VARCHAR(400)             NOT NULL,
    token_hash     VARCHAR(64)              NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at        TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX portal_link_hash_uq ON portal_link (token_hash);
CREATE INDEX portal_link_expires_ix ON portal_link (expires_at);
