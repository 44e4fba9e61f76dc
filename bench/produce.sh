#!/usr/bin/env bash
# Side-by-side producer throughput: ktool produce vs kcat -P vs Kafka's ConsoleProducer.
# Usage: bench/produce.sh [BOOTSTRAP|""] [RECORDS] [RECORD_BYTES]
#   env KAFKA_LIBS (default: ktool's jar cache) for ConsoleProducer; SKIP_JAVA=1 to skip it.
set -euo pipefail
N=${2:-1000000}
SIZE=${3:-100}
LIBS=${KAFKA_LIBS:-${XDG_CACHE_HOME:-$HOME/.cache}/ktool/kafka/4.3.1/libs}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
KTOOL="$ROOT/bin/ktool"
# Default broker: the one `ktool local start` runs (started if needed).
if [ -n "${1:-}" ]; then B=$1; else "$KTOOL" local start >/dev/null 2>&1; B=$("$KTOOL" local status --json | node -e 'process.stdin.on("data", (d) => console.log(JSON.parse(d).bootstrap))'); fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FILE="$WORK/records.txt"

node "$ROOT/bench/make-records.mjs" "$N" "$SIZE" "$FILE"

run() { # name, topic, command...
  local name=$1 topic=$2; shift 2
  "$KTOOL" topics create "$topic" -p 3 -b "$B" >/dev/null
  /usr/bin/time -f '%e %M' -o "$WORK/time" "$@" < "$FILE" >/dev/null 2>"$WORK/err" || { echo "$name failed:"; cat "$WORK/err"; }
  read -r secs rss < "$WORK/time"
  local rate; rate=$(awk -v n="$N" -v s="$secs" 'BEGIN { printf "%d", n / s }')
  printf '%-16s %8.2fs %12s records/s %8d MB peak RSS\n' "$name" "$secs" "$rate" $((rss / 1024))
  echo "$rate" > "$WORK/rate.$name"
  "$KTOOL" topics delete "$topic" -b "$B" --yes >/dev/null || true
}

tag=$$-$(date +%s)
echo "$N records of $SIZE bytes, 3 partitions, broker $B"
run ktool "bench-ktool-$tag" "$KTOOL" produce "bench-ktool-$tag" -b "$B"
run kcat "bench-kcat-$tag" kcat -b "$B" -P -t "bench-kcat-$tag"
if [ -z "${SKIP_JAVA:-}" ] && [ -d "$LIBS" ]; then
  run ConsoleProducer "bench-java-$tag" java -cp "$LIBS/*" org.apache.kafka.tools.ConsoleProducer --bootstrap-server "$B" --topic "bench-java-$tag"
fi
k=$(cat "$WORK/rate.ktool")
for other in kcat ConsoleProducer; do
  [ -f "$WORK/rate.$other" ] && awk -v a="$k" -v b="$(cat "$WORK/rate.$other")" -v o="$other" 'BEGIN { printf "ktool / %s: %.2fx\n", o, a / b }'
done
