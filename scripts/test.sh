#!/usr/bin/env bash
# The whole test suite on a fresh machine: setup, then vitest. The suite's global setup starts real
# Kafka 4.3.1 brokers with `ktool local` (jars from Maven Central via mvn, run by Java 17) and an Apicurio
# Schema Registry next to the first (`local start --schema-registry`: Java 21+, or 17 with Apicurio 3.0).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/setup.sh
# Formatting first (prettier, .prettierrc.json: 140 columns), ~20 s: an unformatted file fails the
# run and is named; `npm run format` fixes it.
npm run --silent format:check
exec npx --no-install vitest run "$@" </dev/null
