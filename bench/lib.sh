#!/usr/bin/env bash
# What the bench scripts that start Tact from its jar share. A script sets BENCH_TAG (its name in the log and the work
# directory) and PORT, cds to the repository root, then sources this file, which sets
#   JAVA, PG_HOST, PG_PORT, PG_USER (BENCH_PG_HOST/PORT/USER), WORK (a fresh directory: removed when the script
#   succeeds, kept with the app logs' tails printed when it fails), BASE and APP_PID, and the EXIT/INT/TERM traps,
# and defines
#   log, stop_app, build_jar (sets H2_JAR), admin_token (sets SECRET and TOKEN_SQL), psql_pg, recreate_pg_db,
#   h2_url, h2_sql, launch_app (starts the jar on 127.0.0.1:$PORT and waits until it is UP), commit_line, machine_line,
#   frames (a JFR recording's hottest frames as markdown lines), profile_lines and end_section (a RESULTS.md section's
#   last lines).
# BENCH_JAVA_OPTS are given to the JVM (e.g. -XX:StartFlightRecording=... to profile a run).

JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
case "$PG_HOST" in 127.0.0.1|localhost|::1) ;; *) echo "loopback PostgreSQL only" >&2; exit 2 ;; esac
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
BASE="http://127.0.0.1:${PORT}"
WORK=$(mktemp -d "/tmp/tact-${BENCH_TAG}.XXXXXX")
APP_PID=""

log() { printf '%s [%s] %s\n' "$(date +%H:%M:%S)" "$BENCH_TAG" "$*" >&2; }

stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$APP_PID" 2>/dev/null && kill -9 "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

bench_cleanup() { # a script may define bench_extra_cleanup (e.g. to drop its database): it runs after the app stops
  local rc=$?
  stop_app
  if declare -F bench_extra_cleanup >/dev/null; then bench_extra_cleanup || true; fi
  if [[ $rc -ne 0 ]]; then
    log "FAILED (exit $rc); work dir kept: $WORK"
    for f in "$WORK"/app-*.log; do [[ -f "$f" ]] && { log "last lines of $f:"; tail -n 30 "$f" >&2; }; done
  else
    rm -rf "$WORK"
  fi
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

build_jar() { # builds the jar (unless BENCH_SKIP_BUILD or BENCH_JAR, a jar built before, e.g. of another commit), copies
  # it to $WORK/tact.jar; H2_JAR: the H2 jar inside it
  if [[ -z "${BENCH_SKIP_BUILD:-}" && -z "${BENCH_JAR:-}" ]]; then
    log "building the jar"
    ./mvnw -q -DskipTests package
  fi
  cp "${BENCH_JAR:-target/tact-0.1.0-SNAPSHOT.jar}" "$WORK/tact.jar"
  unzip -q -o -j "$WORK/tact.jar" 'BOOT-INF/lib/h2-*.jar' -d "$WORK/h2lib"
  H2_JAR=$(ls "$WORK"/h2lib/h2-*.jar | head -n 1)
}

admin_token() { # name: SECRET, an admin API token with every scope and no rate limit; TOKEN_SQL, its row (its SHA-256,
  # as ApiTokens keeps it)
  SECRET="tact_$1$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  TOKEN_SQL="INSERT INTO staff_api_token (id, name, token_prefix, token_hash, role, scopes, rate_unlimited, created_by,
  created_at) VALUES ('$(cat /proc/sys/kernel/random/uuid)', '$1-bench', '${SECRET:0:12}',
  '$(printf '%s' "$SECRET" | sha256sum | cut -d' ' -f1)', 'ADMIN', 'intake,read,write,admin', TRUE, NULL,
  CURRENT_TIMESTAMP)"
}

psql_pg() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -v ON_ERROR_STOP=1 -qAt "$@"; }

recreate_pg_db() { # name
  psql_pg -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)"
  psql_pg -d postgres -c "CREATE DATABASE $1"
}

h2_url() { # directory under $WORK -> the URL of a file database there, as Tact's default (WRITE_DELAY=0) but shareable with h2_sql
  echo "jdbc:h2:file:$WORK/$1/tact;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE"
}

h2_sql() { # url sql -> rows "a|b" (no header, no row count)
  local out
  out=$("$JAVA" -cp "$H2_JAR" org.h2.tools.Shell -url "$1" -user sa -password "" -sql "$2") || return 1
  sed -n '2,$p' <<<"$out" | grep -v '^(' | tr -d ' ' || true
}

launch_app() { # db url log-file startup-timeout-seconds app-args... : Tact on 127.0.0.1:$PORT, UP when it returns
  local db=$1 url=$2 logfile=$3 timeout=$4 user=sa
  shift 4
  [[ $db == pg ]] && user=$PG_USER
  # shellcheck disable=SC2086
  (cd "$WORK" && exec env PORT="$PORT" TACT_DB_URL="$url" TACT_DB_USER="$user" \
    "$JAVA" ${BENCH_JAVA_OPTS:-} -jar "$WORK/tact.jar" --server.address=127.0.0.1 --tact.demo.enabled=false "$@" \
    >"$logfile" 2>&1) &
  APP_PID=$!
  local t0=$SECONDS
  until curl -fsS "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$APP_PID" 2>/dev/null || { log "app exited during startup"; return 1; }
    (( SECONDS - t0 > timeout )) && { log "app not UP after $timeout s"; return 1; }
    sleep 0.5
  done
  STARTUP_SECONDS=$((SECONDS - t0))
}

commit_line() { # the commit measured, and whether the work tree differed from it (RESULTS.md aside)
  echo "$(git rev-parse --short HEAD)$(git diff --quiet -- . ':!bench/RESULTS.md' || echo ' (with uncommitted changes)')"
}

machine_line() { # CPU, cores, memory and JDK
  echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM; JDK: $("$JAVA" -version 2>&1 | head -1)"
}

# Hottest frames of a JFR recording: the leaf frames, and the first frame of Tact's own code on each sampled stack.
frames() { # jfr-file -> markdown lines
  "$(dirname "$JAVA")/jfr" print --events jdk.ExecutionSample --stack-depth 64 "$1" | awk '
    /stackTrace = \[/ { inside = 1; first = ""; own = ""; next }
    inside && /^[ \t]*\]/ { inside = 0; if (first != "") { leaf[first]++; total++; if (own != "") mine[own]++
                               n = split(first, part, "."); pkg[part[1] "." part[2] "." part[3]]++ } next }
    inside { line = $0; sub(/^[ \t]+/, "", line); sub(/[ \t]+line:.*/, "", line)
             if (first == "") first = line; if (own == "" && line ~ /^dev\.tact\./) own = line }
    END { printf "%d samples\n", total
          for (f in leaf) printf "L %d %s\n", leaf[f], f
          for (f in mine) printf "T %d %s\n", mine[f], f
          for (f in pkg) printf "P %d %s\n", pkg[f], f }' >"$1.txt"
  local total; total=$(head -1 "$1.txt" | cut -d' ' -f1)
  echo "  - $total execution samples; leaf frames (top 12):"
  grep '^L ' "$1.txt" | sort -k2,2nr | awk 'NR <= 12' | awk -v t="$total" '{ c = $2; $1 = ""; $2 = ""; sub(/^ +/, "");
    printf "    - %.1f%% `%s`\n", 100 * c / t, $0 }'
  echo "  - leaf frames by package (top 8): $(grep '^P ' "$1.txt" | sort -k2,2nr | awk 'NR <= 8' | awk -v t="$total" '{
    printf "%s%s %.0f%%", (NR > 1 ? ", " : ""), $3, 100 * $2 / t }')"
  echo "  - innermost frame of Tact's own code on the stack (top 8; the time below it is in libraries):"
  grep '^T ' "$1.txt" | sort -k2,2nr | awk 'NR <= 8' | awk -v t="$total" '{ c = $2; $1 = ""; $2 = ""; sub(/^ +/, "");
    printf "    - %.1f%% `%s`\n", 100 * c / t, $0 }'
}

profile_lines() { # what-each-run-is names... : with BENCH_PROFILE, the frames() of PROFILE[pg,<name>] for each name
  [[ -n "${BENCH_PROFILE:-}" ]] || return 0
  echo "- JFR (settings=profile) over each $1:"
  shift
  local name
  for name in "$@"; do
    [[ -n "${PROFILE[pg,$name]:-}" ]] || continue
    echo "  - $name:"
    sed 's/^/  /' <<<"${PROFILE[pg,$name]}"
  done
}

end_section() { echo "- Whole script took $(( $(date +%s) - START )) s"; }
