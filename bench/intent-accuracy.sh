#!/usr/bin/env bash
# Intent classifier accuracy and training time on the shared intent corpora (dev part, upstream train/test
# splits; Bitext has none upstream: rows ending in 8 or 9 are its test rows). Prints a section and appends it to
# bench/RESULTS.md. Usage: bench/intent-accuracy.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA:-$( (ls -d /usr/lib/jvm/*{21,22,23,24,25}* 2>/dev/null || true) | sort -V | tail -1)/bin/java}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="target/classes:target/test-classes:$(cat "$WORK/cp.txt")"
TABLE="$("$JAVA" -cp "$CP" dev.tact.routing.IntentAccuracyReport)"
COMMIT="$(git rev-parse --short HEAD)"
git diff --quiet HEAD -- src bench/intent-accuracy.sh || COMMIT="$COMMIT (with uncommitted changes)"
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
{
  echo
  echo "## Intent classifier accuracy $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo
  echo "- Command: \`bench/intent-accuracy.sh\`"
  echo "- Commit: $COMMIT"
  echo "- Machine: $CPU, $(nproc) cores; $("$JAVA" -version 2>&1 | head -1)"
  echo "- Model: dev.tact.routing.IntentTrainer with TrainingOptions.defaults() (word uni- and bigrams, character"
  echo "  3-5-grams hashed into 2^20 buckets, sublinear TF-IDF, L2-normalised; softmax regression, averaged SGD, 20"
  echo "  epochs, seed 1). Trained on the upstream training rows of each corpus's dev part, scored on its upstream"
  echo "  test rows (CLINC150: in-scope intents only; Bitext has no upstream split: rows whose upstream row number"
  echo "  ends in 8 or 9 are test rows). Options were chosen on validation rows carved from the training rows."
  echo "- Training s = one thread, features included, second run in the JVM (the first warms it up)."
  echo "  Macro-F1 = mean per-intent F1. Model bytes = IntentModel.toBytes()."
  echo
  echo "$TABLE"
} | tee -a bench/RESULTS.md
