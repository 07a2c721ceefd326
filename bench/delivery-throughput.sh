#!/usr/bin/env bash
# Dispatch throughput of the delivery outbox to a local SMTP sink on 127.0.0.1, pacing off: a fresh
# PostgreSQL database (loopback only), N mails queued as campaign steps of 1,000 by a Tact node with
# its dispatchers off, then a node with dispatchers on sends them all to the test-support SmtpSink
# (a minimal SMTP server; GreenMail parses and stores every message and would be the bottleneck).
# Goal: >= 2,000 mails per second. Appends a section to bench/RESULTS.md.
#   bench/delivery-throughput.sh [mails] [threads] [batch]   (PGHOST/PGPORT/PGUSER as for psql)
set -euo pipefail
cd "$(dirname "$0")/.."
MAILS=${1:-20000}
THREADS=${2:-4}
BATCH=${3:-50}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
case "$PGHOST" in 127.0.0.1|localhost|::1|/*) ;; *) echo "loopback PostgreSQL only" >&2; exit 2 ;; esac
DB=tact_bench_delivery
export PGHOST PGPORT PGUSER
psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/temurin-25-jdk-amd64/bin/java 2>/dev/null || command -v java)}
URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB?user=$PGUSER&reWriteBatchedInserts=true"
OUT=$(mktemp)
"$JAVA" -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.tact.delivery.bench.DeliveryThroughputBenchmark "$URL" "$MAILS" "$THREADS" "$BATCH" \
  | grep -E '^(queued_per_second|dispatch_per_second|first_to_last_seconds|start_to_all_recorded_seconds|accepted|distinct_message_ids)=' \
  | tee "$OUT"
psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB"
value() { grep "^$1=" "$OUT" | cut -d= -f2; }
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
{
  echo
  echo "## Delivery throughput $(date -u '+%Y-%m-%d %H:%M:%S') UTC"
  echo
  echo "- Command: \`bench/delivery-throughput.sh $MAILS $THREADS $BATCH\`"
  echo "- Commit: $(git rev-parse --short HEAD)$(git diff --quiet -- . ':!bench/RESULTS.md' || echo ' (with uncommitted changes)')"
  echo "- Machine: $CPU, $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM; JDK: $("$JAVA" -version 2>&1 | head -1); load average (1, 5, 15 min) when the run ended: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- PostgreSQL: $(psql -At -d postgres -c 'SHOW server_version') on loopback; SMTP peer: test-support SmtpSink on 127.0.0.1 (GreenMail would be the bottleneck); pacing off"
  echo "- $MAILS mails (1,000 recipients in 20 domains), $THREADS dispatcher threads, batch $BATCH"
  echo
  echo "| figure | value |"
  echo "|---|---:|"
  echo "| dispatch, mails/s (first to last accepted by the sink) | $(value dispatch_per_second) |"
  echo "| first to last accepted, s | $(value first_to_last_seconds) |"
  echo "| node start to every row recorded SENT, s | $(value start_to_all_recorded_seconds) |"
  echo "| queueing through Outbox.queueAll (policy decision, contact history, outbox row), mails/s | $(value queued_per_second) |"
  echo "| accepted by the sink / distinct Message-IDs | $(value accepted) / $(value distinct_message_ids) |"
} >> bench/RESULTS.md
echo "appended to bench/RESULTS.md"
