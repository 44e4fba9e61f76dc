import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand } from '../../cli/spec.js';
import type { ScramUser } from '../../kafka/scram-types.js';
import { parseUserName } from './mechanisms.js';

export const spec = defineCommand({
  command: 'list [users...]',
  description: 'users with SCRAM credentials: mechanism and iterations (never salts or keys)',
  groups: ['connection', 'output', 'base'],
  examples: ['ktool users list', 'ktool users list alice --json'],
});

export interface ListOptions {
  /** Empty: every user with SCRAM credentials. */
  users: string[];
}

/**
 * `users list --json`: `[{user: "alice", credentials: [{mechanism: "SCRAM-SHA-256", iterations: 8192}, ...]}]`,
 * sorted by user. The broker never returns salts or keys, and neither does ktool.
 */
export type ListResult = ScramUser[];

export function parse(args: string[]): ListOptions {
  return { users: [...new Set(args.map(parseUserName))] };
}

export async function run(options: ListOptions, ctx: Context): Promise<CommandResult> {
  const api = await (await ctx.kafka()).scram();
  const data: ListResult = await api.describeUsers(options.users.length ? options.users : null);
  const rows = data.flatMap((u) => u.credentials.map((c) => [u.user, c.mechanism, c.iterations]));
  return {
    data,
    view: rows.length ? [{ head: ['USER', 'MECHANISM', 'ITERATIONS'], rows, numeric: [2] }] : [{ lines: ['No SCRAM users'] }],
  };
}
