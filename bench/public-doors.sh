#!/usr/bin/env bash
# Public doors under a spike (issue 16): starts Tact on 127.0.0.1 and fires web form submissions at concurrency 64
# (challenge, proof of work, JSON post), bounded in count and time, in two phases:
#   open    - rate limits far above the load: what the door accepts per second, and its latency;
#   limited - the default per-address limits (every request comes from 127.0.0.1): how many get 429, and that the
#             node keeps answering.
# After each phase every acknowledged submission is looked up through the API until it is a conversation (bounded):
# nothing acknowledged may be lost. Appends a section to bench/RESULTS.md.
#
# Doors are targets of bench/PublicDoorsLoad.java: "form:<slug>" (challenge, proof of work, JSON post) and "chat"
# (POST /chat/api/chats: a chat started with its first line).
#
# Tunables (env): BENCH_PORT (18081), BENCH_CONCURRENCY (64), BENCH_MAX_REQUESTS (3000), BENCH_MAX_SECONDS (20),
# BENCH_POW_BITS (8), BENCH_WARMUP (100), BENCH_DBS ("h2"; add "pg" for PostgreSQL at BENCH_PG_HOST/PORT/USER), BENCH_TARGETS
# ("form:contact chat"), BENCH_SKIP_BUILD (unset).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
PORT=${BENCH_PORT:-18081}
CONCURRENCY=${BENCH_CONCURRENCY:-64}
MAX_REQUESTS=${BENCH_MAX_REQUESTS:-3000}
MAX_SECONDS=${BENCH_MAX_SECONDS:-20}
POW_BITS=${BENCH_POW_BITS:-8}
WARMUP=${BENCH_WARMUP:-100}
DBS=${BENCH_DBS:-h2}
TARGETS=${BENCH_TARGETS:-form:contact chat}
PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
PG_DB=tact_bench_doors
BASE="http://127.0.0.1:${PORT}"
WORK=$(mktemp -d /tmp/tact-doors.XXXXXX)
APP_PID=""

log() { printf '%s [doors] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

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
  if [[ $rc -ne 0 ]]; then
    log "FAILED (exit $rc); work dir kept: $WORK"
    for f in "$WORK"/app-*.log; do [[ -f "$f" ]] && { log "last lines of $f:"; tail -n 30 "$f" >&2; }; done
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  log "building the jar"
  ./mvnw -q -DskipTests package
fi
cp target/tact-0.1.0-SNAPSHOT.jar "$WORK/tact.jar"
unzip -q -o -j "$WORK/tact.jar" 'BOOT-INF/lib/h2-*.jar' -d "$WORK/h2lib"
H2_JAR=$(ls "$WORK"/h2lib/h2-*.jar | head -n 1)
mkdir -p "$WORK/client"
/usr/lib/jvm/temurin-25-jdk-amd64/bin/javac -d "$WORK/client" bench/PublicDoorsLoad.java

# An admin API token to look acknowledged items up (its SHA-256 in the table, as ApiTokens keeps it; no rate limit).
SECRET="tact_doors$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
TOKEN_SQL="INSERT INTO staff_api_token (id, name, token_prefix, token_hash, role, scopes, rate_unlimited, created_by,
  created_at) VALUES ('$(cat /proc/sys/kernel/random/uuid)', 'doors-bench', '${SECRET:0:12}',
  '$(printf '%s' "$SECRET" | sha256sum | cut -d' ' -f1)', 'ADMIN', 'intake,read,write,admin', TRUE, NULL,
  CURRENT_TIMESTAMP)"

psql_pg() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -v ON_ERROR_STOP=1 -qAt "$@"; }

db_url() { # db phase
  if [[ $1 == h2 ]]; then
    echo "jdbc:h2:file:$WORK/h2-$2/tact;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE"
  else
    echo "jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB"
  fi
}

sql() { # db phase sql
  if [[ $1 == h2 ]]; then
    "$JAVA" -cp "$H2_JAR" org.h2.tools.Shell -url "$(db_url h2 "$2")" -user sa -password "" -sql "$3" >/dev/null
  else
    psql_pg -d "$PG_DB" -c "$3" >/dev/null
  fi
}

start_app() { # db phase extra-args...
  local db=$1 phase=$2 user=sa
  shift 2
  [[ $db == pg ]] && user=$PG_USER
  if [[ $db == pg ]]; then
    psql_pg -d postgres -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)"
    psql_pg -d postgres -c "CREATE DATABASE $PG_DB"
  fi
  log "starting Tact on $db ($phase)"
  (cd "$WORK" && exec env PORT="$PORT" TACT_DB_URL="$(db_url "$db" "$phase")" TACT_DB_USER="$user" \
    "$JAVA" -jar "$WORK/tact.jar" --server.address=127.0.0.1 --tact.demo.enabled=false \
    --tact.webform.proof-of-work-bits="$POW_BITS" --tact.webform.min-time-to-submit=0s "$@" \
    >"$WORK/app-$db-$phase.log" 2>&1) &
  APP_PID=$!
  local t0=$SECONDS
  until curl -fsS "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$APP_PID" 2>/dev/null || { log "app exited during startup"; return 1; }
    (( SECONDS - t0 > 180 )) && { log "app not UP after 180 s"; return 1; }
    sleep 0.5
  done
  sql "$db" "$phase" "$TOKEN_SQL"
  log "Tact UP after $((SECONDS - t0)) s"
}

ROWS=()
LOST=0
run_phase() { # db phase target
  local db=$1 phase=$2 target=$3 out line
  out=$("$JAVA" -cp "$WORK/client" PublicDoorsLoad --base "$BASE" --target "$target" --token "$SECRET" \
    --concurrency "$CONCURRENCY" --max-requests "$MAX_REQUESTS" --max-seconds "$MAX_SECONDS" \
    --verify-seconds 180 --warmup "$WARMUP" --label "$db-$phase")
  printf '%s\n' "$out" >&2
  line=$(grep '^RESULT ' <<<"$out")
  f() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$line"; }
  ROWS+=("| $target | $db | $phase | $(f attempts) | $(f accepted) | $(f accepted_per_s) | $(f p50_ms) | $(f p99_ms) | $(f limited_429) $(f limited_steps) | $(f statuses) | $(f io_errors) | $(f filed) + $(f held) held / $(f acknowledged) |")
  LOST=$((LOST + $(f missing)))
}

for db in $DBS; do
  for target in $TARGETS; do
    door=${target%%:*} # each door starts on a database of its own: noise control's hourly limits count per database
    start_app "$db" "open-$door" --tact.webform.submit-burst=1000000 --tact.webform.submit-per-minute=1000000 \
      --tact.webform.page-burst=1000000 --tact.webform.page-per-minute=1000000 \
      --tact.chat.start-burst=1000000 --tact.chat.starts-per-minute=1000000
    run_phase "$db" open "$target"
    stop_app
    start_app "$db" "limited-$door"
    run_phase "$db" limited "$target"
    stop_app
  done
done
[[ " $DBS " == *" pg "* ]] && psql_pg -d postgres -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" || true

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
{
  echo
  echo "## Public doors under a spike $(date -u '+%Y-%m-%d %H:%M:%S') UTC"
  echo
  echo "- Command: \`bench/public-doors.sh\` (BENCH_CONCURRENCY=$CONCURRENCY BENCH_MAX_REQUESTS=$MAX_REQUESTS BENCH_MAX_SECONDS=$MAX_SECONDS BENCH_POW_BITS=$POW_BITS BENCH_DBS=\"$DBS\")"
  echo "- Commit: $(git rev-parse --short HEAD)$(git diff --quiet -- . ':!bench/RESULTS.md' || echo ' (with uncommitted changes)')"
  echo "- Machine: $CPU, $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM; JDK: $("$JAVA" -version 2>&1 | head -1); load average (1, 5, 15 min) when the run ended: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- Each attempt at form:contact: GET the form's challenge, find the nonce (${POW_BITS} bits) in the client, POST the form as JSON; latency is the POST's. At chat: one POST /chat/api/chats (a chat started with its first line). $WARMUP sequential submissions first warm the JIT (not measured, but checked). An I/O error is a request not answered within 15 s. Every request comes from 127.0.0.1, so the per-address limit applies to all of them. 'open': limits raised far above the load; 'limited': the defaults (form: 5 at once, 5 a minute; chat: 5 at once, 10 a minute)."
  echo
  echo "| door | database | phase | attempts | accepted | accepted/s | p50 ms | p99 ms | 429s (by step) | statuses | I/O errors | conversations + held / acknowledged |"
  echo "|---|---|---|---:|---:|---:|---:|---:|---|---|---:|---:|"
  printf '%s\n' "${ROWS[@]}"
  echo
  if [[ $LOST -eq 0 ]]; then
    echo "Nothing acknowledged was lost: every accepted submission became a conversation, or was held by noise control's flood limits (kept for an admin to release: the load's messages are alike, as a real flood's are)."
  else
    echo "**$LOST acknowledged submissions were neither conversations nor held within 180 s.**"
  fi
} >> bench/RESULTS.md
log "appended to bench/RESULTS.md"
[[ $LOST -eq 0 ]]
