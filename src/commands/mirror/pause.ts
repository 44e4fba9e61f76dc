import { groupOptions } from '../../cli/common-options.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import type { CommandResult } from '../../cli/dispatch.js';
import type { Context } from '../../cli/context.js';
import { CONNECT_OPTIONS, eachConnector, parseTarget, type ConnectTarget } from './connect-common.js';

export const spec = defineCommand({
  command: 'pause',
  description: 'pause the MirrorMaker 2 connectors',
  options: [...CONNECT_OPTIONS, ...groupOptions('output'), ...groupOptions('base')],
});

export function parse(args: string[], flags: Flags<typeof spec>): ConnectTarget {
  return parseTarget(args, { ...flags });
}

/** `mirror pause --json`: { connectUrl, connectors: [{ name, class, action: "paused" }] }. */
export async function run(o: ConnectTarget, ctx: Context): Promise<CommandResult> {
  return eachConnector(o, ctx, 'paused', (api, name) => api.pause(name));
}
