#!/usr/bin/env bash
# The pipeline's drain rate (issue 20, part 3): how many new conversations a second the claim workers file from the
# intake log, and how many replies a second they thread into existing conversations, with routing (the front door),
# noise control, SLA clocks (one policy that matches everything) and the search feed on. N messages from N senders,
# each on a domain of its own and with a text of its own words, go in through POST /api/v1/messages/batch (1,000 a
# request, far faster than the pipeline files them), then one reply from each sender into its conversation (same
# externalThreadId). The rate is read from the database: items of a phase over the time from the first one received
# to the last one processed; beside it, when the after-commit listeners (the front door's routing, incident matching,
# churn signals, ...) had caught up: nothing incomplete in the event publication registry. A warm-up phase (not recorded) runs first. Appends a section to bench/RESULTS.md.
#
#   bench/pipeline.sh                     # PostgreSQL and H2, 20,000 new + 20,000 replies each
#   BENCH_PROFILE=1 bench/pipeline.sh     # also JFR during the measured PostgreSQL phases: hottest frames
# Env: BENCH_MESSAGES (20000), BENCH_WARMUP (2000), BENCH_DBS ("pg h2"), BENCH_DRAIN_SECONDS (600 a phase at most),
#      BENCH_PG_DB (tact_bench_pipeline; another name to run two at once),
#      BENCH_APP_ARGS (extra app arguments, e.g. --tact.intake.pipeline.workers=4), BENCH_PORT (18092),
#      BENCH_PG_URL_OPTIONS ("reWriteBatchedInserts=true"), BENCH_STARTUP_SECONDS (600), BENCH_SKIP_BUILD,
#      BENCH_JAR (a jar built before, e.g. of main: the before figure), BENCH_COMMIT (what BENCH_JAR was built of),
#      BENCH_PG_HOST/PORT/USER (loopback only).
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_TAG=pipeline
PORT=${BENCH_PORT:-18092}
# shellcheck source=bench/lib.sh
source bench/lib.sh
N=${BENCH_MESSAGES:-20000}
WARM=${BENCH_WARMUP:-2000}
DBS=${BENCH_DBS:-"pg h2"}
DRAIN_SECONDS=${BENCH_DRAIN_SECONDS:-600}
PG_DB=${BENCH_PG_DB:-tact_bench_pipeline}
PG_URL_OPTIONS=${BENCH_PG_URL_OPTIONS-reWriteBatchedInserts=true}
RESULTS=bench/RESULTS.md
START=$(date +%s)
(( N <= 200000 && WARM <= 20000 )) || { echo "at most 200,000 messages and 20,000 warm-up" >&2; exit 2; }
bench_extra_cleanup() { psql_pg -d postgres -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1; }

build_jar
admin_token pipeline
read -r -a EXTRA_ARGS <<<"${BENCH_APP_ARGS:-}"
# One SLA policy that applies to every conversation: its clocks start and move with each message.
SLA_SQL="INSERT INTO sla_policy (id, position, name, priorities, intents, customer_tiers, team_ids,
  first_response_minutes, next_response_minutes, resolution_minutes, warn_at_percent, created_at)
  VALUES ('$(cat /proc/sys/kernel/random/uuid)', 0, 'pipeline bench', '', '', '', '', 60, 120, 1440, 80,
  CURRENT_TIMESTAMP)"

declare -A RATE COUNT SECS STATES PROFILE LOADAVG CONVS LISTENERS
DB_URL=""
sql() { # db sql -> rows a|b; a refused connection (PostgreSQL's max_connections, shared with others) is tried again
  local attempt
  for attempt in $(seq 1 30); do
    if [[ $1 == pg ]]; then psql_pg -d "$PG_DB" -c "$2" && return 0; else h2_sql "$DB_URL" "$2" && return 0; fi
    sleep 1
  done
  return 1
}

post_batches() { # files... : each array posted once it is accepted (a 429 is retried after its Retry-After)
  local f code
  for f in "$@"; do
    for attempt in $(seq 1 100); do
      code=$(curl -s -o "$WORK/answer.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $SECRET" \
        -H 'Content-Type: application/json' --data-binary "@$f" "$BASE/api/v1/messages/batch")
      [[ $code == 200 ]] && break
      [[ $code == 429 || $code == 503 ]] || { log "batch $f answered $code: $(head -c 300 "$WORK/answer.json")"; return 1; }
      sleep 0.2
    done
    [[ $code == 200 ]] || { log "batch $f not accepted after 100 attempts"; return 1; }
    grep -q '"rejected":0' "$WORK/answer.json" || { log "batch $f: $(head -c 300 "$WORK/answer.json")"; return 1; }
  done
}

# phase db label kind first count: posts the messages, waits until the pipeline has processed them all (or
# DRAIN_SECONDS pass), and reads the rate from the items' own times
phase() {
  local db=$1 label=$2 kind=$3 first=$4 count=$5 threads=${6:-$2} jfr="" files t0 pending
  mapfile -t files < <(python3 bench/pipeline-batches.py "$WORK" "$label" "$first" "$count" "$kind" 1000 "$threads")
  if [[ -n "${BENCH_PROFILE:-}" && $db == pg && $label != warm* ]]; then
    jfr="$WORK/$db-$label-$kind.jfr"
    "$(dirname "$JAVA")/jcmd" "$APP_PID" JFR.start name="$label$kind" settings=profile >/dev/null
  fi
  t0=$SECONDS
  post_batches "${files[@]}"
  local like="$label-$kind-%"
  while :; do
    pending=$(sql "$db" "SELECT COUNT(*) FROM intake_item WHERE external_id LIKE '$like' AND state = 'PENDING'" | tail -1)
    [[ $pending == 0 ]] && break
    (( SECONDS - t0 > DRAIN_SECONDS )) && { log "$db $label $kind: $pending items still pending after $DRAIN_SECONDS s"; break; }
    sleep 0.5
  done
  local filed_at=$SECONDS
  # the after-commit listeners (the front door's routing, incident matching, churn signals, ...) may lag behind:
  # the phase is over when the event publication registry holds nothing incomplete
  # (or when the count stops moving for 10 s: a listener that failed, e.g. for want of a connection, leaves its
  # publication incomplete until the next restart resubmits it)
  local last=-1 moved=$SECONDS
  while :; do
    pending=$(sql "$db" "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL" | tail -1)
    [[ $pending == 0 ]] && break
    [[ $pending != "$last" ]] && { last=$pending; moved=$SECONDS; }
    (( SECONDS - moved >= 10 )) && { log "$db $label $kind: $pending event publications stuck incomplete"; break; }
    (( SECONDS - t0 > DRAIN_SECONDS )) && { log "$db $label $kind: $pending event publications incomplete after $DRAIN_SECONDS s"; break; }
    sleep 0.5
  done
  LISTENERS[$db,$label,$kind]="$((SECONDS - t0)) s ($((SECONDS - filed_at)) s after the last item; $pending incomplete)"
  if [[ -n "$jfr" ]]; then
    "$(dirname "$JAVA")/jcmd" "$APP_PID" JFR.stop name="$label$kind" filename="$jfr" >/dev/null
    PROFILE[$db,$kind]=$(frames "$jfr")
  fi
  # processed items over the seconds from the first received to the last processed (milliseconds, so H2 and
  # PostgreSQL read alike)
  local row
  row=$(sql "$db" "SELECT COUNT(*), CAST(EXTRACT(EPOCH FROM (MAX(processed_at) - MIN(received_at))) * 1000 AS BIGINT)
    FROM intake_item WHERE external_id LIKE '$like' AND state <> 'PENDING'" | tail -1)
  COUNT[$db,$label,$kind]=${row%%|*}
  local ms=${row##*|}
  SECS[$db,$label,$kind]=$(awk -v m="$ms" 'BEGIN { printf "%.1f", m / 1000 }')
  RATE[$db,$label,$kind]=$(awk -v n="${row%%|*}" -v m="$ms" 'BEGIN { if (m > 0) printf "%.0f", n * 1000 / m; else print "n/a" }')
  STATES[$db,$label,$kind]=$(sql "$db" "SELECT state, COUNT(*) FROM intake_item WHERE external_id LIKE '$like'
    GROUP BY state ORDER BY state" | tr '\n' ' ' | sed 's/ $//; s/|/=/g; s/ /, /g')
  LOADAVG[$db,$label,$kind]=$(cut -d' ' -f1 /proc/loadavg)
  log "$db $label $kind: ${COUNT[$db,$label,$kind]} items in ${SECS[$db,$label,$kind]} s: ${RATE[$db,$label,$kind]}/s (${STATES[$db,$label,$kind]}); load ${LOADAVG[$db,$label,$kind]}"
}

bench_db() { # db
  local db=$1
  if [[ $db == pg ]]; then
    recreate_pg_db "$PG_DB"
    DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB${PG_URL_OPTIONS:+?$PG_URL_OPTIONS}"
  else
    DB_URL=$(h2_url h2)
  fi
  log "starting Tact on $db"
  launch_app "$db" "$DB_URL" "$WORK/app-$db.log" "${BENCH_STARTUP_SECONDS:-600}" "${EXTRA_ARGS[@]}"
  sql "$db" "$TOKEN_SQL" >/dev/null
  sql "$db" "$SLA_SQL" >/dev/null
  phase "$db" warm new 0 "$WARM"
  phase "$db" warm reply 0 "$WARM"
  phase "$db" run new 0 "$N"
  phase "$db" run reply 0 "$N"
  CONVS[$db]=$(sql "$db" "SELECT COUNT(*) FROM conv_conversation" | tail -1)
  CONVS[$db]+=" conversations, $(sql "$db" "SELECT COUNT(*) FROM conv_message" | tail -1) messages, $(sql "$db" \
    "SELECT COUNT(*) FROM sla_conversation" | tail -1) with SLA clocks"
  ERRORS[$db]=$(grep -cE ' ERROR ' "$WORK/app-$db.log" || true)
  POOL[$db]=$(grep -c 'Could not open JDBC Connection' "$WORK/app-$db.log" || true)
  stop_app
}
declare -A ERRORS POOL
for db in $DBS; do bench_db "$db"; done

section() {
  echo
  echo "## Pipeline drain $(date -u '+%Y-%m-%d %H:%M:%S') UTC"
  echo
  echo "- Command: \`${BENCH_PROFILE:+BENCH_PROFILE=1 }${BENCH_APP_ARGS:+BENCH_APP_ARGS='$BENCH_APP_ARGS' }${BENCH_JAR:+BENCH_JAR=$BENCH_JAR }bench/pipeline.sh\` ($N new conversations from $N senders on distinct domains, then one reply from each into its conversation by externalThreadId; $WARM of each before as warm-up, not recorded; batches of 1,000 through POST /api/v1/messages/batch; one SLA policy matching every conversation, the front door, noise control and the search feed on)"
  echo "- Commit: ${BENCH_JAR:+the jar $BENCH_JAR (${BENCH_COMMIT:-built before}); the script at }$(commit_line)"
  echo "- Machine: $(machine_line); $(psql_pg -d postgres -c "SELECT 'PostgreSQL ' || current_setting('server_version') || ', autovacuum ' || current_setting('autovacuum')") on loopback (JDBC URL options: ${PG_URL_OPTIONS:-none}); app and PostgreSQL share the cores with other work"
  echo "- Rate: items of the phase over the time from the first one received to the last one processed (intake_item's own times)"
  echo
  echo "| Database | Phase | Items | Seconds | Items/s | Goal | Item states | Listeners done (wall clock from the first post) | Load (1 min) at the end |"
  echo "|---|---|---:|---:|---:|---:|---|---|---:|"
  for db in $DBS; do
    for kind in new reply; do
      echo "| $([[ $db == pg ]] && echo PostgreSQL || echo 'H2 (file)') | $([[ $kind == new ]] && echo 'new conversations' || echo 'replies') | ${COUNT[$db,run,$kind]} | ${SECS[$db,run,$kind]} | ${RATE[$db,run,$kind]} | $([[ $kind == new ]] && echo 2,000 || echo 5,000) | ${STATES[$db,run,$kind]} | ${LISTENERS[$db,run,$kind]} | ${LOADAVG[$db,run,$kind]} |"
    done
  done
  echo
  for db in $DBS; do
    echo "- $db: warm-up ${RATE[$db,warm,new]}/s new, ${RATE[$db,warm,reply]}/s replies; at the end ${CONVS[$db]}; app log ERROR lines: ${ERRORS[$db]}, of them 'Could not open JDBC Connection': ${POOL[$db]}"
  done
  profile_lines "measured PostgreSQL phase, app JVM only (CPU samples; time spent waiting on the database is not in them)" new reply
  end_section
}
section >>"$RESULTS"
log "done in $(( $(date +%s) - START )) s"
tail -n 40 "$RESULTS" >&2
