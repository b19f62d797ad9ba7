-- GET with the headers given on wrk's command line (-H); a 2xx answer counts as ok.
dofile("bench/wrk/report.lua")

function done(summary, latency, requests)
  report(summary, latency, nil)
end
