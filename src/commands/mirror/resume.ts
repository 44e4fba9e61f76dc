import type { CommandResult } from '../../cli/dispatch.js';
import type { Context } from '../../cli/context.js';
import { eachConnector, parseTarget, type ConnectTarget } from './connect-common.js';

export const parse = parseTarget;

/** `mirror resume --json`: { connectUrl, connectors: [{ name, class, action: "resumed" }] }. */
export async function run(o: ConnectTarget, ctx: Context): Promise<CommandResult> {
  return eachConnector(o, ctx, 'resumed', (api, name) => api.resume(name));
}
