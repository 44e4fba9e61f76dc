#!/usr/bin/env bash
# ktool perf against Kafka's own perf tools on the same broker, in alternating rounds: producer
# (1M x 100 B by default, acks=1 then acks=all, each run on a fresh 1-partition topic: same
# settings on both sides, the Java client's defaults otherwise) and consumer (the acks=1 topic,
# read by a new group). Prints each run's total line; compare the records/sec and latency columns.
# Usage: bench/perf.sh [BOOTSTRAP|""] [RECORDS] [RECORD_BYTES]; env ROUNDS (default 2), KAFKA_LIBS.
set -euo pipefail
N=${2:-1000000}
SIZE=${3:-100}
ROUNDS=${ROUNDS:-2}
LIBS=${KAFKA_LIBS:-${XDG_CACHE_HOME:-$HOME/.cache}/ktool/kafka/4.3.1/libs}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
KTOOL="$ROOT/bin/ktool"
. "$ROOT/bench/broker.sh"
B=$(bench_broker "${1:-}")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"; "$KTOOL" topics delete "perfbench-$$-.*" --yes -b "$B" >/dev/null 2>&1 || true' EXIT
printf 'rootLogger.level=ERROR\n' >"$WORK/log4j2.properties"
java_tool() { java -Xshare:auto -cp "$LIBS/*" -Dlog4j2.configurationFile="$WORK/log4j2.properties" "$@"; }

for round in $(seq 1 "$ROUNDS"); do
  for acks in 1 all; do
    for side in java ktool; do
      t="perfbench-$$-$round-$acks-$side"
      "$KTOOL" topics create "$t" -b "$B" >/dev/null
      args=(--topic "$t" --num-records "$N" --record-size "$SIZE" --throughput -1 --bootstrap-server "$B" --command-property "acks=$acks")
      if [ "$side" = java ]; then line=$(java_tool org.apache.kafka.tools.ProducerPerformance "${args[@]}" | tail -1)
      else line=$("$KTOOL" perf produce "${args[@]}" | tail -1); fi
      echo "produce acks=$acks round $round $side: $line"
    done
  done
  for side in java ktool; do
    t="perfbench-$$-$round-1-java"
    args=(--bootstrap-server "$B" --topic "$t" --num-records "$N" --hide-header)
    if [ "$side" = java ]; then line=$(java_tool org.apache.kafka.tools.ConsumerPerformance "${args[@]}" | tail -1)
    else line=$("$KTOOL" perf consume "${args[@]}" | tail -1); fi
    echo "consume round $round $side: $line"
  done
done
