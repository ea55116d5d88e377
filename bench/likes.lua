-- wrk script: POST /douyin/favorite/action/ as a random user (a token from the file args[1]) on a
-- random video (args[2]) with a random action (1 like, 2 unlike). Counts every answer and those
-- that are not HTTP 200 with status_code 0, and prints both at the end.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
require("answers") -- counts failed answers (status_code not 0)
local tokens, videos = {}, {}

init = function(args)
  for line in io.lines(args[1]) do tokens[#tokens + 1] = line end
  for line in io.lines(args[2]) do videos[#videos + 1] = line end
  -- Each thread its own sequence (its state's address differs).
  math.randomseed(os.time() + tonumber(string.match(tostring({}), "0x(%x+)"), 16) % 1000003)
end

request = function()
  local body = "token=" .. tokens[math.random(#tokens)] .. "&video_id=" .. videos[math.random(#videos)]
      .. "&action_type=" .. math.random(1, 2)
  return wrk.format("POST", "/douyin/favorite/action/", { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end
