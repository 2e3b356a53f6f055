#!/usr/bin/env bash
# Dashboard reads (issue 4): GET /api/isolation/capacity and GET /api/labs/capacity for the whole
# city, with 10,000 rooms and 50 labs loaded, on the packaged "bench" build against PostgreSQL.
# Usage: bench/capacity.sh [seconds per run, default 20]   (needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-20}
PORT=${PORT:-8091}
# Health and metrics are on the packaged build's management interface (README, Kubernetes).
MANAGEMENT_PORT=${MANAGEMENT_PORT:-$((PORT + 1000))}
DB=surgeline_bench_capacity
PSQL="psql -h 127.0.0.1 -U postgres -d $DB -tA"
AUTH="admin:admin"
BASE="http://127.0.0.1:$PORT"
post() { curl -sf -u $AUTH -H 'Content-Type: application/json' -d "$2" "$BASE$1" > /dev/null; }

./mvnw -B -q package -DskipTests -Dquarkus.profile=bench -Dquarkus.package.output-directory=bench-app
dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"; createdb -h 127.0.0.1 -U postgres "$DB"
QUARKUS_PROFILE=bench SURGELINE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SURGELINE_DB_USER=postgres \
  QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MANAGEMENT_PORT java -jar target/bench-app/quarkus-run.jar > /tmp/surgeline-bench-capacity.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true; dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"' EXIT
until curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" > /dev/null; do sleep 0.2; done

# Top up the demo city to 10,000 rooms and 50 labs, spread over the counties.
source bench/topup-city.sh
topup_city
echo "loaded: $($PSQL -c 'select count(*) from isolation_room') rooms, $($PSQL -c 'select count(*) from testing_lab') labs, $($PSQL -c 'select count(*) from lab_day_load') lab days"

for url in /api/isolation/capacity /api/labs/capacity "/api/isolation/capacity?date=$READY_ON"; do
  wrk -t1 -c4 -d20s -H "Authorization: Basic YWRtaW46YWRtaW4=" "$BASE$url" > /dev/null  # JIT warm-up
  for connections in 1 4; do
    echo "== GET $url, $connections connection(s), ${SECONDS_PER_RUN}s"
    wrk -t1 -c$connections -d"${SECONDS_PER_RUN}s" --latency -H "Authorization: Basic YWRtaW46YWRtaW4=" "$BASE$url" \
      | grep -E "Requests/sec|50%|90%|99%|Non-2xx"
  done
done
echo "== baseline: GET /api/counties/141002, 4 connections, ${SECONDS_PER_RUN}s"
wrk -t1 -c4 -d"${SECONDS_PER_RUN}s" --latency -H "Authorization: Basic YWRtaW46YWRtaW4=" "$BASE/api/counties/141002" \
  | grep -E "Requests/sec|50%|99%"
