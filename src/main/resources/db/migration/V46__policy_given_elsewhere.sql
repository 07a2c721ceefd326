-- Consent and opt-outs given before they were typed in: when the person gave them (NULL = when recorded).
ALTER TABLE policy_consent ADD COLUMN given_at TIMESTAMP WITH TIME ZONE;

-- Contact attempts made outside Tact (a call from a desk phone, a campaign tool): where they were made, NULL for
-- Tact's own; the frequency caps count them like any other.
ALTER TABLE policy_attempt ADD COLUMN source VARCHAR(200);

-- Business relationships (a purchase, an inquiry) with when they happened: the do-not-call registers' and the
-- emergency rule's exemptions count from them.
CREATE TABLE policy_relationship (
    id          UUID                     NOT NULL PRIMARY KEY,
    contact_id  UUID                     NOT NULL,
    kind        VARCHAR(10)              NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    source      VARCHAR(200)             NOT NULL,
    evidence    VARCHAR(2000),
    recorded_by VARCHAR(400)             NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX policy_relationship_contact_idx ON policy_relationship (contact_id, occurred_at);
