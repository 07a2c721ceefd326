#!/usr/bin/env bash
# Export and import (issue 20, part 7): N messages (default 200,000; every inbound one with its raw MIME) generated
# in a fresh PostgreSQL database, then the real commands with a small heap: `java -jar tact.jar export` (goal >=
# 20,000 messages/s), `import` into a second empty database, `export` again, and the two manifests compared.
# Appends a section to bench/RESULTS.md.
#   bench/export.sh [messages] [heap]   (a loopback server, PGHOST/PGPORT/PGUSER as for psql; heap default 256m;
#                                        BENCH_SKIP_BUILD=1 reuses target/tact-0.1.0-SNAPSHOT.jar;
#                                        BENCH_PROFILE=1 records JFR and adds the export's hottest frames;
#                                        BENCH_EXPORT_ONLY=1 skips the import and the second export;
#                                        BENCH_DB_PREFIX names the two databases, default tact_bench_export)
set -euo pipefail
cd "$(dirname "$0")/.."
MESSAGES=${1:-200000}
HEAP=${2:-256m}
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
case "$PGHOST" in 127.0.0.1|localhost|::1|/*) ;; *) echo "loopback PostgreSQL only" >&2; exit 2 ;; esac
export PGHOST PGPORT PGUSER
WORK=$(mktemp -d /tmp/tact-bench-export.XXXXXX)
SOURCE_DB=${BENCH_DB_PREFIX:-tact_bench_export}_source
TARGET_DB=${BENCH_DB_PREFIX:-tact_bench_export}_target
cleanup() {
  rm -rf "$WORK"
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $SOURCE_DB" -c "DROP DATABASE IF EXISTS $TARGET_DB" >/dev/null 2>&1 || true
}
trap cleanup EXIT
psql -q -d postgres -c "DROP DATABASE IF EXISTS $SOURCE_DB" -c "CREATE DATABASE $SOURCE_DB" \
  -c "DROP DATABASE IF EXISTS $TARGET_DB" -c "CREATE DATABASE $TARGET_DB"
SOURCE="jdbc:postgresql://$PGHOST:$PGPORT/$SOURCE_DB?user=$PGUSER"
TARGET="jdbc:postgresql://$PGHOST:$PGPORT/$TARGET_DB?user=$PGUSER&reWriteBatchedInserts=true"
mkdir -p "$WORK/lib" "$WORK/classes" bench/out
if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  # offline, the fat jar's repackaging may lack its plugin's dependencies: then Tact runs from its classes and the
  # dependency jars Maven resolved (the same classes; `java -cp ... dev.tact.TactApplication` instead of `-jar`)
  ./mvnw -q -B -o -DskipTests package >bench/out/export-build.log 2>&1 \
    || ./mvnw -B -o -X test-compile >bench/out/export-build.log 2>&1
fi
# a private copy: others may rebuild target/ while this runs
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/temurin-25-jdk-amd64/bin/java 2>/dev/null || command -v java)}
if unzip -l target/tact-0.1.0-SNAPSHOT.jar 2>/dev/null | grep -q 'BOOT-INF/lib/'; then
  cp target/tact-0.1.0-SNAPSHOT.jar "$WORK/tact.jar"
  unzip -q -o -j "$WORK/tact.jar" 'BOOT-INF/lib/*.jar' -d "$WORK/lib"
  unzip -q -o "$WORK/tact.jar" 'BOOT-INF/classes/*' -d "$WORK/classes"
  TACT=(-jar "$WORK/tact.jar")
else
  [[ -s bench/out/export-build.log ]] && grep -q 'testPath = ' bench/out/export-build.log \
    || ./mvnw -B -o -X test-compile >bench/out/export-build.log 2>&1
  mkdir -p "$WORK/classes/BOOT-INF"
  cp -r target/classes "$WORK/classes/BOOT-INF/classes"
  # the test path's jars (test-only ones too: the archive commands auto-configure nothing but the data source)
  grep -m1 'testPath = ' bench/out/export-build.log | sed -E 's/.*testPath = \[(.*)\]/\1/' | tr ',' '\n' \
    | sed 's/^ //' | grep '\.jar$' | while read -r jar; do cp "$jar" "$WORK/lib/"; done
  TACT=(-cp "$WORK/classes/BOOT-INF/classes:$WORK/lib/*" dev.tact.TactApplication)
fi
cp -r target/test-classes "$WORK/test-classes"
OUT="$WORK/figures"
"$JAVA" -cp "$WORK/test-classes:$WORK/classes/BOOT-INF/classes:$WORK/lib/*" dev.tact.archive.ExportBenchmark \
  "$SOURCE" "$MESSAGES" 2>bench/out/export-generate-stderr.log | grep -E '^[a-z0-9_]+=' | tee "$OUT"
psql -q -d "$SOURCE_DB" -c "VACUUM ANALYZE"

# one timed run of the real command: wall time, the JVM's CPU time (user + system), its own summary line; with
# BENCH_PROFILE=1 also a JFR recording whose hottest frames go to bench/out/export-<name>-profile.txt
timed() {
  local name=$1; shift
  local start end profile=()
  if [[ -n "${BENCH_PROFILE:-}" ]]; then
    profile=("-XX:StartFlightRecording=filename=$WORK/$name.jfr,settings=profile")
  fi
  start=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$WORK/cpu-$name" "$JAVA" -Xmx"$HEAP" "${profile[@]}" "${TACT[@]}" "$@" \
    >"bench/out/export-$name.log" 2>&1
  end=$(date +%s.%N)
  local cpu
  cpu=$(awk '{printf "%.1f", $1 + $2}' "$WORK/cpu-$name")
  echo "${name}_seconds=$(echo "$end - $start" | bc -l | xargs printf '%.1f')" | tee -a "$OUT"
  echo "${name}_jvm_cpu_seconds=$cpu" | tee -a "$OUT"
  echo "${name}_messages_per_second=$(echo "$MESSAGES / ($end - $start)" | bc -l | xargs printf '%.0f')" | tee -a "$OUT"
  echo "${name}_messages_per_jvm_cpu_second=$(echo "$MESSAGES / $cpu" | bc -l | xargs printf '%.0f')" | tee -a "$OUT"
  grep -E '^(Exported|Imported)' "bench/out/export-$name.log" | sed -E 's/.* \(([0-9]+) messages\/s\).*/'"$name"'_command_messages_per_second=\1/' | tee -a "$OUT"
  if [[ -n "${BENCH_PROFILE:-}" ]]; then
    "$(dirname "$JAVA")/jfr" print --events jdk.ExecutionSample "$WORK/$name.jfr" \
      | awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); count[$0]++; total++}
             END {for (f in count) printf "%5.1f%%  %s\n", 100 * count[f] / total, f}' \
      | sort -rn > "bench/out/export-$name-profile.txt" || true
    cp "$WORK/$name.jfr" "bench/out/export-$name.jfr"
  fi
}
timed export export "$WORK/first.zip" "--spring.datasource.url=$SOURCE"
echo "archive_mb=$(du -m "$WORK/first.zip" | cut -f1)" | tee -a "$OUT"
if [[ -z "${BENCH_EXPORT_ONLY:-}" ]]; then
  timed import import "$WORK/first.zip" "--spring.datasource.url=$TARGET"
  timed reexport export "$WORK/second.zip" "--spring.datasource.url=$TARGET"
  if cmp -s <(unzip -p "$WORK/first.zip" manifest.json) <(unzip -p "$WORK/second.zip" manifest.json); then
    echo "manifests_identical=true" | tee -a "$OUT"
  else
    echo "manifests_identical=false" | tee -a "$OUT"
  fi
fi
value() { grep "^$1=" "$OUT" | cut -d= -f2-; }
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
{
  echo
  echo "## Export and import $(date -u '+%Y-%m-%d %H:%M:%S') UTC"
  echo
  echo "- Command: \`${BENCH_EXPORT_ONLY:+BENCH_EXPORT_ONLY=1 }${BENCH_PROFILE:+BENCH_PROFILE=1 }bench/export.sh $MESSAGES $HEAP\`"
  echo "- Commit: $(git rev-parse --short HEAD)$(git diff --quiet -- . ':!bench/RESULTS.md' || echo ' (with uncommitted changes)')"
  echo "- Machine: $CPU, $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM; JDK: $("$JAVA" -version 2>&1 | head -1); load average (1, 5, 15 min) when the run ended: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- Database: PostgreSQL $(psql -At -d postgres -c 'SHOW server_version') on loopback (same cores); $(value messages) messages in $(( $(value messages) / 5 )) conversations, half of them inbound with about 1.5 KB of raw MIME in the inbound log and a parsed mail row; generated in $(value load_seconds) s"
  echo "- Each command is \`java -Xmx$HEAP -jar tact.jar export|import <file> --spring.datasource.url=...\`; \"whole process\" is its wall time (JVM and context start included), \"command\" the rate the command prints (after its context started)"
  echo
  echo "| figure | value | goal |"
  echo "|---|---:|---:|"
  echo "| export, messages/s, whole process (archive written and verified) | $(value export_messages_per_second) | >= 20,000 |"
  echo "| export, JVM CPU s (user + system) / messages per JVM CPU second | $(value export_jvm_cpu_seconds) / $(value export_messages_per_jvm_cpu_second) | |"
  echo "| export, messages/s, command | $(value export_command_messages_per_second) | >= 20,000 |"
  echo "| export, s / archive size, MiB | $(value export_seconds) / $(value archive_mb) | |"
  echo "| import into an empty PostgreSQL database, messages/s, whole process / command | $(value import_messages_per_second) / $(value import_command_messages_per_second) | |"
  echo "| export of the imported database, messages/s, whole process | $(value reexport_messages_per_second) | |"
  echo "| manifest after export → import → export identical | $(value manifests_identical) | true |"
  if [[ -n "${BENCH_PROFILE:-}" ]]; then
    echo
    echo "Hottest frames of the export (JFR execution samples, top frame only, share of samples):"
    echo
    echo '```'
    head -12 bench/out/export-export-profile.txt
    echo '```'
  fi
} >> bench/RESULTS.md
echo "appended to bench/RESULTS.md"
