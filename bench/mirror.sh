#!/usr/bin/env bash
# Mirror throughput between two clusters, end to end (start-up included): ktool mirror
# --until-caught-up vs `kcat -C -e | kcat -P` vs MirrorMaker 2 (dedicated mode, from the jars, timed
# until the target holds every record). Prints records/s, peak RSS and ratios.
# Usage: bench/mirror.sh [SOURCE_BOOTSTRAP|""] [TARGET_BOOTSTRAP|""] [RECORDS] [RECORD_BYTES]
#   Without bootstraps, two local clusters (ktool-bench-src, ktool-bench-dst) are started and stopped.
#   env KAFKA_LIBS (default: ktool's jar cache) for MirrorMaker 2; SKIP_JAVA=1 to skip it.
set -euo pipefail
N=${3:-1000000}
SIZE=${4:-100}
LIBS=${KAFKA_LIBS:-${XDG_CACHE_HOME:-$HOME/.cache}/ktool/kafka/4.3.1/libs}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
KTOOL="$ROOT/bin/ktool"
WORK=$(mktemp -d)
export KTOOL_CONFIG="$WORK/config.yaml"
STARTED=()
bootstrap_of() { node -e 'let s="";process.stdin.on("data",(d)=>s+=d).on("end",()=>console.log(JSON.parse(s).bootstrap))'; }
if [ -n "${1:-}" ]; then S=$1; else S=$("$KTOOL" local start --name ktool-bench-src --json | bootstrap_of); STARTED+=(ktool-bench-src); fi
if [ -n "${2:-}" ]; then D=$2; else D=$("$KTOOL" local start --name ktool-bench-dst --json | bootstrap_of); STARTED+=(ktool-bench-dst); fi
TOPIC="bench-mirror-$$-$(date +%s)"
MM2_PID=""
cleanup() {
  [ -n "$MM2_PID" ] && kill "$MM2_PID" 2>/dev/null || true
  "$KTOOL" topics delete "$TOPIC" -b "$S" --yes >/dev/null 2>&1 || true
  for t in "ktool.$TOPIC" "kcat.$TOPIC" "mm2.$TOPIC"; do "$KTOOL" topics delete "$t" -b "$D" --yes >/dev/null 2>&1 || true; done
  for c in "${STARTED[@]}"; do "$KTOOL" local stop --name "$c" >/dev/null 2>&1 || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

node "$ROOT/bench/make-records.mjs" "$N" "$SIZE" "$WORK/records.txt"
"$KTOOL" topics create "$TOPIC" -p 3 -b "$S" >/dev/null
kcat -P -b "$S" -t "$TOPIC" -l "$WORK/records.txt"
for t in "ktool.$TOPIC" "kcat.$TOPIC"; do "$KTOOL" topics create "$t" -p 3 -b "$D" >/dev/null; done

# Records in a target topic: the sum of its partitions' end offsets.
count() { kcat -Q -b "$D" -t "$1:0:-1" -t "$1:1:-1" -t "$1:2:-1" 2>/dev/null | awk '{ n += $NF } END { print n + 0 }'; }

report() { # name, seconds, rss-kb, records
  local rate; rate=$(awk -v n="$4" -v s="$2" 'BEGIN { printf "%d", n / s }')
  printf '%-26s %8.2fs %10s records/s %6s MB peak RSS (%d records in the target)\n' "$1" "$2" "$rate" "$3" "$4"
  echo "$rate" > "$WORK/rate.$1"
}

timed() { # name, target topic, command...
  local name=$1 topic=$2; shift 2
  /usr/bin/time -f '%e %M' -o "$WORK/time" "$@" >/dev/null 2>"$WORK/err" || { echo "$name failed:"; cat "$WORK/err"; return; }
  read -r secs rss < "$WORK/time"
  report "$name" "$secs" $((rss / 1024)) "$(count "$topic")"
}

echo "$N records of $SIZE bytes, 3 partitions, $S -> $D"
timed "ktool mirror" "ktool.$TOPIC" "$KTOOL" mirror --from-bootstrap "$S" --to-bootstrap "$D" --topics "$TOPIC" \
  --rename 'ktool.{topic}' --group "bench-$$" --until-caught-up
timed "kcat -C -e | kcat -P" "kcat.$TOPIC" sh -c "kcat -C -e -q -b '$S' -t '$TOPIC' -f '%s\n' | kcat -P -b '$D' -t 'kcat.$TOPIC'"

if [ -z "${SKIP_JAVA:-}" ] && [ -d "$LIBS" ]; then
  cat > "$WORK/mm2.properties" <<PROPS
clusters = src, dst
src.bootstrap.servers = $S
dst.bootstrap.servers = $D
src->dst.enabled = true
src->dst.topics = $TOPIC
dst->src.enabled = false
replication.policy.class = org.apache.kafka.connect.mirror.DefaultReplicationPolicy
replication.policy.separator = .
replication.factor = 1
checkpoints.topic.replication.factor = 1
heartbeats.topic.replication.factor = 1
offset-syncs.topic.replication.factor = 1
offset.storage.replication.factor = 1
status.storage.replication.factor = 1
config.storage.replication.factor = 1
sync.topic.acls.enabled = false
emit.heartbeats.enabled = false
emit.checkpoints.enabled = false
refresh.topics.interval.seconds = 1
PROPS
  cat > "$WORK/log4j2.properties" <<'LOG4J'
rootLogger.level=WARN
rootLogger.appenderRef.err.ref=ERR
appender.err.type=Console
appender.err.name=ERR
appender.err.target=SYSTEM_ERR
appender.err.layout.type=PatternLayout
appender.err.layout.pattern=%p %m%n
LOG4J
  # MirrorMaker 2 names the copy SOURCE_ALIAS.TOPIC ("src.") and never exits: time until every record arrived.
  started=$(date +%s.%N)
  java -Xmx1g "-Dlog4j2.configurationFile=$WORK/log4j2.properties" -cp "$LIBS/*" \
    org.apache.kafka.connect.mirror.MirrorMaker "$WORK/mm2.properties" >"$WORK/mm2.log" 2>&1 &
  MM2_PID=$!
  deadline=$(( $(date +%s) + 600 ))
  while [ "$(count "src.$TOPIC")" -lt "$N" ]; do
    if [ "$(date +%s)" -gt "$deadline" ] || ! kill -0 "$MM2_PID" 2>/dev/null; then
      echo "MirrorMaker 2 did not finish; last log lines:"
      tail -5 "$WORK/mm2.log"
      break
    fi
    sleep 0.2
  done
  secs=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
  rss=$(ps -o rss= -p "$MM2_PID" 2>/dev/null | awk '{ print int($1 / 1024) }')
  report "MirrorMaker 2" "$secs" "${rss:-?}" "$(count "src.$TOPIC")"
  kill "$MM2_PID" 2>/dev/null || true
  wait "$MM2_PID" 2>/dev/null || true
  MM2_PID=""
  "$KTOOL" topics delete "src.$TOPIC" -b "$D" --yes >/dev/null 2>&1 || true
fi

k=$(cat "$WORK/rate.ktool mirror")
for other in "kcat -C -e | kcat -P" "MirrorMaker 2"; do
  [ -f "$WORK/rate.$other" ] &&
    awk -v a="$k" -v b="$(cat "$WORK/rate.$other")" -v o="$other" 'BEGIN { printf "ktool mirror / %s: %.2fx\n", o, a / b }'
done
