#!/usr/bin/env bash
# Search: N messages (5 per conversation) loaded into a fresh database, then a new node's Lucene index built from the
# tables (goal >= 5,000 messages/s), typical queries with highlights (goal p95 <= 50 ms at 1,000,000 messages), and
# how long a new message takes to be found (goal <= 2 s): woken by this node's commit, and by polling alone (another
# node, poll interval 500 ms). Appends a section to bench/RESULTS.md.
#   bench/search.sh [messages] [h2|postgres]   (postgres: a loopback server, PGHOST/PGPORT/PGUSER as for psql)
set -euo pipefail
cd "$(dirname "$0")/.."
MESSAGES=${1:-1000000}
DATABASE=${2:-h2}
WORK=$(mktemp -d /tmp/tact-bench-search.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
case "$DATABASE" in
  h2) URL="jdbc:h2:file:$WORK/db/tact;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
      DB_LABEL="H2 (file, embedded)" ;;
  postgres)
    PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
    case "$PGHOST" in 127.0.0.1|localhost|::1|/*) ;; *) echo "loopback PostgreSQL only" >&2; exit 2 ;; esac
    export PGHOST PGPORT PGUSER
    DB=tact_bench_search
    psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
    URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB?user=$PGUSER&reWriteBatchedInserts=true"
    DB_LABEL="PostgreSQL $(psql -At -d postgres -c 'SHOW server_version') on loopback" ;;
  *) echo "database: h2 or postgres" >&2; exit 2 ;;
esac
./mvnw -q -B -o test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/temurin-25-jdk-amd64/bin/java 2>/dev/null || command -v java)}
OUT=$(mktemp)
mkdir -p bench/out
"$JAVA" -Xmx3g --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.tact.search.SearchBenchmark "$URL" "$MESSAGES" "$WORK/index" 2>bench/out/search-stderr.log \
  | grep -E '^[a-z0-9_]+=' | tee "$OUT"
if [ "$DATABASE" = postgres ]; then psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB"; fi
value() { grep "^$1=" "$OUT" | cut -d= -f2-; }
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
{
  echo
  echo "## Search $(date -u '+%Y-%m-%d %H:%M:%S') UTC"
  echo
  echo "- Command: \`bench/search.sh $MESSAGES $DATABASE\`"
  echo "- Commit: $(git rev-parse --short HEAD)$(git diff --quiet -- . ':!bench/RESULTS.md' || echo ' (with uncommitted changes)')"
  echo "- Machine: $CPU, $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM; JDK: $("$JAVA" -version 2>&1 | head -1); load average (1, 5, 15 min) when the run ended: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- Database: $DB_LABEL; $(value messages) messages in $(( $(value messages) / 5 )) conversations (5 each, 30 words, skewed over a 5,000-word vocabulary), loaded in $(value load_seconds) s"
  echo "- Queries: $(value query_kinds); $(value queries) timed after 3 warm-up rounds, in process (no HTTP)"
  echo
  echo "| figure | value | goal |"
  echo "|---|---:|---:|"
  echo "| index built from the tables (new node / rebuild), messages/s | $(value index_messages_per_second) | >= 5,000 |"
  echo "| index build, s / index size, MiB | $(value index_seconds) / $(value index_folder_mb) | |"
  echo "| query p50 / p95 / p99 / max, ms | $(value query_p50_ms) / $(value query_p95_ms) / $(value query_p99_ms) / $(value query_max_ms) | p95 <= 50 |"
  echo "| new message found, woken by this node's commit: p50 / max, ms | $(value fresh_woken_p50_ms) / $(value fresh_woken_max_ms) | <= 2,000 |"
  echo "| new message found by polling alone (another node): p50 / max, ms | $(value fresh_polled_p50_ms) / $(value fresh_polled_max_ms) | <= 2,000 |"
} >> bench/RESULTS.md
echo "appended to bench/RESULTS.md"
