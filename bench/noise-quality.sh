#!/usr/bin/env bash
# Near-duplicate quality of noise control (issue 4): variants of >= 500 originals must join their original's
# cluster, >= 5,000 distinct senders' short questions must never merge. Runs
# dev.tact.noise.similarity.NoiseQualityReport (src/test/java), prints a section and appends it to
# bench/RESULTS.md. Usage: bench/noise-quality.sh [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA:-$( (ls -d /usr/lib/jvm/*{21,22,23,24,25}* 2>/dev/null || true) | sort -V | tail -1)/bin/java}"
SEED="${1:-4}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="target/classes:target/test-classes:$(cat "$WORK/cp.txt")"
TABLE="$("$JAVA" -Dtact.fuzz.seed="$SEED" -cp "$CP" dev.tact.noise.similarity.NoiseQualityReport)"
COMMIT="$(git rev-parse --short HEAD)"
git diff --quiet HEAD -- src bench/noise-quality.sh || COMMIT="$COMMIT (with uncommitted changes)"
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
{
  echo
  echo "## Noise control: near-duplicate quality $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo
  echo "- Command: \`bench/noise-quality.sh${1:+ $1}\`"
  echo "- Commit: $COMMIT"
  echo "- Machine: $CPU, $(nproc) cores; $("$JAVA" -version 2>&1 | head -1)"
  echo "- Set: originals = reply-parser fixture mails (crisp, github, willdurand, zapier; MIT) and Bitext answers of"
  echo "  >= 60 words (CDLA-Sharing-1.0, used, not redistributed) with a product link; 5-50 variants each (60 %"
  echo "  forwarded by a staff member in a Gmail/Outlook/Apple Mail wrapper, 1 in 20 of those without the sender's"
  echo "  address; salutation changed, signature swapped, tracking parameters, re-wrapped, comment on top), all as raw"
  echo "  mails read by dev.tact.mail.MailReader (forwards: the original's sender and text); questions = distinct"
  echo "  BANKING77 (CC-BY-4.0) and CLINC150 (CC-BY-3.0) utterances, one sender each. Messages in time order over 33"
  echo "  days, 14-day window, threshold 0.8, TextNormaliser + MinHasher + SignatureIndex defaults."
  echo
  echo "$TABLE"
} | tee -a bench/RESULTS.md
