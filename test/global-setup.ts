/**
 * Starts the brokers the integration tests use, with `ktool local` itself on its own cache dir and
 * ports, unless KTOOL_TEST_BOOTSTRAP names an existing cluster. Exports to the test workers:
 *   KTOOL_TEST_BOOTSTRAP      single-node PLAINTEXT bootstrap
 *   KTOOL_TEST_KAFKA_LIBS     the jars Kafka's own tools run from
 *   KTOOL_TEST_CONFIG         an isolated config.yaml
 * and, when the local clusters were started here, KTOOL_TEST_BOOTSTRAP_3 (three nodes) and
 * KTOOL_TEST_SASL_BOOTSTRAP (SASL_PLAINTEXT listener, admin/admin-secret and alice/alice-secret).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestClusters } from './helpers/test-clusters.js';

export default async function setup(): Promise<() => Promise<void>> {
  const scratch = mkdtempSync(join(tmpdir(), 'ktool-test-'));
  process.env.KTOOL_TEST_CONFIG = join(scratch, 'config.yaml');
  const stop = await startTestClusters(scratch);
  return async () => {
    await stop();
    rmSync(scratch, { recursive: true, force: true });
  };
}
