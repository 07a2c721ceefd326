-- Conversations opened per dimension and day (conv_opened_daily, and conv_opened_counted: what each conversation adds)
-- for the generated conversations: runs V85's two backfill statements, read from the migration itself (psql runs in the
-- repository's root), so the two never differ (from then on writes note changes in conv_opened_change and
-- conversation.report.OpenedFold folds them).
SET synchronous_commit = off;
DELETE FROM conv_opened_change;
DELETE FROM conv_opened_daily;
DELETE FROM conv_opened_counted;
\set backfill `sed -n '/^INSERT INTO conv_opened_\(counted\|daily\) /,/;$/p' src/main/resources/db/migration/V85__dashboard_summaries.sql`
:backfill
-- the backfill ran: every conversation counted once, and once under 'all'
DO $$ BEGIN
  IF (SELECT COUNT(*) FROM conv_opened_counted) <> (SELECT COUNT(*) FROM conv_conversation WHERE merged_into_id IS NULL)
      OR (SELECT COALESCE(SUM(opened), 0) FROM conv_opened_daily WHERE dimension = 'all')
      <> (SELECT COUNT(*) FROM conv_opened_counted) THEN
    RAISE EXCEPTION 'conv_opened_counted/daily do not count the generated conversations: is V85''s backfill still there?';
  END IF;
END $$;
