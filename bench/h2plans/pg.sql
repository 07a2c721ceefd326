CREATE TABLE timer_entry (kind VARCHAR(100) NOT NULL, timer_key VARCHAR(300) NOT NULL, due_at TIMESTAMPTZ NOT NULL, payload TEXT, state VARCHAR(10) NOT NULL, attempts INT NOT NULL, next_attempt_at TIMESTAMPTZ NOT NULL, last_error VARCHAR(4000), schedule_id UUID NOT NULL, scheduled_at TIMESTAMPTZ NOT NULL, PRIMARY KEY (kind, timer_key));
CREATE INDEX timer_entry_due_idx ON timer_entry (state, next_attempt_at);
INSERT INTO timer_entry SELECT CASE WHEN x % 4 = 0 THEN 'survey.send' ELSE 'sla.deadline' END, 'k' || x, TIMESTAMPTZ '2026-12-01 00:00:00+00' + x * INTERVAL '30 seconds', NULL, 'WAITING', 0, TIMESTAMPTZ '2026-12-01 00:00:00+00' + x * INTERVAL '30 seconds', NULL, gen_random_uuid(), now() FROM generate_series(1, 200000) x;
ANALYZE timer_entry;
\timing on
EXPLAIN ANALYZE SELECT kind, timer_key FROM timer_entry WHERE state = 'WAITING' AND kind IN ('survey.send', 'sla.deadline', 'compose.send') ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED;
EXPLAIN ANALYZE SELECT kind, timer_key, due_at, payload, state, attempts, next_attempt_at, last_error, schedule_id FROM timer_entry WHERE state = 'WAITING' AND kind IN ('survey.send', 'sla.deadline', 'compose.send') ORDER BY state, next_attempt_at LIMIT 20 OFFSET 0;
EXPLAIN ANALYZE SELECT kind, timer_key, due_at, payload, state, attempts, next_attempt_at, last_error, schedule_id FROM timer_entry WHERE kind = 'sla.deadline' AND timer_key = 'k1' AND state = 'WAITING' FOR UPDATE SKIP LOCKED;
