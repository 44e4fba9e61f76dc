import type { CommandResult } from '../../cli/dispatch.js';
import { eachConnector, parseTarget, type ConnectTarget } from './connect-common.js';

export const parse = parseTarget;

/** `mirror delete --json`: { connectUrl, connectors: [{ name, class, action: "deleted" }] }. */
export async function run(o: ConnectTarget): Promise<CommandResult> {
  return eachConnector(o, 'deleted', (api, name) => api.remove(name));
}
