# Sourced by bench scripts: top up the running demo city to 10,000 rooms (half of them converting)
# and 50 labs with three days of load each. Needs BASE, AUTH, PSQL and post() from the caller.
topup_city() {
  COUNTIES=($(curl -sf -u $AUTH "$BASE/api/counties" | python3 -c 'import json,sys; print(" ".join(c["code"] for c in json.load(sys.stdin)))'))
  rooms=$($PSQL -c "select count(*) from isolation_room")
  labs=$($PSQL -c "select count(*) from testing_lab")
  READY_ON=$(date -d "+3 days" +%F)
  s=0
  while [ "$rooms" -lt 10000 ]; do
    county=${COUNTIES[$((s % ${#COUNTIES[@]}))]}
    n=$(( 10000 - rooms < 100 ? 10000 - rooms : 100 ))
    post /api/isolation/sites "{\"code\":\"BENCH-S$s\",\"name\":\"Bench site $s\",\"county\":\"$county\",\"kind\":\"HOTEL\"}"
    post /api/isolation/sites/BENCH-S$s/rooms "{\"from\":1,\"to\":$n,\"beds\":2}"
    half=$(python3 -c "print(','.join('\"%d\"' % i for i in range(1, $n // 2 + 1)))")
    post /api/isolation/sites/BENCH-S$s/transitions "{\"rooms\":[$half],\"to\":\"CONVERTING\",\"expectedReadyOn\":\"$READY_ON\"}"
    rooms=$((rooms + n)); s=$((s + 1))
  done
  l=0
  while [ "$labs" -lt 50 ]; do
    county=${COUNTIES[$((l % ${#COUNTIES[@]}))]}
    post /api/labs "{\"code\":\"BENCH-L$l\",\"name\":\"Bench lab $l\",\"county\":\"$county\",\"tubesPerDay\":1000,\"poolingRatio\":10,\"effectiveFrom\":\"$(date -d '-30 days' +%F)\"}"
    for d in 3 2 1; do
      curl -sf -u $AUTH -X PUT -H 'Content-Type: application/json' -d '{"samplesReceived":9000,"samplesTested":8000}' \
        "$BASE/api/labs/BENCH-L$l/days/$(date -d "-$d days" +%F)" > /dev/null
    done
    labs=$((labs + 1)); l=$((l + 1))
  done
}
