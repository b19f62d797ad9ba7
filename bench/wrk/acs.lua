-- Posts pre-signed SAML responses to the ACS (GATEHOUSE_ACS_PATH), each exactly once: the replay
-- cache would refuse a second use. Thread i of n (GATEHOUSE_ACS_THREADS) takes every n-th line of
-- the bodies file (GATEHOUSE_ACS_BODIES). Only 200s count as logins. A thread that has posted all
-- of its bodies stops (a second post would be a replay) and the run says so: its figure is then a
-- lower bound, and bench/suite.sh should be given more bodies.
dofile("bench/wrk/report.lua")

local created = 0

function setup(thread)
  thread:set("id", created)
  created = created + 1
  track(thread)
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
  exhausted = 0
  path = os.getenv("GATEHOUSE_ACS_PATH")
  headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
end

function request()
  next_body = next_body + 1
  if next_body > #bodies then
    exhausted = 1
    wrk.thread:stop()
    next_body = #bodies
  end
  return wrk.format("POST", path, headers, bodies[next_body])
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
  end
end

function done(summary, latency, requests)
  if counted("exhausted") > 0 then
    io.write("WARNING: pre-signed responses ran out before the end; this figure is a lower bound\n")
  end
  report(summary, latency, counted("ok"))
end
