#!/usr/bin/env bash
# Peak memory (RSS, from /usr/bin/time) of ktool's streaming commands next to kcat, on one topic:
# produce from a pipe, consume -e (-f '%v\n' and --json), consume -g -e, and mirror --until-caught-up
# (to a renamed topic on the same cluster) vs `kcat -C -e | kcat -P`. Run it at two sizes (say
# 500000 and 2000000 records) to see that memory does not grow with the topic. ROUNDS rounds (see
# bench/rounds.sh); prints every run, then each command's median time and its largest peak RSS.
# Usage: bench/memory.sh [BOOTSTRAP|""] [RECORDS] [RECORD_BYTES]
#   env ROUNDS (default 1).
set -euo pipefail
N=${2:-500000}
SIZE=${3:-100}
ROUNDS=${ROUNDS:-1}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
KTOOL="$ROOT/bin/ktool"
. "$ROOT/bench/broker.sh"
B=$(bench_broker "${1:-}")
WORK=$(mktemp -d)
TOPIC="bench-memory-$$-$(date +%s)"
CREATED=("$TOPIC")
cleanup() {
  for t in "${CREATED[@]}"; do "$KTOOL" topics delete "$t" -b "$B" --yes >/dev/null 2>&1 || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
. "$ROOT/bench/rounds.sh"

node "$ROOT/bench/make-records.mjs" "$N" "$SIZE" "$WORK/records.txt"
"$KTOOL" topics create "$TOPIC" -p 3 -b "$B" >/dev/null
kcat -P -b "$B" -t "$TOPIC" -l "$WORK/records.txt"

# A fresh target topic per run (3 partitions), deleted at the end.
fresh() {
  local t="$TOPIC.$1.$2"
  "$KTOOL" topics create "$t" -p 3 -b "$B" >/dev/null
  CREATED+=("$t")
  echo "$t"
}

tools=(ktool-produce kcat-produce ktool-consume ktool-json ktool-group kcat-consume ktool-mirror kcat-pipe)
run() { # tool, round
  local t
  case $1 in
    ktool-produce) t=$(fresh p "$2"); timed "$1" "$2" "$N" /dev/null /dev/null sh -c 'cat "$0" | "$@"' "$WORK/records.txt" \
      "$KTOOL" produce "$t" -b "$B" ;;
    kcat-produce) t=$(fresh k "$2"); timed "$1" "$2" "$N" /dev/null /dev/null sh -c 'cat "$0" | "$@"' "$WORK/records.txt" \
      kcat -P -b "$B" -t "$t" ;;
    ktool-consume) timed "$1" "$2" "$N" /dev/null /dev/null "$KTOOL" consume "$TOPIC" -b "$B" -o start -e -f '%v\n' ;;
    ktool-json) timed "$1" "$2" "$N" /dev/null /dev/null "$KTOOL" consume "$TOPIC" -b "$B" -o start -e --json ;;
    ktool-group) timed "$1" "$2" "$N" /dev/null /dev/null "$KTOOL" consume "$TOPIC" -b "$B" -g "bench-memory-$$-$2" -e -f '%v\n' ;;
    kcat-consume) timed "$1" "$2" "$N" /dev/null /dev/null kcat -C -e -q -b "$B" -t "$TOPIC" -f '%s\n' ;;
    ktool-mirror)
      CREATED+=("m$2.$TOPIC")
      timed "$1" "$2" "$N" /dev/null /dev/null "$KTOOL" mirror --from-bootstrap "$B" --to-bootstrap "$B" --topics "$TOPIC" \
        --rename "m$2.{topic}" --group "bench-memory-m-$$-$2" --until-caught-up ;;
    kcat-pipe) t=$(fresh c "$2"); timed "$1" "$2" "$N" /dev/null /dev/null \
      sh -c "kcat -C -e -q -b '$B' -t '$TOPIC' -f '%s\n' | kcat -P -b '$B' -t '$t'" ;;
  esac
}

echo "$N records of $SIZE bytes, 3 partitions, broker $B, $ROUNDS round(s)"
rounds run "${tools[@]}"
echo "median of $ROUNDS round(s); peak RSS: the largest of the rounds"
for tool in "${tools[@]}"; do
  [ -f "$WORK/runs.$tool" ] && printf '  %-16s %6.2fs %5d MB peak RSS\n' "$tool" "$(median_secs "$tool")" "$(max_rss "$tool")"
done
