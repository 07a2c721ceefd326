#!/usr/bin/env bash
# Dashboards at size (issue 19, part 5), on PostgreSQL: starts Tact (the jar) on an empty database so Flyway makes the
# schema, generates BENCH_CONVERSATIONS conversations (default 1,000,000) and three messages each (3,000,000) with SQL
# generate_series into the real tables, spread over 8 teams, 80 agents, six channels, 12 intents, every status and 12
# months, with what the panels read (reopens, first-response clocks, incidents), then runs every
# bench/perception-size.d/*.sql in name order (other modules fill their own tables there; each runs with psql
# -v ON_ERROR_STOP=1 after the core data, and may read conv_conversation), VACUUM ANALYZE, and times every dashboard
# panel through GET /api/v1/dashboard/panels/{key} for several scopes (whole year, last 28 days, one team, one channel,
# one intent, one agent): BENCH_RUNS timed runs after one warm-up, p50 and max against the 300 ms goal. Appends a
# section to bench/RESULTS.md. Run by hand, never in CI.
#
# Bounded: the generation takes about 4-8 minutes on 2 cores, the timing (panels x 7 scopes x (1 + BENCH_RUNS) calls)
# a minute or two; BENCH_MAX_SECONDS (default 1800) stops the whole run.
#
# Tunables (env): BENCH_PORT (18087), BENCH_CONVERSATIONS (1000000), BENCH_RUNS (5), BENCH_PG_HOST (127.0.0.1),
# BENCH_PG_PORT (5432), BENCH_PG_USER (postgres), BENCH_SKIP_BUILD (unset), BENCH_KEEP_DB (unset: drop it at the end),
# BENCH_APP_ARGS (extra app arguments).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
PORT=${BENCH_PORT:-18087}
CONVERSATIONS=${BENCH_CONVERSATIONS:-1000000}
RUNS=${BENCH_RUNS:-5}
MAX_SECONDS=${BENCH_MAX_SECONDS:-1800}
APP_ARGS=${BENCH_APP_ARGS:-}
PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
PG_DB=tact_bench_perception
BASE="http://127.0.0.1:${PORT}"
RESULTS="$ROOT/bench/RESULTS.md"
WORK=$(mktemp -d /tmp/tact-perception.XXXXXX)
APP_PID=""
SCRIPT_START=$SECONDS

log() { printf '%s [perception-size] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$APP_PID" 2>/dev/null && kill -9 "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

cleanup() {
  local rc=$?
  stop_app
  [[ -n "${WATCHDOG:-}" ]] && kill "$WATCHDOG" 2>/dev/null || true
  if [[ -z "${BENCH_KEEP_DB:-}" && -z "${BENCH_REUSE_DB:-}" ]]; then
    psql_pg -d postgres -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  if [[ $rc -ne 0 ]]; then
    log "FAILED (exit $rc); work dir kept: $WORK"
    [[ -f "$WORK/app.log" ]] && { log "last lines of the app log:"; tail -n 30 "$WORK/app.log" >&2; }
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
( sleep "$MAX_SECONDS"; log "over $MAX_SECONDS s: stopping"; kill -TERM $$ ) 2>/dev/null &
WATCHDOG=$!

psql_pg() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -v ON_ERROR_STOP=1 -qAt "$@"; }
sql() { psql_pg -d "$PG_DB" -c "$1"; }
now_ms() { date +%s%3N; }

if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  log "building the jar"
  ./mvnw -q -o -DskipTests package
fi
cp target/tact-0.1.0-SNAPSHOT.jar "$WORK/tact.jar"

if [[ -n "${BENCH_REUSE_DB:-}" ]]; then
  [[ "$(psql_pg -d postgres -c "SELECT COUNT(*) FROM pg_database WHERE datname = '$PG_DB'")" == 1 ]] \
    || { log "BENCH_REUSE_DB: no database $PG_DB to reuse (run once with BENCH_KEEP_DB=1)"; exit 1; }
  log "reusing $PG_DB ($(psql_pg -d "$PG_DB" -c "SELECT COUNT(*) FROM conv_conversation") conversations)"
else
  psql_pg -d postgres -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)"
  psql_pg -d postgres -c "CREATE DATABASE $PG_DB"
fi

log "starting Tact on PostgreSQL (the schema)"
# shellcheck disable=SC2086
(cd "$WORK" && exec env PORT="$PORT" TACT_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB" TACT_DB_USER="$PG_USER" \
  "$JAVA" -jar "$WORK/tact.jar" --server.address=127.0.0.1 --tact.demo.enabled=false --tact.delivery.enabled=false \
  --tact.intake.imap.enabled=false $APP_ARGS >"$WORK/app.log" 2>&1) &
APP_PID=$!
t0=$SECONDS
UP_LIMIT=480
[[ -n "${BENCH_REUSE_DB:-}" ]] && UP_LIMIT=1500   # the new migrations' backfills read the million rows
until curl -fsS "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
  kill -0 "$APP_PID" 2>/dev/null || { log "app exited during startup"; exit 1; }
  (( SECONDS - t0 > UP_LIMIT )) && { log "app not UP after $UP_LIMIT s"; exit 1; }
  sleep 0.5
done
UP_SECONDS=$((SECONDS - t0))
log "Tact UP after $UP_SECONDS s (Flyway's migrations included)"

SECRET="tact_perception$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
sql "INSERT INTO staff_api_token (id, name, token_prefix, token_hash, role, scopes, rate_unlimited, created_by,
  created_at) VALUES (gen_random_uuid(), 'perception-bench', '${SECRET:0:12}',
  '$(printf '%s' "$SECRET" | sha256sum | cut -d' ' -f1)', 'ADMIN', 'read', TRUE, NULL, CURRENT_TIMESTAMP)"

if [[ -n "${BENCH_REUSE_DB:-}" ]]; then
  GEN_SECONDS="0 (reused)"
  EXTRA_SECONDS=0
  EXTRA_FILES=()
else
  log "generating $CONVERSATIONS conversations and $((CONVERSATIONS * 3)) messages"
  gen_start=$(now_ms)
  psql_pg -d "$PG_DB" <<SQL
SET synchronous_commit = off;
-- 8 teams of 10 agents; team sizes of work are skewed (team 1 gets the most)
CREATE TABLE bench_team AS SELECT t AS n, gen_random_uuid() AS id FROM generate_series(1, 8) t;
INSERT INTO staff_team (id, name, live_name, created_at)
  SELECT id, 'Team ' || n, 'Team ' || n, now() - interval '400 days' FROM bench_team;
CREATE TABLE bench_agent AS
  SELECT a AS n, gen_random_uuid() AS id, (SELECT id FROM bench_team WHERE n = 1 + (a - 1) / 10) AS team_id,
    1 + (a - 1) / 10 AS team_n, (a - 1) % 10 AS member
  FROM generate_series(1, 80) a;
INSERT INTO staff_agent (id, email, display_name, password_hash, role, active, created_at)
  SELECT id, 'agent' || n || '@bench.example', 'Agent ' || n, NULL, 'AGENT', TRUE, now() - interval '400 days'
  FROM bench_agent;
INSERT INTO staff_team_member (team_id, agent_id) SELECT team_id, id FROM bench_agent;
-- contacts: one per five conversations
INSERT INTO contact_contact (id, display_name, created_at)
  SELECT gen_random_uuid(), 'Customer ' || g, now() - interval '400 days'
  FROM generate_series(1, GREATEST($CONVERSATIONS / 5, 1)) g;
CREATE TABLE bench_contact AS SELECT row_number() OVER () AS n, id FROM contact_contact;
CREATE TABLE bench_intent (n int, name text);
INSERT INTO bench_intent VALUES (0, 'billing'), (1, 'login'), (2, 'password-reset'), (3, 'refund'), (4, 'shipping'),
  (5, 'bug-report'), (6, 'feature-request'), (7, 'cancellation'), (8, 'invoice'), (9, 'account'), (10, 'outage'),
  (11, 'other');

-- the conversations: created over the last 365 days; older ones mostly closed, recent ones often still open
CREATE TABLE bench_conv AS
  SELECT g, gen_random_uuid() AS id, r1, r2, r3,
    now() - (power(r1, 1.3) * interval '365 days') AS created_at,
    LEAST(8, 1 + floor(power(r2, 1.6) * 8))::int AS team_n,
    CASE WHEN r3 < 0.45 THEN 'EMAIL' WHEN r3 < 0.60 THEN 'WEB' WHEN r3 < 0.80 THEN 'CHAT' WHEN r3 < 0.85 THEN 'PHONE'
      WHEN r3 < 0.95 THEN 'SMS' ELSE 'SOCIAL' END AS channel,
    floor(random() * 12)::int AS intent_n, random() AS r4, random() AS r5
  FROM (SELECT g, random() AS r1, random() AS r2, random() AS r3 FROM generate_series(1, $CONVERSATIONS) g) s;
INSERT INTO conv_conversation (id, number, subject, status, priority, channel, contact_id, team_id, assignee_id,
    created_at, updated_at, last_message_at, reopen_count, solved_at)
  SELECT c.id, 1000000 + c.g, 'Bench conversation ' || c.g,
    CASE WHEN now() - c.created_at < interval '14 days' THEN
           (ARRAY['NEW', 'OPEN', 'OPEN', 'PENDING', 'ON_HOLD', 'SOLVED', 'SOLVED', 'CLOSED'])[1 + floor(c.r4 * 8)::int]
         WHEN c.r4 < 0.03 THEN (ARRAY['OPEN', 'PENDING', 'ON_HOLD'])[1 + floor(c.r5 * 3)::int]
         WHEN c.r4 < 0.25 THEN 'SOLVED' ELSE 'CLOSED' END,
    'NORMAL', c.channel, ct.id, t.id,
    CASE WHEN c.r5 < 0.1 THEN NULL ELSE a.id END,
    c.created_at, c.created_at + interval '2 days', c.created_at + interval '2 days',
    CASE WHEN c.r5 < 0.06 THEN 1 WHEN c.r5 < 0.075 THEN 2 ELSE 0 END,
    c.created_at + interval '1 day'
  FROM bench_conv c
  JOIN bench_team t ON t.n = c.team_n
  JOIN bench_agent a ON a.team_n = c.team_n AND a.member = c.g % 10
  JOIN bench_contact ct ON ct.n = 1 + c.g % GREATEST($CONVERSATIONS / 5, 1);
UPDATE conv_conversation SET solved_at = NULL WHERE status NOT IN ('SOLVED', 'CLOSED');
SELECT setval('conv_number_seq', 1000000 + $CONVERSATIONS + 1);

-- what routing tagged: the intent of nine conversations in ten
INSERT INTO conv_tag (conversation_id, tag)
  SELECT c.id, 'intent:' || i.name FROM bench_conv c JOIN bench_intent i ON i.n = c.intent_n WHERE c.r5 < 0.9;

-- three messages each: the customer, the agent's reply, the customer again
INSERT INTO conv_message (id, conversation_id, direction, channel, contact_id, author_agent_id, author_name, body,
    created_at)
  SELECT gen_random_uuid(), c.id, CASE WHEN k = 2 THEN 'OUTBOUND' ELSE 'INBOUND' END, c.channel,
    CASE WHEN k = 2 THEN NULL ELSE c.contact_id END, CASE WHEN k = 2 THEN c.assignee_id END,
    CASE WHEN k = 2 THEN 'Agent' ELSE 'Customer' END,
    'Message ' || k || ' of conversation ' || c.number, c.created_at + (k - 1) * interval '3 hours'
  FROM conv_conversation c CROSS JOIN generate_series(1, 3) k;

-- sla: the first-response clock of each conversation, answered by a reply in nine of ten
INSERT INTO sla_clock (conversation_id, metric, cycle, team_id, started_at, running_since, consumed_nanos,
    target_minutes, warn_at_percent, outcome, ended_by, stopped_at, channel, intent, answered_by)
  SELECT c.id, 'FIRST_RESPONSE', 0, c.team_id, c.created_at, NULL,
    (60 + floor(power(b.r4, 2) * 480 * 60))::bigint * 1000000000, 240, 80,
    CASE WHEN b.r2 < 0.9 THEN 'MET' ELSE 'ENDED' END, CASE WHEN b.r2 < 0.9 THEN 'REPLY' ELSE 'STATUS' END,
    c.created_at + interval '3 hours', c.channel, CASE WHEN b.r5 < 0.9 THEN i.name END, c.assignee_id
  FROM conv_conversation c JOIN bench_conv b ON b.id = c.id JOIN bench_intent i ON i.n = b.intent_n;

-- incidents: about three a week, each reported by some customers and told in two updates
CREATE TABLE bench_incident AS
  SELECT g, gen_random_uuid() AS id, now() - random() * interval '365 days' AS started_at
  FROM generate_series(1, 150) g;
INSERT INTO incident (id, number, title, impact, state, message, started_at, declared_at, declared_by,
    first_public_update_at, resolved_at)
  SELECT id, g, 'Bench incident ' || g, (ARRAY['MINOR', 'MAJOR', 'CRITICAL'])[1 + g % 3], 'RESOLVED', 'Resolved.',
    started_at, started_at + interval '10 minutes', 'bench', started_at + (5 + g % 40) * interval '1 minute',
    started_at + interval '3 hours'
  FROM bench_incident;
INSERT INTO incident_update (id, incident_id, state, message, notify, posted_at, posted_by, notices_queued,
    noticed_at)
  SELECT gen_random_uuid(), i.id, s.state, 'Update', TRUE, i.started_at + s.k * interval '30 minutes', 'bench',
    100 + i.g, i.started_at + s.k * interval '30 minutes'
  FROM bench_incident i CROSS JOIN (VALUES (1, 'INVESTIGATING'), (6, 'RESOLVED')) s(k, state);
-- each link filed as its conversation is (what the incidents panel filters by; V87)
INSERT INTO incident_conversation (incident_id, conversation_id, contact_id, match_reason, linked_at, filed_as, team_id,
    assignee_id, channel, intent_tags)
  SELECT i.id, c.id, c.contact_id, 'bench', i.started_at, c.id, c.team_id, c.assignee_id, c.channel,
    (SELECT ',' || STRING_AGG(t.tag, ',' ORDER BY t.tag) || ',' FROM conv_tag t
      WHERE t.conversation_id = c.id AND t.tag LIKE 'intent:%')
  FROM bench_incident i
  JOIN LATERAL (SELECT id, contact_id, team_id, assignee_id, channel FROM conv_conversation
    WHERE created_at BETWEEN i.started_at AND i.started_at + interval '3 hours' LIMIT 200) c ON TRUE;
SQL
  GEN_SECONDS=$(awk -v ms=$(( $(now_ms) - gen_start )) 'BEGIN { printf "%.0f", ms / 1000 }')
  log "core data generated in $GEN_SECONDS s"

  EXTRA_START=$(now_ms)
  EXTRA_FILES=()
  for f in bench/perception-size.d/*.sql; do
    [[ -e "$f" ]] || continue
    log "running $f"
    psql_pg -d "$PG_DB" -v conversations="$CONVERSATIONS" -f "$f"
    EXTRA_FILES+=("$(basename "$f")")
  done
  EXTRA_SECONDS=$(awk -v ms=$(( $(now_ms) - EXTRA_START )) 'BEGIN { printf "%.0f", ms / 1000 }')
fi

log "VACUUM ANALYZE"
va_start=$(now_ms)
psql_pg -d "$PG_DB" -c "DROP TABLE IF EXISTS bench_conv, bench_contact" -c "VACUUM ANALYZE"
VACUUM_SECONDS=$(awk -v ms=$(( $(now_ms) - va_start )) 'BEGIN { printf "%.0f", ms / 1000 }')
COUNTS=$(sql "SELECT (SELECT COUNT(*) FROM conv_conversation) || ' conversations, ' ||
  (SELECT COUNT(*) FROM conv_message) || ' messages, ' || (SELECT COUNT(*) FROM sla_clock) || ' clocks, ' ||
  (SELECT COUNT(*) FROM incident) || ' incidents'")
log "$COUNTS"

TEAM=$(sql "SELECT id FROM bench_team WHERE n = 1")
AGENT=$(sql "SELECT id FROM bench_agent WHERE n = 3")
TODAY=$(date -u +%F)
YEAR_AGO=$(date -u -d "$TODAY - 364 days" +%F)
declare -a SCOPE_NAMES=("whole year" "last 28 days" "one team, 28 days" "one team, whole year" "one channel (chat), 28 days"
  "one intent (refund), whole year" "one agent, 28 days")
declare -a SCOPE_QUERIES=("from=$YEAR_AGO&to=$TODAY" "" "team=$TEAM" "team=$TEAM&from=$YEAR_AGO&to=$TODAY" "channel=chat"
  "intent=refund&from=$YEAR_AGO&to=$TODAY" "agent=$AGENT")

KEYS=$(curl -fsS "$BASE/api/v1/dashboard/panels?from=$TODAY&to=$TODAY" -H "Authorization: Bearer $SECRET" \
  | grep -o '"key":"[a-z0-9-]*"' | cut -d'"' -f4)
log "panels: $(echo $KEYS)"

ROWS="$WORK/rows.md"
: >"$ROWS"
OVER=0
TOTAL=0
for key in $KEYS; do
  for i in "${!SCOPE_NAMES[@]}"; do
    url="$BASE/api/v1/dashboard/panels/$key?${SCOPE_QUERIES[$i]}"
    curl -fsS -o /dev/null "$url" -H "Authorization: Bearer $SECRET"   # warm-up
    times=()
    for _ in $(seq 1 "$RUNS"); do
      t=$(curl -fsS -o "$WORK/answer.json" -w '%{time_total}' "$url" -H "Authorization: Bearer $SECRET")
      grep -q '"problem":null' "$WORK/answer.json" || { log "$key failed: $(head -c 300 "$WORK/answer.json")"; exit 1; }
      times+=("$(awk -v s="$t" 'BEGIN { printf "%.1f", s * 1000 }')")
    done
    read -r p50 max < <(printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END {
      printf "%.1f %.1f\n", v[int((NR + 1) / 2)], v[NR] }')
    verdict=$(awk -v m="$max" 'BEGIN { print (m <= 300 ? "yes" : "**no**") }')
    [[ "$verdict" == "yes" ]] || OVER=$((OVER + 1))
    TOTAL=$((TOTAL + 1))
    printf '| %s | %s | %s | %s | %s |\n' "$key" "${SCOPE_NAMES[$i]}" "$p50" "$max" "$verdict" >>"$ROWS"
    log "$key / ${SCOPE_NAMES[$i]}: p50 $p50 ms, max $max ms"
  done
done

COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo "+uncommitted")
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
CORES=$(nproc)
MEM=$(free -g | awk '/^Mem:/ { print $2 }')
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
PGV=$(sql "SELECT version()" | cut -d' ' -f1-2)
{
  echo
  echo "## Dashboards at size (perception-size) $(date -u '+%Y-%m-%d %H:%M:%S') UTC"
  echo
  REUSED=${BENCH_REUSE_DB:+, BENCH_REUSE_DB=1: the kept database, Tact UP with its new migrations in $UP_SECONDS s}
  echo "- Command: \`bench/perception-size.sh\` (BENCH_CONVERSATIONS=$CONVERSATIONS, BENCH_RUNS=$RUNS$REUSED)"
  echo "- Commit: $COMMIT"
  echo "- Machine: $CPU, $CORES cores, $MEM GiB RAM; load average (1, 5, 15 min) when the run ended: $LOAD"
  echo "- Database: $PGV on loopback; $COUNTS; core data generated in $GEN_SECONDS s, extra files" \
    "(${EXTRA_FILES[*]:-none}) in $EXTRA_SECONDS s, VACUUM ANALYZE in $VACUUM_SECONDS s; whole run $((SECONDS - SCRIPT_START)) s"
  echo "- Timed: each panel through \`GET /api/v1/dashboard/panels/{key}\` over HTTP (curl time_total: query, JSON and" \
    "HTTP), one warm-up then $RUNS runs per scope; goal: every answer within 300 ms. $OVER of $TOTAL panel-scopes over."
  echo
  echo "| panel | scope | p50, ms | max, ms | within 300 ms |"
  echo "|---|---|---:|---:|---|"
  cat "$ROWS"
} >>"$RESULTS"
log "appended to bench/RESULTS.md ($OVER of $TOTAL over 300 ms)"
