-- POST of one body (GATEHOUSE_BENCH_BODY, JSON unless GATEHOUSE_BENCH_CONTENT_TYPE says otherwise) to the URL's path; a 2xx answer counts as ok.
dofile("bench/wrk/report.lua")

wrk.method = "POST"
wrk.body = os.getenv("GATEHOUSE_BENCH_BODY")
wrk.headers["Content-Type"] = os.getenv("GATEHOUSE_BENCH_CONTENT_TYPE") or "application/json"

function done(summary, latency, requests)
  report(summary, latency, nil)
end
