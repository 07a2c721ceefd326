#!/bin/sh
# Claims on a big backlog on H2, before (the old single statements) and after (the stores of this checkout, compiled
# in target/classes): docs/notes-h2claim.md. Usage: bench/h2claim/run.sh [rows]   (from the repository's root; the
# database /tmp/h2claim/db is made and filled on the first run, rows per table, default 100,000)
set -e
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
M2=~/.m2/repository
CP=target/classes:$M2/com/h2database/h2/2.4.240/h2-2.4.240.jar
for a in spring-jdbc spring-tx spring-core spring-beans spring-context; do
  CP=$CP:$M2/org/springframework/$a/7.0.10/$a-7.0.10.jar
done
CP=$CP:$(ls $M2/commons-logging/commons-logging/*/commons-logging-*.jar | sort | tail -1)
mkdir -p /tmp/h2claim
"$JAVA" -cp "$CP" "$(dirname "$0")/ClaimTimes.java" "$@"
