#!/usr/bin/env bash
# ACS throughput on PostgreSQL: signed-response SAML logins per second (io.gatehouse.bench.AcsBenchmark).
# Starts Gatehouse on a fresh schema of the local PostgreSQL (127.0.0.1:5432, user postgres, database
# test), lets the benchmark configure a workspace with an in-process test IdP, pre-sign the responses,
# warm up, and post the rest over loopback. Stops the server and drops the schema afterwards.
# The load generator is wrk with bench/acs.lua (installed from Debian if missing): much lighter than a
# JVM client, which matters on two shared cores. Each pre-signed response is posted once.
# Usage: bench/acs.sh [responses] [connections] [seconds]
# Build first: ./mvnw -B -q -Pbench install -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
responses=${1:-20000}
connections=${2:-16}
seconds=${3:-10}
command -v wrk > /dev/null || { apt-get update -q > /dev/null && apt-get install -y -q wrk > /dev/null; }
schema="bench_$(date +%s)"
psql -q -h 127.0.0.1 -U postgres test -c "CREATE SCHEMA $schema"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
log=$(mktemp)
MICRONAUT_SERVER_PORT=$port GATEHOUSE_PUBLIC_URL="http://127.0.0.1:$port" GATEHOUSE_DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema" \
  GATEHOUSE_DB_USER=postgres GATEHOUSE_DATA_DIR="$(mktemp -d)" GATEHOUSE_LOG_LEVEL=WARN \
  java ${GATEHOUSE_BENCH_JAVA_OPTS:-} -XX:SharedArchiveFile=app/target/gatehouse.jsa -jar app/target/gatehouse.jar > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; psql -q -h 127.0.0.1 -U postgres test -c "DROP SCHEMA $schema CASCADE"' EXIT
base="http://127.0.0.1:$port"
until curl -sf -o /dev/null "$base/health"; do
  kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.1
done
echo "Gatehouse on PostgreSQL, $(nproc) cores, $(java -version 2>&1 | head -1)"
bodies=$(mktemp)
acs_path=$(java -cp "app/target/gatehouse.jar:bench/target/classes:saml/target/test-classes" io.gatehouse.bench.AcsBenchmark \
  "$base" "$responses" "$connections" "$bodies" | tee /dev/stderr | sed -n 's/^ACS_PATH=//p')
echo "== measured: existing users, signed Response (wrk + bench/acs.lua, $connections connections, ${seconds}s)"
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
pg_cpu() { local t=0; for p in $(pgrep -u postgres postgres); do t=$(( t + $(cpu "$p" 2>/dev/null || echo 0) )); done; echo $t; }
server_before=$(cpu $pid); pg_before=$(pg_cpu)
GATEHOUSE_ACS_BODIES=$bodies GATEHOUSE_ACS_PATH=$acs_path GATEHOUSE_ACS_THREADS=$connections \
  wrk -t"$connections" -c"$connections" -d"${seconds}s" --latency -s bench/acs.lua "$base" \
  | grep -E 'Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%|successful'
hz=$(getconf CLK_TCK)
echo "CPU during the measured run: Gatehouse $(( ($(cpu $pid) - server_before) * 1000 / hz )) ms, PostgreSQL $(( ($(pg_cpu) - pg_before) * 1000 / hz )) ms"
rm -f "$bodies"
echo "server RSS after the run: $(( $(ps -o rss= -p $pid) / 1024 )) MB"
