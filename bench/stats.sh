#!/usr/bin/env bash
# ktool stats against a Kafka Streams application doing the same aggregation against the broker,
# end to end (JVM start included), on one topic of N JSON records {"x": ...} with K distinct keys,
# timestamps 1 ms apart (so tumbling 1-minute windows close as the read goes on):
#   ktool-stats   ktool stats TOPIC -o start -e --by key --tumbling 1m --count --avg .value.x
#   streams       bench/stats/BenchStreams.java (kafka-streams 4.3.1: groupByKey, the same tumbling window, count
#                 and sum, emit final), run as a single-file source program; it stops after N records
# ROUNDS rounds (bench/rounds.sh); prints every run (seconds, records/s, peak RSS), the medians and the ratio.
# The Streams jars come from Maven Central once (test/stats/streams-ref/pom.xml, cached like the test's).
# Usage: bench/stats.sh [BOOTSTRAP|""] [RECORDS] [KEYS]     env ROUNDS (default 3), KTOOL_STREAMS_REF_JARS
set -euo pipefail
N=${2:-1000000}
K=${3:-100000}
ROUNDS=${ROUNDS:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
KTOOL="$ROOT/bin/ktool"
. "$ROOT/bench/broker.sh"
B=$(bench_broker "${1:-}")
JARS=${KTOOL_STREAMS_REF_JARS:-${XDG_CACHE_HOME:-$HOME/.cache}/ktool/kafka-streams/4.3.1}
if [ ! -f "$JARS/kafka-streams-4.3.1.jar" ]; then
  mvn -B -q -f "$ROOT/test/stats/streams-ref/pom.xml" dependency:copy-dependencies -DoutputDirectory="$JARS" -DincludeScope=runtime
fi
WORK=$(mktemp -d)
TOPIC="bench-stats-$$-$(date +%s)"
cleanup() {
  "$KTOOL" topics delete "$TOPIC" -b "$B" --yes >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
. "$ROOT/bench/rounds.sh"

# Stamped near now (a broker deletes records stamped more than 7 days back), 1 ms apart.
node -e '
const [n, k] = [Number(process.argv[1]), Number(process.argv[2])]; const t0 = Date.now() - n; let s = "";
const fs = require("fs"); const fd = fs.openSync(process.argv[3], "w");
for (let i = 0; i < n; i++) {
  s += JSON.stringify({ key: "k" + ((i * 7919) % k), value: JSON.stringify({ x: i % 1000, id: i }), timestamp: t0 + i }) + "\n";
  if (s.length > 1 << 20) { fs.writeSync(fd, s); s = ""; }
}
fs.writeSync(fd, s);' "$N" "$K" "$WORK/records.json"
"$KTOOL" topics create "$TOPIC" -p 3 -b "$B" >/dev/null
"$KTOOL" produce --input json "$TOPIC" -b "$B" -q < "$WORK/records.json"

run() { # tool, round
  case $1 in
    ktool-stats) timed "$1" "$2" "$N" /dev/null "$WORK/out.$2" \
      "$KTOOL" stats "$TOPIC" -b "$B" -o start -e --by key --tumbling 1m --count --avg .value.x
      echo "  $(wc -l < "$WORK/out.$2") windows" ;;
    streams) timed "$1" "$2" "$N" /dev/null "$WORK/streams.$2" java -cp "$JARS/*" "$ROOT/bench/stats/BenchStreams.java" "$B" "$TOPIC" "$N"
      echo "  $(cat "$WORK/streams.$2")" ;;
  esac
}
rounds run ktool-stats streams
summary "$N" ktool-stats streams
