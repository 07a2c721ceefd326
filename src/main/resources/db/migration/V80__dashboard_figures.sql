-- Dashboards at size (issue 19): what the panels count is kept where it happens, and read through indexes.

-- conversation: how often a solved conversation came back, and when it was last solved
ALTER TABLE conv_conversation ADD COLUMN reopen_count INT DEFAULT 0 NOT NULL;
ALTER TABLE conv_conversation ADD COLUMN solved_at TIMESTAMP WITH TIME ZONE;
-- from the history so far (ConversationManagement records status changes as "<from> → <to>")
UPDATE conv_conversation SET reopen_count = (SELECT COUNT(*) FROM conv_event e
    WHERE e.conversation_id = conv_conversation.id AND e.kind = 'STATUS_CHANGED'
      AND (e.detail LIKE 'Solved → %' OR e.detail LIKE 'Closed → %')
      AND e.detail NOT LIKE '% → Solved%' AND e.detail NOT LIKE '% → Closed%'),
    solved_at = (SELECT MAX(e.occurred_at) FROM conv_event e
    WHERE e.conversation_id = conv_conversation.id AND e.kind = 'STATUS_CHANGED' AND e.detail LIKE '% → Solved%')
  WHERE status <> 'NEW';
-- reopened and unresolved work: conversations opened in a period (filters read from the index)
CREATE INDEX conv_conversation_opened_idx ON conv_conversation (created_at, team_id, assignee_id, channel, status,
    reopen_count, merged_into_id);
-- backlog age: the open ones by age
CREATE INDEX conv_conversation_open_age_idx ON conv_conversation (status, created_at, team_id, assignee_id, channel,
    merged_into_id);

-- sla: who answered, on which channel and about what, kept on the clock a reply stopped
ALTER TABLE sla_clock ADD COLUMN channel VARCHAR(20);
ALTER TABLE sla_clock ADD COLUMN intent VARCHAR(64);
ALTER TABLE sla_clock ADD COLUMN answered_by UUID;
CREATE INDEX sla_clock_answered_idx ON sla_clock (metric, ended_by, started_at, team_id, channel, consumed_nanos);

-- incident: incidents by when they started
CREATE INDEX incident_started_idx ON incident (started_at);

-- dashboard: leads and admins who do not want the weekly digest
CREATE TABLE dashboard_digest_opt_out (
    agent_id      UUID                     NOT NULL PRIMARY KEY,
    opted_out_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
