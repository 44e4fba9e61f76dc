import type { CommandResult } from '../../cli/dispatch.js';
import { eachConnector, parseTarget, type ConnectTarget } from './connect-common.js';

export const parse = parseTarget;

/** `mirror pause --json`: { connectUrl, connectors: [{ name, class, action: "paused" }] }. */
export async function run(o: ConnectTarget): Promise<CommandResult> {
  return eachConnector(o, 'paused', (api, name) => api.pause(name));
}
