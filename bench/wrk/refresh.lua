-- wrk script: refresh-token rotation. Run with as many threads as connections (-tN -cN), so each
-- thread owns one connection and one token family and rotates it strictly in sequence: every
-- request presents the refresh token the previous response returned. A non-201 is counted by wrk
-- as a non-2xx response and, if it happens, stops that thread's family from rotating further.
-- The initial refresh tokens come one per line from the file named by GATEHOUSE_REFRESH_TOKENS.

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
end

request = function()
  return wrk.format("POST", "/api/v1/auth/jwt/refresh", { ["Content-Type"] = "application/json" },
    '{"refresh":"' .. token .. '"}')
end

response = function(status, headers, body)
  if status == 201 then
    token = body:match('"refresh":"([^"]+)"')
  end
end
