#!/usr/bin/env bash
# Side-by-side producer throughput, start-up included: ktool produce vs kcat -P vs Kafka's
# ConsoleProducer, each reading the same file on stdin into a fresh 3-partition topic. ROUNDS rounds
# (see bench/rounds.sh); prints every run, the medians and the ratios.
# Usage: bench/produce.sh [BOOTSTRAP|""] [RECORDS] [RECORD_BYTES]
#   env ROUNDS (default 3); KAFKA_LIBS (default: ktool's jar cache) for ConsoleProducer; SKIP_JAVA=1 to skip it.
set -euo pipefail
N=${2:-1000000}
SIZE=${3:-100}
ROUNDS=${ROUNDS:-3}
LIBS=${KAFKA_LIBS:-${XDG_CACHE_HOME:-$HOME/.cache}/ktool/kafka/4.3.1/libs}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
KTOOL="$ROOT/bin/ktool"
# Default broker: the one `ktool local start` runs (started if needed).
if [ -n "${1:-}" ]; then B=$1; else "$KTOOL" local start >/dev/null 2>&1; B=$("$KTOOL" local status --json | node -e 'process.stdin.on("data", (d) => console.log(JSON.parse(d).bootstrap))'); fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
. "$ROOT/bench/rounds.sh"
FILE="$WORK/records.txt"
node "$ROOT/bench/make-records.mjs" "$N" "$SIZE" "$FILE"

tools=(ktool kcat)
[ -z "${SKIP_JAVA:-}" ] && [ -d "$LIBS" ] && tools+=(ConsoleProducer)

run() { # tool, round
  local topic="bench-$1-$$-$2-$(date +%s)"
  "$KTOOL" topics create "$topic" -p 3 -b "$B" >/dev/null
  case $1 in
    ktool) timed "$1" "$2" "$N" "$FILE" /dev/null "$KTOOL" produce "$topic" -b "$B" ;;
    kcat) timed "$1" "$2" "$N" "$FILE" /dev/null kcat -b "$B" -P -t "$topic" ;;
    ConsoleProducer) timed "$1" "$2" "$N" "$FILE" /dev/null java -cp "$LIBS/*" org.apache.kafka.tools.ConsoleProducer --bootstrap-server "$B" --topic "$topic" ;;
  esac
  "$KTOOL" topics delete "$topic" -b "$B" --yes >/dev/null || true
}

echo "$N records of $SIZE bytes, 3 partitions, broker $B, $ROUNDS rounds"
rounds run "${tools[@]}"
summary "$N" "${tools[@]}"
