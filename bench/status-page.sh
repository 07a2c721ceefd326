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
# While each run lasts, a second wrk posts inbound messages at a low rate (bench/intake-load.lua) and counts the
# answers: intake must keep accepting (202). Afterwards every accepted message is looked up: filed or held, none lost.
# Appends a section to bench/RESULTS.md. Run by hand, never in CI.
#
# Tunables (env): BENCH_PORT (18082), BENCH_SECONDS (20), BENCH_WARMUP_SECONDS (10, each path before the runs), BENCH_CONNECTIONS ("64 128"), BENCH_THREADS (2),
# BENCH_TARGETS ("status status-gzip status-304 json refused-401 css"), BENCH_POSTER_CONNECTIONS (2), BENCH_POSTER_PAUSE_MS (100),
# BENCH_DBS ("h2"; add "pg" for PostgreSQL at BENCH_PG_HOST/PORT/USER), BENCH_SKIP_BUILD (unset),
# BENCH_APP_ARGS (extra app arguments).
set -euo pipefail

cd "$(dirname "$0")/.."
BENCH_TAG=status
PORT=${BENCH_PORT:-18082}
# shellcheck source=bench/lib.sh
source bench/lib.sh
SECONDS_PER_RUN=${BENCH_SECONDS:-20}
WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-64 128}
THREADS=${BENCH_THREADS:-2}
TARGETS=${BENCH_TARGETS:-status status-gzip status-304 json refused-401 css}
POSTER_CONNECTIONS=${BENCH_POSTER_CONNECTIONS:-2}
POSTER_PAUSE_MS=${BENCH_POSTER_PAUSE_MS:-100}
DBS=${BENCH_DBS:-h2}
APP_ARGS=${BENCH_APP_ARGS:-}
PG_DB=tact_bench_status

command -v wrk >/dev/null || { log "installing wrk"; apt-get install -y wrk >/dev/null; }

build_jar
admin_token status
STATES_SQL="SELECT state, COUNT(*) FROM intake_item GROUP BY state ORDER BY state"

db_url() {
  if [[ $1 == h2 ]]; then
    h2_url h2
  else
    echo "jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB"
  fi
}

sql() { # db sql -> rows "a|b"
  if [[ $1 == h2 ]]; then
    h2_sql "$(db_url h2)" "$2"
  else
    psql_pg -d "$PG_DB" -c "$2"
  fi
}

start_app() { # db
  local db=$1
  [[ $db == pg ]] && recreate_pg_db "$PG_DB"
  log "starting Tact on $db"
  # shellcheck disable=SC2086
  launch_app "$db" "$(db_url "$db")" "$WORK/app-$db.log" 480 $APP_ARGS
  sql "$db" "$TOKEN_SQL" >/dev/null
  log "Tact UP after $STARTUP_SECONDS s"
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
  wrk -t1 -c"$POSTER_CONNECTIONS" -d"${SECONDS_PER_RUN}s" -s bench/intake-load.lua "$BASE" -- "$SECRET" \
    single 1 "$db-$target-$c-$RANDOM" "$POSTER_PAUSE_MS" >"$WORK/poster.out" 2>&1 &
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
  posted=$(grep '^INTAKE' <<<"$poster" | sed -E 's/^INTAKE requests=[0-9]+ messages=[0-9]+ *//')
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
  # Warm up (JIT) each path as it is measured, with intake posting as during the runs: a fresh node spends its first
  # minute compiling the filing road, which the first run would otherwise pay for.
  wrk -t1 -c"$POSTER_CONNECTIONS" -d"$((5 * WARMUP_SECONDS))s" -s bench/intake-load.lua "$BASE" -- "$SECRET" \
    single 1 "$db-warmup-$RANDOM" "$POSTER_PAUSE_MS" >/dev/null 2>&1 &
  warm_poster=$!
  for p in /status /status.json /api/v1/incidents /css/tact.css; do
    wrk -t"$THREADS" -c"${CONNECTIONS%% *}" -d"${WARMUP_SECONDS}s" "$BASE$p" >/dev/null
  done
  wrk -t"$THREADS" -c"${CONNECTIONS%% *}" -d"${WARMUP_SECONDS}s" -H "Accept-Encoding: gzip" "$BASE/status" >/dev/null
  wait "$warm_poster"
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

{
  echo
  echo "## Status page under a spike $(date -u '+%Y-%m-%d %H:%M:%S') UTC"
  echo
  echo "- Command: \`bench/status-page.sh\` (BENCH_SECONDS=$SECONDS_PER_RUN BENCH_WARMUP_SECONDS=$WARMUP_SECONDS BENCH_CONNECTIONS=\"$CONNECTIONS\" BENCH_THREADS=$THREADS BENCH_POSTER_CONNECTIONS=$POSTER_CONNECTIONS BENCH_POSTER_PAUSE_MS=$POSTER_PAUSE_MS BENCH_DBS=\"$DBS\"${APP_ARGS:+ BENCH_APP_ARGS=\"$APP_ARGS\"})"
  echo "- Commit: $(commit_line)"
  echo "- Machine: $(machine_line); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2); load average (1, 5, 15 min) when the run ended: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- wrk -t$THREADS over loopback on the node's own cores, ${SECONDS_PER_RUN} s a run after a ${WARMUP_SECONDS} s warm-up of each path (as measured, with the first connection count, intake posting); one incident open (two updates) on five components. During every run a second wrk (1 thread, $POSTER_CONNECTIONS connections, ${POSTER_PAUSE_MS} ms between a connection's requests) posts inbound messages to /api/v1/messages: its rate and answers are the last two columns. 'answer' is the status one request gets (status-304 revalidates with If-None-Match: the current ETag)."
  echo
  echo "| database | target | path | connections | answer (body) | requests/s | p50 ms | p99 ms | non-2xx/3xx | socket errors | intake msg/s | intake answers |"
  echo "|---|---|---|---:|---:|---:|---:|---:|---:|---|---:|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  printf -- '- %s\n' "${NOTES[@]}"
} >> bench/RESULTS.md
log "appended to bench/RESULTS.md"
