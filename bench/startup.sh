#!/usr/bin/env bash
# Startup figure for docs/benchmarks.md: time from process start to /q/health/ready UP, and
# resident memory once ready, for the packaged jar on PostgreSQL (127.0.0.1:5432).
# Usage: ./mvnw package -DskipTests && bench/startup.sh [runs]
# APP=<dir holding quarkus-run.jar> runs another build (e.g. a baseline); DB and PORT keep
# concurrent runs apart; JAVA_OPTS is passed to the JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
PORT=${PORT:-8089}
# Health and metrics are on the packaged build's management interface (README, Kubernetes).
MANAGEMENT_PORT=${MANAGEMENT_PORT:-$((PORT + 1000))}
DB=${DB:-surgeline_bench_startup}
APP=${APP:-target/quarkus-app}
echo "== $(uptime)"
dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"; createdb -h 127.0.0.1 -U postgres "$DB"
trap 'dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"' EXIT

for run in $(seq 1 "$RUNS"); do
  start=$(date +%s%N)
  SURGELINE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SURGELINE_DB_USER=postgres \
  SURGELINE_OIDC_AUTH_SERVER_URL=http://127.0.0.1:9/realms/none SURGELINE_DEMO_DATA=linfen \
  QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MANAGEMENT_PORT java ${JAVA_OPTS:-} -jar "$APP/quarkus-run.jar" > "/tmp/surgeline-startup-$DB.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" > /dev/null; do sleep 0.02; done
  ready=$(date +%s%N)
  # CPU the process used up to ready (user + system): less sensitive than wall time to what else
  # runs on the machine.
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' /proc/$pid/stat)
  sleep 1
  rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  printf 'run %d: ready after %d ms, CPU %s s, RSS %d MB (first run migrates and loads demo data: %s)\n' \
    "$run" $(( (ready - start) / 1000000 )) "$cpu" $(( rss / 1024 )) "$([ "$run" = 1 ] && echo yes || echo no)"
  kill "$pid"; wait "$pid" || true
done
