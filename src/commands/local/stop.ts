import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand } from '../../cli/spec.js';
import { cacheDir } from '../../config/paths.js';
import { stopCluster } from '../../local/cluster.js';
import { stopRegistry } from '../../local/schema-registry.js';
import { clusterDir } from '../../local/state.js';
import { loadClusterState, NAME_AND_OUTPUT, nameOption } from './shared.js';

export const spec = defineCommand({
  command: 'stop',
  description: 'stop a local cluster',
  options: NAME_AND_OUTPUT,
  examples: ['ktool local stop'],
});

export const parse = nameOption;

/**
 * `local stop --json`: {name, stoppedNodes: [ids], schemaRegistryStopped}. Data (the registry's
 * too) stays in the cache until the next start.
 */
export async function run(o: { name: string }, ctx: Context): Promise<CommandResult> {
  const state = await loadClusterState(ctx.env, o.name);
  const [{ stopped }, registryStopped] = await Promise.all([stopCluster(state), stopRegistry(clusterDir(cacheDir(ctx.env), o.name))]);
  const what = [`${stopped.length} node(s)`, ...(registryStopped ? ['the schema registry'] : [])].join(' and ');
  return {
    data: { name: o.name, stoppedNodes: stopped, schemaRegistryStopped: registryStopped },
    view: [{ lines: [stopped.length || registryStopped ? `Stopped ${o.name} (${what})` : `${o.name} was not running`] }],
  };
}
