#!/usr/bin/env bash
# Keycloak and Gatehouse side by side, in one run, on the same PostgreSQL; prints the ratios of issue #17.
# README, "Against Keycloak". Usage: bench/versus-keycloak.sh [seconds per scenario=20]
# (or bench/suite.sh --keycloak [seconds]). Build first: ./mvnw -B -q -Pbench install -DskipTests
#
# Keycloak: the keycloak-quarkus-dist zip from Maven Central (GATEHOUSE_BENCH_KEYCLOAK_VERSION, default
# 26.7.3), fetched once into bench/target with the Maven wrapper and built once for PostgreSQL
# (`kc.sh build`, its production step), then started with `kc.sh start --optimized` (production mode, its
# own default JVM options) on a fresh database. Gatehouse: started as README says
# (`java @app/jvm.options -jar app/target/gatehouse.jar`) on a fresh schema. One server at a time, each
# measured the same way:
#   start -> first answer  launch to the first 2xx (Keycloak: GET /realms/master, which needs its master
#                          realm created; Gatehouse: GET /health, which needs its schema migrated)
#   password login         -t2 -c8: Keycloak's password grant (public client, scope openid) against
#                          POST /api/v1/auth/login; one argon2id or PBKDF2 hash per request, eight in flight
#   refresh rotation       -t16 -c16: each connection rotates its own token, presenting the one the
#                          previous answer returned
#   bearer -> identity     -t2 -c32, one access token: Keycloak's userinfo against GET /api/v1/me
#   RSS after the load     of the server process, after the three scenarios
# Gatehouse runs twice: with its default RS256 signing keys, then with GATEHOUSE_JWT_ALGORITHM=ES256.
# Each gets the same warm-up (each scenario for a few seconds) before anything is measured. Under the
# table, Gatehouse's refresh rotation against its signing floor on the cores it really got in that
# scenario (its CPU time over the wall time, divided by one signature's time from
# io.gatehouse.bench.Floors).
set -euo pipefail
cd "$(dirname "$0")/.."
java=$(bin/find-java)  # a JDK >= 25: Gatehouse's runtime, and one Keycloak 26 runs on
seconds=${1:-20}
version=${GATEHOUSE_BENCH_KEYCLOAK_VERSION:-26.7.3}
classpath=app/target/gatehouse.jar:bench/target/classes:saml/target/test-classes
[ -f app/target/gatehouse.jar ] && [ -d bench/target/classes/io ] \
  || { echo "build first: ./mvnw -B -q -Pbench install -DskipTests" >&2; exit 1; }
source bench/lib.sh
keycloak=bench/target/keycloak-$version
export JAVA_HOME=${java%/bin/java}
if [ ! -f "$keycloak/lib/quarkus/build-system.properties" ] || [ ! -f "$keycloak/.built-for-postgres" ]; then
  echo "== fetching and building Keycloak $version (once)"
  ./mvnw -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" -DoutputDirectory=bench/target
  rm -rf "$keycloak"
  unzip -q -d bench/target "bench/target/keycloak-quarkus-dist-$version.zip"
  "$keycloak/bin/kc.sh" build --db=postgres > bench/target/keycloak-build.log 2>&1
  touch "$keycloak/.built-for-postgres"
fi

work=$(mktemp -d)
schema="versus_$(date +%s)"
keycloak_database="keycloak_$schema"
pid=       # the server's JVM: measured, then stopped
launcher=  # what this script started (Keycloak's kc.sh runs its JVM as a child)
stop_server() {
  [ -n "$pid" ] && { kill "$pid" 2> /dev/null; while kill -0 "$pid" 2> /dev/null; do sleep 0.1; done; }
  [ -n "$launcher" ] && { wait "$launcher" 2> /dev/null || true; }
  pid= launcher=
}
cleanup() {
  stop_server
  psql -q -h 127.0.0.1 -U postgres test -c "DROP SCHEMA IF EXISTS $schema CASCADE" \
    -c "DROP DATABASE IF EXISTS $keycloak_database" 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
echo "$(nproc) cores, $("$java" -version 2>&1 | head -1), Keycloak $version, ${seconds}s per scenario"

echo "== floors"
# shellcheck disable=SC2086 # with Gatehouse's JVM options, as in bench/suite.sh
"$java" @app/jvm.options -cp "$classpath" io.gatehouse.bench.Floors jdbc:postgresql://127.0.0.1:5432/test postgres \
  "$work/floors.properties" 2> /dev/null

# measure <system> <scenario> <wrk threads> <connections> <wrk arguments...>: one row of results, with
# the CPU time the server and PostgreSQL spent meanwhile.
measure() {
  local system=$1 name=$2 threads=$3 connections=$4 server_before pg_before line
  shift 4
  echo "== $system: $name ($connections connections, ${seconds}s)"
  settle "$pid"
  server_before=$(cpu "$pid")
  pg_before=$(pg_cpu)
  line=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" "$@" | tee -a /dev/stderr | grep '^RESULT')
  echo "$system|$name|$line cpu_server=$(( $(cpu "$pid") - server_before )) cpu_pg=$(( $(pg_cpu) - pg_before ))" >> "$work/results"
}
# started <system> <url> <launch time in ns> <log>: waits for the first answer and records the time.
started() {
  await_answer "$2" "$pid" "$4"
  echo "$1|start|ms=$(( ($(date +%s%N) - $3) / 1000000 ))" >> "$work/results"
}
# after_load <system>: records the server's RSS, then stops it.
after_load() {
  echo "$1|rss|mb=$(( $(ps -o rss= -p "$pid") / 1024 ))" >> "$work/results"
  stop_server
}
password="benchmark passphrase"
email=bench@example.com

# ---- Keycloak
psql -q -h 127.0.0.1 -U postgres test -c "CREATE DATABASE $keycloak_database"
port=$(free_port)
base="http://127.0.0.1:$port"
admin_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
launched=$(date +%s%N)
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=$admin_password \
  "$keycloak/bin/kc.sh" start --optimized --http-enabled=true --http-host=127.0.0.1 --http-port="$port" \
  --hostname-strict=false --db-url="jdbc:postgresql://127.0.0.1:5432/$keycloak_database" --db-username=postgres \
  > "$work/keycloak.log" 2>&1 &
launcher=$!
until pid=$(pgrep -P "$launcher" -f QuarkusEntryPoint); do
  kill -0 "$launcher" 2> /dev/null || { cat "$work/keycloak.log"; exit 1; }
  sleep 0.01
done
started Keycloak "$base/realms/master" "$launched" "$work/keycloak.log"
python3 bench/keycloak-fixtures.py "$base" "$admin_password" "$email" "$password" 32 "$work"
head -16 "$work/refresh" > "$work/refresh_warm-up"
tail -16 "$work/refresh" > "$work/refresh_measured"
token_path=/realms/bench/protocol/openid-connect/token
login_form="grant_type=password&client_id=bench&scope=openid&username=$email&password=${password// /+}"
export GATEHOUSE_BENCH_CONTENT_TYPE=application/x-www-form-urlencoded GATEHOUSE_REFRESH_KEYCLOAK_REALM=bench
echo "== Keycloak: warm-up"
GATEHOUSE_BENCH_BODY=$login_form wrk -t2 -c8 -d5s -s bench/wrk/post.lua "$base$token_path" > /dev/null
GATEHOUSE_REFRESH_TOKENS=$work/refresh_warm-up wrk -t16 -c16 -d5s -s bench/wrk/refresh.lua "$base" > /dev/null
wrk -t2 -c32 -d10s -H "Authorization: Bearer $(cat "$work/access")" "$base/realms/bench/protocol/openid-connect/userinfo" > /dev/null
GATEHOUSE_BENCH_BODY=$login_form measure Keycloak login 2 8 -s bench/wrk/post.lua "$base$token_path"
GATEHOUSE_REFRESH_TOKENS=$work/refresh_measured measure Keycloak refresh 16 16 -s bench/wrk/refresh.lua "$base"
measure Keycloak bearer 2 32 -s bench/wrk/get.lua -H "Authorization: Bearer $(cat "$work/access")" \
  "$base/realms/bench/protocol/openid-connect/userinfo"
after_load Keycloak
unset GATEHOUSE_BENCH_CONTENT_TYPE GATEHOUSE_REFRESH_KEYCLOAK_REALM

# ---- Gatehouse, as README starts it: with its default RS256 keys, then with GATEHOUSE_JWT_ALGORITHM=ES256
# gatehouse <label> <algorithm>: one whole Gatehouse round on a fresh schema.
gatehouse() {
  local label=$1 algorithm=$2 login_json="{\"email\":\"$email\",\"password\":\"$password\"}"
  psql -q -h 127.0.0.1 -U postgres test -c "DROP SCHEMA IF EXISTS $schema CASCADE" -c "CREATE SCHEMA $schema" 2> /dev/null
  port=$(free_port)
  base="http://127.0.0.1:$port"
  launched=$(date +%s%N)
  MICRONAUT_SERVER_PORT=$port GATEHOUSE_PUBLIC_URL=$base GATEHOUSE_DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema" \
    GATEHOUSE_DB_USER=postgres GATEHOUSE_DATA_DIR="$work/data-$algorithm" GATEHOUSE_LOG_LEVEL=WARN GATEHOUSE_JWT_ALGORITHM=$algorithm \
    "$java" @app/jvm.options -jar app/target/gatehouse.jar > "$work/gatehouse.log" 2>&1 &
  pid=$! launcher=$!
  started "$label" "$base/health" "$launched" "$work/gatehouse.log"
  "$java" -cp "$classpath" io.gatehouse.bench.SuiteFixtures "$base" "$work" 0 32 2> >(grep -v SLF4J >&2)
  head -16 "$work/refresh" > "$work/refresh_warm-up"
  tail -16 "$work/refresh" > "$work/refresh_measured"
  echo "== $label: warm-up"
  GATEHOUSE_BENCH_BODY=$login_json wrk -t2 -c8 -d5s -s bench/wrk/post.lua "$base/api/v1/auth/login" > /dev/null
  GATEHOUSE_REFRESH_TOKENS=$work/refresh_warm-up wrk -t16 -c16 -d5s -s bench/wrk/refresh.lua "$base" > /dev/null
  wrk -t2 -c32 -d10s -H "Authorization: Bearer $(cat "$work/access")" "$base/api/v1/me" > /dev/null
  GATEHOUSE_BENCH_BODY=$login_json measure "$label" login 2 8 -s bench/wrk/post.lua "$base/api/v1/auth/login"
  GATEHOUSE_REFRESH_TOKENS=$work/refresh_measured measure "$label" refresh 16 16 -s bench/wrk/refresh.lua "$base"
  measure "$label" bearer 2 32 -s bench/wrk/get.lua -H "Authorization: Bearer $(cat "$work/access")" "$base/api/v1/me"
  after_load "$label"
}
gatehouse Gatehouse RS256
gatehouse "Gatehouse ES256" ES256

python3 - "$work/results" "$work/floors.properties" "$(getconf CLK_TCK)" <<'EOF'
import sys
results_file, floors_file, hz = sys.argv[1], sys.argv[2], int(sys.argv[3])
floors = {k: int(v) / 1e9 for k, v in (line.strip().split('=') for line in open(floors_file)
                                       if '=' in line and not line.startswith('#'))}
rows = {}
for line in open(results_file):
    system, name, rest = line.strip().split('|')
    rows[(system, name)] = dict(f.split('=') for f in rest.split() if '=' in f)


def rps(system, name):
    return int(rows[(system, name)]['ok']) / float(rows[(system, name)]['seconds'])


def seconds(system, name):
    return int(rows[(system, name)]['ms']) / 1000


def megabytes(system, name):
    return int(rows[(system, name)]['mb'])


# scenario, label, value, format, goal of issue #17: Gatehouse / Keycloak against a bound
table = [('login', 'password login (-t2 -c8)', rps, '{:,.0f}/s', '>=', 2),
         ('refresh', 'refresh rotation (-t16 -c16)', rps, '{:,.0f}/s', '>=', 3),
         ('bearer', 'bearer -> identity (-t2 -c32)', rps, '{:,.0f}/s', '>=', 3),
         ('start', 'start -> first answer, fresh database', seconds, '{:,.1f} s', '<=', 1 / 8),
         ('rss', 'RSS after the load', megabytes, '{:,.0f} MB', '<=', 1 / 3)]
systems = ['Gatehouse', 'Gatehouse ES256']
print()
print('| scenario | Keycloak | ' + ' | '.join(f'{s} | ratio' for s in systems) + ' | goal |')
print('|---|---:|' + '---:|---:|' * len(systems) + '---|')
for name, label, value, fmt, op, bound in table:
    cells = [label, fmt.format(value('Keycloak', name))]
    for system in systems:
        ratio = value(system, name) / value('Keycloak', name)
        met = ratio >= bound if op == '>=' else ratio <= bound
        cells += [fmt.format(value(system, name)), f"{ratio:.2f}{'' if met else ' (missed)'}"]
    print('| ' + ' | '.join(cells) + f' | {op} {bound:.2f} |')
for system in ['Keycloak'] + systems:
    errors = sum(int(rows[(system, n)]['errors']) for n in ('login', 'refresh', 'bearer'))
    if errors:
        print(f"{system}: {errors} requests failed (not counted above)")
print()
for system, floor_key in (('Gatehouse', 'sign_rs256'), ('Gatehouse ES256', 'sign_es256')):
    refresh = rows[(system, 'refresh')]
    cores = int(refresh['cpu_server']) / hz / float(refresh['seconds'])
    floor_rps = cores / floors[floor_key]
    print(f"{system} refresh rotation: {rps(system, 'refresh'):,.0f}/s on the {cores:.2f} cores the server got, "
          f"{rps(system, 'refresh') / floor_rps:.0%} of its signing floor there ({floor_rps:,.0f}/s at "
          f"{floors[floor_key] * 1000:.3f} ms per signature); per rotation: server CPU "
          f"{int(refresh['cpu_server']) * 1000 / hz / int(refresh['ok']):.2f} ms, "
          f"PostgreSQL {int(refresh['cpu_pg']) * 1000 / hz / int(refresh['ok']):.2f} ms")
EOF
