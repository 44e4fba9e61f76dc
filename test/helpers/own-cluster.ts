import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheDir } from '../../src/config/paths.js';
import { ktoolOutput } from './spawn-ktool.js';

/**
 * A cluster of a test file's own (`ktool local start --name`), for tests that stop and restart
 * brokers, which the shared suite clusters must never see. Its profile lives in its own config file.
 */
export interface OwnCluster {
  name: string;
  bootstrap: string;
  config: string;
}

const ktool = (args: string[], env: NodeJS.ProcessEnv) => ktoolOutput(args, env, 120_000);

/** The environment that makes ktool use the cluster's own config file (its profile). */
export const ownClusterEnv = (config: string): NodeJS.ProcessEnv => ({ ...process.env, KTOOL_CONFIG: config, NO_COLOR: '1' });

/** `startArgs` go to `ktool local start` (e.g. ['--nodes', '3']). */
export async function startOwnCluster(prefix: string, startArgs: string[] = []): Promise<OwnCluster> {
  const config = join(mkdtempSync(join(tmpdir(), `ktool-${prefix}-`)), 'config.yaml');
  const name = `${prefix}-${process.pid}`;
  const started = JSON.parse(await ktool(['local', 'start', '--name', name, ...startArgs, '--json'], ownClusterEnv(config))) as {
    bootstrap: string;
  };
  return { name, bootstrap: started.bootstrap, config };
}

/** Stops or starts it again (a restart keeps its ports and data); start returns the bootstrap. */
export async function restartOwnCluster(c: OwnCluster, verb: 'stop' | 'start'): Promise<string> {
  const out = await ktool(['local', verb, '--name', c.name, ...(verb === 'start' ? ['--json'] : [])], ownClusterEnv(c.config));
  return verb === 'start' ? (JSON.parse(out) as { bootstrap: string }).bootstrap : '';
}

export async function removeOwnCluster(c: OwnCluster | undefined): Promise<void> {
  if (!c) return;
  await ktool(['local', 'stop', '--name', c.name], ownClusterEnv(c.config)).catch(() => undefined);
  await rm(join(cacheDir(process.env), 'clusters', c.name), { recursive: true, force: true });
}
