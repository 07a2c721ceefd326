#!/usr/bin/env bash
# JMH micro-benchmarks of Tact (bench/jmh): builds them, runs them single-threaded in one fork, and appends a
# dated section with the figures to bench/RESULTS.md. Usage: bench/jmh.sh [benchmark regexp] (default: all).
# Tunables (env): JMH_WARMUP ("3"), JMH_ITERATIONS ("5"), JMH_TIME ("2s"), TACT_CORPORA (../shared/corpora).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
PATTERN=${1:-.}
WARMUP=${JMH_WARMUP:-3}
ITERATIONS=${JMH_ITERATIONS:-5}
TIME=${JMH_TIME:-2s}
RESULTS="$ROOT/bench/RESULTS.md"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
export TACT_CORPORA=${TACT_CORPORA:-$(cd "$ROOT/.." && pwd)/shared/corpora}

# a JDK 21 or newer: JAVA_HOME if it is one, else the newest under /usr/lib/jvm
java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
JAVA=""
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" && $(java_major "$JAVA_HOME/bin/java") -ge 21 ]]; then
  JAVA="$JAVA_HOME/bin/java"
else
  for candidate in $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -V -r); do
    if [[ $(java_major "$candidate") -ge 21 ]]; then JAVA=$candidate; break; fi
  done
fi
[[ -n "$JAVA" ]] || { echo "no JDK 21+ found (set JAVA_HOME)" >&2; exit 1; }

./mvnw -q -B -f bench/jmh/pom.xml package
CSV="$OUT/jmh-$(date -u +%Y%m%d-%H%M%S).csv"
COMMAND="bench/jmh.sh${1:+ $1} (JMH -t 1 -f 1 -wi $WARMUP -w $TIME -i $ITERATIONS -r $TIME)"
"$JAVA" -jar bench/jmh/target/benchmarks.jar "$PATTERN" -t 1 -f 1 -wi "$WARMUP" -w "$TIME" -i "$ITERATIONS" \
  -r "$TIME" -rf csv -rff "$CSV"

# bytes per operation, for MB/s: the corpus average (same files as MailCorpus) and the large message
corpus_stats() {
  local files=()
  for spec in mime-mime4j-testmsgs:msg mime-mime4j-mimetools-testmsgs:msg mime-nodemailer-mailparser:eml \
      mime-spamscope-mail-parser:eml email-discourse-receiver-labels:eml talon-standard-replies:eml; do
    files+=("$TACT_CORPORA/${spec%%:*}"/dev/*."${spec##*:}")
  done
  stat -c %s "${files[@]}" | awk '{ s += $1; n++ } END { printf "%d %d", n, s }'
}
read -r CORPUS_FILES CORPUS_BYTES <<<"$(corpus_stats)"
LARGE_BYTES=$(( (5 * 1024 * 1024 + 2) / 3 * 4 * 78 / 76 + 400 ))

COMMIT="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench/jmh bench/jmh.sh || echo ' (with uncommitted changes)')"
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
CORES=$(nproc)
RAM=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
JDK=$("$JAVA" -version 2>&1 | head -1)
{
  echo
  echo "## JMH $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo
  echo "- Command: \`$COMMAND\`"
  echo "- Commit: $COMMIT"
  echo "- Machine: $CPU, $CORES cores, $RAM RAM; JDK: $JDK"
  if grep -q 'MailParse' "$CSV"; then
    echo "- Corpus: $CORPUS_FILES mail files, $CORPUS_BYTES bytes (mean $((CORPUS_BYTES / CORPUS_FILES)) bytes);" \
      "large message: about $LARGE_BYTES bytes (5 MiB attachment, base64)"
  fi
  echo
  echo "| Benchmark | Score (ops/s, 1 thread) | ± (99.9%) | MB/s |"
  echo "|---|---:|---:|---:|"
  tail -n +2 "$CSV" | tr -d '"' | while IFS=, read -r name mode threads samples score error unit; do
    short=${name##*.}
    bytes=""
    case "$short" in
      parseCorpusMessage) bytes=$((CORPUS_BYTES / CORPUS_FILES)) ;;
      parseLargeMessage) bytes=$LARGE_BYTES ;;
    esac
    mbs=$( [[ -n "$bytes" ]] && awk -v s="$score" -v b="$bytes" 'BEGIN { printf "%.1f", s * b / 1e6 }' || echo "")
    printf '| %s | %.1f | %.1f | %s |\n' "$short" "$score" "$error" "$mbs"
  done
  echo
  echo "Ops/s on one thread = operations (messages parsed, decisions made) per second per core." \
    "parseCorpusMessage takes the corpus mails in turn."
} >>"$RESULTS"
echo "appended to $RESULTS" >&2
