/** Placeholder until the local-cluster library lands: uses an existing cluster only. */
export async function startTestClusters(_scratch: string): Promise<() => Promise<void>> {
  if (!process.env.KTOOL_TEST_BOOTSTRAP) throw new Error('set KTOOL_TEST_BOOTSTRAP');
  process.env.KTOOL_TEST_KAFKA_LIBS ??= '/tmp/kfetch/libs';
  return async () => {};
}
