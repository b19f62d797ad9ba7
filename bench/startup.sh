#!/usr/bin/env bash
# Time from `java -jar` to the first served request (GET /health answering 200), on embedded H2.
# Usage: bench/startup.sh [runs] [extra JVM options...]   (build first: ./mvnw -B -q package -DskipTests)
# Each run uses a throwaway H2 file database and a free loopback port. GATEHOUSE_STARTUP_DATABASE=fresh
# (the default) times a first start, which creates the schema; =existing times a restart: the database
# is created by an untimed start first, as on every start of a running installation after its first.
set -euo pipefail
cd "$(dirname "$0")/.."
java=$(bin/find-java)  # a JDK >= 25, as ./gatehouse uses
runs=${1:-5}
shift || true
jar=app/target/gatehouse.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -B -q package -DskipTests" >&2; exit 1; }
results=()
for run in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  if [ "${GATEHOUSE_STARTUP_DATABASE:-fresh}" = existing ]; then
    MICRONAUT_SERVER_PORT=$port GATEHOUSE_DB_URL="jdbc:h2:file:$dir/gatehouse" GATEHOUSE_DATA_DIR="$dir" \
      "$java" "$@" -jar "$jar" > "$dir/first.log" 2>&1 &
    pid=$!
    until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.05; done
    kill $pid; wait $pid 2>/dev/null || true
  fi
  start=$(date +%s%N)
  MICRONAUT_SERVER_PORT=$port GATEHOUSE_DB_URL="jdbc:h2:file:$dir/gatehouse" \
    GATEHOUSE_DATA_DIR="$dir" "$java" "$@" -jar "$jar" > "$dir/log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 $pid 2>/dev/null || { echo "server died:"; cat "$dir/log"; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  rss=$(ps -o rss= -p $pid | tr -d ' ')
  kill $pid; wait $pid 2>/dev/null || true
  ms=$(( (end - start) / 1000000 ))
  results+=("$ms")
  echo "run $run: first request served after ${ms} ms (RSS $((rss / 1024)) MB)"
  rm -rf "$dir"
done
printf '%s\n' "${results[@]}" | sort -n | awk '{a[NR]=$1} END {print "median: " a[int((NR+1)/2)] " ms over " NR " runs"}'
