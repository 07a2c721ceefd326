#!/usr/bin/env bash
# Satisfaction panels at size (issue 19, part 1), on PostgreSQL: builds the survey tables (migration V77) in a scratch
# database, fills the daily summary the panels read (survey_daily) as BENCH_SURVEYS sent surveys (default 300,000:
# 30% of a million solved conversations) spread over two years, 12 teams of 4 agents, 6 channels and 8 intents
# (uniform; 40% answered, 12% of answers poor), rolled up into survey_daily as the application keeps it, and times the panels' own queries (SatisfactionSummary: one GROUP BY
# over the summary with the scope's filters) inside the database, BENCH_ROUNDS times each after a warm-up.
# Figures exclude JDBC and Java (a few ms). Appends a section to bench/RESULTS.md. Run by hand, never in CI.
#
# Tunables (env): BENCH_SURVEYS (300000), BENCH_ROUNDS (30), BENCH_PG_HOST (127.0.0.1), BENCH_PG_PORT (5432),
# BENCH_PG_USER (postgres).
set -euo pipefail

cd "$(dirname "$0")/.."
SURVEYS=${BENCH_SURVEYS:-300000}
ROUNDS=${BENCH_ROUNDS:-30}
PG="psql -h ${BENCH_PG_HOST:-127.0.0.1} -p ${BENCH_PG_PORT:-5432} -U ${BENCH_PG_USER:-postgres} -v ON_ERROR_STOP=1 -qAt"
DB=tact_bench_survey_panels

$PG -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
trap '$PG -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true' EXIT
$PG -d $DB -f src/main/resources/db/migration/V77__survey.sql

started=$(date +%s.%N)
$PG -d $DB <<SQL
SELECT setseed(0.19);
CREATE TEMP TABLE team AS SELECT md5('team' || t)::uuid::text AS team_key, t FROM generate_series(0, 11) t;
INSERT INTO survey_daily_detail (sent_on, team_key, agent_key, channel, intent, sent, answered, good, poor)
SELECT sent_on, team_key, agent_key, channel, intent, COUNT(*), COUNT(*) FILTER (WHERE answered),
       COUNT(*) FILTER (WHERE answered AND NOT poor), COUNT(*) FILTER (WHERE answered AND poor)
  FROM (SELECT CURRENT_DATE - (random() * 730)::int AS sent_on, tm.team_key,
               md5('agent' || tm.t || ':' || (random() * 3)::int)::uuid::text AS agent_key,
               (ARRAY['EMAIL','WEB','CHAT','PHONE','SMS','SOCIAL'])[1 + (random() * 5)::int] AS channel,
               (ARRAY['presales','technical','outage','billing','account','complaint','', 'other'])[1 + (random() * 7)::int]
                 AS intent,
               random() < 0.4 AS answered, random() < 0.12 AS poor
          FROM generate_series(1, $SURVEYS) s
          JOIN team tm ON tm.t = s % 12) g
 GROUP BY 1, 2, 3, 4, 5;
INSERT INTO survey_daily (sent_on, team_key, channel, sent, answered, good, poor)
SELECT sent_on, team_key, channel, SUM(sent), SUM(answered), SUM(good), SUM(poor) FROM survey_daily_detail GROUP BY 1, 2, 3;
ANALYZE survey_daily;
ANALYZE survey_daily_detail;
SQL
loaded=$(echo "$(date +%s.%N) - $started" | bc)
rows=$($PG -d $DB -c "SELECT COUNT(*) FROM survey_daily")
detail=$($PG -d $DB -c "SELECT COUNT(*) FROM survey_daily_detail")
team=$($PG -d $DB -c "SELECT team_key FROM survey_daily LIMIT 1")
agent=$($PG -d $DB -c "SELECT agent_key FROM survey_daily_detail LIMIT 1")

# name | table | WHERE beyond the period | GROUP BY column | period in days (the table as SatisfactionSummary picks it)
QUERIES=(
  "over time, 30 days|survey_daily|TRUE|sent_on|30"
  "over time, 365 days (weeks)|survey_daily|TRUE|sent_on|365"
  "by team, 365 days|survey_daily|TRUE|team_key|365"
  "by channel, 365 days|survey_daily|TRUE|channel|365"
  "by channel, 365 days, one team|survey_daily|team_key = '$team'|channel|365"
  "over time, 365 days, one agent|survey_daily_detail|agent_key = '$agent'|sent_on|365"
  "over time, 365 days, intent billing|survey_daily_detail|intent = 'billing'|sent_on|365"
  "by team, 90 days, channel email + intent billing|survey_daily_detail|channel = 'EMAIL' AND intent = 'billing'|team_key|90"
)
table=""
for q in "${QUERIES[@]}"; do
  IFS='|' read -r name from filter group days <<<"$q"
  times=$($PG -d $DB 2>&1 <<SQL | sed -n 's/.*NOTICE:  //p'
DO \$\$
DECLARE t0 timestamptz; ms double precision[] := '{}'; r record;
BEGIN
  FOR i IN 0..$ROUNDS LOOP
    t0 := clock_timestamp();
    FOR r IN SELECT $group AS k, SUM(sent) AS sent, SUM(answered) AS answered, SUM(good) AS good, SUM(poor) AS poor
               FROM $from WHERE sent_on >= CURRENT_DATE - $days AND sent_on < CURRENT_DATE + 1 AND $filter
              GROUP BY $group ORDER BY $group LOOP
    END LOOP;
    IF i > 0 THEN ms := ms || extract(epoch FROM clock_timestamp() - t0) * 1000; END IF;
  END LOOP;
  RAISE NOTICE '%', (SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY x)::numeric, 2) || ' / '
      || round(percentile_cont(0.95) WITHIN GROUP (ORDER BY x)::numeric, 2) || ' / ' || round(max(x)::numeric, 2)
      FROM unnest(ms) x);
END \$\$;
SQL
  )
  table+="| $name, p50 / p95 / max, ms | $times | <= 300 |"$'\n'
done

{
  echo
  echo "## Satisfaction panels $(date -u '+%Y-%m-%d %H:%M:%S') UTC"
  echo
  echo "- Command: \`bench/survey-panels.sh\` (BENCH_SURVEYS=$SURVEYS, BENCH_ROUNDS=$ROUNDS)"
  echo "- Commit: $(git rev-parse --short HEAD)"
  echo "- Machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores; load average (1, 5, 15 min) when the run ended: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- Database: $($PG -d $DB -c 'SHOW server_version') on loopback; survey_daily of $rows rows and survey_daily_detail of $detail rows for $SURVEYS sent surveys over 730 days (12 teams x 4 agents, 6 channels, 8 intents), loaded in ${loaded%.*} s"
  echo "- Queries: the panels' GROUP BY over survey_daily as SatisfactionSummary builds it, timed inside PostgreSQL (no JDBC), after one warm-up"
  echo
  echo "| figure | value | goal |"
  echo "|---|---:|---:|"
  printf '%s' "$table"
} >> bench/RESULTS.md
tail -15 bench/RESULTS.md
