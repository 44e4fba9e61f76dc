# Sourced by the benchmarks (after setting ROOT, the repository).

# bench_init DEFAULT_ROUNDS [BOOTSTRAP|""] [RECORDS] [RECORD_BYTES]: the settings every benchmark
# shares: N records (default 1,000,000) of SIZE bytes (100), ROUNDS (the env's, else DEFAULT_ROUNDS),
# LIBS (KAFKA_LIBS, else ktool's cache of Kafka 4.3.1's jars), KTOOL, B (the bootstrap: bench_broker),
# BROKER_PID (the process listening on B's port when it runs on this machine, else empty) and WORK
# (a new scratch directory: the caller's EXIT trap removes it).
bench_init() {
  local rounds=$1
  shift
  N=${2:-1000000}
  SIZE=${3:-100}
  ROUNDS=${ROUNDS:-$rounds}
  LIBS=${KAFKA_LIBS:-${XDG_CACHE_HOME:-$HOME/.cache}/ktool/kafka/4.3.1/libs}
  KTOOL="$ROOT/bin/ktool"
  B=$(bench_broker "${1:-}")
  BROKER_PID=$(broker_pid "$B")
  WORK=$(mktemp -d)
}

# broker_pid BOOTSTRAP: the pid listening on its (first) port on this machine, if any. The benchmarks
# print the broker's CPU time per run next to the tool's: on a small machine the broker's share decides
# the wall time as much as the tool's does.
broker_pid() {
  local port=${1%%,*}
  port=${port##*:}
  ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true
}

# bench_broker ARG: prints the bootstrap to use: ARG when given, else the broker `ktool local start`
# runs (started if needed). Needs KTOOL.
bench_broker() {
  if [ -n "${1:-}" ]; then
    echo "$1"
  else
    "$KTOOL" local start >/dev/null 2>&1 || return 1
    "$KTOOL" local status --json | node -e 'process.stdin.on("data", (d) => console.log(JSON.parse(d).bootstrap))'
  fi
}
