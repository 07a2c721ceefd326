#!/usr/bin/env bash
# The raw PostgreSQL insert ceiling beside Tact's intake figures (bench/run.sh, bench/intake.sh): pgbench -c 16 -j 2
# into a table made from Tact's own migration of the inbound log (intake_item's columns and indexes), one row a
# transaction and 100 rows a transaction, in a scratch database it creates and drops. No application runs.
#   bench/pg-ceiling.sh <database> <seconds a run>   -> prints: single_rows=<rows/s> batched_rows=<rows/s>
# Env: BENCH_PG_HOST/PORT/USER (127.0.0.1, 5432, postgres); pgbench's own output goes to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=$1
SECS=$2
HOST=${BENCH_PG_HOST:-127.0.0.1}
case "$HOST" in 127.0.0.1|localhost|::1) ;; *) echo "loopback PostgreSQL only" >&2; exit 2 ;; esac
PSQL=(psql -h "$HOST" -p "${BENCH_PG_PORT:-5432}" -U "${BENCH_PG_USER:-postgres}" -v ON_ERROR_STOP=1 -qAt)
DIR=$(mktemp -d /tmp/tact-pg-ceiling.XXXXXX)
trap '"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1; rm -rf "$DIR"' EXIT
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" 2>/dev/null
sed 's/intake_item/scratch_item/g' src/main/resources/db/migration/V5__intake.sql | "${PSQL[@]}" -d "$DB"
PAYLOAD='{"channel":"email","sender":"user1234@example.com","name":"Bench User 1234","subject":"Order 98765 did not arrive","text":"Hello, I ordered item 98765 last week and it has not arrived yet. Could you check the delivery status, please? Thanks.","externalMessageId":"bench-0000000-98765"}'
for rows in 1 100; do
  cat >"$DIR/$rows.sql" <<SQL
INSERT INTO scratch_item (id, channel, external_id, content_type, payload, received_at, state, attempts, next_attempt_at, message_id)
SELECT gen_random_uuid(), 'email', 'pgb-' || :client_id || '-' || md5(random()::text), 'application/vnd.tact.message+json',
       '$PAYLOAD', now(), 'PENDING', 0, now(), gen_random_uuid()
FROM generate_series(1, $rows);
SQL
done
rate() { # rows a transaction -> rows/s
  local out
  out=$(pgbench -h "$HOST" -p "${BENCH_PG_PORT:-5432}" -U "${BENCH_PG_USER:-postgres}" -n -c 16 -j 2 -T "$SECS" \
    -f "$DIR/$1.sql" "$DB" 2>&1)
  printf '%s\n' "$out" >&2
  grep -q 'aborted' <<<"$out" && { echo "pgbench failed" >&2; return 1; }
  sed -nE 's/^tps = ([0-9.]+) .*/\1/p' <<<"$out" | head -1 | awk -v r="$1" '{ printf "%.0f", $1 * r }'
}
single=$(rate 1)
batched=$(rate 100)
echo "single_rows=$single batched_rows=$batched"
