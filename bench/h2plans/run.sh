#!/bin/sh
# H2 plan harness (docs/notes-h2plans.md): migrates a file H2 database in /tmp/h2plans with the Flyway scripts (run in
# version order with H2's RunScript), fills it (fill.sql), then runs the probe files with EXPLAIN ANALYZE and times.
# Usage: bench/h2plans/run.sh [probe.sql ...]   (about 4 minutes to fill on 2 cores)
set -e
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
H2=$(ls ~/.m2/repository/com/h2database/h2/2.4.240/h2-2.4.240.jar)
HERE=$(cd "$(dirname "$0")" && pwd)
MIGRATIONS=$HERE/../../src/main/resources/db/migration
mkdir -p /tmp/h2plans
if [ ! -f /tmp/h2plans/db.mv.db ]; then
  for f in $(ls "$MIGRATIONS" | sort -t_ -k1.2 -n); do
    "$JAVA" -cp "$H2" org.h2.tools.RunScript -user sa -script "$MIGRATIONS/$f" \
      -url "jdbc:h2:file:/tmp/h2plans/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
  done
  "$JAVA" -cp "$H2" "$HERE/RunSql.java" "$HERE/fill.sql"
fi
for probe in "$@"; do
  "$JAVA" -cp "$H2" "$HERE/RunSql.java" "$probe"
done
