-- Issue 19, customer effort. effort_step keeps what the effort module heard of a conversation, one row per event
-- (keyed by what the event is about, so that an event delivered twice is one row); conversation_effort is the
-- measure folded from those steps, one row per conversation, read by the conversation page and the dashboard.
CREATE TABLE effort_step (
  conversation_id UUID                     NOT NULL,
  step_key        VARCHAR(100)             NOT NULL,
  kind            VARCHAR(16)              NOT NULL,  -- OPENED, CUSTOMER, REPLY, TEAM, AGENT, TIER, REOPEN, INTENT
  at              TIMESTAMP WITH TIME ZONE NOT NULL,
  channel         VARCHAR(20),
  contact_id      UUID,
  ref_id          UUID,                               -- TEAM: the team, AGENT: the agent
  detail          VARCHAR(64),                        -- INTENT: the intent
  PRIMARY KEY (conversation_id, step_key)
);

CREATE TABLE conversation_effort (
  conversation_id         UUID                     NOT NULL PRIMARY KEY,
  contact_id              UUID,
  team_id                 UUID,
  agent_id                UUID,
  channel                 VARCHAR(20),
  intent                  VARCHAR(64),
  opened_at               TIMESTAMP WITH TIME ZONE NOT NULL,
  customer_messages       INT                      NOT NULL DEFAULT 0,
  handoffs                INT                      NOT NULL DEFAULT 0,
  reopens                 INT                      NOT NULL DEFAULT 0,
  channel_switches        INT                      NOT NULL DEFAULT 0,
  repeat_contact          BOOLEAN                  NOT NULL DEFAULT FALSE,
  waited_business_minutes BIGINT                   NOT NULL DEFAULT 0,
  score                   INT                      NOT NULL DEFAULT 0,
  measured_at             TIMESTAMP WITH TIME ZONE NOT NULL
);
-- The dashboard's scans: by period, alone or with one filter; the leading period column of the first one carries
-- every part, so that a whole-period query reads the index alone on PostgreSQL.
CREATE INDEX conversation_effort_period_idx ON conversation_effort (opened_at, team_id, channel, intent, agent_id,
  score, customer_messages, handoffs, reopens, channel_switches, repeat_contact, waited_business_minutes);
CREATE INDEX conversation_effort_team_idx ON conversation_effort (team_id, opened_at);
CREATE INDEX conversation_effort_agent_idx ON conversation_effort (agent_id, opened_at);
CREATE INDEX conversation_effort_channel_idx ON conversation_effort (channel, opened_at);
CREATE INDEX conversation_effort_intent_idx ON conversation_effort (intent, opened_at);
-- Repeat contact: the same contact's conversations about the same intent in the 7 days before.
CREATE INDEX conversation_effort_contact_idx ON conversation_effort (contact_id, intent, opened_at);
