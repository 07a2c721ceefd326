-- Conversations opened per day, team and channel (conv_opened_daily, and conv_opened_counted: what each conversation
-- adds) for the generated conversations: the same statements as V84's backfill (the app keeps both in
-- conversation.report.OpenedFigures from then on).
SET synchronous_commit = off;
DELETE FROM conv_opened_daily;
DELETE FROM conv_opened_counted;
INSERT INTO conv_opened_counted (conversation_id, opened_on, team_key, channel, reopened, unresolved)
SELECT c.id, CAST((c.created_at AT TIME ZONE 'UTC') AS DATE), COALESCE(CAST(c.team_id AS VARCHAR(36)), ''), c.channel,
  CASE WHEN c.reopen_count > 0 THEN 1 ELSE 0 END,
  CASE WHEN c.status IN ('NEW', 'OPEN', 'PENDING', 'ON_HOLD') THEN 1 ELSE 0 END
FROM conv_conversation c WHERE c.merged_into_id IS NULL;
INSERT INTO conv_opened_daily (opened_on, team_key, channel, opened, reopened, unresolved)
SELECT opened_on, team_key, channel, COUNT(*), SUM(reopened), SUM(unresolved) FROM conv_opened_counted
GROUP BY opened_on, team_key, channel;
