-- Issue 19, part 3: silent churn. One row per contact who ever wrote in (or bought, through the activity API): the
-- rhythm of their contacts, kept incrementally from events, and what their latest episode was like. An episode is
-- an inbound conversation (or a purchase) starting at least a day after the previous one; recent_intervals keeps
-- the seconds between the latest episodes (oldest first) from which usual_interval_seconds (their median) is
-- taken once there is enough history. Times are also kept as epoch seconds so that "overdue" (quiet for longer than
-- max(k x usual, longest) with k a setting) is plain arithmetic on both H2 and PostgreSQL.
CREATE TABLE churn_contact (
  contact_id                UUID PRIMARY KEY,
  first_activity_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  last_activity_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  last_activity_epoch       BIGINT NOT NULL,
  last_episode_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  episodes                  INT NOT NULL,
  recent_intervals          VARCHAR(400) NOT NULL DEFAULT '',
  usual_interval_seconds    BIGINT,
  longest_interval_seconds  BIGINT,
  purchases                 INT NOT NULL DEFAULT 0,
  value_cents               BIGINT NOT NULL DEFAULT 0,
  last_conversation_id      UUID,
  last_conversation_open    BOOLEAN NOT NULL DEFAULT FALSE,  -- the latest conversation is neither solved nor closed
  last_channel              VARCHAR(16),
  last_team_id              UUID,
  last_agent_id             UUID,
  last_intent               VARCHAR(100),
  poor_experiences          INT NOT NULL DEFAULT 0,              -- rows in churn_experience for this contact
  -- a usual interval is known and the latest episode was poor or is left open: at risk once overdue. Kept by
  -- every write so that lists and dashboards read only these rows (a fraction of all contacts) by index
  candidate                 BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX churn_contact_last_conversation ON churn_contact (last_conversation_id);
CREATE INDEX churn_contact_candidate ON churn_contact (candidate, last_activity_epoch);

-- The poor experiences of a contact's latest episode, one row per kind (the latest of that kind): emptied when a
-- new episode starts. LEFT_OPEN is not stored: it is churn_contact.last_conversation_open.
CREATE TABLE churn_experience (
  contact_id       UUID NOT NULL REFERENCES churn_contact (contact_id) ON DELETE CASCADE,
  kind             VARCHAR(24) NOT NULL,   -- POOR_SURVEY, SLA_BREACHED, MANY_HANDOFFS, REOPENED, CLOSED_UNSOLVED, INCIDENT
  conversation_id  UUID,
  detail           VARCHAR(500) NOT NULL,
  occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (contact_id, kind)
);
