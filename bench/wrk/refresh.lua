-- Refresh-token rotation. Run with as many threads as connections (-tN -cN), so each thread owns
-- one connection and one token family and rotates it strictly in sequence: every request presents
-- the refresh token the previous response returned. Only rotations count; a refused rotation stops that
-- thread's family (its next requests are refused too, and counted as errors).
-- The initial refresh tokens come one per line from the file named by GATEHOUSE_REFRESH_TOKENS.
-- Gatehouse's refresh endpoint by default; with GATEHOUSE_REFRESH_KEYCLOAK_REALM set, Keycloak's refresh
-- grant for the public client "bench" of that realm (bench/versus-keycloak.sh).
dofile("bench/wrk/report.lua")

local tokens = nil
local next_index = 0
local keycloak_realm = os.getenv("GATEHOUSE_REFRESH_KEYCLOAK_REALM")
local rotated_status = keycloak_realm and 200 or 201
local rotated_token = keycloak_realm and '"refresh_token":"([^"]+)"' or '"refresh":"([^"]+)"'

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
  if keycloak_realm then
    -- Keycloak's refresh tokens are JWTs: base64url and dots, nothing to escape in a form body.
    return wrk.format("POST", "/realms/" .. keycloak_realm .. "/protocol/openid-connect/token",
      { ["Content-Type"] = "application/x-www-form-urlencoded" },
      "grant_type=refresh_token&client_id=bench&refresh_token=" .. token)
  end
  return wrk.format("POST", "/api/v1/auth/jwt/refresh", { ["Content-Type"] = "application/json" },
    '{"refresh":"' .. token .. '"}')
end

function response(status, headers, body)
  if status == rotated_status then
    ok = ok + 1
    token = body:match(rotated_token)
  end
end

function done(summary, latency, requests)
  report(summary, latency, counted("ok"))
end
