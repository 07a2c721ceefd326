#!/usr/bin/env bash
# Proactive incident notices at scale (issue 18), on PostgreSQL: seeds BENCH_CONTACTS contacts (default 100,000) by SQL,
# each with an email address and a confirmed status-page subscription to one component, starts Tact (the jar), declares
# an incident on that component with sendNotices through the API, and measures how long until every notice is decided
# by the contact policy and queued in the outbox (a delivery_outbox row per contact, whatever the decision), and until
# the update is marked done. Sending is switched off (tact.delivery.enabled=false): this measures deciding and
# queueing, not SMTP. Appends a section to bench/RESULTS.md. Run by hand, never in CI.
#
# Tunables (env): BENCH_PORT (18083), BENCH_CONTACTS (100000), BENCH_MAX_SECONDS (600), BENCH_PG_HOST (127.0.0.1),
# BENCH_PG_PORT (5432), BENCH_PG_USER (postgres), BENCH_SKIP_BUILD (unset), BENCH_APP_ARGS (extra app arguments),
# BENCH_JVM_ARGS (extra JVM options for the node only, e.g. a flight recording: -XX:StartFlightRecording=filename=/tmp/n.jfr).
set -euo pipefail

cd "$(dirname "$0")/.."
BENCH_TAG=notices
PORT=${BENCH_PORT:-18083}
CONTACTS=${BENCH_CONTACTS:-100000}
MAX_SECONDS=${BENCH_MAX_SECONDS:-600}
APP_ARGS=${BENCH_APP_ARGS:-}
JVM_ARGS=${BENCH_JVM_ARGS:-}
BENCH_JAVA_OPTS=$JVM_ARGS
PG_DB=tact_bench_notices
# shellcheck source=bench/lib.sh
source bench/lib.sh
bench_extra_cleanup() { psql_pg -d postgres -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true; }

sql() { psql_pg -d "$PG_DB" -c "$1"; }
now_ms() { date +%s%3N; }

build_jar
recreate_pg_db "$PG_DB"

log "starting Tact on PostgreSQL"
# shellcheck disable=SC2086
launch_app pg "jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB" "$WORK/app-pg.log" 480 --tact.delivery.enabled=false $APP_ARGS
log "Tact UP after $STARTUP_SECONDS s"

admin_token notices
sql "$TOKEN_SQL"
api() { # method path json
  curl -sS --fail-with-body -X "$1" "$BASE$2" -H "Authorization: Bearer $SECRET" -H 'Content-Type: application/json' -d "$3"
}
json_field() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\1/"; }

COMPONENT=$(api POST /api/v1/admin/components '{"name":"Web hosting","group":"Hosting","keywords":["hosting"]}' \
  | json_field id)
api POST /api/v1/admin/components '{"name":"DNS","group":"Network"}' >/dev/null

log "seeding $CONTACTS contacts subscribed to the component"
seed_start=$(now_ms)
psql_pg -d "$PG_DB" <<SQL
CREATE TEMP TABLE seed AS
  SELECT g, gen_random_uuid() AS contact_id, 'subscriber' || g || '@example.com' AS email
  FROM generate_series(1, $CONTACTS) g;
INSERT INTO contact_contact (id, display_name, created_at)
  SELECT contact_id, 'Subscriber ' || g, now() FROM seed;
INSERT INTO contact_identity (id, contact_id, kind, address, raw, created_at)
  SELECT gen_random_uuid(), contact_id, 'EMAIL', email, email, now() FROM seed;
INSERT INTO status_subscriber (id, contact_id, email, component_id, token, created_at, confirmed_at)
  SELECT gen_random_uuid(), contact_id, email, '$COMPONENT', md5(g || ':' || random()), now() - interval '1 day',
    now() - interval '1 day' FROM seed;
ANALYZE contact_contact; ANALYZE contact_identity; ANALYZE status_subscriber;
SQL
SEED_SECONDS=$(awk -v ms=$(( $(now_ms) - seed_start )) 'BEGIN { printf "%.1f", ms / 1000 }')
log "seeded in $SEED_SECONDS s"

queued() { sql "SELECT COUNT(*) FROM delivery_outbox WHERE idempotency_key LIKE 'incident-notice:%'"; }

log "declaring the incident with notices"
start=$(now_ms)
REF=$(api POST /api/v1/incidents "{\"title\":\"Sites unreachable in Frankfurt\",\"impact\":\"major\",
  \"components\":[\"$COMPONENT\"],\"message\":\"Some sites hosted in Frankfurt do not answer. We are on it.\",
  \"sendNotices\":true}" | json_field reference)
declared=$(now_ms)
count=0
first_at=""
while :; do
  count=$(queued)
  [[ -z "$first_at" && "$count" -gt 0 ]] && first_at=$(now_ms)
  (( count >= CONTACTS )) && break
  (( ($(now_ms) - start) / 1000 > MAX_SECONDS )) && break
  sleep 0.25
done
all_at=$(now_ms)
# The update is marked done (notices_queued) in its own transaction after the last batch.
done_at=""
while (( ($(now_ms) - start) / 1000 <= MAX_SECONDS )); do
  marked=$(sql "SELECT notices_queued FROM incident_update WHERE notices_queued > 0 LIMIT 1")
  [[ -n "$marked" ]] && { done_at=$(now_ms); break; }
  sleep 0.25
done
secs() { awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 1000 }'; }
TOTAL_S=$(secs $(( all_at - start )))
RATE=$(awk -v n="$count" -v ms=$(( all_at - start )) 'BEGIN { printf "%.0f", n * 1000 / ms }')
STATES=$(sql "SELECT state || ' ' || COUNT(*) FROM delivery_outbox WHERE idempotency_key LIKE 'incident-notice:%'
  GROUP BY state ORDER BY state" | paste -sd, -)
DECISIONS=$(sql "SELECT COUNT(*) FROM policy_decision" 2>/dev/null || echo '?')
LOGLINE=$(grep -m1 'notices queued for the' "$WORK/app-pg.log" | sed -E 's/.*IncidentNotices *: //' || true)
log "$REF: $count of $CONTACTS queued in $TOTAL_S s ($RATE/s); outbox $STATES; update marked done: ${done_at:+$(secs $(( done_at - start ))) s}"

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
{
  echo
  echo "## Incident notices $(date -u '+%Y-%m-%d %H:%M:%S') UTC"
  echo
  echo "- Command: \`bench/incident-notices.sh\` (BENCH_CONTACTS=$CONTACTS${APP_ARGS:+ BENCH_APP_ARGS=\"$APP_ARGS\"}${JVM_ARGS:+ BENCH_JVM_ARGS=\"$JVM_ARGS\"})"
  echo "- Commit: $(git rev-parse --short HEAD)$(git diff --quiet -- . ':!bench/RESULTS.md' || echo ' (with uncommitted changes)')"
  echo "- Machine: $CPU, $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM; JDK: $("$JAVA" -version 2>&1 | head -1); PostgreSQL $(psql_pg -d postgres -c 'SHOW server_version'); load average (1, 5, 15 min) when the run ended: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- $CONTACTS contacts seeded by SQL in $SEED_SECONDS s (an email identity and a confirmed status-page subscription to the incident's component each); the incident declared with sendNotices through POST /api/v1/incidents (answered in $(secs $(( declared - start ))) s). Sending off (tact.delivery.enabled=false): the clock stops when every affected contact has its delivery_outbox row (decided by the contact policy, audited, queued or recorded unsent)."
  echo
  echo "| contacts | outbox rows | first row after s | all rows after s | notices/s | update marked done after s | outbox rows by state | goal (< 30 s) |"
  echo "|---:|---:|---:|---:|---:|---:|---|---|"
  echo "| $CONTACTS | $count | ${first_at:+$(secs $(( first_at - start )))} | $TOTAL_S | $RATE | ${done_at:+$(secs $(( done_at - start )))} | $STATES | $( (( count >= CONTACTS && all_at - start < 30000 )) && echo met || echo '**missed**') |"
  echo
  echo "- Policy decisions audited in the database after the run: $DECISIONS. The node's log: \`${LOGLINE:-no completion line}\`"
} >> bench/RESULTS.md
log "appended to bench/RESULTS.md"
(( count >= CONTACTS ))
