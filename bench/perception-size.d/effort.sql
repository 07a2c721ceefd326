-- Customer effort for every generated conversation (issue 19, effort module): fills conversation_effort from the
-- tables the generator filled (conv_conversation, conv_message; conv_event and routing_intent when it filled them),
-- with the same parts and formula as dev.tact.effort.EffortScore. Run after the generator, before ANALYZE.
-- What it assumes: teams have no business calendar of their own, so waiting is counted on the default calendar,
-- around the clock (tact.sla.default-hours); every reply reached the customer (the bench has no outbox rows).
-- Rows already there are kept (ON CONFLICT DO NOTHING): on a fresh bench database that is none.

CREATE TEMP TABLE effort_messages AS
WITH m AS (
  SELECT conversation_id, created_at, channel,
    CASE WHEN direction = 'OUTBOUND' THEN 1 ELSE 0 END AS is_reply,
    SUM(CASE WHEN direction = 'OUTBOUND' THEN 1 ELSE 0 END) OVER (PARTITION BY conversation_id
      ORDER BY created_at, CASE WHEN direction = 'OUTBOUND' THEN 1 ELSE 0 END, id ROWS UNBOUNDED PRECEDING) AS upto,
    CASE WHEN direction = 'INBOUND' THEN LAG(channel) OVER (PARTITION BY conversation_id, direction
      ORDER BY created_at, id) END AS channel_before
  FROM conv_message
  WHERE direction = 'OUTBOUND' OR (direction = 'INBOUND' AND NOT automatic)
),
-- a wait: the customer's messages since the last reply (group g) and the reply that ended them (the g-th reply)
waits AS (
  SELECT conversation_id,
    MIN(CASE WHEN is_reply = 0 THEN created_at END) AS waiting_since,
    MIN(CASE WHEN is_reply = 1 THEN created_at END) AS answered_at
  FROM m GROUP BY conversation_id, upto - is_reply
),
counted AS (
  SELECT conversation_id,
    SUM(1 - is_reply) AS customer_messages,
    SUM(CASE WHEN is_reply = 0 AND channel_before IS NOT NULL AND channel_before <> channel THEN 1 ELSE 0 END)
      AS channel_switches
  FROM m GROUP BY conversation_id
),
waited AS (
  SELECT conversation_id,
    SUM(CASE WHEN waiting_since IS NOT NULL AND answered_at IS NOT NULL
      THEN FLOOR(EXTRACT(EPOCH FROM answered_at - waiting_since) / 60) ELSE 0 END) AS minutes
  FROM waits GROUP BY conversation_id
)
SELECT c.conversation_id, c.customer_messages, c.channel_switches, COALESCE(w.minutes, 0) AS waited
FROM counted c LEFT JOIN waited w ON w.conversation_id = c.conversation_id;
CREATE INDEX ON effort_messages (conversation_id);

-- hand-offs and reopens from the conversation's history, when the generator wrote one: a team or an agent after the
-- first one (the first is where it was placed), every escalation; a status change from solved or closed to another
CREATE TEMP TABLE effort_history AS
SELECT conversation_id,
  GREATEST(SUM(CASE WHEN kind = 'TEAM_CHANGED' THEN 1 ELSE 0 END) - 1, 0)
    + GREATEST(SUM(CASE WHEN kind = 'ASSIGNED' AND detail LIKE 'to %' THEN 1 ELSE 0 END) - 1, 0)
    + SUM(CASE WHEN kind = 'ESCALATED' THEN 1 ELSE 0 END) AS handoffs,
  SUM(CASE WHEN kind = 'STATUS_CHANGED' AND (detail LIKE 'Solved → %' OR detail LIKE 'Closed → %')
    AND detail NOT LIKE '% → Solved%' AND detail NOT LIKE '% → Closed%' THEN 1 ELSE 0 END) AS reopens
FROM conv_event
WHERE kind IN ('TEAM_CHANGED', 'ASSIGNED', 'ESCALATED', 'STATUS_CHANGED')
GROUP BY conversation_id;
CREATE INDEX ON effort_history (conversation_id);

INSERT INTO conversation_effort (conversation_id, contact_id, team_id, agent_id, channel, intent, opened_at,
  customer_messages, handoffs, reopens, channel_switches, repeat_contact, waited_business_minutes, score, measured_at)
SELECT p.id, p.contact_id, p.team_id, p.assignee_id, p.channel, p.intent, p.created_at,
  p.customer_messages, p.handoffs, p.reopens, p.channel_switches, p.repeat_contact, p.waited,
  LEAST(100,
    LEAST(GREATEST(p.customer_messages - 1, 0) * 5, 25) + LEAST(p.handoffs * 10, 30) + LEAST(p.reopens * 15, 30)
    + LEAST(p.channel_switches * 8, 16) + CASE WHEN p.repeat_contact THEN 15 ELSE 0 END
    + LEAST(p.waited / 20, 30)),
  now()
FROM (
  SELECT c.id, c.contact_id, c.team_id, c.assignee_id, c.channel, i.intent, c.created_at,
    COALESCE(m.customer_messages, 0)::INT AS customer_messages, COALESCE(h.handoffs, 0)::INT AS handoffs,
    COALESCE(h.reopens, 0)::INT AS reopens, COALESCE(m.channel_switches, 0)::INT AS channel_switches,
    COALESCE(m.waited, 0)::BIGINT AS waited,
    -- the same contact opened a conversation about the same intent in the 7 days before
    COALESCE(i.intent IS NOT NULL AND LAG(c.created_at) OVER (PARTITION BY c.contact_id, i.intent
      ORDER BY c.created_at, c.id) >= c.created_at - INTERVAL '7 days', FALSE) AS repeat_contact
  FROM conv_conversation c
  LEFT JOIN routing_intent i ON i.conversation_id = c.id
  LEFT JOIN effort_messages m ON m.conversation_id = c.id
  LEFT JOIN effort_history h ON h.conversation_id = c.id
  WHERE c.merged_into_id IS NULL
) p
ON CONFLICT (conversation_id) DO NOTHING;

DROP TABLE effort_messages;
DROP TABLE effort_history;

-- Effort per day and dimension (effort_counted, effort_daily) for the generated conversations: runs V86's backfill
-- statements, read from the migration itself (psql runs in the repository's root), so the two never differ; from then
-- on a measure adds a row to effort_change and EffortFold folds it. Without this the effort panels would read an
-- empty summary at size.
DELETE FROM effort_change;
DELETE FROM effort_daily;
DELETE FROM effort_counted;
\set counted `sed -n '/^INSERT INTO effort_counted /,/;$/p' src/main/resources/db/migration/V86__effort_summary.sql`
:counted
\set daily `sed -n '/^INSERT INTO effort_daily /,/;$/p' src/main/resources/db/migration/V86__effort_summary.sql`
:daily
-- the backfill ran, and counted every measured conversation once under ('all', 'period')
DO $$ BEGIN
  IF (SELECT COALESCE(SUM(conversations), 0) FROM effort_daily WHERE filter_dim = 'all' AND group_dim = 'period')
      <> (SELECT COUNT(*) FROM conversation_effort) THEN
    RAISE EXCEPTION 'effort_daily does not count the generated conversations: is V86''s backfill still there?';
  END IF;
END $$;
