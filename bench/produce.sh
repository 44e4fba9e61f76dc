#!/usr/bin/env bash
# Side-by-side producer throughput: ktool produce vs kcat -P vs Kafka's ConsoleProducer.
# Each round runs every tool once, in a rotating order (the broker is slower for whoever goes first
# after a quiet spell), into a fresh 3-partition topic; the summary is the median round per tool.
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
FILE="$WORK/records.txt"

node "$ROOT/bench/make-records.mjs" "$N" "$SIZE" "$FILE"

tools=(ktool kcat)
[ -z "${SKIP_JAVA:-}" ] && [ -d "$LIBS" ] && tools+=(ConsoleProducer)

command_for() { # tool, topic
  case $1 in
    ktool) echo "$KTOOL" produce "$2" -b "$B" ;;
    kcat) echo kcat -b "$B" -P -t "$2" ;;
    ConsoleProducer) echo java -cp "$LIBS/*" org.apache.kafka.tools.ConsoleProducer --bootstrap-server "$B" --topic "$2" ;;
  esac
}

run() { # tool, round
  local tool=$1 topic="bench-$1-$$-$2-$(date +%s)"
  "$KTOOL" topics create "$topic" -p 3 -b "$B" >/dev/null
  local cmd; read -r -a cmd <<< "$(command_for "$tool" "$topic")"
  /usr/bin/time -f '%e %M' -o "$WORK/time" "${cmd[@]}" < "$FILE" >/dev/null 2>"$WORK/err" || { echo "$tool failed:"; cat "$WORK/err"; }
  read -r secs rss < "$WORK/time"
  printf 'round %d  %-16s %6.2fs %10d records/s %5d MB peak RSS\n' "$2" "$tool" "$secs" "$(awk -v n="$N" -v s="$secs" 'BEGIN { printf "%d", n / s }')" $((rss / 1024))
  echo "$secs $((rss / 1024))" >> "$WORK/runs.$tool"
  "$KTOOL" topics delete "$topic" -b "$B" --yes >/dev/null || true
}

echo "$N records of $SIZE bytes, 3 partitions, broker $B, $ROUNDS rounds"
for ((r = 1; r <= ROUNDS; r++)); do
  for ((i = 0; i < ${#tools[@]}; i++)); do run "${tools[(i + r - 1) % ${#tools[@]}]}" "$r"; done
done

median_secs() { sort -n "$WORK/runs.$1" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
max_rss() { sort -n -k2 "$WORK/runs.$1" | tail -1 | cut -d' ' -f2; }
echo "median of $ROUNDS rounds:"
for tool in "${tools[@]}"; do
  printf '  %-16s %6.2fs %10d records/s %5d MB peak RSS (max)\n' "$tool" "$(median_secs "$tool")" "$(awk -v n="$N" -v s="$(median_secs "$tool")" 'BEGIN { printf "%d", n / s }')" "$(max_rss "$tool")"
done
k=$(median_secs ktool)
for other in "${tools[@]:1}"; do
  awk -v a="$k" -v b="$(median_secs "$other")" -v o="$other" 'BEGIN { printf "ktool / %s: %.2fx\n", o, b / a }'
done
