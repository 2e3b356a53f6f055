#!/usr/bin/env bash
# The console's situation board (issue 15): server time of GET /console (the whole page) and of
# GET /console/board (the fragment htmx refreshes every 30 s) and of the charts, one request at a
# time, on the demo city topped up to 10,000 rooms and 50 labs, on the packaged "bench" build
# against PostgreSQL.
# Usage: bench/board.sh [requests per URL, default 300]
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-300}
PORT=${PORT:-8093}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-$((PORT + 1000))}
DB=surgeline_bench_board
PSQL="psql -h 127.0.0.1 -U postgres -d $DB -tA"
AUTH="admin:admin"
BASE="http://127.0.0.1:$PORT"
JAR=$(mktemp)
post() { curl -sf -u $AUTH -H 'Content-Type: application/json' -d "$2" "$BASE$1" > /dev/null; }

./mvnw -B -q package -DskipTests -Dquarkus.profile=bench -Dquarkus.package.output-directory=bench-app
dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"; createdb -h 127.0.0.1 -U postgres "$DB"
QUARKUS_PROFILE=bench SURGELINE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SURGELINE_DB_USER=postgres \
  QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MANAGEMENT_PORT java -jar target/bench-app/quarkus-run.jar > /tmp/surgeline-bench-board.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true; rm -f "$JAR"; dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"' EXIT
until curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" > /dev/null; do sleep 0.2; done

source bench/topup-city.sh
topup_city
echo "loaded: $($PSQL -c 'select count(*) from isolation_room') rooms, $($PSQL -c 'select count(*) from testing_lab') labs"

# Signed in as a duty officer's browser is: the form, then the session cookie.
curl -sf -c "$JAR" -o /dev/null -d 'j_username=scheduler&j_password=scheduler' "$BASE/j_security_check"

# Server time = time to the first byte on loopback, one request at a time (no queueing).
measure() {
  local url=$1 label=$2; shift 2
  for _ in $(seq 100); do curl -sf "$@" -o /dev/null "$BASE$url"; done  # JIT warm-up
  for _ in $(seq "$REQUESTS"); do curl -sf "$@" -o /dev/null -w '%{time_starttransfer}\n' "$BASE$url"; done \
    | python3 -c "
import sys
t = sorted(float(x) * 1000 for x in sys.stdin)
p = lambda q: t[min(len(t) - 1, int(q * len(t)))]
print('== %s: %d requests, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms' % ('$label', len(t), p(.5), p(.95), p(.99), t[-1]))"
}
measure /console "GET /console (board page)" -b "$JAR"
measure /console/board "GET /console/board (refresh fragment, as htmx asks)" -b "$JAR" -H 'HX-Request: true'
measure /console/board/charts "GET /console/board/charts (14-day charts)" -b "$JAR"
measure /api/counties/141002 "baseline GET /api/counties/141002" -u "$AUTH"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
