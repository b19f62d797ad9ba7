-- Shared by the scenario scripts (loaded with dofile): prints the one machine-readable line that
-- bench/suite.sh turns into a table row. Latencies are wrk's, in milliseconds; "ok" counts only
-- the answers the scenario expects, so an error can never inflate the requests-per-second figure.
local threads = {}

function track(thread)
  table.insert(threads, thread)
end

-- Sum of a per-thread counter (each wrk thread runs its own Lua state).
function counted(name)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + (thread:get(name) or 0)
  end
  return total
end

function report(summary, latency, ok)
  local e = summary.errors
  if ok == nil then
    ok = summary.requests - e.status
  end
  local errors = summary.requests - ok + e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT ok=%d errors=%d seconds=%.3f mean=%.3f p50=%.3f p95=%.3f p99=%.3f\n", ok, errors,
    summary.duration / 1e6, latency.mean / 1e3, latency:percentile(50) / 1e3, latency:percentile(95) / 1e3,
    latency:percentile(99) / 1e3))
end
