-- wrk script of bench/feed.sh: GET /douyin/feed/ in one of three ways (the script's arguments):
--   first                 the first page, anonymous (shared by the gateway for a second)
--   logged-in TOKENS      the first page as a random user (a token per line of the file TOKENS),
--                         so is_favorite / is_follow are computed for each request's viewer
--   deep NEWEST_MS        pages at random depths within the seeded videos (published one per
--                         second before NEWEST_MS), so no request is the shared first page
--   recommended TOKENS    GET /douyin/feed/recommended/?count=30 as a random user: each request
--                         is that viewer's next ranked page
-- It counts the answers that are not HTTP 200 with status_code 0 and prints them at the end.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
require("answers") -- counts failed answers (status_code not 0)
local mode, newest_ms, tokens = "first", 0, {}

init = function(args)
  mode = args[1] or "first"
  if mode == "logged-in" or mode == "recommended" then
    for line in io.lines(args[2]) do tokens[#tokens + 1] = line end
  elseif mode == "deep" then
    newest_ms = tonumber(args[2])
  end
  math.randomseed(os.time() + tonumber(string.match(tostring({}), "0x(%x+)"), 16) % 1000003)
end

request = function()
  if mode == "recommended" then
    return wrk.format("GET", "/douyin/feed/recommended/?count=30&token=" .. tokens[math.random(#tokens)])
  elseif mode == "logged-in" then
    return wrk.format("GET", "/douyin/feed/?token=" .. tokens[math.random(#tokens)])
  elseif mode == "deep" then
    return wrk.format("GET", "/douyin/feed/?latest_time=" .. (newest_ms - math.random(0, 9900) * 1000))
  end
  return wrk.format("GET", "/douyin/feed/")
end
