#!/usr/bin/env bash
# Intake benchmark for Tact: POST /api/v1/messages on H2 and on PostgreSQL, plus the raw
# PostgreSQL insert ceiling measured with pgbench in the same run. Appends a dated section to
# bench/RESULTS.md. Run from anywhere: bench/run.sh
#
# Tunables (env): BENCH_PORT (18080), BENCH_MAX_REQUESTS (20000), BENCH_MAX_SECONDS (15),
# BENCH_CONCURRENCY ("1 16 64"), BENCH_PG_HOST (127.0.0.1), BENCH_PG_PORT (5432), BENCH_PG_USER (postgres),
# BENCH_SKIP_BUILD (unset), BENCH_APP_ARGS (extra app arguments, e.g. --tact.intake.pipeline.enabled=false).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
PORT=${BENCH_PORT:-18080}
MAX_REQUESTS=${BENCH_MAX_REQUESTS:-20000}
MAX_SECONDS=${BENCH_MAX_SECONDS:-15}
CONCURRENCY=${BENCH_CONCURRENCY:-"1 16 64"}
PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
PG_DB=tact_bench
PG_RAW_DB=tact_bench_raw
BASE="http://127.0.0.1:${PORT}"
RESULTS="$ROOT/bench/RESULTS.md"
SCRIPT_START=$(date +%s)

WORK=$(mktemp -d /tmp/tact-bench.XXXXXX)
APP_PID=""

log() { printf '%s [bench] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    log "stopping app (pid $APP_PID)"
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$APP_PID" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$APP_PID" 2>/dev/null; then
      log "app did not stop in 20 s; killing it"
      kill -9 "$APP_PID" 2>/dev/null || true
    fi
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

cleanup() {
  local rc=$?
  stop_app
  if [[ $rc -ne 0 ]]; then
    log "FAILED (exit $rc); work dir kept: $WORK"
    for f in "$WORK"/app-*.log; do
      [[ -f "$f" ]] && { log "last lines of $f:"; tail -n 30 "$f" >&2; }
    done
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

psql_pg() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -v ON_ERROR_STOP=1 -qAt "$@"; }

# ---------------------------------------------------------------------------------------------
# Build, then run a private copy of the jar (others may rebuild target/ while we measure).
if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  log "building the jar"
  ./mvnw -q -DskipTests package
fi
cp target/tact-0.1.0-SNAPSHOT.jar "$WORK/tact.jar"
unzip -q -o -j "$WORK/tact.jar" 'BOOT-INF/lib/h2-*.jar' -d "$WORK/h2lib"
H2_JAR=$(ls "$WORK"/h2lib/h2-*.jar | head -n 1)

# Compile the load generator once instead of on every launch.
mkdir -p "$WORK/loadgen"
/usr/lib/jvm/temurin-25-jdk-amd64/bin/javac -d "$WORK/loadgen" bench/LoadGen.java

# The API token: a random secret; the database keeps its SHA-256 (as ApiTokens does). Every scope, and no rate
# limit (tact.api.token-rate-limit would otherwise cap the run).
SECRET="tact_bench$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
TOKEN_HASH=$(printf '%s' "$SECRET" | sha256sum | cut -d' ' -f1)
TOKEN_ID=$(cat /proc/sys/kernel/random/uuid)
TOKEN_SQL="INSERT INTO staff_api_token (id, name, token_prefix, token_hash, role, scopes, rate_unlimited, created_by,
  created_at) VALUES ('$TOKEN_ID', 'bench', '${SECRET:0:12}', '$TOKEN_HASH', 'ADMIN', 'intake,read,write,admin', TRUE,
  NULL, CURRENT_TIMESTAMP)"
COUNT_SQL="SELECT state, COUNT(*) FROM intake_item GROUP BY state ORDER BY state"
PENDING_SQL="SELECT COUNT(*) FROM intake_item WHERE state = 'PENDING'"

H2_DIR="$WORK/h2"
H2_URL="jdbc:h2:file:$H2_DIR/tact;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE"
PG_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB"

sql_h2() { "$JAVA" -cp "$H2_JAR" org.h2.tools.Shell -url "$H2_URL" -user sa -password "" -sql "$1"; }
sql_db() { # db, sql -> rows "a|b"
  if [[ $1 == h2 ]]; then
    sql_h2 "$2" | sed -n '2,$p' | grep -v '^(' | tr -d ' ' || true
  else
    psql_pg -d "$PG_DB" -c "$2"
  fi
}

start_app() { # db
  local db=$1 url user
  if [[ $db == h2 ]]; then url=$H2_URL; user=sa; else url=$PG_URL; user=$PG_USER; fi
  log "starting app on $db"
  (cd "$WORK" && exec env PORT="$PORT" TACT_DB_URL="$url" TACT_DB_USER="$user" \
    "$JAVA" -jar "$WORK/tact.jar" --tact.demo.enabled=false ${BENCH_APP_ARGS:-} >"$WORK/app-$db.log" 2>&1) &
  APP_PID=$!
  local t0=$SECONDS
  until curl -fsS "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$APP_PID" 2>/dev/null || { log "app exited during startup"; return 1; }
    if (( SECONDS - t0 > 90 )); then log "app not UP after 90 s"; return 1; fi
    sleep 0.5
  done
  log "app UP on $db after $((SECONDS - t0)) s"
}

declare -A RATE P50 P99 ERR NOTES
DB_NOTES=()

bench_db() { # db
  local db=$1
  start_app "$db"
  sql_db "$db" "$TOKEN_SQL" >/dev/null
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $SECRET" "$BASE/api/v1/admin/tokens")
  [[ $code == 200 ]] || { log "token check answered $code"; return 1; }
  # JIT warm-up for the freshly started app (not recorded): without it the first run (c=1)
  # mostly measures the interpreter on this kind of small machine.
  "$JAVA" -cp "$WORK/loadgen" LoadGen --url "$BASE/api/v1/messages" --token "$SECRET" --concurrency 16 \
    --max-requests 5000 --max-seconds 6 --warmup-requests 0 --label "$db-jit-warmup" | grep -E '^\[' >&2
  for c in $CONCURRENCY; do
    local out line
    out=$("$JAVA" -cp "$WORK/loadgen" LoadGen --url "$BASE/api/v1/messages" --token "$SECRET" \
      --concurrency "$c" --max-requests "$MAX_REQUESTS" --max-seconds "$MAX_SECONDS" \
      --warmup-requests 500 --warmup-seconds 2 --label "$db-c$c")
    printf '%s\n' "$out" >&2
    line=$(grep '^RESULT ' <<<"$out")
    field() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$line"; }
    RATE[$db,$c]=$(field accepted_per_s)
    P50[$db,$c]=$(field p50_ms)
    P99[$db,$c]=$(field p99_ms)
    ERR[$db,$c]=$(( $(field non202) + $(field io_errors) ))
    NOTES[$db,$c]="$(field requests) requests in $(field seconds) s; statuses $(field statuses)"
    local pending
    pending=$(sql_db "$db" "$PENDING_SQL" | tail -n 1)
    NOTES[$db,$c]+="; pipeline backlog right after: $pending pending"
    log "$db c=$c: ${RATE[$db,$c]} msg/s, p50 ${P50[$db,$c]} ms, p99 ${P99[$db,$c]} ms, errors ${ERR[$db,$c]}, pending $pending"
  done
  # Pipeline lag: how long the workers take to empty the backlog once the load stops (bounded).
  local t0=$SECONDS pending
  pending=$(sql_db "$db" "$PENDING_SQL" | tail -n 1)
  while [[ "$pending" != 0 ]] && (( SECONDS - t0 < 20 )); do
    sleep 2
    pending=$(sql_db "$db" "$PENDING_SQL" | tail -n 1)
  done
  local states
  states=$(sql_db "$db" "$COUNT_SQL" | tr '\n' ' ')
  if [[ "$pending" == 0 ]]; then
    DB_NOTES+=("$db: backlog drained $((SECONDS - t0)) s after the last run; intake_item by state: $states")
  else
    DB_NOTES+=("$db: $pending items still PENDING $((SECONDS - t0)) s after the last run; intake_item by state: $states")
  fi
  grep -cE ' (ERROR|WARN) ' "$WORK/app-$db.log" >/dev/null && \
    DB_NOTES+=("$db: app log has $(grep -cE ' ERROR ' "$WORK/app-$db.log" || true) ERROR and $(grep -cE ' WARN ' "$WORK/app-$db.log" || true) WARN lines")
  stop_app
}

# ---------------------------------------------------------------------------------------------
mkdir -p "$H2_DIR"
bench_db h2

log "recreating PostgreSQL database $PG_DB"
psql_pg -d postgres -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)"
psql_pg -d postgres -c "CREATE DATABASE $PG_DB"
bench_db pg
psql_pg -d postgres -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" || true

# ---------------------------------------------------------------------------------------------
# Raw PostgreSQL insert ceiling: the same row shape as intake_item (same indexes), no app.
log "pgbench: raw insert ceiling"
CEILING=$(BENCH_PG_HOST=$PG_HOST BENCH_PG_PORT=$PG_PORT BENCH_PG_USER=$PG_USER bench/pg-ceiling.sh "$PG_RAW_DB" 10)
PGB_SINGLE_ROWS=$(sed -E 's/.*single_rows=([0-9]+).*/\1/' <<<"$CEILING")
PGB_BATCH_ROWS=$(sed -E 's/.*batched_rows=([0-9]+).*/\1/' <<<"$CEILING")
PGB_BATCH_TPS=$(awk -v r="$PGB_BATCH_ROWS" 'BEGIN{printf "%.1f", r / 100}')
PG_SETTINGS=$(psql_pg -d postgres -c "SELECT 'PostgreSQL ' || current_setting('server_version') || ', synchronous_commit=' || current_setting('synchronous_commit') || ', fsync=' || current_setting('fsync') || ', shared_buffers=' || current_setting('shared_buffers')")
psql_pg -d postgres -c "DROP DATABASE IF EXISTS $PG_RAW_DB WITH (FORCE)" || true

# ---------------------------------------------------------------------------------------------
last_c=${CONCURRENCY##* }
RATIO=$(awk -v a="${RATE[pg,$last_c]:-0}" -v b="$PGB_SINGLE_ROWS" 'BEGIN{ if (b > 0) printf "%.2f", a/b; else print "n/a" }')
RATIO_BATCH=$(awk -v a="${RATE[pg,$last_c]:-0}" -v b="$PGB_BATCH_ROWS" 'BEGIN{ if (b > 0) printf "%.3f", a/b; else print "n/a" }')
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
MEM=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)
JDK=$("$JAVA" -version 2>&1 | head -n 1)
GIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=$(git status --porcelain 2>/dev/null | grep -qv '^??' && echo " (working tree has uncommitted changes)" || true)

{
  [[ -f "$RESULTS" ]] || printf '# Tact intake benchmark results\n\nAppended by `bench/run.sh`; newest last.\n'
  printf '\n## %s\n\n' "$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  printf -- '- Command: `bench/run.sh` (LoadGen: max %s requests or %s s per run after a warm-up of 500 requests / 2 s; one app start per database with an unrecorded 6 s JIT warm-up at c=16, then runs in order %s)\n' \
    "$MAX_REQUESTS" "$MAX_SECONDS" "$CONCURRENCY"
  printf -- '- Commit: %s%s\n' "$GIT" "$DIRTY"
  [[ -n "${BENCH_APP_ARGS:-}" ]] && printf -- '- Extra app arguments: `%s`\n' "$BENCH_APP_ARGS"
  printf -- '- Machine: %s CPUs (%s), %s RAM; load generator, app and PostgreSQL share it\n' "$(nproc)" "$CPU" "$MEM"
  printf -- '- JDK: %s; %s\n' "$JDK" "$PG_SETTINGS"
  printf -- '- Endpoint: `POST /api/v1/messages`, unique externalMessageId per request, 5000 distinct senders\n\n'
  printf '| Database | Concurrency | Accepted msg/s | p50 ms | p99 ms | Errors (non-202 + I/O) |\n'
  printf '|---|---:|---:|---:|---:|---:|\n'
  for db in h2 pg; do
    for c in $CONCURRENCY; do
      name=$([[ $db == h2 ]] && echo "H2 (file)" || echo "PostgreSQL")
      printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$c" "${RATE[$db,$c]:-}" "${P50[$db,$c]:-}" "${P99[$db,$c]:-}" "${ERR[$db,$c]:-}"
    done
  done
  printf '\nRaw PostgreSQL insert ceiling (pgbench `-n -c 16 -j 2 -T 10`, same columns and indexes as intake_item, one connection per client):\n\n'
  printf -- '- One row per transaction: %s rows/s\n' "$PGB_SINGLE_ROWS"
  printf -- '- 100 rows per transaction (`INSERT ... SELECT ... generate_series(1,100)`): %s rows/s (%s tps)\n' "$PGB_BATCH_ROWS" "$PGB_BATCH_TPS"
  printf -- '- Ratio Tact on PostgreSQL at c=%s / raw single-row insert rate: **%s** (vs. the 100-row batch rate: %s)\n' "$last_c" "$RATIO" "$RATIO_BATCH"
  printf '\nNotes:\n\n'
  for db in h2 pg; do
    for c in $CONCURRENCY; do
      printf -- '- %s c=%s: %s\n' "$db" "$c" "${NOTES[$db,$c]:-}"
    done
  done
  for n in "${DB_NOTES[@]}"; do printf -- '- %s\n' "$n"; done
  printf -- '- Whole script took %s s\n' "$(( $(date +%s) - SCRIPT_START ))"
} >>"$RESULTS"

log "done in $(( $(date +%s) - SCRIPT_START )) s; results appended to $RESULTS"
tail -n 40 "$RESULTS" >&2
