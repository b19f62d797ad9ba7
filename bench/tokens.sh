#!/usr/bin/env bash
# Token throughput on PostgreSQL. Starts Gatehouse on a fresh schema of the local PostgreSQL
# (127.0.0.1:5432, user postgres, database test), warms it up, then measures over loopback only:
#   - bearer-JWT GET /me and API-token GET /me with wrk (installed from Debian if missing),
#   - refresh-token rotation with wrk and refresh.lua (one connection per thread, each rotating
#     its own token family, so every request is a real single-use exchange).
# Stops the server and drops the schema afterwards. Every run is bounded in time.
# Usage: bench/tokens.sh [seconds per scenario] [connections]
# Build first: ./mvnw -B -q package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-32}
command -v wrk > /dev/null || { apt-get update -q > /dev/null && apt-get install -y -q wrk > /dev/null; }
schema="bench_$(date +%s)"
psql -q -h 127.0.0.1 -U postgres test -c "CREATE SCHEMA $schema"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
log=$(mktemp)
MICRONAUT_SERVER_PORT=$port GATEHOUSE_DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema" \
  GATEHOUSE_DB_USER=postgres GATEHOUSE_DATA_DIR="$(mktemp -d)" GATEHOUSE_LOG_LEVEL=WARN \
  java -XX:SharedArchiveFile=app/target/gatehouse.jsa -jar app/target/gatehouse.jar > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; psql -q -h 127.0.0.1 -U postgres test -c "DROP SCHEMA $schema CASCADE"' EXIT
base="http://127.0.0.1:$port"
until curl -sf -o /dev/null "$base/health"; do
  kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.1
done
json() { python3 -c "import sys,json; print(json.load(sys.stdin)['$1'])"; }
curl -sf -X POST "$base/api/v1/signup" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"benchmark passphrase"}' > /dev/null
access=$(curl -sf -X POST "$base/api/v1/auth/jwt" -H 'Content-Type: application/json' \
  -d '{"username":"bench@example.com","password":"benchmark passphrase"}' | json access)
api_token=$(curl -sf -X POST "$base/api/v1/me/api-tokens" -H "Authorization: Bearer $access" \
  -H 'Content-Type: application/json' -d '{}' | json access_token)

echo "Gatehouse on PostgreSQL, $(nproc) cores, $(java -version 2>&1 | head -1)"
# Warm-up: let the JIT compile the request path before anything is measured.
wrk -t2 -c"$connections" -d30s -H "Authorization: Bearer $access" "$base/api/v1/me" > /dev/null
wrk -t2 -c"$connections" -d10s -H "Authorization: Bearer $api_token" "$base/api/v1/me" > /dev/null
for scenario in "bearer JWT GET /me:$access" "API token GET /me:$api_token"; do
  name=${scenario%%:*}
  token=${scenario#*:}
  echo "== $name (wrk, $connections connections, ${seconds}s)"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$base/api/v1/me" \
    | grep -E 'Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%'
done
tokens_file=$(mktemp)
for _ in $(seq 1 "$connections"); do
  curl -sf -X POST "$base/api/v1/auth/jwt" -H 'Content-Type: application/json' \
    -d '{"username":"bench@example.com","password":"benchmark passphrase"}' | json refresh >> "$tokens_file"
done
echo "== refresh rotation (wrk + bench/refresh.lua, $connections families, ${seconds}s)"
GATEHOUSE_REFRESH_TOKENS=$tokens_file wrk -t"$connections" -c"$connections" -d"${seconds}s" --latency \
  -s bench/refresh.lua "$base" | grep -E 'Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%'
echo "server RSS after the run: $(( $(ps -o rss= -p $pid) / 1024 )) MB"
