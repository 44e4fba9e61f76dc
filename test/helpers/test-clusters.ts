import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheDir } from '../../src/config/paths.js';
import { pidAlive } from '../../src/local/state.js';
import { ktoolOutput } from './spawn-ktool.js';

interface Started {
  name: string;
  bootstrap: string;
  saslBootstrap: string | null;
  tlsBootstrap: string | null;
  tls: { ca: string; cert: string; key: string } | null;
  schemaRegistry: { url: string } | null;
}

/** Runs the real CLI, as a user would: the suite's brokers come from `ktool local` itself. */
const ktool = (args: string[], env: NodeJS.ProcessEnv) => ktoolOutput(args, env, 20 * 60_000);

/**
 * Starts a single-node, a three-node and a SASL + TLS cluster (names ktool-test-*, free ports, the
 * user's jar cache) and a Schema Registry next to the first, unless KTOOL_TEST_BOOTSTRAP names an
 * existing cluster (then KTOOL_TEST_SCHEMA_REGISTRY, if set, names its registry), and exports
 * their addresses. Returns the teardown.
 */
export async function startTestClusters(scratch: string): Promise<() => Promise<void>> {
  const env: NodeJS.ProcessEnv = { ...process.env, KTOOL_CONFIG: join(scratch, 'clusters.yaml'), NO_COLOR: '1' };
  if (process.env.KTOOL_TEST_BOOTSTRAP) {
    process.env.KTOOL_TEST_KAFKA_LIBS ??= join(cacheDir(process.env), 'kafka', '4.3.1', 'libs');
    return async () => {};
  }
  await stopOrphans(env);
  const prefix = `ktool-test-${process.pid}`;
  const specs: [string, string[]][] = [
    [`${prefix}-1`, []],
    [`${prefix}-3`, ['--nodes', '3']],
    [`${prefix}-sasl`, ['--sasl', '--tls']],
  ];
  // The first start fetches the jars if needed; the others then find them in the cache. The
  // Schema Registry joins the first cluster (`local start --schema-registry` on a running cluster
  // starts only the registry) while the other two start.
  const first = JSON.parse(await ktool(['local', 'start', '--name', specs[0][0], '--json'], env)) as Started;
  const [registry, ...rest] = await Promise.all([
    ktool(['local', 'start', '--name', specs[0][0], '--schema-registry', '--json'], env).then((out) => JSON.parse(out) as Started),
    ...specs
      .slice(1)
      .map(async ([name, extra]) => JSON.parse(await ktool(['local', 'start', '--name', name, ...extra, '--json'], env)) as Started),
  ]);
  const [three, sasl] = rest;
  process.env.KTOOL_TEST_SCHEMA_REGISTRY = registry.schemaRegistry!.url;
  process.env.KTOOL_TEST_BOOTSTRAP = first.bootstrap;
  process.env.KTOOL_TEST_BOOTSTRAP_3 = three.bootstrap;
  process.env.KTOOL_TEST_SASL_BOOTSTRAP = sasl.saslBootstrap!;
  process.env.KTOOL_TEST_SASL_PLAINTEXT_BOOTSTRAP = sasl.bootstrap;
  process.env.KTOOL_TEST_TLS_BOOTSTRAP = sasl.tlsBootstrap!;
  process.env.KTOOL_TEST_TLS_FILES = JSON.stringify(sasl.tls);
  process.env.KTOOL_TEST_KAFKA_LIBS = join(cacheDir(process.env), 'kafka', '4.3.1', 'libs');
  process.env.KTOOL_TEST_CLUSTER_PREFIX = prefix;
  return async () => {
    await Promise.allSettled(specs.map(([name]) => ktool(['local', 'stop', '--name', name], env)));
    await Promise.allSettled(specs.map(([name]) => rm(join(cacheDir(process.env), 'clusters', name), { recursive: true, force: true })));
  };
}

/** Clusters of earlier runs that were killed before their teardown (their vitest pid is gone). */
async function stopOrphans(env: NodeJS.ProcessEnv): Promise<void> {
  const root = join(cacheDir(process.env), 'clusters');
  const names = await readdir(root).catch(() => [] as string[]);
  await Promise.allSettled(
    names
      .filter((name) => {
        const pid = Number(/^ktool-test-(\d+)-/.exec(name)?.[1]);
        return pid > 0 && !pidAlive(pid);
      })
      .map(async (name) => {
        await ktool(['local', 'stop', '--name', name], env).catch(() => undefined);
        await rm(join(root, name), { recursive: true, force: true });
      }),
  );
}
