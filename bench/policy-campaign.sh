#!/usr/bin/env bash
# Campaign benchmark of the contact policy: a fresh PostgreSQL database (loopback only), N contacts
# made with SQL (phones, zones, consents, opt-outs, history), one marketing campaign to all of them
# decided end to end by ContactPolicyService.decideAll (facts from PostgreSQL, policy, audit rows).
# Goal: 100,000 contacts in under 10 s. Appends a section to bench/RESULTS.md.
#   bench/policy-campaign.sh [contacts]        (PGHOST/PGPORT/PGUSER as for psql; default 127.0.0.1:5432 postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
CONTACTS=${1:-100000}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
case "$PGHOST" in 127.0.0.1|localhost|::1|/*) ;; *) echo "loopback PostgreSQL only" >&2; exit 2 ;; esac
DB=tact_bench_policy
export PGHOST PGPORT PGUSER
psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/temurin-25-jdk-amd64/bin/java 2>/dev/null || command -v java)}
URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB?user=$PGUSER&reWriteBatchedInserts=true"
OUT=$(mktemp)
"$JAVA" -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.tact.policy.bench.PolicyCampaignBenchmark "$URL" "$CONTACTS" | grep -E '^(seed_seconds|policy|run|audit_rows)=' | tee "$OUT"
psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB"

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
{
  echo
  echo "## Policy campaign $(date -u '+%Y-%m-%d %H:%M:%S') UTC"
  echo
  echo "- Command: \`bench/policy-campaign.sh $CONTACTS\`"
  echo "- Commit: $(git rev-parse --short HEAD)"
  echo "- Machine: $CPU, $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM; JDK: $("$JAVA" -version 2>&1 | head -1)"
  echo "- PostgreSQL: $(psql -At -d postgres -c 'SHOW server_version') on loopback"
  POLICY=$(grep '^policy=' "$OUT" | cut -d= -f2)
  echo "- Policy: $POLICY"
  case "$POLICY" in *Interim*) echo "  (the INTERIM policy of branch policy-ledger: opt-outs and consent only; the rules engine was not"
    echo "  on this branch, so the policy step is cheaper here than it will be with RuleBasedContactPolicy)";; esac
  echo "- Data: $CONTACTS contacts, each with a phone and an email; zone on 2/3 of them; 80% with an EMAIL"
  echo "  marketing consent or opt-out (1 in 10 opt-outs), 1 in 4 with 2 earlier attempts. Seeded with SQL in"
  echo "  $(grep '^seed_seconds=' "$OUT" | cut -d= -f2) s."
  echo
  echo "| Run | Decisions | Seconds (end to end) | Decisions/s | Outcomes |"
  echo "|---|---:|---:|---:|---|"
  grep '^run=' "$OUT" | sed -E 's/run=([0-9]+) decisions=([0-9]+) seconds=([0-9.]+) per_second=([0-9]+) outcomes=(.*)/| \1 | \2 | \3 | \4 | \5 |/'
  echo
  echo "End to end = ContactPolicyService.decideAll: facts for all contacts from PostgreSQL (contacts, identities,"
  echo "conversations, consents, history; a few queries per 1,000 contacts), the policy, and one audit row per"
  echo "decision (JDBC batches) in one transaction. Run 1 includes JIT warm-up."
} >> bench/RESULTS.md
rm -f "$OUT"
