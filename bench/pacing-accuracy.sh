#!/usr/bin/env bash
# Pacing accuracy (issue 7): one recipient domain limited to 20 sends/s (burst 20) under a backlog, simulated
# time and real time; goal: within ±5 %. Appends a section to bench/RESULTS.md.
#   bench/pacing-accuracy.sh [seconds, default 60]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_RUN=${1:-60}
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/temurin-25-jdk-amd64/bin/java 2>/dev/null || command -v java)}
OUT=$(mktemp)
"$JAVA" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.tact.delivery.pacing.bench.PacingAccuracyBenchmark "$SECONDS_RUN" both | tee "$OUT"
field() { sed -n "s/.*mode=$1 \(.* \)\{0,1\}$2=\([^ ]*\).*/\2/p" "$OUT"; }
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
{
  echo
  echo "## Pacing accuracy $(date -u '+%Y-%m-%d %H:%M:%S') UTC"
  echo
  echo "- Command: \`bench/pacing-accuracy.sh $SECONDS_RUN\`"
  echo "- Commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (with uncommitted changes)')"
  echo "- Machine: $CPU, $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM; JDK: $("$JAVA" -version 2>&1 | head -1)"
  echo "- Setup: DomainPacer, gmail.com at 20/s burst 20, other domains 5/s, global 200/s; 10 senders with an endless"
  echo "  backlog for gmail.com (simulated time also books outlook.com in between); real time = threads wait for their"
  echo "  slot on the wall clock and count the moment they were let go. Goal: 20/s within ±5 %."
  echo
  echo "| Time | Seconds | Sends | Rate /s (whole run) | Deviation | Rate /s after the first second | Deviation | 1st second | Min/max per later second |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
  for mode in simulated real; do
    echo "| $mode | $(field $mode seconds) | $(field $mode sends) | $(field $mode rate) | $(field $mode deviation_pct) % |" \
      "$(field $mode steady_rate) | $(field $mode steady_deviation_pct) % | $(field $mode first_second) |" \
      "$(field $mode min_second)/$(field $mode max_second) |"
  done
  echo
  echo "The whole-run rate includes the burst of 20 allowed at once at the start (20 + 20 × 60 − 1 = 1,219 sends in 60 s = +1.6 %)."
} >> bench/RESULTS.md
