#!/usr/bin/env bash
# Side-by-side producer throughput, start-up included: ktool produce vs kcat -P vs Kafka's
# ConsoleProducer, each reading the same file on stdin into a fresh topic (3 partitions, or PARTITIONS). ROUNDS rounds
# (see bench/rounds.sh); prints every run, the medians and the ratios.
# Usage: bench/produce.sh [BOOTSTRAP|""] [RECORDS] [RECORD_BYTES]
#   env ROUNDS (default 3); KAFKA_LIBS (default: ktool's jar cache) for ConsoleProducer; SKIP_JAVA=1 to skip it;
#   INPUT=stdin (default: the file on stdin) | file (ktool --file, kcat -l) | pipe (cat FILE | tool);
#   COMPRESSION=lz4|zstd|gzip|snappy (ktool --compression, kcat -z, ConsoleProducer --compression-codec).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/broker.sh"
bench_init 3 "$@"
trap 'rm -rf "$WORK"' EXIT
. "$ROOT/bench/rounds.sh"
FILE="$WORK/records.txt"
node "$ROOT/bench/make-records.mjs" "$N" "$SIZE" "$FILE"

tools=(ktool kcat)
[ -z "${SKIP_JAVA:-}" ] && [ -d "$LIBS" ] && tools+=(ConsoleProducer)

INPUT=${INPUT:-stdin}
Z=${COMPRESSION:-}
# The same input for every tool: the file on stdin, the file by name, or a pipe from cat.
input() { # tool-specific file arguments... -- command...
  case $INPUT in
    file) timed "$tool" "$round" "$N" /dev/null /dev/null "$@" ;;
    pipe) timed "$tool" "$round" "$N" /dev/null /dev/null sh -c 'cat "$0" | "$@"' "$FILE" "$@" ;;
    *) timed "$tool" "$round" "$N" "$FILE" /dev/null "$@" ;;
  esac
}

run() { # tool, round
  local tool=$1 round=$2
  local topic="bench-$1-$$-$2-$(date +%s)"
  "$KTOOL" topics create "$topic" -p "${PARTITIONS:-3}" -b "$B" >/dev/null
  local f=()
  case $1 in
    ktool)
      [ "$INPUT" = file ] && f=(--file "$FILE")
      input "$KTOOL" produce "$topic" -b "$B" ${Z:+--compression "$Z"} "${f[@]}" ;;
    kcat)
      [ "$INPUT" = file ] && f=(-l "$FILE")
      input kcat -b "$B" -P -t "$topic" ${Z:+-z "$Z"} "${f[@]}" ;;
    ConsoleProducer) input java -cp "$LIBS/*" org.apache.kafka.tools.ConsoleProducer \
      --bootstrap-server "$B" --topic "$topic" ${Z:+--compression-codec "$Z"} ;;
  esac
  "$KTOOL" topics delete "$topic" -b "$B" --yes >/dev/null || true
}

echo "$N records of $SIZE bytes, ${PARTITIONS:-3} partitions, input $INPUT${Z:+, compression $Z}, broker $B, $ROUNDS rounds"
rounds run "${tools[@]}"
summary "$N" "${tools[@]}"
