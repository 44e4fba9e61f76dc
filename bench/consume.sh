#!/usr/bin/env bash
# Side-by-side consumer throughput on one topic: ktool consume (-f '%v\n' and --json) vs kcat -C -e
# vs Kafka's ConsoleConsumer, all to /dev/null, including start-up. Prints records/s, peak RSS, ratios.
# Usage: bench/consume.sh [BOOTSTRAP|""] [RECORDS] [RECORD_BYTES]
#   env KAFKA_LIBS (default: ktool's jar cache) for ConsoleConsumer; SKIP_JAVA=1 to skip it.
set -euo pipefail
N=${2:-1000000}
SIZE=${3:-100}
LIBS=${KAFKA_LIBS:-${XDG_CACHE_HOME:-$HOME/.cache}/ktool/kafka/4.3.1/libs}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
KTOOL="$ROOT/bin/ktool"
# Default broker: the one `ktool local start` runs (started if needed).
if [ -n "${1:-}" ]; then B=$1; else "$KTOOL" local start >/dev/null 2>&1; B=$("$KTOOL" local status --json | node -e 'process.stdin.on("data", (d) => console.log(JSON.parse(d).bootstrap))'); fi
WORK=$(mktemp -d)
TOPIC="bench-consume-$$-$(date +%s)"
trap '"$KTOOL" topics delete "$TOPIC" -b "$B" --yes >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

node "$ROOT/bench/make-records.mjs" "$N" "$SIZE" "$WORK/records.txt"
"$KTOOL" topics create "$TOPIC" -p 3 -b "$B" >/dev/null
kcat -P -b "$B" -t "$TOPIC" -l "$WORK/records.txt"

run() { # name, command...
  local name=$1; shift
  /usr/bin/time -f '%e %M' -o "$WORK/time" "$@" >"$WORK/out" 2>"$WORK/err" || { echo "$name failed:"; cat "$WORK/err"; return; }
  local lines; lines=$(wc -l < "$WORK/out")
  read -r secs rss < "$WORK/time"
  local rate; rate=$(awk -v n="$lines" -v s="$secs" 'BEGIN { printf "%d", n / s }')
  printf '%-22s %8.2fs %10s records/s %6d MB peak RSS (%d records)\n' "$name" "$secs" "$rate" $((rss / 1024)) "$lines"
  echo "$rate" > "$WORK/rate.$name"
}

echo "$N records of $SIZE bytes, 3 partitions, broker $B"
run "ktool -f '%v\\n'" "$KTOOL" consume "$TOPIC" -b "$B" -o start -e -f '%v\n'
run "ktool --json" "$KTOOL" consume "$TOPIC" -b "$B" -o start -e --json
run "kcat -C -e" kcat -C -e -q -b "$B" -t "$TOPIC" -f '%s\n'
if [ -z "${SKIP_JAVA:-}" ] && [ -d "$LIBS" ]; then
  run ConsoleConsumer java -cp "$LIBS/*" org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$B" --topic "$TOPIC" --from-beginning --max-messages "$N"
fi
k=$(cat "$WORK/rate.ktool -f '%v\\n'")
for other in "kcat -C -e" ConsoleConsumer; do
  [ -f "$WORK/rate.$other" ] && awk -v a="$k" -v b="$(cat "$WORK/rate.$other")" -v o="$other" 'BEGIN { printf "ktool / %s: %.2fx\n", o, a / b }'
done
