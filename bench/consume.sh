#!/usr/bin/env bash
# Side-by-side consumer throughput on one topic, start-up included, all to a file: ktool consume
# (-f '%v\n' and --json) vs kcat -C -e vs Kafka's ConsoleConsumer. ROUNDS rounds (see
# bench/rounds.sh); prints every run, the medians and the ratios.
# Usage: bench/consume.sh [BOOTSTRAP|""] [RECORDS] [RECORD_BYTES]
#   env ROUNDS (default 3); KAFKA_LIBS (default: ktool's jar cache) for ConsoleConsumer; SKIP_JAVA=1 to skip it.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/broker.sh"
bench_init 3 "$@"
TOPIC="bench-consume-$$-$(date +%s)"
trap '"$KTOOL" topics delete "$TOPIC" -b "$B" --yes >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
. "$ROOT/bench/rounds.sh"

node "$ROOT/bench/make-records.mjs" "$N" "$SIZE" "$WORK/records.txt"
"$KTOOL" topics create "$TOPIC" -p 3 -b "$B" >/dev/null
kcat -P -b "$B" -t "$TOPIC" -l "$WORK/records.txt"

tools=(ktool ktool-json kcat)
[ -z "${SKIP_JAVA:-}" ] && [ -d "$LIBS" ] && tools+=(ConsoleConsumer)

run() { # tool, round
  case $1 in
    ktool) timed "$1" "$2" "$N" /dev/null "$WORK/out" "$KTOOL" consume "$TOPIC" -b "$B" -o start -e -f '%v\n' ;;
    ktool-json) timed "$1" "$2" "$N" /dev/null "$WORK/out" "$KTOOL" consume "$TOPIC" -b "$B" -o start -e --json ;;
    kcat) timed "$1" "$2" "$N" /dev/null "$WORK/out" kcat -C -e -q -b "$B" -t "$TOPIC" -f '%s\n' ;;
    ConsoleConsumer) timed "$1" "$2" "$N" /dev/null "$WORK/out" java -cp "$LIBS/*" org.apache.kafka.tools.consumer.ConsoleConsumer \
      --bootstrap-server "$B" --topic "$TOPIC" --from-beginning --max-messages "$N" ;;
  esac
  local lines; lines=$(wc -l < "$WORK/out")
  [ "$lines" -eq "$N" ] || echo "  ($1 wrote $lines lines, not $N)"
}

echo "$N records of $SIZE bytes, 3 partitions, broker $B, $ROUNDS rounds (ktool: -f '%v\\n'; ktool-json: --json)"
rounds run "${tools[@]}"
summary "$N" "${tools[@]}"
