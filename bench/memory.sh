#!/usr/bin/env bash
# Kubernetes sizing figures for docs/benchmarks.md (issue 8): the packaged "bench" build on
# PostgreSQL, run with the JVM settings of the API pod (heap at 50 % of a 768 MiB limit, as
# k8s/base/api-deployment.yaml sets it), then with those of the planner pod (65 % of 1536 MiB).
#   1. time from process start to /q/health/started and /q/health/ready answering 200
#   2. memory at idle (resident set, heap and non-heap from /q/metrics) 10 s after ready
#   3. under load: wrk, 16 connections, the stock-movement mix of bench/stock-movements.sh, for
#      SECONDS_OF_LOAD; peak resident set sampled every second; CPU time per request
#   4. the planner: one plan run on the Linfen demo data (30 s limit), peak resident set
#   5. SIGTERM to exit, with the shutdown delay of application.properties
# Usage: bench/memory.sh [seconds of load, default 60]   (needs wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_OF_LOAD=${1:-60}
PORT=${PORT:-8095}
# Health and metrics are on the packaged build's management interface (README, Kubernetes).
MANAGEMENT_PORT=${MANAGEMENT_PORT:-$((PORT + 1000))}
DB=surgeline_bench_memory
BASE="http://127.0.0.1:$PORT"
AUTH="admin:admin"
CLK_TCK=$(getconf CLK_TCK)

./mvnw -B -q package -DskipTests -Dquarkus.profile=bench -Dquarkus.package.output-directory=bench-app
dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"; createdb -h 127.0.0.1 -U postgres "$DB"
PID=
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; wait 2>/dev/null || true; dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"' EXIT

ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' /proc/$PID/status; }
cpu_ticks() { awk '{print $14 + $15}' /proc/$PID/stat; }
metric_mb() { # jvm_memory_used_bytes summed over an area (heap | nonheap)
  curl -s "http://127.0.0.1:$MANAGEMENT_PORT/q/metrics" | awk -v area="$1" '/^jvm_memory_used_bytes/ && $0 ~ "area=\"" area "\"" {s += $NF} END {printf "%d", s / 1048576}'
}

start() { # max-ram-mb ram-percentage
  local t0 started=""
  t0=$(date +%s%N)
  QUARKUS_PROFILE=bench SURGELINE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SURGELINE_DB_USER=postgres \
    SURGELINE_DEMO_DATA=linfen QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MANAGEMENT_PORT \
    java -XX:MaxRAM="$1m" -XX:MaxRAMPercentage="$2" -XX:+ExitOnOutOfMemoryError -jar target/bench-app/quarkus-run.jar \
    > /tmp/surgeline-bench-memory.log 2>&1 &
  PID=$!
  until curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" > /dev/null; do
    [ -z "$started" ] && curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/q/health/started" > /dev/null && started=$(ms_since "$t0")
    sleep 0.05
  done
  echo "started after ${started:-$(ms_since "$t0")} ms, ready after $(ms_since "$t0") ms (limit ${1} MiB, heap ${2} %)"
}

stop() {
  local t0
  t0=$(date +%s%N)
  kill -TERM $PID
  wait $PID || true
  echo "SIGTERM to exit: $(ms_since "$t0") ms"
  PID=
}

echo "== API pod settings"
start 768 50
sleep 10
echo "idle: RSS $(rss_mb) MB, heap used $(metric_mb heap) MB, non-heap $(metric_mb nonheap) MB"

. bench/seed-stock.sh

peak=0
( while kill -0 $PID 2>/dev/null; do rss_mb; echo; sleep 1; done ) > /tmp/surgeline-bench-rss.txt &
SAMPLER=$!
ticks_before=$(cpu_ticks)
DEPOTS=20 ITEMS=10 EXPIRES=$EXPIRES wrk -t2 -c16 -d"${SECONDS_OF_LOAD}s" -s bench/movements.lua "$BASE" > /tmp/surgeline-bench-wrk.txt
ticks_after=$(cpu_ticks)
kill $SAMPLER 2>/dev/null || true
requests=$(awk '/requests in/ {print $1}' /tmp/surgeline-bench-wrk.txt)
peak=$(sort -n /tmp/surgeline-bench-rss.txt | tail -1)
grep -E "Requests/sec|Non-2xx" /tmp/surgeline-bench-wrk.txt || true
cpu_ms=$(( (ticks_after - ticks_before) * 1000 / CLK_TCK ))
echo "under load (${SECONDS_OF_LOAD}s, 16 connections, stock movements): peak RSS $peak MB; after: RSS $(rss_mb) MB, heap used $(metric_mb heap) MB, non-heap $(metric_mb nonheap) MB"
echo "CPU: $cpu_ms ms for $requests requests = $(awk -v c=$cpu_ms -v r=$requests 'BEGIN {printf "%.2f", c / r}') ms of CPU per request"
stop

echo "== planner pod settings"
start 1536 65
sleep 5
echo "idle: RSS $(rss_mb) MB, heap used $(metric_mb heap) MB"
( while kill -0 $PID 2>/dev/null; do rss_mb; echo; sleep 1; done ) > /tmp/surgeline-bench-rss.txt &
SAMPLER=$!
run=$(curl -sf -u scheduler:scheduler -H 'Content-Type: application/json' \
  -d "{\"planDate\":\"$(TZ=Asia/Shanghai date +%F)\",\"horizonDays\":7,\"timeLimitSeconds\":30}" "$BASE/api/plans")
id=$(echo "$run" | sed -E 's/.*"id":([0-9]+).*/\1/')
until curl -sf -u scheduler:scheduler "$BASE/api/plans/$id/status" | grep -qE '"(DRAFT|FAILED|CANCELLED)"'; do sleep 1; done
kill $SAMPLER 2>/dev/null || true
echo "plan run $id: $(curl -sf -u scheduler:scheduler "$BASE/api/plans/$id/status")"
echo "solving the demo city: peak RSS $(sort -n /tmp/surgeline-bench-rss.txt | tail -1) MB, heap used after $(metric_mb heap) MB"
stop
