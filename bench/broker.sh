# Sourced by the benchmarks. bench_broker ARG: prints the bootstrap to use: ARG when given, else the
# broker `ktool local start` runs (started if needed). Needs KTOOL.
bench_broker() {
  if [ -n "${1:-}" ]; then
    echo "$1"
  else
    "$KTOOL" local start >/dev/null 2>&1 || return 1
    "$KTOOL" local status --json | node -e 'process.stdin.on("data", (d) => console.log(JSON.parse(d).bootstrap))'
  fi
}
