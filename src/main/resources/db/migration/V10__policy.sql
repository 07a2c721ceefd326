-- Contact policy (module policy). Only that module reads or writes these tables.

-- The consent ledger: express and implied consent, and opt-outs, per contact x channel x purpose.
-- channel NULL = every channel; subject NULL = every offer. OPT_OUT rows are never deleted.
CREATE TABLE policy_consent (
    id          UUID                     NOT NULL PRIMARY KEY,
    contact_id  UUID                     NOT NULL,
    kind        VARCHAR(10)              NOT NULL,
    channel     VARCHAR(20),
    purpose     VARCHAR(20)              NOT NULL,
    subject     VARCHAR(300),
    source      VARCHAR(200)             NOT NULL,
    evidence    TEXT,
    recorded_by VARCHAR(400)             NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX policy_consent_contact_idx ON policy_consent (contact_id, recorded_at);

-- The contact-history ledger: every outbound contact made or scheduled, whatever sent it.
CREATE TABLE policy_attempt (
    id          UUID                     NOT NULL PRIMARY KEY,
    contact_id  UUID                     NOT NULL,
    channel     VARCHAR(20)              NOT NULL,
    purpose     VARCHAR(20)              NOT NULL,
    subject     VARCHAR(300),
    attempted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    decision_id UUID,
    actor       VARCHAR(400)             NOT NULL
);
CREATE INDEX policy_attempt_contact_idx ON policy_attempt (contact_id, attempted_at);

-- Every decision asked, with every rule's vote (JSON text): the audit and the "why not?" view.
CREATE TABLE policy_decision (
    id          UUID                     NOT NULL PRIMARY KEY,
    contact_id  UUID                     NOT NULL,
    channel     VARCHAR(20)              NOT NULL,
    purpose     VARCHAR(20)              NOT NULL,
    subject     VARCHAR(300),
    proposed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome     VARCHAR(10)              NOT NULL,
    not_before  TIMESTAMP WITH TIME ZONE,
    summary     TEXT                     NOT NULL,
    votes       TEXT                     NOT NULL,
    asked_by    VARCHAR(400)             NOT NULL,
    decided_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX policy_decision_contact_idx ON policy_decision (contact_id, decided_at);

-- Inbound messages whose wording may be an opt-out: an agent confirms or dismisses them.
CREATE TABLE policy_optout_review (
    id              UUID                     NOT NULL PRIMARY KEY,
    message_id      UUID                     NOT NULL,
    conversation_id UUID                     NOT NULL,
    contact_id      UUID                     NOT NULL,
    channel         VARCHAR(20),
    excerpt         VARCHAR(1000)            NOT NULL,
    phrase          VARCHAR(200)             NOT NULL,
    status          VARCHAR(10)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_by     VARCHAR(400),
    resolved_at     TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX policy_optout_review_message_uq ON policy_optout_review (message_id);
CREATE INDEX policy_optout_review_status_idx ON policy_optout_review (status, created_at);
