#!/usr/bin/env bash
# ktool perf against Kafka's own perf tools on the same broker, in alternating rounds (the side that
# goes first alternates): producer (ProducerPerformance vs `ktool perf produce`, the same command line:
# N x SIZE B, acks=1 then acks=all, each run on a fresh 1-partition topic, the Java client's defaults
# otherwise), consumer (ConsumerPerformance vs `ktool perf consume`: the round's acks=1 topic, a new
# group each) and end-to-end latency (EndToEndLatency vs `ktool perf e2e`: E2E_RECORDS, one at a time).
# Prints each run's result line, then per scenario the median of the rounds with their range and
# ktool / Java (bench/perf-table.mjs).
#
# Usage: bench/perf.sh [BOOTSTRAP|""] [RECORDS] [RECORD_BYTES] [THROUGHPUT]
#   THROUGHPUT (or env THROUGHPUT): --throughput for both producers, records/s; -1 (default): no limit.
#   env ROUNDS (default 2), KAFKA_LIBS, ACKS (default "1 all"), E2E_RECORDS (default 10000; 0: no e2e),
#   WARMUP (records; default 0): --warmup-records for both producers: each also prints a steady-state
#   line (the records after the first WARMUP), summarised on its own.
#
# What the latencies mean (the same in both tools): from send() to the acknowledgement, time waiting
# for buffer.memory (32 MiB) and queued behind earlier batches included. With THROUGHPUT -1 the loop
# outruns the broker or not: where it does, up to 32 MiB of batches queue and latency is mostly that
# queue (~ 32 MiB / MB/s), so compare latencies at a set THROUGHPUT below both tools' -1 rate. The
# JVM's first seconds (class loading, JIT) lengthen Java's early latencies: set WARMUP (e.g. a
# quarter of RECORDS) and read the steady-state rows for latency.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/broker.sh"
bench_init 2 "$@"
THROUGHPUT=${4:-${THROUGHPUT:--1}}
WARMUP=${WARMUP:-0}
E2E=${E2E_RECORDS:-10000}
trap 'rm -rf "$WORK"; "$KTOOL" topics delete "perfbench-$$-.*" --yes -b "$B" >/dev/null 2>&1 || true' EXIT
printf 'rootLogger.level=ERROR\n' >"$WORK/log4j2.properties"
java_tool() { java -Xshare:auto -cp "$LIBS/*" -Dlog4j2.configurationFile="$WORK/log4j2.properties" "$@"; }
RESULTS="$WORK/results"
warm=()
[ "$WARMUP" -gt 0 ] && warm=(--warmup-records "$WARMUP")

# keep SCENARIO SIDE: the result lines on stdin, printed and kept for the summary.
keep() {
  local line
  while IFS= read -r line; do
    echo "$1 $2: $line"
    printf '%s\t%s\t%s\n' "$1" "$2" "$line" >>"$RESULTS"
  done
}

# sides ROUND: java then ktool in odd rounds, ktool then java in even ones.
sides() { if (($1 % 2)); then echo java ktool; else echo ktool java; fi; }

produce() { # round acks side
  local t="perfbench-$$-$1-$2-$3"
  "$KTOOL" topics create "$t" -p 1 -b "$B" >/dev/null
  local args=(--topic "$t" --num-records "$N" --record-size "$SIZE" --throughput "$THROUGHPUT" --bootstrap-server "$B"
    --command-property "acks=$2" "${warm[@]}")
  if [ "$3" = java ]; then java_tool org.apache.kafka.tools.ProducerPerformance "${args[@]}"; else "$KTOOL" perf produce "${args[@]}"; fi |
    grep ' records sent, .* 99\.9th\.$' | keep "produce acks=$2" "$3"
}

consume() { # round side: the round's acks=1 topic (java's), read whole by a new group
  local args=(--bootstrap-server "$B" --topic "perfbench-$$-$1-1-java" --num-records "$N" --hide-header)
  if [ "$2" = java ]; then java_tool org.apache.kafka.tools.ConsumerPerformance "${args[@]}"; else "$KTOOL" perf consume "${args[@]}"; fi |
    tail -1 | keep consume "$2"
}

e2e() { # round side
  local t="perfbench-$$-$1-e2e-$2"
  "$KTOOL" topics create "$t" -p 1 -b "$B" >/dev/null
  local args=(--bootstrap-server "$B" --topic "$t" --num-records "$E2E" --producer-acks 1 --record-size "$SIZE")
  if [ "$2" = java ]; then java_tool org.apache.kafka.tools.EndToEndLatency "${args[@]}"; else "$KTOOL" perf e2e "${args[@]}"; fi |
    grep -E '^(Avg latency|Percentiles)' | paste -sd' ' | keep "e2e acks=1, $E2E records" "$2"
}

note=""
[ "$WARMUP" -gt 0 ] && note=", --warmup-records $WARMUP"
echo "$N records of $SIZE bytes, --throughput $THROUGHPUT$note, broker $B, $ROUNDS rounds"
[ "$THROUGHPUT" = -1 ] && echo "(no rate limit: latencies include up to buffer.memory of queue; compare them at a set THROUGHPUT)"
for round in $(seq 1 "$ROUNDS"); do
  for acks in ${ACKS:-1 all}; do
    for side in $(sides "$round"); do produce "$round" "$acks" "$side"; done
  done
  if [[ " ${ACKS:-1 all} " == *" 1 "* ]]; then
    for side in $(sides "$round"); do consume "$round" "$side"; done
  fi
  if [ "$E2E" -gt 0 ]; then
    for side in $(sides "$round"); do e2e "$round" "$side"; done
  fi
done
echo
node "$ROOT/bench/perf-table.mjs" "$RESULTS"
