import type { CommandResult } from '../../cli/dispatch.js';
import { eachConnector, parseTarget, type ConnectTarget } from './connect-common.js';

export const parse = parseTarget;

/** `mirror resume --json`: { connectUrl, connectors: [{ name, class, action: "resumed" }] }. */
export async function run(o: ConnectTarget): Promise<CommandResult> {
  return eachConnector(o, 'resumed', (api, name) => api.resume(name));
}
