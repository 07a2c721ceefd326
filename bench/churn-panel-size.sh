#!/usr/bin/env bash
# The SILENT_CHURN panels' SQL at size on PostgreSQL, without the app: a scratch database gets V79's tables, filled
# with N synthetic contacts (default 300,000: about what 1,000,000 conversations at ~3-4 per contact give; every
# third contact with a poor experience, every tenth left open: more at-risk candidates than a real base has), then
# each query the panels run (headline with the left-open count, by reason's kinds, by channel) is timed 5 times for a 30-day
# period. Appends p50 and max per query to bench/RESULTS.md. Usage: bench/churn-panel-size.sh [contacts]
# Needs psql and TACT_BENCH_POSTGRES (default postgresql://postgres@127.0.0.1:5432).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-300000}"
PG="${TACT_BENCH_POSTGRES:-postgresql://postgres@127.0.0.1:5432}"
DB="churn_panel_size_$$"
psql "$PG/postgres" -qc "CREATE DATABASE $DB"
trap 'psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB" >/dev/null' EXIT
psql "$PG/$DB" -q -f src/main/resources/db/migration/V79__churn.sql
psql "$PG/$DB" -q <<SQL
INSERT INTO churn_contact (contact_id, first_activity_at, last_activity_at, last_activity_epoch, last_episode_at,
  episodes, recent_intervals, usual_interval_seconds, longest_interval_seconds, last_conversation_id,
  last_conversation_open, last_channel, last_team_id, poor_experiences)
SELECT md5(g::text)::uuid, now() - interval '400 days', t, EXTRACT(EPOCH FROM t)::bigint, t, 2 + g % 20, '',
  CASE WHEN g % 20 >= 2 THEN 86400 * (3 + g % 40) END, 86400 * (5 + g % 70), md5('c' || g)::uuid, g % 10 = 0,
  (ARRAY['email','chat','sms','web'])[1 + g % 4], md5('team' || (g % 8))::uuid, CASE WHEN g % 3 = 0 THEN 1 ELSE 0 END
FROM (SELECT g, now() - (g % 365) * interval '1 day' AS t FROM generate_series(1, $N) g) s;
UPDATE churn_contact SET candidate = (usual_interval_seconds IS NOT NULL AND (last_conversation_open OR poor_experiences > 0));
INSERT INTO churn_experience (contact_id, kind, conversation_id, detail, occurred_at)
SELECT md5(g::text)::uuid, (ARRAY['POOR_SURVEY','SLA_BREACHED','MANY_HANDOFFS','REOPENED','CLOSED_UNSOLVED','INCIDENT'])[1 + g % 6],
  NULL, 'synthetic', now() FROM generate_series(1, $N) g WHERE g % 3 = 0;
VACUUM ANALYZE churn_contact; VACUUM ANALYZE churn_experience;
SQL
NOW=$(date +%s); FROM=$((NOW - 30 * 86400))
DUE="(c.last_activity_epoch + GREATEST(2.0 * c.usual_interval_seconds, COALESCE(c.longest_interval_seconds, 0)))"
BASE="c.candidate AND c.usual_interval_seconds IS NOT NULL AND c.episodes >= 4 AND $DUE >= $FROM AND $DUE < $NOW"
ATRISK="AND (c.last_conversation_open OR c.poor_experiences > 0)"
declare -A QUERIES=(
  [headline]="SELECT COUNT(*), COALESCE(SUM(CASE WHEN c.last_conversation_open THEN 1 ELSE 0 END), 0) FROM churn_contact c WHERE $BASE $ATRISK"
  [by-reason-kinds]="SELECT e.kind, COUNT(*) FROM churn_contact c JOIN churn_experience e ON e.contact_id = c.contact_id WHERE $BASE GROUP BY e.kind"
  [by-channel]="SELECT COALESCE(c.last_channel, 'purchase'), COUNT(*) FROM churn_contact c WHERE $BASE $ATRISK GROUP BY 1"
  [headline-one-team]="SELECT COUNT(*) FROM churn_contact c WHERE $BASE $ATRISK AND c.last_team_id = md5('team3')::uuid"
)
TABLE="| query | p50 ms | max ms |
|---|---:|---:|"
for name in headline by-reason-kinds by-channel headline-one-team; do
  TIMES=$(for i in 1 2 3 4 5; do psql "$PG/$DB" -qAt -c '\timing on' -c "${QUERIES[$name]}" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p'; done | sort -n)
  TABLE="$TABLE
| $name | $(echo "$TIMES" | sed -n 3p) | $(echo "$TIMES" | tail -1) |"
done
CANDIDATES=$(psql "$PG/$DB" -qAt -c "SELECT COUNT(*) FILTER (WHERE candidate) FROM churn_contact")
COMMIT="$(git rev-parse --short HEAD)"
git diff --quiet HEAD -- src bench/churn-panel-size.sh || COMMIT="$COMMIT (with uncommitted changes)"
{
  echo
  echo "## Silent churn panel SQL at size $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo
  echo "- Command: \`bench/churn-panel-size.sh $N\`"
  echo "- Commit: $COMMIT"
  echo "- Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores; $(psql "$PG/postgres" -qAt -c 'SHOW server_version'); load average (1, 5, 15 min) when the run ended: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- Data: $N synthetic churn_contact rows ($CANDIDATES candidates), $((N / 3)) churn_experience rows; period 30 days, k = 2; psql \\timing, 5 runs each (no app, no HTTP)"
  echo
  echo "$TABLE"
} | tee -a bench/RESULTS.md
