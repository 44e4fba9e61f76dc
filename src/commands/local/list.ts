import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand } from '../../cli/spec.js';
import { cacheDir } from '../../config/paths.js';
import { loadConfigFile } from '../../config/store.js';
import { UsageError } from '../../errors.js';
import { knownClusters, profilesFor } from '../../local/registry.js';
import { bootstrapOf } from '../../local/state.js';

export const spec = defineCommand({
  command: 'list',
  description:
    'every local cluster under the cache directory: state (running, stopped, degraded), nodes, ' +
    'bootstrap, version, the profiles pointing at it',
  groups: ['output', 'base'],
  examples: ['ktool local list', 'ktool local list --json'],
});

export function parse(args: string[]): Record<string, never> {
  if (args.length)
    throw new UsageError(`unexpected argument "${args[0]}"`, 'local list shows every cluster; `ktool local status --name NAME` shows one');
  return {};
}

/**
 * `local list --json`: [{name, state: "running"|"stopped"|"degraded"|"unknown", nodes, bootstrap,
 * saslBootstrap, tlsBootstrap, version, clusterId, profiles, dir}] (profiles: those whose bootstrap
 * is one of the cluster's listeners).
 */
export async function run(_o: unknown, ctx: Context): Promise<CommandResult> {
  const [clusters, config] = await Promise.all([knownClusters(cacheDir(ctx.env)), loadConfigFile(ctx.configPath)]);
  const data = clusters.map(({ name, dir, state, runState }) => ({
    name,
    state: runState,
    nodes: state?.nodes.length ?? 0,
    bootstrap: state ? bootstrapOf(state) : null,
    saslBootstrap: state?.sasl ? bootstrapOf(state, 'sasl') : null,
    tlsBootstrap: state?.tls ? bootstrapOf(state, 'ssl') : null,
    version: state?.version ?? null,
    clusterId: state?.clusterId ?? null,
    profiles: profilesFor(state, config),
    dir,
  }));
  if (data.length === 0) ctx.info(`no local clusters under ${cacheDir(ctx.env)}; start one with \`ktool local start\``);
  return {
    data,
    view: [
      {
        head: ['NAME', 'STATE', 'NODES', 'BOOTSTRAP', 'VERSION', 'PROFILES', 'DIR'],
        numeric: [2],
        rows: data.map((c) => [c.name, c.state, c.nodes, c.bootstrap ?? '-', c.version ?? '-', c.profiles.join(',') || '-', c.dir]),
        wideOnly: [6],
      },
    ],
  };
}
