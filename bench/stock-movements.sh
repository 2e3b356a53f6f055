#!/usr/bin/env bash
# Stock ledger throughput over HTTP against PostgreSQL (issue 3), for docs/benchmarks.md.
# Packages the "bench" build (production build with demo users over HTTP Basic), starts it on a
# fresh database, creates 20 depots x 10 items, then runs wrk with 16 connections:
#   1. spread: random RECEIPT/ISSUE over the 200 depot-item pairs
#   2. hot:    the same mix, all on one pair
#   3. baseline: GET /api/counties/141002 (a find by id), in the same run
# and finally checks the ledger's invariants in the database.
# Usage: bench/stock-movements.sh [seconds per run, default 20]   (needs wrk: apt-get install wrk)
# APP=<dir holding quarkus-run.jar> runs an already built bench-app (e.g. a baseline built from
# another commit) instead of building this tree; DB and PORT keep concurrent runs apart.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-20}
PORT=${PORT:-8090}
# Health and metrics are on the packaged build's management interface (README, Kubernetes).
MANAGEMENT_PORT=${MANAGEMENT_PORT:-$((PORT + 1000))}
DB=${DB:-surgeline_bench_stock}
APP=${APP:-}
PSQL="psql -h 127.0.0.1 -U postgres -d $DB -tA"
AUTH="admin:admin"
BASE="http://127.0.0.1:$PORT"

if [ -z "$APP" ]; then
  ./mvnw -B -q package -DskipTests -Dquarkus.profile=bench -Dquarkus.package.output-directory=bench-app
  APP=target/bench-app
fi
echo "== $(uptime)"
dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"; createdb -h 127.0.0.1 -U postgres "$DB"
QUARKUS_PROFILE=bench SURGELINE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SURGELINE_DB_USER=postgres \
  QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MANAGEMENT_PORT java ${JAVA_OPTS:-} -jar "$APP/quarkus-run.jar" > "/tmp/surgeline-bench-$DB.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true; dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"' EXIT
until curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" > /dev/null; do sleep 0.2; done

. bench/seed-stock.sh

# Warm the JIT before measuring (C2 is still compiling after 10 s on 2 cores).
DEPOTS=20 ITEMS=10 EXPIRES=$EXPIRES wrk -t2 -c16 -d30s -s bench/movements.lua "$BASE" > /dev/null

run() { # name depots items
  local before after
  before=$($PSQL -c "select count(*) from stock_movement")
  echo "== $1: 16 connections, ${SECONDS_PER_RUN}s"
  DEPOTS=$2 ITEMS=$3 EXPIRES=$EXPIRES wrk -t2 -c16 -d"${SECONDS_PER_RUN}s" --latency -s bench/movements.lua "$BASE" \
    | grep -E "Requests/sec|50%|90%|99%|Non-2xx|requests in"
  after=$($PSQL -c "select count(*) from stock_movement")
  echo "movements appended: $((after - before)) ($(( (after - before) / SECONDS_PER_RUN ))/s)"
}
run "spread over 200 depot-item pairs" 20 10
run "one hot depot-item pair" 1 1

echo "== baseline: GET /api/counties/141002, 16 connections, ${SECONDS_PER_RUN}s"
wrk -t2 -c16 -d"${SECONDS_PER_RUN}s" --latency -H "Authorization: Basic YWRtaW46YWRtaW4=" "$BASE/api/counties/141002" \
  | grep -E "Requests/sec|50%|99%|Non-2xx"

echo "== invariant violations (each must be 0)"
$PSQL <<'SQL'
select 'negative on hand: ' || count(*) from stock_balance where on_hand < 0;
select 'reserved outside 0..on hand: ' || count(*) from stock_balance where reserved < 0 or reserved > on_hand;
select 'on hand <> sum of movements: ' || count(*) from stock_balance b
  where b.on_hand <> (select coalesce(sum(on_hand_change), 0) from stock_movement m where m.depot_code = b.depot_code and m.item_code = b.item_code);
select 'on hand <> sum of lots: ' || count(*) from stock_balance b
  where b.on_hand <> (select coalesce(sum(quantity), 0) from stock_lot l where l.depot_code = b.depot_code and l.item_code = b.item_code);
SQL
