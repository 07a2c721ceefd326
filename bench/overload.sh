#!/usr/bin/env bash
# Overload without harm, and kill -9 mid-burst (issue 20, parts 4 and 5). An open-loop generator (bench/OpenLoad.java:
# a fixed arrival rate, latency counted from when each request was due) offers POST /api/v1/messages at BENCH_RATE for
# BENCH_SECONDS, pipeline on. Counted: answers by status (the goal: 202 or 429 with Retry-After, nothing else), the
# share answered within 100 ms, the app's RSS during and after, how long the pipeline takes to drain the backlog, and
# whether every message answered 202 is in the log once and filed once. Then the same at a lower rate with the app
# killed (SIGKILL) half-way and started again on the same database. Appends a section to bench/RESULTS.md.
#
#   bench/overload.sh                                        # 35,000/s for 30 s (run it on a quiet machine)
#   BENCH_RATE=1000 BENCH_SECONDS=3 BENCH_KILL_RATE=500 BENCH_KILL_SECONDS=4 BENCH_WARM_RATE=100 bench/overload.sh
#                                                            # a short try on a busy one
# Env: BENCH_RATE (35000), BENCH_SECONDS (30), BENCH_CONNECTIONS (256), BENCH_KILL_RATE (BENCH_RATE),
#      BENCH_KILL_SECONDS (10), BENCH_DB (pg or h2; pg), BENCH_HEAP (-Xmx of the app; 1g), BENCH_DRAIN_SECONDS (900),
#      BENCH_CHECK_CHUNK (50000 acknowledged ids a query) and BENCH_CHECK_SECONDS (300: the check of them at most),
#      BENCH_WARM_RATE (500) and BENCH_WARM_SECONDS (5) of the JIT warm-up before, BENCH_PORT (18091),
#      BENCH_STARTUP_SECONDS (600), BENCH_SKIP_BUILD, BENCH_JAR, BENCH_APP_ARGS (more settings,
#      e.g. --tact.intake.admission.max-in-flight=64), BENCH_PG_HOST/PORT/USER (loopback only).
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${BENCH_RATE:-35000}
SECONDS_RUN=${BENCH_SECONDS:-30}
CONNS=${BENCH_CONNECTIONS:-256}
KILL_RATE=${BENCH_KILL_RATE:-$RATE}
KILL_SECONDS=${BENCH_KILL_SECONDS:-10}
DB=${BENCH_DB:-pg}
WARM_RATE=${BENCH_WARM_RATE:-500}
WARM_SECONDS=${BENCH_WARM_SECONDS:-5}
BENCH_TAG=overload
PORT=${BENCH_PORT:-18091}
# shellcheck source=bench/lib.sh
source bench/lib.sh
HEAP=${BENCH_HEAP:-1g}
DRAIN_SECONDS=${BENCH_DRAIN_SECONDS:-900}
CHECK_CHUNK=${BENCH_CHECK_CHUNK:-50000}
CHECK_SECONDS=${BENCH_CHECK_SECONDS:-300}
PG_DB=tact_bench_overload
RESULTS=bench/RESULTS.md
START=$(date +%s)
bench_extra_cleanup() {
  [[ -n "${SAMPLER_PID:-}" ]] && kill "$SAMPLER_PID" 2>/dev/null
  [[ $DB == pg ]] && psql_pg -d postgres -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1
  return 0
}

build_jar
admin_token overload
"$JAVA" -version >/dev/null 2>&1
mkdir -p "$WORK/gen" && "$(dirname "$JAVA")/javac" -d "$WORK/gen" bench/OpenLoad.java
if [[ $DB == pg ]]; then
  recreate_pg_db "$PG_DB"
  URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB?reWriteBatchedInserts=true"
  sql() { psql_pg -d "$PG_DB" -c "$1"; }
else
  URL=$(h2_url h2)
  sql() { h2_sql "$URL" "$1" | tail -n 1; }
fi
read -r -a EXTRA <<<"${BENCH_APP_ARGS:-}"
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-} -Xmx$HEAP"
export BENCH_JAVA_OPTS

TICK_MS=$((1000 / $(getconf CLK_TCK)))
app_cpu_ms() { awk -v t="$TICK_MS" '{ print ($14 + $15) * t }' "/proc/$APP_PID/stat"; }
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status" 2>/dev/null || echo 0; }
start_sampler() { # the app's RSS every half second, into $1
  ( while kill -0 "$APP_PID" 2>/dev/null; do rss_mb >>"$1"; echo >>"$1"; sleep 0.5; done ) &
  SAMPLER_PID=$!
}
stop_sampler() { kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""; }
max_of() { awk 'NF && $1 > m { m = $1 } END { print m + 0 }' "$1"; }
launch() { launch_app "$DB" "$URL" "$WORK/app-$1.log" "${BENCH_STARTUP_SECONDS:-600}" "${EXTRA[@]}"; }
generate() { # label rate seconds acknowledged-file -> the OPENLOAD line
  "$JAVA" -cp "$WORK/gen" OpenLoad --url "$BASE/api/v1/messages" --token "$SECRET" --rate "$2" --seconds "$3" \
    --connections "$CONNS" --label "$1" --acknowledged "$4" | tee -a "$WORK/gen.log" | grep '^OPENLOAD '
}
field() { sed -E "s/.* $1=([^ ]+).*/\\1/" <<<" $2"; }
pending() { sql "SELECT COUNT(*) FROM intake_item WHERE state = 'PENDING'"; }
drain() { # seconds until nothing is pending (or DRAIN_SECONDS)
  local t0=$SECONDS
  until [[ "$(pending)" == 0 ]]; do
    (( SECONDS - t0 > DRAIN_SECONDS )) && { echo "not drained after $DRAIN_SECONDS s"; return; }
    sleep 1
  done
  echo "$((SECONDS - t0))"
}
check_acknowledged() { # file -> "missing=<n> repeated=<n> unfiled=<n>" over the ids in the file; filed: the pipeline
  # filed it in a conversation (DONE: a message, or a copy joined to one as a linked report), held it (noise control:
  # SUPPRESSED), or knew it (DUPLICATE). The ids go into a table of their own and are joined to the log a chunk at a
  # time on its (channel, external_id) index (OpenLoad sends every message on the email channel): one query per
  # CHECK_CHUNK ids, a progress line each, and at most CHECK_SECONDS in all (ids left unchecked then are counted as
  # such). A subquery per id without the channel scanned the whole log for each: over 15 minutes for one burst.
  local file=$1 total=0 lo=0 missing=0 repeated=0 unfiled=0 t0=$SECONDS counts m r u
  sql "DROP TABLE IF EXISTS bench_acked" >/dev/null
  sql "CREATE TABLE bench_acked (n BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, id VARCHAR(300))" >/dev/null
  if [[ $DB == pg ]]; then
    psql_pg -d "$PG_DB" -c "\\copy bench_acked (id) FROM '$file'" -c "ANALYZE bench_acked" >/dev/null
  else
    sql "INSERT INTO bench_acked (id) SELECT id FROM CSVREAD('$file', 'id', NULL)" >/dev/null
  fi
  total=$(sql "SELECT COUNT(*) FROM bench_acked")
  log "checking $total acknowledged ids against the log, $CHECK_CHUNK at a time (at most $CHECK_SECONDS s)"
  while (( lo < total )); do
    if (( SECONDS - t0 > CHECK_SECONDS )); then
      log "check stopped after $CHECK_SECONDS s: $((total - lo)) of $total ids unchecked"
      break
    fi
    counts=$(sql "SELECT COALESCE(SUM(CASE WHEN c.n = 0 THEN 1 ELSE 0 END), 0),
        COALESCE(SUM(CASE WHEN c.n > 1 THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN c.f = 1 THEN 0 ELSE 1 END), 0)
      FROM (SELECT a.n AS k, COUNT(i.id) AS n,
                   SUM(CASE WHEN i.state IN ('SUPPRESSED', 'DUPLICATE') OR i.state = 'DONE'
                                 AND i.conversation_id IS NOT NULL THEN 1 ELSE 0 END) AS f
              FROM bench_acked a LEFT JOIN intake_item i ON i.channel = 'email' AND i.external_id = a.id
             WHERE a.n > $lo AND a.n <= $((lo + CHECK_CHUNK)) GROUP BY a.n) c")
    read -r m r u <<<"${counts//|/ }"
    missing=$((missing + ${m:-0})); repeated=$((repeated + ${r:-0})); unfiled=$((unfiled + ${u:-0}))
    lo=$((lo + CHECK_CHUNK))
    log "checked $(( lo < total ? lo : total )) of $total ids in $((SECONDS - t0)) s: missing=$missing repeated=$repeated unfiled=$unfiled"
  done
  echo "missing=$missing repeated=$repeated unfiled=$unfiled$( (( lo < total )) && echo " unchecked=$((total - lo))")"
}

declare -A ROW
LOADS=()
log "starting Tact on $DB (-Xmx$HEAP)"
launch first
if [[ $DB == pg ]]; then psql_pg -d "$PG_DB" -c "$TOKEN_SQL"; else h2_sql "$URL" "$TOKEN_SQL" >/dev/null; fi
RSS_IDLE=$(rss_mb)
log "warm-up: $WARM_RATE/s for $WARM_SECONDS s"
generate warm "$WARM_RATE" "$WARM_SECONDS" "$WORK/warm.ids" >/dev/null
drain >/dev/null

# 1. Overload
log "overload: $RATE/s for $SECONDS_RUN s over $CONNS connections"
start_sampler "$WORK/rss-overload"
CPU0=$(app_cpu_ms)
LINE=$(generate overload "$RATE" "$SECONDS_RUN" "$WORK/overload.ids")
CPU1=$(app_cpu_ms)
RSS_END=$(rss_mb)
LOADS+=("$(cut -d' ' -f1 /proc/loadavg)")
log "$LINE"
PENDING_AT_END=$(pending)
DRAIN=$(drain)
stop_sampler
ROW[overload]="$LINE"
ROW[overload,cpu]=$(awk -v c="$((CPU1 - CPU0))" -v n="$(field answered "$LINE")" 'BEGIN { if (n > 0) printf "%.3f", c / n; else print "n/a" }')
ROW[overload,rss]="$(max_of "$WORK/rss-overload") / $(rss_mb)"
ROW[overload,drain]="$DRAIN$([[ $DRAIN =~ ^[0-9]+$ ]] && echo " s") ($PENDING_AT_END pending)"
ROW[overload,check]=$(check_acknowledged "$WORK/overload.ids")
log "overload: drained in $DRAIN s; ${ROW[overload,check]}"

# 2. kill -9 half-way through a burst, restart on the same database
log "kill -9: $KILL_RATE/s for $KILL_SECONDS s, SIGKILL after $((KILL_SECONDS / 2)) s"
generate kill "$KILL_RATE" "$KILL_SECONDS" "$WORK/kill.ids" >"$WORK/kill.line" &
GEN_PID=$!
sleep "$((KILL_SECONDS / 2))"
PENDING_AT_KILL=$(pending 2>/dev/null || echo "?")
kill -9 "$APP_PID"
wait "$APP_PID" 2>/dev/null || true
APP_PID=""
wait "$GEN_PID"
LINE=$(cat "$WORK/kill.line")
log "$LINE"
T0=$SECONDS
launch second
RESTART=$((SECONDS - T0))
start_sampler "$WORK/rss-kill"
DRAIN=$(drain)
stop_sampler
LOADS+=("$(cut -d' ' -f1 /proc/loadavg)")
ROW[kill]="$LINE"
ROW[kill,cpu]="n/a"
ROW[kill,rss]="$(max_of "$WORK/rss-kill") / $(rss_mb)"
ROW[kill,drain]="$DRAIN$([[ $DRAIN =~ ^[0-9]+$ ]] && echo " s") after a restart of $RESTART s ($PENDING_AT_KILL pending at the kill)"
ROW[kill,check]=$(check_acknowledged "$WORK/kill.ids")
log "kill: ${ROW[kill,check]}"
ERRORS=$(cat "$WORK"/app-*.log | grep -cE ' ERROR ' || true)
stop_app

{
  echo
  echo "## Overload and kill -9, open loop $(date -u '+%Y-%m-%d %H:%M:%S') UTC"
  echo
  echo "- Command: \`BENCH_WARM_RATE=$WARM_RATE BENCH_WARM_SECONDS=$WARM_SECONDS BENCH_RATE=$RATE BENCH_SECONDS=$SECONDS_RUN BENCH_KILL_RATE=$KILL_RATE BENCH_KILL_SECONDS=$KILL_SECONDS BENCH_CONNECTIONS=$CONNS BENCH_DB=$DB${BENCH_APP_ARGS:+ BENCH_APP_ARGS=\"$BENCH_APP_ARGS\"} bench/overload.sh\` (bench/OpenLoad.java: fixed arrival rate over $CONNS keep-alive connections, latency from when a request was due; pipeline on; app -Xmx$HEAP)"
  echo "- Commit: ${BENCH_JAR:+the jar $BENCH_JAR (${BENCH_COMMIT:-built before}); the script at }$(commit_line)"
  echo "- Machine: $(machine_line); database: $([[ $DB == pg ]] && psql_pg -d postgres -c "SELECT 'PostgreSQL ' || current_setting('server_version')" || echo 'H2 (file)'); app, generator and database share the cores"
  echo "- Load average (1 min) after each run: ${LOADS[*]}; when it ended: $(cut -d' ' -f1-3 /proc/loadavg). App RSS idle before the runs: $RSS_IDLE MB"
  echo "- Goal (issue 20, part 4): every request 202 or 429 with Retry-After within 100 ms; \"within 100 ms\" is over all requests offered (unanswered and not sent count against it)"
  echo
  echo "| Run | Offered | Sent | 202 | 429 | Other | Unanswered | Not sent in time | 429 without Retry-After | Within 100 ms | p50 ms | p99 ms | max ms | App CPU ms an answer | RSS max / after MB | Backlog drained in | Acknowledged: missing, repeated, not filed once |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|"
  for run in overload kill; do
    l=${ROW[$run]}
    echo "| $run | $(field offered "$l") ($([[ $run == overload ]] && echo "$RATE/s × $SECONDS_RUN s" || echo "$KILL_RATE/s × $KILL_SECONDS s, SIGKILL at $((KILL_SECONDS / 2)) s")) | $(field sent "$l") | $(field s202 "$l") | $(field s429 "$l") | $(field other "$l") | $(field unanswered "$l") | $(field not_sent "$l") | $(field no_retry_after "$l") | $(field within100_pct "$l")% | $(field p50_ms "$l") | $(field p99_ms "$l") | $(field max_ms "$l") | ${ROW[$run,cpu]} | ${ROW[$run,rss]} | ${ROW[$run,drain]} | ${ROW[$run,check]} |"
  done
  echo
  echo "- App log ERROR lines: $ERRORS; statuses: overload $(field statuses "${ROW[overload]}"), kill $(field statuses "${ROW[kill]}")"
  echo "- Whole script took $(( $(date +%s) - START )) s"
} >>"$RESULTS"
log "done in $(( $(date +%s) - START )) s"
tail -n 14 "$RESULTS" >&2
