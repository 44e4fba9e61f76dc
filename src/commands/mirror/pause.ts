import type { CommandResult } from '../../cli/dispatch.js';
import type { Context } from '../../cli/context.js';
import { eachConnector, parseTarget, type ConnectTarget } from './connect-common.js';

export const parse = parseTarget;

/** `mirror pause --json`: { connectUrl, connectors: [{ name, class, action: "paused" }] }. */
export async function run(o: ConnectTarget, ctx: Context): Promise<CommandResult> {
  return eachConnector(o, ctx, 'paused', (api, name) => api.pause(name));
}
