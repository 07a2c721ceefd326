#!/usr/bin/env bash
# Several nodes (issue 20, part 6): three Tact nodes on one PostgreSQL behind HAProxy (round robin, health checks on
# readiness, retries with redispatch), their mail pointed at an SMTP sink that counts (bench/CountingSmtpSink.java),
# an SLA policy on (first response in 1 minute, warning at 10 %) so that every new conversation schedules two durable
# timers. Three runs in one go:
#   1. one node, wrk straight at it: accepted messages/s, then how fast the pipeline drains the backlog;
#   2. three nodes behind HAProxy (the first node warm, the two others started now): the same;
#   3. kill -9: bench/OpenLoad.java offers BENCH_KILL_RATE/s through HAProxy for BENCH_KILL_SECONDS and records every
#      acknowledged (202) id, while agent replies are posted through HAProxy to the conversations being filed; the
#      second node is killed (SIGKILL) at BENCH_KILL_AT s and started again after the burst (BENCH_RESTART=0: not).
# Then it checks: every acknowledged id in the intake log once and filed once; every SLA timer that came due fired
# once (a warning or a breach recorded at most once per conversation, none due left unfired); every acknowledged
# reply received by the sink exactly once (no mail lost, none sent twice). Appends a section to bench/RESULTS.md.
#
#   bench/nodes.sh                                   # about 10 minutes on 2 cores
#   BENCH_SECONDS=5 BENCH_KILL_SECONDS=10 BENCH_KILL_RATE=100 bench/nodes.sh   # a short try
# Env: BENCH_SECONDS (15, each measured wrk run), BENCH_WARM_SECONDS (5), BENCH_CONCURRENCY (64),
#      BENCH_KILL_RATE (300), BENCH_KILL_SECONDS (20), BENCH_KILL_AT (BENCH_KILL_SECONDS / 2), BENCH_RESTART (1),
#      BENCH_REPLIES (400, most replies posted), BENCH_HEAP (-Xmx of each node; 512m), BENCH_POOL_SIZE (8, each node's
#      database pool), BENCH_DRAIN_SECONDS (600),
#      BENCH_SETTLE_SECONDS (300, most waited for timers and mail), BENCH_PORT (18100: HAProxy; nodes on +1..+3,
#      HAProxy's stats on +50; the SMTP sink on a free port), BENCH_STARTUP_SECONDS (600), BENCH_SKIP_BUILD, BENCH_JAR,
#      BENCH_APP_ARGS (more settings for every node), BENCH_PG_HOST/PORT/USER (loopback only).
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_TAG=nodes
PORT=${BENCH_PORT:-18100}
# shellcheck source=bench/lib.sh
source bench/lib.sh
RUN_SECONDS=${BENCH_SECONDS:-15}
WARM_SECONDS=${BENCH_WARM_SECONDS:-5}
C=${BENCH_CONCURRENCY:-64}
KILL_RATE=${BENCH_KILL_RATE:-300}
KILL_SECONDS=${BENCH_KILL_SECONDS:-20}
KILL_AT=${BENCH_KILL_AT:-$((KILL_SECONDS / 2))}
RESTART=${BENCH_RESTART:-1}
MAX_REPLIES=${BENCH_REPLIES:-400}
HEAP=${BENCH_HEAP:-512m}
# each node's database pool: three of the default 20 (plus the chat's LISTEN connection each) took 63 of this shared
# PostgreSQL's 100 connections, and other clients were refused ("too many clients") in a first run
POOL=${BENCH_POOL_SIZE:-8}
DRAIN_SECONDS=${BENCH_DRAIN_SECONDS:-600}
SETTLE_SECONDS=${BENCH_SETTLE_SECONDS:-300}
STATS_PORT=$((PORT + 50))
PG_DB=tact_bench_nodes
RESULTS=bench/RESULTS.md
START=$(date +%s)
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install -y wrk)" >&2; exit 2; }
if [[ ! -x /usr/sbin/haproxy ]]; then
  log "installing HAProxy (Debian package)"
  apt-get install -y haproxy >/dev/null
fi
HAPROXY=/usr/sbin/haproxy
declare -A NODE_PID
HAPROXY_PID=""
SINK_PID=""
REPLY_PID=""
bench_extra_cleanup() {
  local pid
  for pid in "$REPLY_PID" "${NODE_PID[@]}" "$HAPROXY_PID" "$SINK_PID"; do
    [[ -n "$pid" ]] && kill "$pid" 2>/dev/null
  done
  for pid in "${NODE_PID[@]}" "$HAPROXY_PID" "$SINK_PID"; do
    [[ -n "$pid" ]] && wait "$pid" 2>/dev/null
  done
  psql_pg -d postgres -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1
  return 0
}

build_jar
admin_token nodes
[[ -d target/test-classes/dev/tact/testsupport ]] || ./mvnw -q -o test-compile # the sink is the tests' SmtpSink
mkdir -p "$WORK/gen" && "$(dirname "$JAVA")/javac" -d "$WORK/gen" bench/OpenLoad.java
"$(dirname "$JAVA")/javac" -cp target/test-classes -d "$WORK/gen" bench/CountingSmtpSink.java
recreate_pg_db "$PG_DB"
URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB?reWriteBatchedInserts=true"
sql() { psql_pg -d "$PG_DB" -c "$1"; }
# every node of one installation shares the key (README, "Receiving email")
SECRET_KEY=$(head -c 32 /dev/urandom | base64)
"$JAVA" -cp "$WORK/gen:target/test-classes" CountingSmtpSink "$WORK/sink.txt" >"$WORK/sink.log" 2>&1 &
SINK_PID=$!
until grep -q '^SINK port=' "$WORK/sink.log"; do kill -0 "$SINK_PID" || { log "the SMTP sink did not start"; exit 1; }; sleep 0.2; done
SMTP_PORT=$(sed -n 's/^SINK port=//p' "$WORK/sink.log")
read -r -a EXTRA <<<"${BENCH_APP_ARGS:-}"
# noise limits raised: the generators' senders are few domains, and held mail would file nothing; pacing split
# over the three sending nodes; a short delivery lease, so that the mail a killed node was sending is sent again
# within the run (the default is 2 minutes)
APP_ARGS=(--tact.noise.per-sender=1000000 --tact.noise.per-domain=1000000
  --tact.delivery.smtp.host=127.0.0.1 --tact.delivery.smtp.port="$SMTP_PORT" --tact.delivery.smtp.security=NONE
  --tact.delivery.from-address=support@nodes.bench.example --tact.delivery.pacing.nodes=3
  --tact.delivery.lease=PT20S "${EXTRA[@]}")
TICK_MS=$((1000 / $(getconf CLK_TCK)))
cpu_ms() { # pids... -> their user + system CPU time in ms (0 for a pid gone)
  local total=0 pid
  for pid in "$@"; do
    [[ -r /proc/$pid/stat ]] && total=$((total + $(awk -v t="$TICK_MS" '{ print ($14 + $15) * t }' "/proc/$pid/stat")))
  done
  echo "$total"
}
# the JVM's pid: the launcher subshell execs it
launch_node() { # n -> NODE_PID[n]; does not wait
  local n=$1
  mkdir -p "$WORK/node$n"
  # shellcheck disable=SC2086
  (cd "$WORK/node$n" && exec env PORT=$((PORT + n)) TACT_DB_URL="$URL" TACT_DB_USER="$PG_USER" \
    TACT_DB_POOL_SIZE="$POOL" TACT_SECRET_KEY="$SECRET_KEY" "$JAVA" -Xmx"$HEAP" ${BENCH_JAVA_OPTS:-} -jar "$WORK/tact.jar" \
    --server.address=127.0.0.1 --tact.demo.enabled=false --tact.delivery.node-id="node$n" "${APP_ARGS[@]}" \
    >>"$WORK/app-node$n.log" 2>&1) &
  NODE_PID[$n]=$!
}
wait_up() { # n: until the node answers UP
  local n=$1 t0=$SECONDS
  until curl -fsS "http://127.0.0.1:$((PORT + n))/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "${NODE_PID[$n]}" 2>/dev/null || { log "node $n exited during startup"; return 1; }
    (( SECONDS - t0 > ${BENCH_STARTUP_SECONDS:-600} )) && { log "node $n not UP in time"; return 1; }
    sleep 0.5
  done
  log "node $n UP after $((SECONDS - t0)) s"
}
node_pids() { local n; for n in 1 2 3; do [[ -n "${NODE_PID[$n]:-}" ]] && echo "${NODE_PID[$n]}"; done; }

# HAProxy: round robin over the three, health-checked every second on readiness (2 failures: down, 2 successes: up
# again). Not /actuator/health: it asks the database through the node's pool, which under a burst answers in seconds,
# and HAProxy then takes every node out at once (all 503; seen in a first try of this script). A connection a dead
# node refuses is retried on another (redispatch). Only connection failures are retried (the default retry-on): a
# request a node took and then died on is answered 502/503 and not acknowledged, never sent twice by the proxy.
cat >"$WORK/haproxy.cfg" <<EOF
global
  maxconn 4096
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout queue 10s
  retries 3
  option redispatch 1
frontend tact
  bind 127.0.0.1:$PORT
  default_backend nodes
backend nodes
  balance roundrobin
  option httpchk GET /actuator/health/readiness
  timeout check 3s
  http-check expect status 200
  default-server inter 1s fastinter 500ms downinter 1s fall 2 rise 2
  server node1 127.0.0.1:$((PORT + 1)) check
  server node2 127.0.0.1:$((PORT + 2)) check
  server node3 127.0.0.1:$((PORT + 3)) check
frontend stats
  bind 127.0.0.1:$STATS_PORT
  stats enable
  stats uri /stats
EOF
"$HAPROXY" -c -q -f "$WORK/haproxy.cfg"
"$HAPROXY" -db -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 &
HAPROXY_PID=$!
proxied() { # node -> requests HAProxy has sent to it so far (its stats' stot)
  curl -fsS "http://127.0.0.1:$STATS_PORT/stats;csv" | awk -F, -v s="node$1" '$1 == "nodes" && $2 == s { print $8 }'
}

pending() { sql "SELECT COUNT(*) FROM intake_item WHERE state = 'PENDING'"; }
settled_items() { sql "SELECT COUNT(*) FROM intake_item WHERE state <> 'PENDING'"; }
drain() { # -> "seconds items" until nothing is pending (seconds "-" if not within DRAIN_SECONDS)
  local t0=$SECONDS before
  before=$(settled_items)
  until [[ "$(pending)" == 0 ]]; do
    (( SECONDS - t0 > DRAIN_SECONDS )) && { echo "- $(( $(settled_items) - before ))"; return; }
    sleep 1
  done
  echo "$((SECONDS - t0)) $(( $(settled_items) - before ))"
}
timers_settled() { # no timer left that is due, none parked
  [[ "$(sql "SELECT COUNT(*) FROM timer_entry WHERE due_at < CURRENT_TIMESTAMP OR state = 'PARKED'")" == 0 ]]
}
settle_timers() { # waits until the timers that came due have fired (or SETTLE_SECONDS) -> seconds waited
  local t0=$SECONDS
  until timers_settled; do (( SECONDS - t0 > SETTLE_SECONDS )) && break; sleep 1; done
  echo "$((SECONDS - t0))"
}
wrk_run() { # target label seconds -> "messages seconds statuses"
  local out line messages secs
  out=$(wrk -t2 -c"$C" -d"${3}s" --timeout 30s -s bench/intake-load.lua "$1" -- "$SECRET" single 1 "$2-$START")
  line=$(grep '^INTAKE ' <<<"$out")
  messages=$(sed -E 's/.*messages=([0-9]+).*/\1/' <<<"$line")
  secs=$(sed -nE 's/.* requests in ([0-9.]+)(m?s),.*/\1 \2/p' <<<"$out" | awk '{ print ($2 == "ms") ? $1 / 1000 : $1 }')
  echo "$messages $secs $(sed -E 's/^INTAKE requests=[0-9]+ messages=[0-9]+ *//; s/ /,/g' <<<"$line")"
}

declare -A ROW
LOADS=()
measure() { # name target: warm-up, measured run, drain, timers -> ROW[name,...]
  local name=$1 target=$2 cpu0 cpu1 hap0 hap1 result drained
  wrk_run "$target" "$name-warm" "$WARM_SECONDS" >/dev/null
  cpu0=$(cpu_ms $(node_pids)); hap0=$(cpu_ms "$HAPROXY_PID")
  result=$(wrk_run "$target" "$name" "$RUN_SECONDS")
  cpu1=$(cpu_ms $(node_pids)); hap1=$(cpu_ms "$HAPROXY_PID")
  LOADS+=("$(cut -d' ' -f1 /proc/loadavg)")
  read -r messages secs statuses <<<"$result"
  ROW[$name,accepted]=$(awk -v m="$messages" -v s="$secs" 'BEGIN { printf "%.0f", m / s }')
  ROW[$name,statuses]=$statuses
  ROW[$name,cpu]=$(awk -v c="$((cpu1 - cpu0))" -v n="$messages" 'BEGIN { if (n > 0) printf "%.2f", c / n; else print "n/a" }')
  ROW[$name,haproxy]=$(awk -v c="$((hap1 - hap0))" -v n="$messages" 'BEGIN { if (n > 0) printf "%.3f", c / n; else print "n/a" }')
  ROW[$name,backlog]=$(pending)
  log "$name: ${ROW[$name,accepted]} accepted/s ($statuses), backlog ${ROW[$name,backlog]}; draining"
  drained=$(drain)
  read -r secs items <<<"$drained"
  ROW[$name,drain]=$secs
  ROW[$name,filed]=$(awk -v n="$items" -v s="$secs" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "n/a" }')
  ROW[$name,timers]=$(settle_timers)
  LOADS+=("$(cut -d' ' -f1 /proc/loadavg)")
  log "$name: drained ${ROW[$name,backlog]} in $secs s (${ROW[$name,filed]} items/s); timers settled ${ROW[$name,timers]} s later"
}

# 1. one node
log "starting node 1"
launch_node 1
wait_up 1
sql "$TOKEN_SQL"
POLICY=$(curl -fsS -X POST -H "Authorization: Bearer $SECRET" -H 'Content-Type: application/json' \
  --data '{"name":"nodes bench","firstResponseMinutes":1,"warnAtPercent":10}' \
  "http://127.0.0.1:$((PORT + 1))/api/v1/admin/sla/policies")
log "SLA policy: $POLICY"
measure one "http://127.0.0.1:$((PORT + 1))"

# 2. three nodes behind HAProxy
log "starting nodes 2 and 3"
launch_node 2
launch_node 3
wait_up 2
wait_up 3
sleep 3 # HAProxy sees them up after two checks a second apart
P0=("$(proxied 1)" "$(proxied 2)" "$(proxied 3)")
measure three "$BASE"
P1=("$(proxied 1)" "$(proxied 2)" "$(proxied 3)")
ROW[three,split]="$((P1[0] - P0[0])) / $((P1[1] - P0[1])) / $((P1[2] - P0[2]))"

# 3. kill -9 of node 2 mid-burst, with replies being sent
reply_loop() { # replies to conversations that have none yet, through HAProxy, until told to stop
  local posted=0 numbers number out code
  while [[ ! -f "$WORK/stop-replies" ]] && (( posted < MAX_REPLIES )); do
    numbers=$(sql "SELECT c.number FROM conv_conversation c WHERE NOT EXISTS (SELECT 1 FROM conv_message m
      WHERE m.conversation_id = c.id AND m.direction = 'OUTBOUND') ORDER BY c.number DESC LIMIT 10" || true)
    for number in $numbers; do
      out=$(curl -s -m 30 -w '\n%{http_code}' -X POST -H "Authorization: Bearer $SECRET" \
        -H 'Content-Type: application/json' --data "{\"text\":\"Thank you for writing: we are on it ($number).\"}" \
        "$BASE/api/v1/conversations/$number/replies" || true)
      code=$(tail -n 1 <<<"$out")
      echo "$code" >>"$WORK/reply-statuses"
      [[ $code == 201 ]] && sed -nE '1s/^\{"id":"([^"]+)".*/\1/p' <<<"$out" >>"$WORK/replies.ids"
      posted=$((posted + 1))
    done
    [[ -z "$numbers" ]] && sleep 0.2
  done
}
: >"$WORK/replies.ids"
: >"$WORK/reply-statuses"
log "kill -9: $KILL_RATE/s for $KILL_SECONDS s through HAProxy, node 2 killed at $KILL_AT s; replies posted meanwhile"
P0=("$(proxied 1)" "$(proxied 2)" "$(proxied 3)")
"$JAVA" -cp "$WORK/gen" OpenLoad --url "$BASE/api/v1/messages" --token "$SECRET" --rate "$KILL_RATE" \
  --seconds "$KILL_SECONDS" --connections "$C" --label kill --acknowledged "$WORK/kill.ids" >"$WORK/kill.out" 2>&1 &
GEN_PID=$!
reply_loop &
REPLY_PID=$!
sleep "$KILL_AT"
kill -9 "${NODE_PID[2]}"
wait "${NODE_PID[2]}" 2>/dev/null || true
NODE_PID[2]=""
# the mails node 2 was sending when it died: still SENDING under its lease (20 s); another node sends them again with
# the same Message-ID, and whether the sink had already taken them before the kill nobody can know (SMTP has no
# idempotency: a relay's 250 may be lost with the process)
sql "SELECT header_message_id FROM delivery_outbox WHERE state = 'SENDING' AND claimed_by = 'node2'" >"$WORK/inflight.txt"
PENDING_AT_KILL=$(pending)
log "node 2 killed ($PENDING_AT_KILL items pending, $(wc -l <"$WORK/inflight.txt") mails it was sending)"
wait "$GEN_PID"
touch "$WORK/stop-replies"
wait "$REPLY_PID" || true
REPLY_PID=""
LOADS+=("$(cut -d' ' -f1 /proc/loadavg)")
KILL_LINE=$(grep '^OPENLOAD ' "$WORK/kill.out")
log "$KILL_LINE"
P1=("$(proxied 1)" "$(proxied 2)" "$(proxied 3)")
ROW[kill,split]="$((P1[0] - P0[0])) / $((P1[1] - P0[1])) / $((P1[2] - P0[2]))"
RESTARTED="not restarted"
if [[ $RESTART == 1 ]]; then
  T0=$SECONDS
  launch_node 2
  wait_up 2
  RESTARTED="restarted after the burst (UP in $((SECONDS - T0)) s)"
fi
read -r KILL_DRAIN KILL_ITEMS <<<"$(drain)"
KILL_TIMERS=$(settle_timers)
mail_settled() { [[ "$(sql "SELECT COUNT(*) FROM delivery_outbox WHERE state IN ('QUEUED', 'SENDING', 'DEFERRED')")" == 0 ]]; }
T0=$SECONDS
until mail_settled; do (( SECONDS - T0 > SETTLE_SECONDS )) && break; sleep 1; done
MAIL_WAIT=$((SECONDS - T0))
LOADS+=("$(cut -d' ' -f1 /proc/loadavg)")

# Checks (the sink writes what it received when it stops)
kill "$SINK_PID"
wait "$SINK_PID" 2>/dev/null || true
SINK_PID=""
psql_pg -d "$PG_DB" -c "CREATE TABLE bench_acked (id TEXT)" -c "\\copy bench_acked FROM '$WORK/kill.ids'" \
  -c "CREATE TABLE bench_reply (id UUID)" -c "\\copy bench_reply FROM '$WORK/replies.ids'" \
  -c "CREATE TABLE bench_received (header TEXT, recipients TEXT)" \
  -c "\\copy bench_received FROM '$WORK/sink.txt'" \
  -c "CREATE TABLE bench_inflight (header TEXT)" -c "\\copy bench_inflight FROM '$WORK/inflight.txt'" >/dev/null
# filed: in a conversation (DONE: a message, or a copy joined to one as a linked report), held (SUPPRESSED) or known
# (DUPLICATE)
INTAKE_CHECK=$(sql "WITH c AS (SELECT a.id, COUNT(i.external_id) AS n,
      COUNT(*) FILTER (WHERE i.state IN ('SUPPRESSED', 'DUPLICATE') OR i.state = 'DONE'
                       AND i.conversation_id IS NOT NULL) AS filed
    FROM bench_acked a LEFT JOIN intake_item i ON i.external_id = a.id GROUP BY a.id)
  SELECT COUNT(*), COUNT(*) FILTER (WHERE n = 0), COUNT(*) FILTER (WHERE n > 1), COUNT(*) FILTER (WHERE filed <> 1)
  FROM c")
IFS='|' read -r ACKED MISSING REPEATED UNFILED <<<"$INTAKE_CHECK"
# timers: each conversation's warning and breach recorded at most once; a clock that came due was breached once; one
# that reached its warning was warned (or breached first); nothing due left in timer_entry
TIMER_CHECK=$(sql "SELECT
    (SELECT COUNT(*) FROM conv_event WHERE kind = 'SLA_WARNING'),
    (SELECT COUNT(*) FROM conv_event WHERE kind = 'SLA_BREACHED'),
    (SELECT COUNT(*) FROM (SELECT 1 FROM conv_event WHERE kind IN ('SLA_WARNING', 'SLA_BREACHED')
       GROUP BY conversation_id, kind HAVING COUNT(*) > 1) twice),
    (SELECT COUNT(*) FROM sla_clock c WHERE c.due_at < CURRENT_TIMESTAMP - INTERVAL '5 seconds'
       AND c.stopped_at IS NULL AND c.breached_at IS NULL),
    (SELECT COUNT(*) FROM sla_clock c WHERE c.breached_at IS NOT NULL AND (SELECT COUNT(*) FROM conv_event e
       WHERE e.conversation_id = c.conversation_id AND e.kind = 'SLA_BREACHED') <> 1),
    (SELECT COUNT(*) FROM sla_clock c WHERE c.warned_at IS NOT NULL AND (SELECT COUNT(*) FROM conv_event e
       WHERE e.conversation_id = c.conversation_id AND e.kind = 'SLA_WARNING') <> 1),
    (SELECT COUNT(*) FROM timer_entry WHERE due_at < CURRENT_TIMESTAMP OR state = 'PARKED')")
IFS='|' read -r WARNINGS BREACHES TIMER_TWICE UNBREACHED BREACH_MISMATCH WARN_MISMATCH TIMERS_LEFT <<<"$TIMER_CHECK"
# mail: every acknowledged reply's outbox row sent, and the sink received its Message-ID exactly once
MAIL_CHECK=$(sql "WITH r AS (SELECT b.id, o.state, o.header_message_id,
      (SELECT COUNT(*) FROM bench_received s WHERE s.header = o.header_message_id) AS received
    FROM bench_reply b LEFT JOIN delivery_outbox o ON o.message_id = b.id)
  SELECT COUNT(*), COUNT(*) FILTER (WHERE received = 0),
    COUNT(*) FILTER (WHERE received > 1 AND header_message_id NOT IN (SELECT header FROM bench_inflight)),
    COUNT(*) FILTER (WHERE state IS DISTINCT FROM 'SENT'),
    (SELECT COUNT(*) FROM bench_received),
    (SELECT COUNT(*) FROM (SELECT header FROM bench_received GROUP BY header HAVING COUNT(*) > 1) twice
       WHERE header NOT IN (SELECT header FROM bench_inflight)),
    (SELECT COUNT(*) FROM (SELECT header FROM bench_received GROUP BY header HAVING COUNT(*) > 1) twice
       WHERE header IN (SELECT header FROM bench_inflight)),
    (SELECT COUNT(*) FROM bench_inflight),
    (SELECT COUNT(*) FROM bench_received s WHERE NOT EXISTS (SELECT 1 FROM delivery_outbox o
       WHERE o.header_message_id = s.header)),
    (SELECT COUNT(*) FROM delivery_outbox WHERE state = 'SENT')
  FROM r")
IFS='|' read -r REPLIES MAIL_LOST MAIL_TWICE MAIL_UNSENT RECEIVED RECEIVED_TWICE INFLIGHT_TWICE INFLIGHT RECEIVED_UNKNOWN \
  OUTBOX_SENT <<<"$MAIL_CHECK"
REPLY_STATUSES=$(sort "$WORK/reply-statuses" | uniq -c | awk '{ printf "%s%s=%s", (NR > 1 ? "," : ""), $2, $1 }')
ERRORS=$(cat "$WORK"/app-node*.log | grep -cE ' ERROR ' || true)
# what the ERROR lines say, most frequent first (logger and message, without time, thread and ids); the logs are kept
ERROR_KINDS=$(cat "$WORK"/app-node*.log | grep -E ' ERROR ' | sed -E 's/^[^ ]+ +ERROR [0-9]+ --- \[[^]]*\] \[[^]]*\] //; s/[0-9a-f]{8}-[0-9a-f-]{27}/<id>/g; s/[0-9]+/<n>/g' \
  | cut -c1-160 | sort | uniq -c | sort -rn | head -5 || true)
if (( ERRORS > 0 )); then
  KEPT_LOGS="/tmp/tact-nodes-logs-$(date -u +%Y%m%dT%H%M%S)"
  mkdir -p "$KEPT_LOGS" && cp "$WORK"/app-node*.log "$KEPT_LOGS"/
  log "$ERRORS ERROR lines; the nodes' logs are kept in $KEPT_LOGS; most frequent:"
  printf '%s\n' "$ERROR_KINDS" >&2
fi
log "intake: $ACKED acknowledged, $MISSING missing, $REPEATED repeated, $UNFILED not filed once"
log "timers: $WARNINGS warnings, $BREACHES breaches, $TIMER_TWICE recorded twice, $UNBREACHED due and not breached, $TIMERS_LEFT due left"
log "mail: $REPLIES replies acknowledged, $MAIL_LOST not received, $MAIL_TWICE received twice, $RECEIVED received in all ($RECEIVED_TWICE Message-IDs twice, $INFLIGHT_TWICE of $INFLIGHT in flight at the kill twice, $RECEIVED_UNKNOWN unknown)"
field() { sed -E "s/.* $1=([^ ]+).*/\\1/" <<<" $2"; }
VERDICT=PASS
(( MISSING + REPEATED + UNFILED + TIMER_TWICE + UNBREACHED + BREACH_MISMATCH + WARN_MISMATCH + TIMERS_LEFT \
  + MAIL_LOST + MAIL_TWICE + MAIL_UNSENT + RECEIVED_TWICE + RECEIVED_UNKNOWN > 0 )) && VERDICT=FAIL
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

{
  echo
  echo "## Several nodes: one vs three behind HAProxy, kill -9 of one $(date -u '+%Y-%m-%d %H:%M:%S') UTC"
  echo
  echo "- Command: \`BENCH_SECONDS=$RUN_SECONDS BENCH_WARM_SECONDS=$WARM_SECONDS BENCH_CONCURRENCY=$C BENCH_KILL_RATE=$KILL_RATE BENCH_KILL_SECONDS=$KILL_SECONDS BENCH_KILL_AT=$KILL_AT BENCH_RESTART=$RESTART BENCH_HEAP=$HEAP BENCH_POOL_SIZE=$POOL${BENCH_APP_ARGS:+ BENCH_APP_ARGS=\"$BENCH_APP_ARGS\"} bench/nodes.sh\`"
  echo "- Commit: $(commit_line)"
  echo "- Machine: $(machine_line); $("$HAPROXY" -v | head -1 | cut -d' ' -f1-3); database: $(psql_pg -d postgres -c "SELECT 'PostgreSQL ' || current_setting('server_version')"); nodes (-Xmx$HEAP, a pool of $POOL database connections each), HAProxy, wrk, the SMTP sink and PostgreSQL all share the cores"
  echo "- Load average (1 min) after each step: ${LOADS[*]}; when it ended: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- HAProxy: round robin, readiness checked every second (down after 2 failures), retries 3 with redispatch on connection failures"
  echo "- Setup: an SLA policy (first response 1 minute, warning at 10 %) on every conversation, so each schedules a warning and a breach timer; noise limits per sender and domain raised (the generators' senders share domains); delivery pacing split over 3 nodes, lease 20 s"
  echo
  echo "| Run | Accepted messages/s (wrk c=$C, ${RUN_SECONDS} s, pipeline on) | Statuses | Node CPU ms a message (all nodes) | HAProxy CPU ms a message | Backlog at the end | Drained in | Pipeline items/s while draining | Timers settled after the drain | Requests per node |"
  echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---|"
  echo "| one node, straight | ${ROW[one,accepted]} | ${ROW[one,statuses]} | ${ROW[one,cpu]} | - | ${ROW[one,backlog]} | ${ROW[one,drain]} s | ${ROW[one,filed]} | ${ROW[one,timers]} s | - |"
  echo "| three nodes behind HAProxy | ${ROW[three,accepted]} | ${ROW[three,statuses]} | ${ROW[three,cpu]} | ${ROW[three,haproxy]} | ${ROW[three,backlog]} | ${ROW[three,drain]} s | ${ROW[three,filed]} | ${ROW[three,timers]} s | ${ROW[three,split]} |"
  echo "| three / one | $(ratio "${ROW[three,accepted]}" "${ROW[one,accepted]}") | | | | | | $(ratio "${ROW[three,filed]}" "${ROW[one,filed]}") | | |"
  echo
  echo "- kill -9: bench/OpenLoad.java offered $KILL_RATE/s for $KILL_SECONDS s through HAProxy over $C connections; node 2 SIGKILLed at $KILL_AT s ($PENDING_AT_KILL intake items pending just after, $INFLIGHT mails it was sending), $RESTARTED; offered $(field offered "$KILL_LINE"), 202 $(field s202 "$KILL_LINE"), 429 $(field s429 "$KILL_LINE"), other $(field other "$KILL_LINE"), unanswered $(field unanswered "$KILL_LINE") (statuses $(field statuses "$KILL_LINE")); p99 $(field p99_ms "$KILL_LINE") ms; requests per node ${ROW[kill,split]}; backlog drained in $KILL_DRAIN s, timers settled $KILL_TIMERS s later, mail $MAIL_WAIT s after that"
  echo "- Intake: $ACKED acknowledged ids; missing $MISSING, in the log more than once $REPEATED, not filed exactly once $UNFILED"
  echo "- Timers (whole run): $WARNINGS warnings and $BREACHES breaches fired; recorded twice for a conversation $TIMER_TWICE; clocks due and not breached $UNBREACHED; clocks breached/warned without exactly one history entry $BREACH_MISMATCH/$WARN_MISMATCH; timers due or parked left $TIMERS_LEFT"
  echo "- Mail: $REPLIES agent replies acknowledged (201) during the burst (reply statuses: $REPLY_STATUSES); not received by the sink $MAIL_LOST, received more than once (not in flight at the kill) $MAIL_TWICE, outbox row not SENT $MAIL_UNSENT; the sink received $RECEIVED mails in all ($OUTBOX_SENT outbox rows SENT), Message-IDs received more than once: $RECEIVED_TWICE not in flight at the kill, $INFLIGHT_TWICE of the $INFLIGHT node 2 was sending when it died (sent again by another node with the same Message-ID, as the README says); unknown to the outbox $RECEIVED_UNKNOWN"
  echo "- Verdict: $VERDICT; app log ERROR lines: $ERRORS"
  if (( ERRORS > 0 )); then
    echo "- The most frequent ERROR lines (count, logger: message; numbers and ids masked):"
    while read -r line; do [[ -n "$line" ]] && echo "  - \`$line\`"; done <<<"$ERROR_KINDS"
  fi
  echo "- Whole script took $(( $(date +%s) - START )) s"
} >>"$RESULTS"
log "done in $(( $(date +%s) - START )) s: $VERDICT"
tail -n 15 "$RESULTS" >&2
[[ $VERDICT == PASS ]]
