-- Conversations opened per dimension and day (conv_opened_daily, and conv_opened_counted: what each conversation adds)
-- for the generated conversations: the same statements as V85's backfill (from then on writes note changes in
-- conv_opened_change and conversation.report.OpenedFold folds them).
SET synchronous_commit = off;
DELETE FROM conv_opened_change;
DELETE FROM conv_opened_daily;
DELETE FROM conv_opened_counted;
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
