-- Refresh-token rotation. Run with as many threads as connections (-tN -cN), so each thread owns
-- one connection and one token family and rotates it strictly in sequence: every request presents
-- the refresh token the previous response returned. Only 201s count; a refused rotation stops that
-- thread's family (its next requests are refused too, and counted as errors).
-- The initial refresh tokens come one per line from the file named by GATEHOUSE_REFRESH_TOKENS.
dofile("bench/wrk/report.lua")

local tokens = nil
local next_index = 0

function setup(thread)
  if tokens == nil then
    tokens = {}
    for line in io.lines(os.getenv("GATEHOUSE_REFRESH_TOKENS")) do
      tokens[#tokens + 1] = line
    end
  end
  next_index = next_index + 1
  thread:set("token", tokens[next_index])
  track(thread)
end

function init(args)
  ok = 0
end

function request()
  return wrk.format("POST", "/api/v1/auth/jwt/refresh", { ["Content-Type"] = "application/json" },
    '{"refresh":"' .. token .. '"}')
end

function response(status, headers, body)
  if status == 201 then
    ok = ok + 1
    token = body:match('"refresh":"([^"]+)"')
  end
end

function done(summary, latency, requests)
  report(summary, latency, counted("ok"))
end
