#!/usr/bin/env bash
# Export and import (issue 20, part 7): N messages (default 200,000; every inbound one with its raw MIME) generated
# in a fresh PostgreSQL database, then the real commands in one JVM with a small heap: export (goal >= 20,000
# messages/s), import into a second empty database, export again and compare the manifests.
# Appends a section to bench/RESULTS.md.
#   bench/export.sh [messages] [heap]   (a loopback server, PGHOST/PGPORT/PGUSER as for psql; heap default 256m)
set -euo pipefail
cd "$(dirname "$0")/.."
MESSAGES=${1:-200000}
HEAP=${2:-256m}
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
case "$PGHOST" in 127.0.0.1|localhost|::1|/*) ;; *) echo "loopback PostgreSQL only" >&2; exit 2 ;; esac
export PGHOST PGPORT PGUSER
WORK=$(mktemp -d /tmp/tact-bench-export.XXXXXX)
SOURCE_DB=tact_bench_export_source
TARGET_DB=tact_bench_export_target
cleanup() { rm -rf "$WORK"; psql -q -d postgres -c "DROP DATABASE IF EXISTS $SOURCE_DB" -c "DROP DATABASE IF EXISTS $TARGET_DB" >/dev/null 2>&1 || true; }
trap cleanup EXIT
psql -q -d postgres -c "DROP DATABASE IF EXISTS $SOURCE_DB" -c "CREATE DATABASE $SOURCE_DB" \
  -c "DROP DATABASE IF EXISTS $TARGET_DB" -c "CREATE DATABASE $TARGET_DB"
SOURCE="jdbc:postgresql://$PGHOST:$PGPORT/$SOURCE_DB?user=$PGUSER"
TARGET="jdbc:postgresql://$PGHOST:$PGPORT/$TARGET_DB?user=$PGUSER&reWriteBatchedInserts=true"
./mvnw -q -B -o test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/temurin-25-jdk-amd64/bin/java 2>/dev/null || command -v java)}
OUT=$(mktemp)
mkdir -p bench/out
"$JAVA" -Xmx"$HEAP" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.tact.archive.ExportBenchmark "$SOURCE" "$TARGET" "$MESSAGES" "$WORK" 2>bench/out/export-stderr.log \
  | tee bench/out/export-stdout.log | grep -E '^[a-z0-9_]+=' | tee "$OUT"
value() { grep "^$1=" "$OUT" | cut -d= -f2-; }
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
{
  echo
  echo "## Export and import $(date -u '+%Y-%m-%d %H:%M:%S') UTC"
  echo
  echo "- Command: \`bench/export.sh $MESSAGES $HEAP\`"
  echo "- Commit: $(git rev-parse --short HEAD)$(git diff --quiet -- . ':!bench/RESULTS.md' || echo ' (with uncommitted changes)')"
  echo "- Machine: $CPU, $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM; JDK: $("$JAVA" -version 2>&1 | head -1); load average (1, 5, 15 min) when the run ended: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- Database: PostgreSQL $(psql -At -d postgres -c 'SHOW server_version') on loopback; $(value messages) messages in $(( $(value messages) / 5 )) conversations, half of them inbound with raw MIME (about 1.5 KB) in the inbound log and a parsed mail row; generated in $(value load_seconds) s"
  echo "- The commands ran in one JVM with -Xmx$HEAP (max heap seen by the JVM: $(value max_heap_mb) MiB); times include each command's own application context start"
  echo
  echo "| figure | value | goal |"
  echo "|---|---:|---:|"
  echo "| export, messages/s (whole archive written and verified) | $(value export_messages_per_second) | >= 20,000 |"
  echo "| export, s / archive size, MiB | $(value export_seconds) / $(value archive_mb) | |"
  echo "| import into an empty PostgreSQL database, messages/s | $(value import_messages_per_second) | |"
  echo "| import, s | $(value import_seconds) | |"
  echo "| manifest after export → import → export identical | $(value manifests_identical) | true |"
} >> bench/RESULTS.md
echo "appended to bench/RESULTS.md"
