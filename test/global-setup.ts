/**
 * Starts the brokers the integration tests use, with `ktool local` itself on its own names and
 * free ports, unless KTOOL_TEST_BOOTSTRAP names an existing cluster. Exports to the test workers:
 *   KTOOL_TEST_BOOTSTRAP          single-node PLAINTEXT bootstrap
 *   KTOOL_TEST_BOOTSTRAP_3        three-node cluster
 *   KTOOL_TEST_SASL_BOOTSTRAP     SASL_PLAINTEXT listener (admin/admin-secret super user, alice/alice-secret),
 *                                 authorizer on; KTOOL_TEST_SASL_PLAINTEXT_BOOTSTRAP is its PLAINTEXT listener
 *   KTOOL_TEST_TLS_BOOTSTRAP      the same cluster's SSL listener (client certificate required);
 *                                 KTOOL_TEST_TLS_FILES is JSON {ca, cert, key} (PEM file paths)
 *   KTOOL_TEST_SCHEMA_REGISTRY    Apicurio Registry next to the single-node cluster (`local start --schema-registry`),
 *                                 its Confluent API URL (http://127.0.0.1:PORT/apis/ccompat/v7)
 *   KTOOL_TEST_KAFKA_LIBS         the jars Kafka's own tools run from
 *   KTOOL_TEST_CONFIG             an isolated config.yaml
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestClusters } from './helpers/test-clusters.js';

/**
 * Whether the files named on the command line are all of the unit tier (no `.int.`/`.e2e.` file, no
 * directory but test/unit): then no broker is started (three clusters cost a minute and a core).
 * Anything else, a name filter included, starts them as before.
 */
export function unitTierOnly(argv: readonly string[]): boolean {
  const filters = argv.filter((a) => !a.startsWith('-') && a !== 'run' && a !== 'watch');
  const unit = (f: string) => /^(\.\/)?test\/unit(\/|$)/.test(f) || (/\.test\.ts$/.test(f) && !/\.(int|e2e)\.test\.ts$/.test(f));
  return filters.length > 0 && filters.every(unit);
}

export default async function setup(): Promise<() => Promise<void>> {
  // End-to-end tests run the bundle; build it so they never test stale code.
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const scratch = mkdtempSync(join(tmpdir(), 'ktool-test-'));
  process.env.KTOOL_TEST_CONFIG = join(scratch, 'config.yaml');
  const stop = unitTierOnly(process.argv.slice(2)) ? async () => {} : await startTestClusters(scratch);
  return async () => {
    await stop();
    rmSync(scratch, { recursive: true, force: true });
  };
}
