-- First responses per dimension, day and minute bucket (sla_first_response_daily) for the generated clocks: runs V85's
-- backfill statement, read from the migration itself (psql runs in the repository's root), so the two never differ
-- (from then on replies add rows to sla_first_response_delta, FirstResponseFold folds them).
DELETE FROM sla_first_response_delta;
DELETE FROM sla_first_response_daily;
\set backfill `sed -n '/^INSERT INTO sla_first_response_daily /,/;$/p' src/main/resources/db/migration/V85__dashboard_summaries.sql`
:backfill
-- the backfill ran, and counted every answered first response once under 'all'
DO $$ BEGIN
  IF (SELECT COALESCE(SUM(answered), 0) FROM sla_first_response_daily WHERE dimension = 'all')
      <> (SELECT COUNT(*) FROM sla_clock WHERE metric = 'FIRST_RESPONSE' AND ended_by = 'REPLY') THEN
    RAISE EXCEPTION 'sla_first_response_daily does not count the generated clocks: is V85''s backfill still there?';
  END IF;
END $$;
