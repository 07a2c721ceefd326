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
BENCH_TAG=doors
PORT=${BENCH_PORT:-18081}
# shellcheck source=bench/lib.sh
source bench/lib.sh
CONCURRENCY=${BENCH_CONCURRENCY:-64}
MAX_REQUESTS=${BENCH_MAX_REQUESTS:-3000}
MAX_SECONDS=${BENCH_MAX_SECONDS:-20}
POW_BITS=${BENCH_POW_BITS:-8}
WARMUP=${BENCH_WARMUP:-100}
DBS=${BENCH_DBS:-h2}
TARGETS=${BENCH_TARGETS:-form:contact chat}
PG_DB=tact_bench_doors

build_jar
mkdir -p "$WORK/client"
/usr/lib/jvm/temurin-25-jdk-amd64/bin/javac -d "$WORK/client" bench/PublicDoorsLoad.java

# An admin API token to look acknowledged items up.
admin_token doors

db_url() { # db phase
  if [[ $1 == h2 ]]; then
    h2_url "h2-$2"
  else
    echo "jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB"
  fi
}

sql() { # db phase sql
  if [[ $1 == h2 ]]; then
    h2_sql "$(db_url h2 "$2")" "$3" >/dev/null
  else
    psql_pg -d "$PG_DB" -c "$3" >/dev/null
  fi
}

start_app() { # db phase extra-args...
  local db=$1 phase=$2
  shift 2
  [[ $db == pg ]] && recreate_pg_db "$PG_DB"
  log "starting Tact on $db ($phase)"
  launch_app "$db" "$(db_url "$db" "$phase")" "$WORK/app-$db-$phase.log" 180 \
    --tact.webform.proof-of-work-bits="$POW_BITS" --tact.webform.min-time-to-submit=0s "$@"
  sql "$db" "$phase" "$TOKEN_SQL"
  log "Tact UP after $STARTUP_SECONDS s"
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

{
  echo
  echo "## Public doors under a spike $(date -u '+%Y-%m-%d %H:%M:%S') UTC"
  echo
  echo "- Command: \`bench/public-doors.sh\` (BENCH_CONCURRENCY=$CONCURRENCY BENCH_MAX_REQUESTS=$MAX_REQUESTS BENCH_MAX_SECONDS=$MAX_SECONDS BENCH_POW_BITS=$POW_BITS BENCH_DBS=\"$DBS\")"
  echo "- Commit: $(commit_line)"
  echo "- Machine: $(machine_line); load average (1, 5, 15 min) when the run ended: $(cut -d' ' -f1-3 /proc/loadavg)"
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
