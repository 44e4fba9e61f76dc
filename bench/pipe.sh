#!/usr/bin/env bash
# ktool pipe against the shell pipeline it replaces, on one topic of JSON records, start-up included:
#   ktool-pipe       ktool pipe IN OUT -o start -e                        (keys, headers, timestamps kept)
#   ktool-pipe-where ktool pipe ... --where 'value.price < 50'           (parses every value, keeps half)
#   ktool-pipe-map   ktool pipe ... --map '({id: value.id, price: value.price * 2})' (parse + JSON per record)
#   consume|produce  ktool consume IN -e --json | ktool produce --input json OUT   (the same copy in two processes)
#   consume|produce-values  ktool consume IN -e -f '%v\n' | ktool produce OUT       (values only: keys/headers lost)
# Each run writes to a new output topic (3 partitions) and its record count is checked. ROUNDS rounds
# (bench/rounds.sh); prints every run, the medians and the ratios.
# Usage: bench/pipe.sh [BOOTSTRAP|""] [RECORDS]     env ROUNDS (default 3)
set -euo pipefail
N=${2:-1000000}
ROUNDS=${ROUNDS:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
KTOOL="$ROOT/bin/ktool"
. "$ROOT/bench/broker.sh"
B=$(bench_broker "${1:-}")
WORK=$(mktemp -d)
TOPIC="bench-pipe-$$-$(date +%s)"
cleanup() {
  "$KTOOL" topics list -b "$B" --json | node -e '
    let s = "";
    process.stdin.on("data", (d) => (s += d)).on("end", () => {
      for (const t of JSON.parse(s)) if (t.name.startsWith(process.argv[1])) console.log(t.name);
    })' "$TOPIC" | xargs -r "$KTOOL" topics delete -b "$B" --yes >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
. "$ROOT/bench/rounds.sh"

# About 100-byte JSON values, keyed, with a header: what a pipe must carry over. Stamped near now (a
# local broker's retention check deletes records stamped more than 7 days back).
node -e '
const n = Number(process.argv[1]); const t0 = Date.now() - n; const pad = "x".repeat(40); let s = "";
const fs = require("fs"); const fd = fs.openSync(process.argv[2], "w");
for (let i = 0; i < n; i++) {
  s += JSON.stringify({ key: "k" + (i % 1000), value: JSON.stringify({ id: i, price: i % 100, name: "item-" + i, pad }),
    headers: { src: "bench" }, timestamp: t0 + i }) + "\n";
  if (s.length > 1 << 20) { fs.writeSync(fd, s); s = ""; }
}
fs.writeSync(fd, s);' "$N" "$WORK/records.json"
"$KTOOL" topics create "$TOPIC" -p 3 -b "$B" >/dev/null
"$KTOOL" produce --input json "$TOPIC" -b "$B" -q < "$WORK/records.json"

tools=(ktool-pipe ktool-pipe-where ktool-pipe-map "consume|produce" "consume|produce-values")
run() { # tool, round
  local out="$TOPIC-out-$2-${1//|/-}" expect=$N
  "$KTOOL" topics create "$out" -p 3 -b "$B" >/dev/null
  case $1 in
    ktool-pipe) timed "$1" "$2" "$N" /dev/null /dev/null "$KTOOL" pipe "$TOPIC" "$out" -b "$B" -o start -e ;;
    ktool-pipe-where) expect=$((N / 2))
      timed "$1" "$2" "$N" /dev/null /dev/null "$KTOOL" pipe "$TOPIC" "$out" -b "$B" -o start -e --where 'value.price < 50' ;;
    ktool-pipe-map) timed "$1" "$2" "$N" /dev/null /dev/null "$KTOOL" pipe "$TOPIC" "$out" -b "$B" -o start -e \
      --map '({id: value.id, price: value.price * 2})' ;;
    "consume|produce") timed "$1" "$2" "$N" /dev/null /dev/null bash -c \
      "'$KTOOL' consume '$TOPIC' -b '$B' -o start -e --json | '$KTOOL' produce --input json '$out' -b '$B' -q" ;;
    "consume|produce-values") timed "$1" "$2" "$N" /dev/null /dev/null bash -c \
      "'$KTOOL' consume '$TOPIC' -b '$B' -o start -e -f '%v\n' | '$KTOOL' produce '$out' -b '$B' -q" ;;
  esac
  local got; got=$("$KTOOL" offsets "$out" -b "$B" --json | node -e \
    'let s="";process.stdin.on("data",(d)=>s+=d).on("end",()=>{let n=0;for(const p of JSON.parse(s))n+=Number(p.offset);console.log(n)})')
  [ "$got" -eq "$expect" ] || echo "  ($1 wrote $got records, not $expect)"
}

echo "$N JSON records (~100 bytes, keyed, one header), 3 partitions, broker $B, $ROUNDS rounds"
rounds run "${tools[@]}"
summary "$N" "${tools[@]}"
