-- wrk script: POST /douyin/favorite/action/ as a random user (a token from the file args[1]) on a
-- random video (args[2]) with a random action (1 like, 2 unlike). Counts every answer and those
-- that are not HTTP 200 with status_code 0, and prints both at the end.
local tokens, videos = {}, {}
local threads = {}
answers, failures = 0, 0

setup = function(thread)
  table.insert(threads, thread)
end

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

response = function(status, headers, body)
  answers = answers + 1
  if status ~= 200 or not string.find(body, '"status_code":0', 1, true) then
    failures = failures + 1
  end
end

done = function(summary, latency, requests)
  local a, f = 0, 0
  for _, thread in ipairs(threads) do
    a = a + thread:get("answers")
    f = f + thread:get("failures")
  end
  io.write(string.format("answers %d failed %d\n", a, f))
end
