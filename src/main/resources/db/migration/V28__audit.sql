-- The audit log: an append-only record of security and administration events. Rows are inserted, read and,
-- past tact.audit.retention, deleted by AuditRetention; no code path updates one (AuditAppendOnlyTests).
CREATE TABLE audit_entry (
    id          UUID                     NOT NULL PRIMARY KEY,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_kind  VARCHAR(20)              NOT NULL,
    actor       VARCHAR(320)             NOT NULL,
    source      VARCHAR(100),
    action      VARCHAR(100)             NOT NULL,
    target_type VARCHAR(50),
    target_id   VARCHAR(200),
    summary     VARCHAR(2000)            NOT NULL,
    before_json TEXT,
    after_json  TEXT
);
CREATE INDEX audit_entry_at_ix ON audit_entry (at);
CREATE INDEX audit_entry_action_ix ON audit_entry (action, at);
CREATE INDEX audit_entry_actor_ix ON audit_entry (actor, at);
