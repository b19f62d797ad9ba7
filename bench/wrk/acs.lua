-- Posts pre-signed SAML responses to the ACS, each exactly once (the replay cache would refuse a
-- second use). Thread i takes every n-th line of the bodies file. Counts the 200s, so that running
-- out of bodies (which makes replays, 401) can never inflate the figure.
local threads = {}
local created = 0

function setup(thread)
  thread:set("id", created)
  created = created + 1
  table.insert(threads, thread)
end

function init(args)
  local n = tonumber(os.getenv("GATEHOUSE_ACS_THREADS"))
  bodies = {}
  local i = 0
  for line in io.lines(os.getenv("GATEHOUSE_ACS_BODIES")) do
    if i % n == id then
      bodies[#bodies + 1] = line
    end
    i = i + 1
  end
  next_body = 0
  ok = 0
  path = os.getenv("GATEHOUSE_ACS_PATH")
  headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
end

function request()
  next_body = next_body + 1
  return wrk.format("POST", path, headers, bodies[next_body] or bodies[#bodies])
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("ok")
  end
  io.write(string.format("successful logins: %d in %.1f s = %.0f logins/s\n", total, summary.duration / 1e6,
    total / (summary.duration / 1e6)))
end
