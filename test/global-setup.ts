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
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestClusters } from './helpers/test-clusters.js';

/**
 * Whether every file or folder named on the command line holds only unit-tier tests (no `.int.` or
 * `.e2e.` file, nothing under test/compat): then no broker is started (three clusters cost a minute
 * and a core on every `vitest run test/unit test/docs`). Anything else, a name filter included,
 * starts them as before.
 */
export function unitTierOnly(argv: readonly string[], listDir: (dir: string) => string[] | undefined = testFilesUnder): boolean {
  const filters = argv.filter((a) => !a.startsWith('-') && a !== 'run' && a !== 'watch');
  const unitFile = (f: string) => /\.test\.ts$/.test(f) && !/\.(int|e2e)\.test\.ts$/.test(f) && !f.includes('compat/');
  const unit = (f: string) => (/\.ts$/.test(f) ? unitFile(f) : (listDir(f)?.every(unitFile) ?? false));
  return filters.length > 0 && filters.every(unit);
}

/** The test files below a folder (undefined when it is none: a name filter, then). */
function testFilesUnder(dir: string): string[] | undefined {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f));
  } catch {
    return undefined;
  }
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
