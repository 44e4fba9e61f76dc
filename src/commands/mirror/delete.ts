import { groupOptions } from '../../cli/common-options.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { confirmDestructive } from '../../cli/confirm.js';
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { CONNECT_OPTIONS, eachConnector, parseTarget, type ConnectTarget } from './connect-common.js';

export const spec = defineCommand({
  command: 'delete',
  description: 'delete the MirrorMaker 2 connectors (lists them and asks on a terminal; needs --yes otherwise)',
  options: [...CONNECT_OPTIONS, ...groupOptions('yes'), ...groupOptions('output'), ...groupOptions('base')],
});

export function parse(args: string[], flags: Flags<typeof spec>): ConnectTarget & { yes: boolean } {
  const f: Record<string, unknown> = { ...flags };
  return { ...parseTarget(args, f), yes: Boolean(f.yes) };
}

/** `mirror delete --json`: { connectUrl, connectors: [{ name, class, action: "deleted" }] }. */
export async function run(o: ConnectTarget & { yes: boolean }, ctx: Context): Promise<CommandResult> {
  // Without --name this is every MirrorMaker 2 connector on the worker: list them before asking.
  const confirm = (connectors: { name: string }[]) =>
    confirmDestructive(ctx.io, {
      action: `delete ${connectors.length} MirrorMaker 2 connector${connectors.length > 1 ? 's' : ''} from ${o.connectUrl}`,
      items: connectors.map((c) => c.name),
      yes: o.yes,
    });
  return eachConnector(o, ctx, 'deleted', (api, name) => api.remove(name), confirm);
}
