import { groupOptions } from '../../cli/common-options.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import type { CommandResult } from '../../cli/dispatch.js';
import type { Context } from '../../cli/context.js';
import { CONNECT_OPTIONS, eachConnector, parseTarget, type ConnectTarget } from './connect-common.js';

export const spec = defineCommand({
  command: 'resume',
  description: 'resume the MirrorMaker 2 connectors',
  options: [...CONNECT_OPTIONS, ...groupOptions('output'), ...groupOptions('base')],
});

export function parse(args: string[], flags: Flags<typeof spec>): ConnectTarget {
  return parseTarget(args, { ...flags });
}

/** `mirror resume --json`: { connectUrl, connectors: [{ name, class, action: "resumed" }] }. */
export async function run(o: ConnectTarget, ctx: Context): Promise<CommandResult> {
  return eachConnector(o, ctx, 'resumed', (api, name) => api.resume(name));
}
