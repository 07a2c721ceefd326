#!/usr/bin/env bash
# Tone check precision and recall for "impolite" on the Stanford Politeness corpus (dev part of
# ../shared/corpora/tone-stanford-politeness), by half, domain and score band. Prints a section and appends it to
# bench/RESULTS.md. Usage: bench/tone.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA:-$( (ls -d /usr/lib/jvm/*{21,22,23,24,25}* 2>/dev/null || true) | sort -V | tail -1)/bin/java}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
./mvnw -q -B -o test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="target/classes:target/test-classes:$(cat "$WORK/cp.txt")"
TABLE="$("$JAVA" -cp "$CP" dev.tact.tone.ToneAccuracyReport)"
COMMIT="$(git rev-parse --short HEAD)"
git diff --quiet HEAD -- src bench/tone.sh || COMMIT="$COMMIT (with uncommitted changes)"
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
{
  echo
  echo "## Tone check accuracy $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo
  echo "- Command: \`bench/tone.sh\`"
  echo "- Commit: $COMMIT"
  echo "- Machine: $CPU, $(nproc) cores (shared); $("$JAVA" -version 2>&1 | head -1)"
  echo "- Check: dev.tact.tone.ToneCheck, lexicon src/main/resources/dev/tact/tone/lexicon.tsv plus shouting rules;"
  echo "  a request is flagged when its findings weigh ToneCheck.FLAG_AT ($(grep -o 'FLAG_AT = [0-9.]*' \
    src/main/java/dev/tact/tone/ToneCheck.java | cut -d' ' -f3)) or more (ADR 0035). Positive class: label \`impolite\`"
  echo "  (bottom quartile of normalized_score per domain, as the corpus's SOURCE.md defines it)."
  echo "- Halves of the dev part by upstream row: even rows = tuning half (read while writing the lexicon),"
  echo "  odd rows = check half (only measured). The flag threshold was chosen on the tuning half; nothing else is"
  echo "  fitted. The corpus's held-out part is not here."
  echo
  echo "$TABLE"
} | tee -a bench/RESULTS.md
