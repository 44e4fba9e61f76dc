#!/usr/bin/env bash
# The main job on a fresh machine: start a local Kafka, create a topic, produce and consume a few
# records, and describe the topic. Leaves the broker running (stop it with: bin/ktool local stop).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/setup.sh
k() { echo "+ ktool $*" >&2; bin/ktool "$@"; }
k local start
topic="demo-$(date +%s)"
k topics create "$topic" -p 3
printf 'alice:{"n":1}\nbob:{"n":2}\ncarol:{"n":3}\n' | k produce "$topic" -K :
k consume "$topic" -o start -e -f '%p %o %k %s\n'
k topics describe "$topic"
echo "The broker is still running: bin/ktool local status; bin/ktool local stop" >&2
