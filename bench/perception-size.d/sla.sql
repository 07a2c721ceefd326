-- First responses per dimension, day and minute bucket (sla_first_response_daily) for the generated clocks: the same
-- statement as V85's backfill (from then on replies add rows to sla_first_response_delta, FirstResponseFold folds them).
DELETE FROM sla_first_response_delta;
DELETE FROM sla_first_response_daily;
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
