-- SLAs: team calendars, policies, per-conversation clocks and notifications (ADR 11).

-- A team's business hours. A team without a row uses the default calendar (tact.sla.default-*).
-- version is a new random number at every change, so that each node rebuilds its cached BusinessCalendar.
CREATE TABLE sla_calendar (
    team_id       UUID                     NOT NULL PRIMARY KEY,
    zone          VARCHAR(64)              NOT NULL,
    country       VARCHAR(2),
    subdivision   VARCHAR(16),
    bank_holidays BOOLEAN                  NOT NULL,
    version       BIGINT                   NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Weekly working intervals in the team's zone; an end not after the start runs into the next day.
CREATE TABLE sla_calendar_interval (
    team_id      UUID NOT NULL REFERENCES sla_calendar (team_id) ON DELETE CASCADE,
    day_of_week  INT  NOT NULL,
    start_second INT  NOT NULL,
    end_second   INT  NOT NULL,
    PRIMARY KEY (team_id, day_of_week, start_second)
);

-- Custom closures: whole local dates first_day..last_day, or an instant range [starts_at, ends_at).
CREATE TABLE sla_closure (
    id         UUID                     NOT NULL PRIMARY KEY,
    team_id    UUID                     NOT NULL REFERENCES sla_calendar (team_id) ON DELETE CASCADE,
    label      VARCHAR(200)             NOT NULL,
    first_day  DATE,
    last_day   DATE,
    starts_at  TIMESTAMP WITH TIME ZONE,
    ends_at    TIMESTAMP WITH TIME ZONE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sla_closure_team ON sla_closure (team_id);

-- Policies, tried in position order; an empty condition list matches anything. Targets in business minutes.
CREATE TABLE sla_policy (
    id                     UUID                     NOT NULL PRIMARY KEY,
    position               INT                      NOT NULL,
    name                   VARCHAR(200)             NOT NULL,
    priorities             VARCHAR(100)             NOT NULL,
    intents                VARCHAR(2000)            NOT NULL,
    customer_tiers         VARCHAR(2000)            NOT NULL,
    team_ids               VARCHAR(4000)            NOT NULL,
    first_response_minutes INT,
    next_response_minutes  INT,
    resolution_minutes     INT,
    warn_at_percent        INT                      NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What the SLA module knows of a conversation: its contact (for tier changes), the policy that applies,
-- whether an agent has replied yet, and whether its clocks are paused (PENDING) or over (SOLVED/CLOSED).
CREATE TABLE sla_conversation (
    conversation_id UUID                     NOT NULL PRIMARY KEY,
    contact_id      UUID,
    team_id         UUID,
    policy_id       UUID,
    agent_replied   BOOLEAN                  NOT NULL,
    paused          BOOLEAN                  NOT NULL,
    active          BOOLEAN                  NOT NULL,
    opened_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sla_conversation_contact ON sla_conversation (contact_id);
CREATE INDEX sla_conversation_team ON sla_conversation (team_id, active);

-- One clock per metric and cycle (next response: one per customer message answered). consumed_nanos is the
-- business time used before running_since; running_since is null while paused or once stopped.
CREATE TABLE sla_clock (
    conversation_id UUID                     NOT NULL,
    metric          VARCHAR(20)              NOT NULL,
    cycle           INT                      NOT NULL,
    team_id         UUID,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    running_since   TIMESTAMP WITH TIME ZONE,
    consumed_nanos  BIGINT                   NOT NULL,
    target_minutes  INT,
    warn_at_percent INT                      NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE,
    warn_at         TIMESTAMP WITH TIME ZONE,
    warned_at       TIMESTAMP WITH TIME ZONE,
    breached_at     TIMESTAMP WITH TIME ZONE,
    stopped_at      TIMESTAMP WITH TIME ZONE,
    outcome         VARCHAR(12)              NOT NULL,
    ended_by        VARCHAR(12),
    PRIMARY KEY (conversation_id, metric, cycle)
);
CREATE INDEX sla_clock_team_started ON sla_clock (team_id, started_at);
CREATE INDEX sla_clock_running ON sla_clock (outcome, due_at);

-- In-app notifications of warnings and breaches, to the assignee or (unassigned) to the team.
CREATE TABLE sla_notification (
    id              UUID                     NOT NULL PRIMARY KEY,
    agent_id        UUID,
    team_id         UUID,
    conversation_id UUID                     NOT NULL,
    kind            VARCHAR(20)              NOT NULL,
    text            VARCHAR(1000)            NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sla_notification_agent ON sla_notification (agent_id, created_at);
CREATE INDEX sla_notification_team ON sla_notification (team_id, created_at);
