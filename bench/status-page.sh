#!/usr/bin/env bash
# The public status page under a spike (issue 18): starts Tact on 127.0.0.1 (the jar, as the README runs it), makes a
# few components and an open incident with updates through the API, then measures with wrk (Debian's; installed if
# missing) over loopback, the generator on the same cores as the node, each run bounded in time:
#   status       GET /status (the page served from memory by StatusPageFilter)
#   status-gzip  GET /status with Accept-Encoding: gzip (as browsers and proxies ask: the snapshot's gzipped bytes)
#   status-304   GET /status with If-None-Match: the current ETag (a client or proxy revalidating)
#   json         GET /status.json
#   refused-401  GET /api/v1/incidents without a token (a request the security chain refuses: a trivial endpoint)
#   css          GET /css/tact.css (a static resource: a trivial endpoint)
# While each run lasts, a second wrk posts inbound messages at a low rate (bench/intake-poster.lua) and counts the
# answers: intake must keep accepting (202). Afterwards every accepted message is looked up: filed or held, none lost.
# Appends a section to bench/RESULTS.md. Run by hand, never in CI.
#
# Tunables (env): BENCH_PORT (18082), BENCH_SECONDS (20), BENCH_CONNECTIONS ("64 128"), BENCH_THREADS (2),
# BENCH_TARGETS ("status status-gzip status-304 json refused-401 css"), BENCH_POSTER_CONNECTIONS (2), BENCH_POSTER_PAUSE_MS (100),
# BENCH_DBS ("h2"; add "pg" for PostgreSQL at BENCH_PG_HOST/PORT/USER), BENCH_SKIP_BUILD (unset),
# BENCH_APP_ARGS (extra app arguments).
set -euo pipefail

cd "$(dirname "$0")/.."
JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
PORT=${BENCH_PORT:-18082}
SECONDS_PER_RUN=${BENCH_SECONDS:-20}
CONNECTIONS=${BENCH_CONNECTIONS:-64 128}
THREADS=${BENCH_THREADS:-2}
TARGETS=${BENCH_TARGETS:-status status-gzip status-304 json refused-401 css}
POSTER_CONNECTIONS=${BENCH_POSTER_CONNECTIONS:-2}
POSTER_PAUSE_MS=${BENCH_POSTER_PAUSE_MS:-100}
DBS=${BENCH_DBS:-h2}
APP_ARGS=${BENCH_APP_ARGS:-}
PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
PG_DB=tact_bench_status
BASE="http://127.0.0.1:${PORT}"
WORK=$(mktemp -d /tmp/tact-status.XXXXXX)
APP_PID=""

log() { printf '%s [status] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

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

command -v wrk >/dev/null || { log "installing wrk"; apt-get install -y wrk >/dev/null; }

if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  log "building the jar"
  ./mvnw -q -DskipTests package
fi
cp target/tact-0.1.0-SNAPSHOT.jar "$WORK/tact.jar"
unzip -q -o -j "$WORK/tact.jar" 'BOOT-INF/lib/h2-*.jar' -d "$WORK/h2lib"
H2_JAR=$(ls "$WORK"/h2lib/h2-*.jar | head -n 1)

# An admin API token (its SHA-256 in the table, as ApiTokens keeps it; no rate limit).
SECRET="tact_status$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
TOKEN_SQL="INSERT INTO staff_api_token (id, name, token_prefix, token_hash, role, scopes, rate_unlimited, created_by,
  created_at) VALUES ('$(cat /proc/sys/kernel/random/uuid)', 'status-bench', '${SECRET:0:12}',
  '$(printf '%s' "$SECRET" | sha256sum | cut -d' ' -f1)', 'ADMIN', 'intake,read,write,admin', TRUE, NULL,
  CURRENT_TIMESTAMP)"
STATES_SQL="SELECT state, COUNT(*) FROM intake_item GROUP BY state ORDER BY state"

psql_pg() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -v ON_ERROR_STOP=1 -qAt "$@"; }

db_url() {
  if [[ $1 == h2 ]]; then
    echo "jdbc:h2:file:$WORK/h2/tact;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE"
  else
    echo "jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB"
  fi
}

sql() { # db sql -> rows "a|b"
  if [[ $1 == h2 ]]; then
    "$JAVA" -cp "$H2_JAR" org.h2.tools.Shell -url "$(db_url h2)" -user sa -password "" -sql "$2" \
      | sed -n '2,$p' | grep -v '^(' | tr -d ' ' || true
  else
    psql_pg -d "$PG_DB" -c "$2"
  fi
}

start_app() { # db
  local db=$1 user=sa
  [[ $db == pg ]] && user=$PG_USER
  if [[ $db == pg ]]; then
    psql_pg -d postgres -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)"
    psql_pg -d postgres -c "CREATE DATABASE $PG_DB"
  fi
  log "starting Tact on $db"
  # shellcheck disable=SC2086
  (cd "$WORK" && exec env PORT="$PORT" TACT_DB_URL="$(db_url "$db")" TACT_DB_USER="$user" \
    "$JAVA" -jar "$WORK/tact.jar" --server.address=127.0.0.1 --tact.demo.enabled=false $APP_ARGS \
    >"$WORK/app-$db.log" 2>&1) &
  APP_PID=$!
  local t0=$SECONDS
  until curl -fsS "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$APP_PID" 2>/dev/null || { log "app exited during startup"; return 1; }
    (( SECONDS - t0 > 480 )) && { log "app not UP after 480 s"; return 1; }
    sleep 0.5
  done
  sql "$db" "$TOKEN_SQL" >/dev/null
  log "Tact UP after $((SECONDS - t0)) s"
}

api() { # method path json
  curl -sS --fail-with-body -X "$1" "$BASE$2" -H "Authorization: Bearer $SECRET" -H 'Content-Type: application/json' -d "$3"
}
json_field() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\1/"; }

make_incident() {
  local ids=() id
  for name in "Web hosting:Hosting" "Mail:Hosting" "DNS:Network" "Control panel:Panel" "Backups:Hosting"; do
    id=$(api POST /api/v1/admin/components "{\"name\":\"${name%%:*}\",\"group\":\"${name##*:}\",
      \"description\":\"The ${name%%:*} service\",\"keywords\":[\"${name%%:*}\"]}" | json_field id)
    ids+=("\"$id\"")
  done
  local ref
  ref=$(api POST /api/v1/incidents "{\"title\":\"Sites unreachable in Frankfurt\",\"impact\":\"major\",
    \"components\":[${ids[0]},${ids[2]}],\"sendNotices\":false,
    \"message\":\"Some sites hosted in Frankfurt do not answer. We are looking into it.\"}" | json_field reference)
  api POST "/api/v1/incidents/$ref/updates" '{"state":"identified",
    "message":"A router in Frankfurt dropped its routes; traffic is moving to the second one."}' >/dev/null
  api POST "/api/v1/incidents/$ref/updates" '{"state":"monitoring", "message":"Traffic flows again; we are watching it."}' >/dev/null
  local page
  page=$(curl -fsS "$BASE/status")
  grep -q "Sites unreachable in Frankfurt" <<<"$page" || { log "the incident is not on /status"; return 1; }
  log "incident $ref open on 5 components"
}

ms() { # a wrk latency (12.3us, 4.5ms, 1.2s, 2m) in ms
  awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000; printf "%.2f", n }'
}

ROWS=()
POSTED_TOTAL=0
declare -A RATE
run() { # db target connections
  local db=$1 target=$2 c=$3 path=/status headers=() out poster
  case $target in
    status) ;;
    status-gzip) headers=(-H "Accept-Encoding: gzip") ;;
    status-304) headers=(-H "If-None-Match: $(curl -fsSI "$BASE/status" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')") ;;
    json) path=/status.json ;;
    refused-401) path=/api/v1/incidents ;;
    css) path=/css/tact.css ;;
  esac
  wrk -t1 -c"$POSTER_CONNECTIONS" -d"${SECONDS_PER_RUN}s" -s bench/intake-poster.lua "$BASE" -- "$SECRET" \
    "$POSTER_PAUSE_MS" "$db-$target-$c-$RANDOM" >"$WORK/poster.out" 2>&1 &
  local poster_pid=$!
  out=$(wrk -t"$THREADS" -c"$c" -d"${SECONDS_PER_RUN}s" --latency "${headers[@]}" "$BASE$path")
  wait "$poster_pid"
  poster=$(cat "$WORK/poster.out")
  local rps p50 p99 non2xx errors status accepted posted poster_rps
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")
  p50=$(ms "$(awk '$1=="50%" {print $2}' <<<"$out")")
  p99=$(ms "$(awk '$1=="99%" {print $2}' <<<"$out")")
  non2xx=$(awk '/Non-2xx or 3xx/ {print $NF}' <<<"$out"); non2xx=${non2xx:-0}
  errors=$(awk '/Socket errors/ {print $4 $5 $6 $7 $8 $9 $10 $11}' <<<"$out"); errors=${errors:-none}
  status=$(curl -s -o /dev/null -w '%{http_code} %{size_download} B' "${headers[@]}" "$BASE$path")
  accepted=$(grep -oE '\b202=[0-9]+' <<<"$poster" | cut -d= -f2 || true); accepted=${accepted:-0}
  posted=$(grep '^POSTER' <<<"$poster" | sed 's/^POSTER *//')
  poster_rps=$(awk '/^Requests\/sec:/ {printf "%.1f", $2}' <<<"$poster")
  POSTED_TOTAL=$((POSTED_TOTAL + accepted))
  RATE[$db,$target,$c]=$rps
  log "$db $target c=$c: $rps req/s, p50 $p50 ms, p99 $p99 ms (answer $status, non-2xx/3xx $non2xx, socket errors $errors); intake $poster_rps msg/s: $posted"
  ROWS+=("| $db | $target | \`$path\` | $c | $status | $rps | $p50 | $p99 | $non2xx | $errors | $poster_rps | $posted |")
}

NOTES=()
for db in $DBS; do
  start_app "$db"
  make_incident
  # Warm up (JIT) each path before measuring.
  for p in /status /status.json /api/v1/incidents /css/tact.css; do wrk -t1 -c8 -d3s "$BASE$p" >/dev/null; done
  POSTED_TOTAL=0
  for c in $CONNECTIONS; do
    for target in $TARGETS; do run "$db" "$target" "$c"; done
  done
  # Every accepted message is filed or held (bounded wait for the pipeline to drain).
  t0=$SECONDS
  while (( SECONDS - t0 < 60 )); do
    pending=$(sql "$db" "SELECT COUNT(*) FROM intake_item WHERE state = 'PENDING'" | tail -n 1)
    [[ "$pending" == 0 ]] && break
    sleep 2
  done
  states=$(sql "$db" "$STATES_SQL" | tr '\n' ' ')
  total=$(sql "$db" "SELECT COUNT(*) FROM intake_item" | tail -n 1)
  NOTES+=("$db: $POSTED_TOTAL messages accepted (202) during the runs; intake_item by state $((SECONDS - t0)) s after the last run: $states(total $total)")
  for c in $CONNECTIONS; do
    for t in status status-gzip status-304 json; do
      [[ -n "${RATE[$db,$t,$c]:-}" && -n "${RATE[$db,refused-401,$c]:-}" && -n "${RATE[$db,css,$c]:-}" ]] || continue
      NOTES+=("$db c=$c: $t at $(( 100 * RATE[$db,$t,$c] / RATE[$db,refused-401,$c] ))% of refused-401's rate, $(( 100 * RATE[$db,$t,$c] / RATE[$db,css,$c] ))% of css's")
    done
  done
  grep -qE ' (ERROR|WARN) ' "$WORK/app-$db.log" && \
    NOTES+=("$db: app log has $(grep -cE ' ERROR ' "$WORK/app-$db.log" || true) ERROR and $(grep -cE ' WARN ' "$WORK/app-$db.log" || true) WARN lines")
  stop_app
done
[[ " $DBS " == *" pg "* ]] && psql_pg -d postgres -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" || true

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
{
  echo
  echo "## Status page under a spike $(date -u '+%Y-%m-%d %H:%M:%S') UTC"
  echo
  echo "- Command: \`bench/status-page.sh\` (BENCH_SECONDS=$SECONDS_PER_RUN BENCH_CONNECTIONS=\"$CONNECTIONS\" BENCH_THREADS=$THREADS BENCH_POSTER_CONNECTIONS=$POSTER_CONNECTIONS BENCH_POSTER_PAUSE_MS=$POSTER_PAUSE_MS BENCH_DBS=\"$DBS\"${APP_ARGS:+ BENCH_APP_ARGS=\"$APP_ARGS\"})"
  echo "- Commit: $(git rev-parse --short HEAD)$(git diff --quiet -- . ':!bench/RESULTS.md' || echo ' (with uncommitted changes)')"
  echo "- Machine: $CPU, $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM; JDK: $("$JAVA" -version 2>&1 | head -1); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2); load average (1, 5, 15 min) when the run ended: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- wrk -t$THREADS over loopback on the node's own cores, ${SECONDS_PER_RUN} s a run after a 3 s warm-up per path; one incident open (two updates) on five components. During every run a second wrk (1 thread, $POSTER_CONNECTIONS connections, ${POSTER_PAUSE_MS} ms between a connection's requests) posts inbound messages to /api/v1/messages: its rate and answers are the last two columns. 'answer' is the status one request gets (status-304 revalidates with If-None-Match: the current ETag)."
  echo
  echo "| database | target | path | connections | answer (body) | requests/s | p50 ms | p99 ms | non-2xx/3xx | socket errors | intake msg/s | intake answers |"
  echo "|---|---|---|---:|---:|---:|---:|---:|---:|---|---:|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  printf -- '- %s\n' "${NOTES[@]}"
} >> bench/RESULTS.md
log "appended to bench/RESULTS.md"
