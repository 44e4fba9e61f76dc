import { confirmDestructive } from '../../cli/confirm.js';
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { eachConnector, parseTarget, type ConnectTarget } from './connect-common.js';

export function parse(args: string[], f: Record<string, unknown>): ConnectTarget & { yes: boolean } {
  return { ...parseTarget(args, f), yes: Boolean(f.yes) };
}

/** `mirror delete --json`: { connectUrl, connectors: [{ name, class, action: "deleted" }] }. */
export async function run(o: ConnectTarget & { yes: boolean }, ctx: Context): Promise<CommandResult> {
  // Without --name this is every MirrorMaker 2 connector on the worker: list them before asking.
  const confirm = (connectors: { name: string }[]) => confirmDestructive(ctx.io, { action: `delete ${connectors.length} MirrorMaker 2 connector${connectors.length > 1 ? 's' : ''} from ${o.connectUrl}`, items: connectors.map((c) => c.name), yes: o.yes });
  return eachConnector(o, ctx, 'deleted', (api, name) => api.remove(name), confirm);
}
