#!/usr/bin/env bash
# ktool stats against a Kafka Streams application doing the same aggregation against the broker,
# end to end (JVM start included), on one topic of N JSON records {"x": ...} with K distinct keys,
# timestamps 1 ms apart (so tumbling 1-minute windows close as the read goes on):
#   ktool-stats   ktool stats TOPIC -o start -e --by key --tumbling 1m --count --avg .value.x
#   ktool-stats-eos   the same with --emit final -g APP --to OUT --until-caught-up: exactly once (a transaction every 100 ms with
#                 the rows, the changed windows in APP-stats-store-changelog and the offsets); issue 13 wants at least
#                 half the display mode's throughput
#   streams       bench/stats/BenchStreams.java (kafka-streams 4.3.1: groupByKey, the same tumbling window, count
#                 and sum, emit final), run as a single-file source program; it stops after N records
# ROUNDS rounds (bench/rounds.sh); prints every run (seconds, records/s, peak RSS), the medians and the ratio.
# The Streams jars come from Maven Central once (test/stats/streams-ref/pom.xml, cached like the test's).
# Usage: bench/stats.sh [BOOTSTRAP|""] [RECORDS] [KEYS]     env ROUNDS (default 3), KTOOL_STREAMS_REF_JARS,
#        TOOLS (default "ktool-stats ktool-stats-eos streams")
set -euo pipefail
N=${2:-1000000}
K=${3:-100000}
ROUNDS=${ROUNDS:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
KTOOL="$ROOT/bin/ktool"
. "$ROOT/bench/broker.sh"
B=$(bench_broker "${1:-}")
TOOLS=${TOOLS:-ktool-stats ktool-stats-eos streams}
JARS=${KTOOL_STREAMS_REF_JARS:-${XDG_CACHE_HOME:-$HOME/.cache}/ktool/kafka-streams/4.3.1}
if [[ " $TOOLS " == *" streams "* ]] && [ ! -f "$JARS/kafka-streams-4.3.1.jar" ]; then
  mvn -B -q -f "$ROOT/test/stats/streams-ref/pom.xml" dependency:copy-dependencies -DoutputDirectory="$JARS" -DincludeScope=runtime
fi
WORK=$(mktemp -d)
TOPIC="bench-stats-$$-$(date +%s)"
cleanup() {
  "$KTOOL" topics delete "$TOPIC" "$TOPIC-out" -b "$B" --yes --if-exists >/dev/null 2>&1 || true
  for r in $(seq 1 "$ROUNDS"); do "$KTOOL" stats reset "$TOPIC-app$r" -b "$B" --execute >/dev/null 2>&1 || true; done
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
"$KTOOL" topics create "$TOPIC-out" -p 3 -b "$B" >/dev/null
"$KTOOL" produce --input json "$TOPIC" -b "$B" -q < "$WORK/records.json"

run() { # tool, round
  case $1 in
    ktool-stats) timed "$1" "$2" "$N" /dev/null "$WORK/out.$2" \
      "$KTOOL" stats "$TOPIC" -b "$B" -o start -e --by key --tumbling 1m --count --avg .value.x
      echo "  $(wc -l < "$WORK/out.$2") windows" ;;
    ktool-stats-eos) timed "$1" "$2" "$N" /dev/null "$WORK/eos.$2" \
      "$KTOOL" stats "$TOPIC" -b "$B" --by key --tumbling 1m --count --avg .value.x --emit final \
      -g "$TOPIC-app$2" --to "$TOPIC-out" --until-caught-up
      echo "  $(tail -1 "$WORK/err")" ;;
    streams) timed "$1" "$2" "$N" /dev/null "$WORK/streams.$2" java -cp "$JARS/*" "$ROOT/bench/stats/BenchStreams.java" "$B" "$TOPIC" "$N"
      echo "  $(cat "$WORK/streams.$2")" ;;
  esac
}
# shellcheck disable=SC2086
rounds run $TOOLS
# shellcheck disable=SC2086
summary "$N" $TOOLS
if [ -f "$WORK/runs.ktool-stats" ] && [ -f "$WORK/runs.ktool-stats-eos" ]; then
  awk -v a="$(median_secs ktool-stats)" -v b="$(median_secs ktool-stats-eos)" \
    'BEGIN { printf "exactly-once --to throughput / display mode: %.2f (issue 13 wants >= 0.5)\n", a / b }'
fi
