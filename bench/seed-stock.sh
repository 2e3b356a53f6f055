# Sourced by the stock-movement benchmarks: 10 items, 20 depots, plenty of stock in every pair,
# so that movements never run out. Needs BASE and AUTH; sets EXPIRES for bench/movements.lua.
EXPIRES=$(date -d "+300 days" +%F)
for i in $(seq 0 9); do
  curl -sf -u $AUTH -H 'Content-Type: application/json' -d "{\"code\":\"BENCH-I$i\",\"name\":\"Bench item $i\",\"unit\":\"piece\",\"category\":\"OTHER\",\"parcelSize\":10,\"shelfLifeDays\":365,\"dailyUsePer10k\":1}" "$BASE/api/items" > /dev/null
done
for d in $(seq 0 19); do
  curl -sf -u $AUTH -H 'Content-Type: application/json' -d "{\"code\":\"BENCH-D$d\",\"name\":\"Bench depot $d\",\"county\":\"141002\",\"kind\":\"COUNTY_WAREHOUSE\"}" "$BASE/api/depots" > /dev/null
  for i in $(seq 0 9); do
    curl -sf -u $AUTH -H 'Content-Type: application/json' -d "{\"type\":\"RECEIPT\",\"depot\":\"BENCH-D$d\",\"item\":\"BENCH-I$i\",\"quantity\":10000000,\"lot\":\"BL-1\",\"expiresOn\":\"$EXPIRES\"}" "$BASE/api/stock/movements" > /dev/null
  done
done
