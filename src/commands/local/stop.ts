import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand } from '../../cli/spec.js';
import { stopCluster } from '../../local/cluster.js';
import { loadClusterState, NAME_AND_OUTPUT, nameOption } from './shared.js';

export const spec = defineCommand({
  command: 'stop',
  description: 'stop a local cluster',
  options: NAME_AND_OUTPUT,
  examples: ['ktool local stop'],
});

export const parse = nameOption;

/** `local stop --json`: {name, stoppedNodes: [ids]}. Data stays in the cache until the next start. */
export async function run(o: { name: string }, ctx: Context): Promise<CommandResult> {
  const state = await loadClusterState(ctx.env, o.name);
  const { stopped } = await stopCluster(state);
  return {
    data: { name: o.name, stoppedNodes: stopped },
    view: [{ lines: [stopped.length ? `Stopped ${o.name} (${stopped.length} node(s))` : `${o.name} was not running`] }],
  };
}
