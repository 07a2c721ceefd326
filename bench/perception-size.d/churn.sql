-- Silent churn's tables filled from the generated conversations (PostgreSQL, run by bench/perception-size.sh after
-- the generator): one churn_contact row per contact with the rhythm ChurnLedger would have kept from their
-- conversations. Approximations, stated: every conversation counts as an inbound episode (the live ledger merges
-- episodes starting within a day and counts only inbound ones); the median is over the gaps before the latest 12
-- conversations; a contact needs 4 conversations for a usual interval (the default tact.churn.minimum-episodes).
-- Poor experiences come from what the generated rows say: the latest conversation left neither solved nor closed
-- (last_conversation_open). The other kinds come from events (surveys, effort, SLA breaches, incidents) the
-- generator does not replay; survey.sql and effort.sql fill their own modules' tables, not these.
DELETE FROM churn_experience;
DELETE FROM churn_contact;

WITH conversations AS (
  SELECT c.contact_id, c.id, c.created_at, c.status, c.channel, c.team_id, c.assignee_id,
         ROW_NUMBER() OVER (PARTITION BY c.contact_id ORDER BY c.created_at DESC, c.id DESC) AS back,
         (EXTRACT(EPOCH FROM c.created_at)
           - EXTRACT(EPOCH FROM LAG(c.created_at) OVER (PARTITION BY c.contact_id ORDER BY c.created_at, c.id)))::BIGINT
           AS gap
  FROM conv_conversation c
  WHERE c.merged_into_id IS NULL
), per_contact AS (
  SELECT contact_id, MIN(created_at) AS first_at, MAX(created_at) AS last_at, COUNT(*) AS episodes,
         COALESCE(STRING_AGG(gap::TEXT, ',' ORDER BY created_at) FILTER (WHERE back <= 12 AND gap IS NOT NULL), '')
           AS intervals,
         (PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY gap) FILTER (WHERE back <= 12 AND gap IS NOT NULL))::BIGINT
           AS usual,
         MAX(gap) FILTER (WHERE back <= 12) AS longest
  FROM conversations GROUP BY contact_id
)
INSERT INTO churn_contact (contact_id, first_activity_at, last_activity_at, last_activity_epoch, last_episode_at,
  episodes, recent_intervals, usual_interval_seconds, longest_interval_seconds, purchases, value_cents,
  last_conversation_id, last_conversation_open, last_channel, last_team_id, last_agent_id, last_intent,
  poor_experiences, candidate)
SELECT p.contact_id, p.first_at, p.last_at, EXTRACT(EPOCH FROM p.last_at)::BIGINT, p.last_at, p.episodes,
       p.intervals, CASE WHEN p.episodes >= 4 THEN p.usual END, p.longest, 0, 0,
       l.id, l.status NOT IN ('SOLVED', 'CLOSED'), LOWER(l.channel), l.team_id, l.assignee_id,
       (SELECT r.intent FROM routing_intent r WHERE r.conversation_id = l.id AND NOT r.triage), 0,
       p.episodes >= 4 AND p.usual IS NOT NULL AND l.status NOT IN ('SOLVED', 'CLOSED')
FROM per_contact p JOIN conversations l ON l.contact_id = p.contact_id AND l.back = 1;

ANALYZE churn_contact;
ANALYZE churn_experience;
