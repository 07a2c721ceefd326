-- Dashboards at size (issue 19, part 5): summaries the panels read instead of a year of rows, each kept by the module
-- that owns the data, in the transaction of the write that changes it. Days are UTC days (as survey_daily's). Each
-- summary counts every row once per dimension: 'all' (dim_key ''), 'team' (the team's id, '' for none), 'channel'
-- and 'intent', so a panel narrowed by at most one of them reads a year as a few thousand rows; a panel narrowed by
-- an agent or by two of them reads the detailed rows.

-- sla: answered first responses per day the wait began, counted in fixed minute buckets (dev.tact.sla.MinuteBuckets;
-- the CASE below has the same bounds), so a median or p90 comes from summed counts
CREATE TABLE sla_first_response_daily (
  dimension      VARCHAR(8)  NOT NULL,
  dim_key        VARCHAR(64) NOT NULL,
  started_on     DATE        NOT NULL,
  minute_bucket  SMALLINT    NOT NULL,
  answered       INT         NOT NULL DEFAULT 0,
  PRIMARY KEY (dimension, dim_key, started_on, minute_bucket)
);
INSERT INTO sla_first_response_daily (dimension, dim_key, started_on, minute_bucket, answered)
SELECT dimension, dim_key, started_on, minute_bucket, COUNT(*) FROM (
  SELECT dims.dimension, CASE dims.dimension WHEN 'all' THEN '' WHEN 'team' THEN a.team_key
      WHEN 'channel' THEN a.channel ELSE a.intent END AS dim_key, a.started_on, a.minute_bucket
  FROM (
    SELECT CAST((k.started_at AT TIME ZONE 'UTC') AS DATE) AS started_on,
      COALESCE(CAST(k.team_id AS VARCHAR(36)), '') AS team_key, COALESCE(k.channel, '') AS channel, k.intent,
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
    FROM sla_clock k WHERE k.metric = 'FIRST_RESPONSE' AND k.ended_by = 'REPLY') a
  JOIN (SELECT 'all' AS dimension UNION ALL SELECT 'team' UNION ALL SELECT 'channel' UNION ALL SELECT 'intent') dims
    ON dims.dimension <> 'intent' OR a.intent IS NOT NULL) counted
GROUP BY dimension, dim_key, started_on, minute_bucket;
-- a panel filtered by agent (or by two filters) reads the clocks themselves, through these
CREATE INDEX sla_clock_answered_by_idx ON sla_clock (answered_by, started_at, metric, ended_by, consumed_nanos);
CREATE INDEX sla_clock_intent_idx ON sla_clock (intent, started_at, metric, ended_by, consumed_nanos);

-- conversation: conversations opened per day, how many came back after being solved and how many are not solved
-- now (dev.tact.conversation.report.OpenedFigures); conv_opened_counted is what each one adds today (its intents are
-- its intent:<name> tags, comma-separated: one tagged with two intents counts under each, as the intent filter does)
CREATE TABLE conv_opened_daily (
  dimension   VARCHAR(8)   NOT NULL,
  dim_key     VARCHAR(100) NOT NULL,
  opened_on   DATE         NOT NULL,
  opened      INT          NOT NULL DEFAULT 0,
  reopened    INT          NOT NULL DEFAULT 0,
  unresolved  INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (dimension, dim_key, opened_on)
);
CREATE TABLE conv_opened_counted (
  conversation_id  UUID          NOT NULL PRIMARY KEY,
  opened_on        DATE          NOT NULL,
  team_key         VARCHAR(36)   NOT NULL,
  channel          VARCHAR(20)   NOT NULL,
  intents          VARCHAR(1000) NOT NULL,
  reopened         INT           NOT NULL,
  unresolved       INT           NOT NULL
);
INSERT INTO conv_opened_counted (conversation_id, opened_on, team_key, channel, intents, reopened, unresolved)
SELECT c.id, CAST((c.created_at AT TIME ZONE 'UTC') AS DATE), COALESCE(CAST(c.team_id AS VARCHAR(36)), ''), c.channel,
  COALESCE((SELECT STRING_AGG(t.tag, ',' ORDER BY t.tag) FROM conv_tag t
    WHERE t.conversation_id = c.id AND t.tag LIKE 'intent:%'), ''),
  CASE WHEN c.reopen_count > 0 THEN 1 ELSE 0 END,
  CASE WHEN c.status IN ('NEW', 'OPEN', 'PENDING', 'ON_HOLD') THEN 1 ELSE 0 END
FROM conv_conversation c WHERE c.merged_into_id IS NULL;
INSERT INTO conv_opened_daily (dimension, dim_key, opened_on, opened, reopened, unresolved)
SELECT dimension, dim_key, opened_on, COUNT(*), SUM(reopened), SUM(unresolved) FROM (
  SELECT dims.dimension, CASE dims.dimension WHEN 'all' THEN '' WHEN 'team' THEN k.team_key ELSE k.channel END
      AS dim_key, k.opened_on, k.reopened, k.unresolved
  FROM conv_opened_counted k
  JOIN (SELECT 'all' AS dimension UNION ALL SELECT 'team' UNION ALL SELECT 'channel') dims ON 1 = 1
  UNION ALL
  SELECT 'intent', t.tag, k.opened_on, k.reopened, k.unresolved
  FROM conv_opened_counted k JOIN conv_tag t ON t.conversation_id = k.conversation_id AND t.tag LIKE 'intent:%'
) counted
GROUP BY dimension, dim_key, opened_on;
