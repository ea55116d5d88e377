-- Required by the wrk scripts of the benches: counts every answer and those that are not HTTP 200
-- with status_code 0, and prints both at the end as "answers N failed M".
local threads = {}
answers, failures = 0, 0

function setup(thread)
  table.insert(threads, thread)
end

function response(status, headers, body)
  answers = answers + 1
  if status ~= 200 or not string.find(body, '"status_code":0', 1, true) then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local a, f = 0, 0
  for _, thread in ipairs(threads) do
    a = a + thread:get("answers")
    f = f + thread:get("failures")
  end
  io.write(string.format("answers %d failed %d\n", a, f))
end
