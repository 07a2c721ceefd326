-- Issue 19, part 1: satisfaction surveys. One row per decision taken when a conversation was solved: sent (with the
-- hash of its link's token, never the token) or not sent with the reason people read on the conversation page. The
-- answer lives on the row and may be changed until open_until. team, agent, channel and intent are copied from the
-- conversation when the survey is decided, so that the dashboard never joins conversations.
CREATE TABLE survey (
  id               UUID PRIMARY KEY,
  conversation_id  UUID NOT NULL,
  contact_id       UUID NOT NULL,
  channel          VARCHAR(20) NOT NULL,     -- the channel the survey went on (EMAIL, SMS, CHAT)
  conversation_channel VARCHAR(20) NOT NULL, -- the conversation's own (the dashboard's channel)
  team_id          UUID,
  agent_id         UUID,
  intent           VARCHAR(64),
  decided_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  sent             BOOLEAN NOT NULL,
  reason           VARCHAR(4000) NOT NULL,   -- the policy's summary, or the survey's own reason
  decision_id      UUID,                     -- the contact policy's audited decision, when it was asked
  token_hash       VARCHAR(64) UNIQUE,       -- SHA-256 (hex) of the link's token; null when not sent
  scale            INT NOT NULL,             -- 2 (good / not good) or 5
  open_until       TIMESTAMP WITH TIME ZONE,
  score            INT,
  poor             BOOLEAN,
  comment_text     VARCHAR(4000),
  answered_at      TIMESTAMP WITH TIME ZONE,
  changed_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX survey_conversation ON survey (conversation_id, decided_at);
CREATE INDEX survey_contact ON survey (contact_id, decided_at);

CREATE TABLE survey_settings (
  id          INT PRIMARY KEY,               -- always 1
  enabled     BOOLEAN NOT NULL,
  scale       INT NOT NULL,
  updated_by  VARCHAR(400) NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The dashboard's summaries, kept by the survey module in the transaction that sends or answers a survey: surveys
-- sent and answered per day (UTC) of sending, team and the conversation's channel ('' where no team), which the
-- panels read; and the same per agent and intent too ('' where none), read only when a panel is filtered by agent or
-- intent (it is nearly as large as the surveys: a day holds few surveys of one agent and intent).
CREATE TABLE survey_daily (
  sent_on    DATE NOT NULL,
  team_key   VARCHAR(36) NOT NULL,
  channel    VARCHAR(20) NOT NULL,
  sent       INT NOT NULL DEFAULT 0,
  answered   INT NOT NULL DEFAULT 0,
  good       INT NOT NULL DEFAULT 0,
  poor       INT NOT NULL DEFAULT 0,
  PRIMARY KEY (sent_on, team_key, channel)
);

CREATE TABLE survey_daily_detail (
  sent_on    DATE NOT NULL,
  team_key   VARCHAR(36) NOT NULL,
  agent_key  VARCHAR(36) NOT NULL,
  channel    VARCHAR(20) NOT NULL,
  intent     VARCHAR(64) NOT NULL,
  sent       INT NOT NULL DEFAULT 0,
  answered   INT NOT NULL DEFAULT 0,
  good       INT NOT NULL DEFAULT 0,
  poor       INT NOT NULL DEFAULT 0,
  PRIMARY KEY (sent_on, team_key, agent_key, channel, intent)
);
CREATE INDEX survey_daily_detail_agent ON survey_daily_detail (agent_key, sent_on);
CREATE INDEX survey_daily_detail_intent ON survey_daily_detail (intent, sent_on);
