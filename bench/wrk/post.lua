-- POST of one JSON body (GATEHOUSE_BENCH_BODY) to the URL's path; a 2xx answer counts as ok.
dofile("bench/wrk/report.lua")

wrk.method = "POST"
wrk.body = os.getenv("GATEHOUSE_BENCH_BODY")
wrk.headers["Content-Type"] = "application/json"

function done(summary, latency, requests)
  report(summary, latency, nil)
end
