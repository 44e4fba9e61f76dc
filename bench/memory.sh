#!/usr/bin/env bash
# Peak memory (RSS, from /usr/bin/time) of ktool's streaming commands next to kcat, on one topic:
# produce from a pipe, consume -e (-f '%v\n' and --json), consume -g -e (-f and --json), mirror
# --until-caught-up (to a renamed topic on the same cluster) vs `kcat -C -e | kcat -P`, pipe -e (at
# least once), pipe -g (exactly once, stopped with SIGINT once its output holds every record), stats
# -o start -e (the display, NDJSON) and stats -g --to --until-caught-up. Run it at two sizes (say
# 500000 and 2000000 records) to see that memory does not
# grow with the topic. ROUNDS rounds (see bench/rounds.sh); prints every run, then each command's
# median time and its largest peak RSS.
# Usage: bench/memory.sh [BOOTSTRAP|""] [RECORDS] [RECORD_BYTES]
#   env ROUNDS (default 1); TOOLS (default: all below); INPUT=text (RECORD_BYTES lines, no key, via
#   kcat) or json (keyed JSON records of ~60 bytes as bench/stats.sh makes them, 100000 keys, via
#   ktool produce --input json; stats-group needs it).
set -euo pipefail
N=${2:-500000}
SIZE=${3:-100}
ROUNDS=${ROUNDS:-1}
# Memory, not speed: no warm-up round unless asked for (bench/rounds.sh).
WARMUP=${WARMUP:-0}
INPUT=${INPUT:-text}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
KTOOL="$ROOT/bin/ktool"
. "$ROOT/bench/broker.sh"
B=$(bench_broker "${1:-}")
WORK=$(mktemp -d)
TOPIC="bench-memory-$$-$(date +%s)"
CREATED=("$TOPIC")
# The applications' internal topics and groups first (reset), then every topic named after TOPIC
# (fresh() runs in a command substitution: what it adds to CREATED is lost) and the mirror targets.
cleanup() {
  for ((r = 1; r <= ROUNDS; r++)); do
    "$KTOOL" stats reset "$TOPIC.stats$r" -b "$B" --execute >/dev/null 2>&1 || true
    "$KTOOL" pipe reset "$TOPIC.pipe$r" -b "$B" --execute >/dev/null 2>&1 || true
  done
  "$KTOOL" topics list -b "$B" --json 2>/dev/null | node -e '
    let s = "";
    process.stdin.on("data", (d) => (s += d)).on("end", () => {
      for (const t of JSON.parse(s)) if (t.name.startsWith(process.argv[1] + ".")) console.log(t.name);
    })' "$TOPIC" >"$WORK/topics" || true
  while read -r t; do CREATED+=("$t"); done <"$WORK/topics"
  for t in "${CREATED[@]}"; do "$KTOOL" topics delete "$t" -b "$B" --yes >/dev/null 2>&1 || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
. "$ROOT/bench/rounds.sh"

node "$ROOT/bench/make-records.mjs" "$N" "$SIZE" "$WORK/records.txt"
"$KTOOL" topics create "$TOPIC" -p 3 -b "$B" >/dev/null
if [ "$INPUT" = json ]; then
  # Stamped near now (a broker deletes records stamped more than 7 days back), 1 ms apart.
  node -e '
  const n = Number(process.argv[1]); const t0 = Date.now() - n; let s = "";
  const fs = require("fs"); const fd = fs.openSync(process.argv[2], "w");
  for (let i = 0; i < n; i++) {
    s += JSON.stringify({ key: "k" + ((i * 7919) % 100000), value: JSON.stringify({ x: i % 1000, id: i }), timestamp: t0 + i }) + "\n";
    if (s.length > 1 << 20) { fs.writeSync(fd, s); s = ""; }
  }
  fs.writeSync(fd, s);' "$N" "$WORK/records.json"
  "$KTOOL" produce --input json "$TOPIC" -b "$B" -q <"$WORK/records.json"
else
  kcat -P -b "$B" -t "$TOPIC" -l "$WORK/records.txt"
fi

# A fresh target topic per run (3 partitions), deleted at the end.
fresh() {
  local t="$TOPIC.$1.$2"
  "$KTOOL" topics create "$t" -p 3 -b "$B" >/dev/null
  CREATED+=("$t")
  echo "$t"
}

# Records in a topic (the sum of its end offsets).
count() {
  "$KTOOL" offsets "$1" -b "$B" --json |
    node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () =>
      console.log(JSON.parse(s).reduce((n, p) => n + Number(p.offset), 0)))'
}

# pipe -g runs until stopped: SIGINT (it commits what it processed, exit 130) once OUT holds every record.
# (bin/ktool execs node: the pid written is node's.)
pipe_group() { # round, out topic
  rm -f "$WORK/pipe.pid"
  ( while [ ! -s "$WORK/pipe.pid" ] || [ "$(count "$2")" -lt "$N" ]; do sleep 1; done
    kill -INT "$(cat "$WORK/pipe.pid")" ) &
  local stopper=$!
  timed ktool-pipe-group "$1" "$N" /dev/null /dev/null sh -c '"$@" || [ $? = 130 ]' sh sh -c 'echo $$ >"$0"; exec "$@"' \
    "$WORK/pipe.pid" "$KTOOL" pipe "$TOPIC" "$2" -b "$B" -o start -g "$TOPIC.pipe$1"
  wait "$stopper" || true
}

if [ -n "${TOOLS:-}" ]; then read -ra tools <<<"$TOOLS"; else
  tools=(ktool-produce kcat-produce ktool-consume ktool-json ktool-group ktool-json-group kcat-consume ktool-mirror kcat-pipe
    ktool-pipe ktool-pipe-group)
  [ "$INPUT" = json ] && tools+=(ktool-stats ktool-stats-group)
fi
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
    ktool-json-group) timed "$1" "$2" "$N" /dev/null /dev/null "$KTOOL" consume "$TOPIC" -b "$B" -g "bench-memory-j-$$-$2" -e --json ;;
    ktool-pipe) t=$(fresh e "$2"); timed "$1" "$2" "$N" /dev/null /dev/null "$KTOOL" pipe "$TOPIC" "$t" -b "$B" -o start -e ;;
    ktool-pipe-group) pipe_group "$2" "$(fresh g "$2")" ;;
    ktool-stats) timed "$1" "$2" "$N" /dev/null /dev/null "$KTOOL" stats "$TOPIC" -b "$B" -o start -e --by key --tumbling 1m --count \
      --avg .value.x ;;
    ktool-stats-group) t=$(fresh s "$2"); timed "$1" "$2" "$N" /dev/null /dev/null "$KTOOL" stats "$TOPIC" -b "$B" --by key \
      --tumbling 1m --count --avg .value.x --emit final -g "$TOPIC.stats$2" --to "$t" --until-caught-up ;;
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
