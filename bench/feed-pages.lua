-- wrk script: feed pages at random depths within the seeded videos (published one per second
-- before the time given as the script's argument), so every request misses the gateway's
-- first-page cache and goes through both providers.
local newest_ms = os.time() * 1000

init = function(args)
  if args[1] then newest_ms = tonumber(args[1]) end
end

request = function()
  local latest = newest_ms - math.random(0, 9900) * 1000
  return wrk.format("GET", "/douyin/feed/?latest_time=" .. latest)
end
