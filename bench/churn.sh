#!/usr/bin/env bash
# Silent churn detection on a generated cohort with known churners: the cohort (assumptions printed) is fed through
# the churn module's own ledger on the real tables (H2 in memory, or a fresh PostgreSQL database), then the at-risk
# query is asked at "now" for k = 1.5, 2 and 3; precision, recall and the confusion counts are appended to
# bench/RESULTS.md. Usage: bench/churn.sh [contacts=1500] [seed=19] [h2|postgres]
# (postgres needs TACT_TEST_POSTGRES_URL, e.g. 'jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres')
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE="${1:-1500}"
SEED="${2:-19}"
DB="${3:-h2}"
JAVA="${JAVA:-$( (ls -d /usr/lib/jvm/*{21,22,23,24,25}* 2>/dev/null || true) | sort -V | tail -1)/bin/java}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="target/classes:target/test-classes:$(cat "$WORK/cp.txt")"
echo "seed $SEED, $SIZE contacts, $DB" >&2
TABLE="$("$JAVA" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" dev.tact.churn.ChurnCohortReport "$SIZE" "$SEED" "$DB" 2>/dev/null | grep -v -e ' INFO ' -e ' DEBUG ')"
COMMIT="$(git rev-parse --short HEAD)"
git diff --quiet HEAD -- src bench/churn.sh || COMMIT="$COMMIT (with uncommitted changes)"
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
{
  echo
  echo "## Silent churn detection $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo
  echo "- Command: \`bench/churn.sh $SIZE $SEED $DB\`"
  echo "- Commit: $COMMIT"
  echo "- Machine: $CPU, $(nproc) cores; $("$JAVA" -version 2>&1 | head -1); load average (1, 5, 15 min) when the run ended: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- Positives are the contacts the generator made churn after a poor experience; a contact flagged at \"now\" is"
  echo "  a TP when it is one of them, an FP otherwise (also a contact who churned after a fine experience)."
  echo "$TABLE"
} | tee -a bench/RESULTS.md
