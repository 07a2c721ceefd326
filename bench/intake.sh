#!/usr/bin/env bash
# Intake at c=64 (issue 20, parts 1 and 2): POST /api/v1/messages one message a request, the 401 path (a bearer token
# that is not one: the whole filter chain and a Problem Details body) as the stack's ceiling, and
# POST /api/v1/messages/batch (JSON arrays of BENCH_BATCH messages), on PostgreSQL and on H2, each against the raw
# PostgreSQL insert ceiling measured in the same run (pgbench, single-row and 100-row transactions, intake_item's
# shape). wrk is the generator (keep-alive, on the same cores); the pipeline is off unless BENCH_PIPELINE=1, so the
# figures are what intake accepts. Appends a section to bench/RESULTS.md.
#
#   bench/intake.sh                      # the whole run (about 3 minutes on 2 cores)
#   BENCH_PROFILE=1 bench/intake.sh      # also JFR during the PostgreSQL runs: hottest frames in the section
# Env: BENCH_SECONDS (10 a run), BENCH_BATCH_SECONDS (20), BENCH_CONCURRENCY (64), BENCH_BATCH_CONCURRENCY (4), BENCH_BATCH (1000), BENCH_DBS ("pg h2"), BENCH_PORT (18090),
#      BENCH_PG_URL_OPTIONS ("reWriteBatchedInserts=true"; empty: none), BENCH_STARTUP_SECONDS (600),
#      BENCH_SKIP_BUILD, BENCH_JAR (a jar built before: measure another commit, e.g. the one before issue 20),
#      BENCH_PIPELINE, BENCH_PG_HOST/PORT/USER (loopback only).
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_TAG=intake
PORT=${BENCH_PORT:-18090}
# shellcheck source=bench/lib.sh
source bench/lib.sh
RUN_SECONDS=${BENCH_SECONDS:-10}
C=${BENCH_CONCURRENCY:-64}
BATCH=${BENCH_BATCH:-1000}
BATCH_SECONDS=${BENCH_BATCH_SECONDS:-20}
BATCH_C=${BENCH_BATCH_CONCURRENCY:-4} # 64 batches of 1,000 in flight would be 64,000 messages a round: none answered in a run
DBS=${BENCH_DBS:-"pg h2"}
PG_DB=tact_bench_intake
PG_RAW_DB=tact_bench_intake_raw
RESULTS=bench/RESULTS.md
# the PostgreSQL driver sends a JDBC batch as multi-row INSERTs with this (README: recommended for busy intake)
PG_URL_OPTIONS=${BENCH_PG_URL_OPTIONS-reWriteBatchedInserts=true}
START=$(date +%s)
LOADS=()
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }
bench_extra_cleanup() { psql_pg -d postgres -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" \
  -c "DROP DATABASE IF EXISTS $PG_RAW_DB WITH (FORCE)" >/dev/null 2>&1; }

build_jar
admin_token intake
APP_ARGS=()
[[ -z "${BENCH_PIPELINE:-}" ]] && APP_ARGS+=(--tact.intake.pipeline.enabled=false)

declare -A RATE REQ STAT P50 P99 PROFILE CPU PERCPU
TICK_MS=$((1000 / $(getconf CLK_TCK)))
app_cpu_ms() { awk -v t="$TICK_MS" '{ print ($14 + $15) * t }' "/proc/$APP_PID/stat"; } # user + system
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0;
  else if (v ~ /s$/) printf "%.0f", v * 1000; else print v }'; }

load() { # db name token mode size seconds -> RATE, REQ, STAT, P50, P99 [name]
  local db=$1 name=$2 token=$3 mode=$4 size=$5 seconds=$6 out line jfr=""
  if [[ -n "${BENCH_PROFILE:-}" && $db == pg && $name != warm* ]]; then
    jfr="$WORK/$db-$name.jfr"
    "$(dirname "$JAVA")/jcmd" "$APP_PID" JFR.start name="$name" settings=profile >/dev/null
  fi
  local cpu0 cpu1
  cpu0=$(app_cpu_ms)
  local conns=$C
  [[ $mode == batch ]] && conns=$BATCH_C
  out=$(wrk -t2 -c"$conns" -d"${seconds}s" --timeout 30s --latency -s bench/intake-load.lua "$BASE" -- \
    "$token" "$mode" "$size" "$db-$name-$START")
  cpu1=$(app_cpu_ms)
  if [[ -n "$jfr" ]]; then
    "$(dirname "$JAVA")/jcmd" "$APP_PID" JFR.stop name="$name" filename="$jfr" >/dev/null
    PROFILE[$db,$name]=$(frames "$jfr")
  fi
  line=$(grep '^INTAKE ' <<<"$out")
  local requests messages secs
  requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$line")
  messages=$(sed -E 's/.*messages=([0-9]+).*/\1/' <<<"$line")
  secs=$(sed -nE 's/.* requests in ([0-9.]+)(m?s),.*/\1 \2/p' <<<"$out" | awk '{ print ($2 == "ms") ? $1 / 1000 : $1 }')
  REQ[$db,$name]=$(awk -v r="$requests" -v s="$secs" 'BEGIN { printf "%.0f", r / s }')
  # the app's own CPU time for each message (each request on the 401 path): what the load of others hides least
  local per=$messages; [[ $name == unauthorized ]] && per=$requests
  CPU[$db,$name]=$(awk -v c="$((cpu1 - cpu0))" -v n="$per" 'BEGIN { if (n > 0) printf "%.3f", c / n; else print "n/a" }')
  PERCPU[$db,$name]=$(awk -v c="$((cpu1 - cpu0))" -v n="$per" 'BEGIN { if (c > 0) printf "%.0f", n * 1000 / c; else print "n/a" }')
  RATE[$db,$name]=$(awk -v m="$messages" -v s="$secs" 'BEGIN { printf "%.0f", m / s }')
  STAT[$db,$name]=$(sed -E 's/^INTAKE requests=[0-9]+ messages=[0-9]+ *//; s/ /, /g' <<<"$line")
  P50[$db,$name]=$(ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  P99[$db,$name]=$(ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  log "$db $name: ${RATE[$db,$name]} messages/s, ${REQ[$db,$name]} requests/s, statuses ${STAT[$db,$name]}, p50 ${P50[$db,$name]} ms, p99 ${P99[$db,$name]} ms"
  LOADS+=("$(cut -d' ' -f1 /proc/loadavg)")
}

HAS_BATCH=()
bench_db() { # db
  local db=$1 url
  if [[ $db == pg ]]; then
    recreate_pg_db "$PG_DB"
    url="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB${PG_URL_OPTIONS:+?$PG_URL_OPTIONS}"
  else
    url=$(h2_url h2)
  fi
  log "starting Tact on $db"
  launch_app "$db" "$url" "$WORK/app-$db.log" "${BENCH_STARTUP_SECONDS:-600}" "${APP_ARGS[@]}"
  if [[ $db == pg ]]; then psql_pg -d "$PG_DB" -c "$TOKEN_SQL"; else h2_sql "$url" "$TOKEN_SQL" >/dev/null; fi
  local batch_code
  batch_code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $SECRET" \
    -H 'Content-Type: application/json' --data '[]' "$BASE/api/v1/messages/batch")
  # JIT warm-up (not recorded); the batches last, so that what a batch run leaves queued delays nothing measured
  load "$db" warm "$SECRET" single 1 6 >/dev/null
  load "$db" single "$SECRET" single 1 "$RUN_SECONDS"
  load "$db" unauthorized "not-a-token-$START" single 1 "$RUN_SECONDS" # no tact_ prefix: refused without a lookup
  if [[ $batch_code == 200 ]]; then
    HAS_BATCH+=("$db")
    load "$db" warm-batch "$SECRET" batch "$BATCH" 3 >/dev/null
    load "$db" batch "$SECRET" batch "$BATCH" "$BATCH_SECONDS"
  else
    log "no batch endpoint here (POST /api/v1/messages/batch answered $batch_code)"
  fi
  if [[ $db == pg ]]; then
    ROWS[$db]=$(psql_pg -d "$PG_DB" -c "SELECT COUNT(*) FROM intake_item")
  else
    ROWS[$db]=$(h2_sql "$url" "SELECT COUNT(*) FROM intake_item" | tail -1)
  fi
  ERRORS[$db]=$(grep -cE ' ERROR ' "$WORK/app-$db.log" || true)
  stop_app
}
declare -A ROWS ERRORS
for db in $DBS; do bench_db "$db"; done

# The raw PostgreSQL insert ceiling (as bench/run.sh measures it): intake_item's own migration, no application.
log "pgbench: the raw insert ceiling"
CEILING=$(BENCH_PG_HOST=$PG_HOST BENCH_PG_PORT=$PG_PORT BENCH_PG_USER=$PG_USER bench/pg-ceiling.sh "$PG_RAW_DB" "$RUN_SECONDS")
PG_SINGLE=$(sed -E 's/.*single_rows=([0-9]+).*/\1/' <<<"$CEILING")
PG_BATCHED=$(sed -E 's/.*batched_rows=([0-9]+).*/\1/' <<<"$CEILING")
LOADS+=("$(cut -d' ' -f1 /proc/loadavg)")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a != "") printf "%.2f", a / b; else print "n/a" }'; }

{
  echo
  echo "## Intake at c=$C $(date -u '+%Y-%m-%d %H:%M:%S') UTC"
  echo
  echo "- Command: \`${BENCH_PROFILE:+BENCH_PROFILE=1 }${BENCH_PIPELINE:+BENCH_PIPELINE=1 }bench/intake.sh\` (wrk -t2 -c$C keep-alive, $RUN_SECONDS s a run, batches $BATCH_SECONDS s at -c$BATCH_C, after 6 s (single) and 3 s (batches) of warm-up; every message its own externalMessageId, 5,000 senders; pipeline $([[ -n "${BENCH_PIPELINE:-}" ]] && echo on || echo off))"
  echo "- Commit: ${BENCH_JAR:+the jar $BENCH_JAR (${BENCH_COMMIT:-built before}); the script at }$(commit_line)"
  echo "- Machine: $(machine_line); $(psql_pg -d postgres -c "SELECT 'PostgreSQL ' || current_setting('server_version') || ' (synchronous_commit=' || current_setting('synchronous_commit') || ')'") on loopback (JDBC URL options: ${PG_URL_OPTIONS:-none}); app, wrk and PostgreSQL share the cores"
  echo "- Load average (1 min) after each run: ${LOADS[*]}; when it ended: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- App CPU: the Tact JVM's user + system time during the run (/proc), over the messages accepted (on the 401 path: the requests answered); work still under way when a run ends is counted, its answer is not, so the batch figure is high. JFR runs in both when profiling"
  echo "- PostgreSQL ceiling in this run (pgbench -c 16 -j 2 -T $RUN_SECONDS, intake_item's columns and indexes): $PG_SINGLE rows/s one row a transaction, $PG_BATCHED rows/s 100 rows a transaction"
  echo
  echo "| Database | Run | Messages accepted/s | Requests/s | p50 ms | p99 ms | Statuses | / PG single-row | / PG batched | App CPU ms a message | Messages per app CPU second |"
  echo "|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|"
  for db in $DBS; do
    for name in single unauthorized batch; do
      [[ -n "${STAT[$db,$name]:-}" ]] || continue
      msgs=${RATE[$db,$name]}; [[ $name == unauthorized ]] && msgs="(401 path)"
      base=${RATE[$db,$name]}; [[ $name == unauthorized ]] && base=${REQ[$db,$name]}
      echo "| $([[ $db == pg ]] && echo PostgreSQL || echo 'H2 (file)') | $name$([[ $name == batch ]] && echo " ($BATCH a request)") | $msgs | ${REQ[$db,$name]} | ${P50[$db,$name]} | ${P99[$db,$name]} | ${STAT[$db,$name]} | $(ratio "$base" "$PG_SINGLE") | $(ratio "$base" "$PG_BATCHED") | ${CPU[$db,$name]} | ${PERCPU[$db,$name]} |"
    done
  done
  echo
  for db in $DBS; do
    echo "- $db: intake_item holds ${ROWS[$db]} rows after the runs (warm-ups included); app log ERROR lines: ${ERRORS[$db]}"
  done
  profile_lines "PostgreSQL run, app JVM only" single batch
  end_section
} >>"$RESULTS"
log "done in $(( $(date +%s) - START )) s"
tail -n 60 "$RESULTS" >&2
