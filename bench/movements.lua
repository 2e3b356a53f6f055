-- wrk script: random RECEIPT / ISSUE movements over DEPOTS x ITEMS pairs created by stock-movements.sh.
local depots = tonumber(os.getenv("DEPOTS") or "1")
local items = tonumber(os.getenv("ITEMS") or "1")
local expires = os.getenv("EXPIRES")
local headers = {
  ["Content-Type"] = "application/json",
  ["Authorization"] = "Basic d2FyZWhvdXNlOndhcmVob3VzZQ==" -- warehouse:warehouse
}
math.randomseed(os.time() + math.floor(os.clock() * 1000000))

request = function()
  local depot = "BENCH-D" .. math.random(0, depots - 1)
  local item = "BENCH-I" .. math.random(0, items - 1)
  local quantity = math.random(1, 10)
  local body
  if math.random() < 0.5 then
    body = string.format('{"type":"RECEIPT","depot":"%s","item":"%s","quantity":%d,"lot":"BL-1","expiresOn":"%s"}',
      depot, item, quantity, expires)
  else
    body = string.format('{"type":"ISSUE","depot":"%s","item":"%s","quantity":%d}', depot, item, quantity)
  end
  return wrk.format("POST", "/api/stock/movements", headers, body)
end
