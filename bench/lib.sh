# Shared by bench/suite.sh and bench/versus-keycloak.sh (sourced, not run).

# A free TCP port on loopback.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# CPU time (clock ticks, user + system) a process has used so far; 0 once it is gone.
cpu() { awk '{print $14 + $15}' "/proc/$1/stat" 2> /dev/null || echo 0; }

# CPU time of all PostgreSQL processes together.
pg_cpu() { local t=0 p; for p in $(pgrep -u postgres postgres); do t=$(( t + $(cpu "$p") )); done; echo $t; }

# settle <pid>: waits (at most 30 s) until the server and PostgreSQL are idle, so that the JIT compiling
# the previous scenario's code or autovacuum after it is not counted against the next one.
settle() {
  local i before
  for i in $(seq 1 30); do
    before=$(( $(cpu "$1") + $(pg_cpu) ))
    sleep 1
    [ $(( $(cpu "$1") + $(pg_cpu) - before )) -lt $(( $(getconf CLK_TCK) / 20 )) ] && return
  done
  echo "(still busy after 30 s; measuring anyway)"
}

# await_answer <url> <pid> <log>: polls until the URL answers 2xx; prints the log and fails if the
# process dies first.
await_answer() {
  until curl -sf -o /dev/null "$1"; do
    kill -0 "$2" 2> /dev/null || { cat "$3"; return 1; }
    sleep 0.01
  done
}

command -v wrk > /dev/null || { apt-get update -q > /dev/null && apt-get install -y -q wrk > /dev/null; }
