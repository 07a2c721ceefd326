-- Dashboards at size (issue 19, part 5): summaries the panels read instead of a year of rows, each kept by the module
-- that owns the data, in the transaction of the write that changes it. Days are UTC days (as survey_daily's).

-- sla: answered first responses per day the wait began, team and channel, counted in fixed minute buckets
-- (dev.tact.sla.MinuteBuckets; the CASE below is the same bounds), so a median or p90 comes from summed counts
CREATE TABLE sla_first_response_daily (
  started_on     DATE        NOT NULL,
  team_key       VARCHAR(36) NOT NULL,
  channel        VARCHAR(20) NOT NULL,
  minute_bucket  SMALLINT    NOT NULL,
  answered       INT         NOT NULL DEFAULT 0,
  PRIMARY KEY (started_on, team_key, channel, minute_bucket)
);
INSERT INTO sla_first_response_daily (started_on, team_key, channel, minute_bucket, answered)
SELECT started_on, team_key, channel, minute_bucket, COUNT(*) FROM (
  SELECT CAST((k.started_at AT TIME ZONE 'UTC') AS DATE) AS started_on,
    COALESCE(CAST(k.team_id AS VARCHAR(36)), '') AS team_key, COALESCE(k.channel, '') AS channel,
    CASE WHEN k.consumed_nanos < 60000000000 THEN 0
      WHEN k.consumed_nanos < 120000000000 THEN 1
      WHEN k.consumed_nanos < 180000000000 THEN 2
      WHEN k.consumed_nanos < 300000000000 THEN 3
      WHEN k.consumed_nanos < 420000000000 THEN 4
      WHEN k.consumed_nanos < 600000000000 THEN 5
      WHEN k.consumed_nanos < 900000000000 THEN 6
      WHEN k.consumed_nanos < 1200000000000 THEN 7
      WHEN k.consumed_nanos < 1800000000000 THEN 8
      WHEN k.consumed_nanos < 2700000000000 THEN 9
      WHEN k.consumed_nanos < 3600000000000 THEN 10
      WHEN k.consumed_nanos < 5400000000000 THEN 11
      WHEN k.consumed_nanos < 7200000000000 THEN 12
      WHEN k.consumed_nanos < 10800000000000 THEN 13
      WHEN k.consumed_nanos < 14400000000000 THEN 14
      WHEN k.consumed_nanos < 21600000000000 THEN 15
      WHEN k.consumed_nanos < 28800000000000 THEN 16
      WHEN k.consumed_nanos < 43200000000000 THEN 17
      WHEN k.consumed_nanos < 57600000000000 THEN 18
      WHEN k.consumed_nanos < 86400000000000 THEN 19
      WHEN k.consumed_nanos < 129600000000000 THEN 20
      WHEN k.consumed_nanos < 172800000000000 THEN 21
      WHEN k.consumed_nanos < 259200000000000 THEN 22
      WHEN k.consumed_nanos < 345600000000000 THEN 23
      WHEN k.consumed_nanos < 604800000000000 THEN 24 ELSE 25 END AS minute_bucket
  FROM sla_clock k WHERE k.metric = 'FIRST_RESPONSE' AND k.ended_by = 'REPLY') answered
GROUP BY started_on, team_key, channel, minute_bucket;
-- a panel filtered by agent or intent reads the clocks themselves, through these
CREATE INDEX sla_clock_answered_by_idx ON sla_clock (answered_by, started_at, metric, ended_by, consumed_nanos);
CREATE INDEX sla_clock_intent_idx ON sla_clock (intent, started_at, metric, ended_by, consumed_nanos);

-- conversation: conversations opened per day, team and channel, how many came back after being solved and how many
-- are not solved now (dev.tact.conversation.report.OpenedFigures); conv_opened_counted is what each one adds today
CREATE TABLE conv_opened_daily (
  opened_on   DATE        NOT NULL,
  team_key    VARCHAR(36) NOT NULL,
  channel     VARCHAR(20) NOT NULL,
  opened      INT         NOT NULL DEFAULT 0,
  reopened    INT         NOT NULL DEFAULT 0,
  unresolved  INT         NOT NULL DEFAULT 0,
  PRIMARY KEY (opened_on, team_key, channel)
);
CREATE TABLE conv_opened_counted (
  conversation_id  UUID        NOT NULL PRIMARY KEY,
  opened_on        DATE        NOT NULL,
  team_key         VARCHAR(36) NOT NULL,
  channel          VARCHAR(20) NOT NULL,
  reopened         INT         NOT NULL,
  unresolved       INT         NOT NULL
);
INSERT INTO conv_opened_counted (conversation_id, opened_on, team_key, channel, reopened, unresolved)
SELECT c.id, CAST((c.created_at AT TIME ZONE 'UTC') AS DATE), COALESCE(CAST(c.team_id AS VARCHAR(36)), ''), c.channel,
  CASE WHEN c.reopen_count > 0 THEN 1 ELSE 0 END,
  CASE WHEN c.status IN ('NEW', 'OPEN', 'PENDING', 'ON_HOLD') THEN 1 ELSE 0 END
FROM conv_conversation c WHERE c.merged_into_id IS NULL;
INSERT INTO conv_opened_daily (opened_on, team_key, channel, opened, reopened, unresolved)
SELECT opened_on, team_key, channel, COUNT(*), SUM(reopened), SUM(unresolved) FROM conv_opened_counted
GROUP BY opened_on, team_key, channel;
