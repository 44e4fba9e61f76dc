import { confirmDestructive } from '../../cli/confirm.js';
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { YES } from '../../cli/common-options.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { NotFoundError, UsageError } from '../../errors.js';
import type { ScramMechanismName } from '../../kafka/scram-types.js';
import { parseMechanisms, parseUserName } from './mechanisms.js';
import { whileChanging } from '../acls/authz.js';

export const spec = defineCommand({
  command: 'delete <users...>',
  description: "delete users' SCRAM credentials (asks on a terminal; needs --yes otherwise)",
  groups: ['connection', 'output', 'base'],
  options: [
    {
      flags: '--mechanism <mechanism>',
      description: 'only this mechanism (default: every one the user has); comma-separated, repeatable',
      repeatable: true,
    },
    ...YES,
  ],
  examples: ['ktool users delete alice --yes', 'ktool users delete alice --mechanism SCRAM-SHA-256 --yes'],
});

export interface DeleteOptions {
  users: string[];
  /** Empty: every mechanism the user has. */
  mechanisms: ScramMechanismName[];
  yes: boolean;
}

/** `users delete --json`: `[{user, mechanisms: ["SCRAM-SHA-256", ...]}]`, the credentials deleted. */
export type DeleteResult = { user: string; mechanisms: ScramMechanismName[] }[];

export function parse(args: string[], flags: Flags<typeof spec>): DeleteOptions {
  if (!args.length) throw new UsageError('users delete needs at least one user name');
  return { users: [...new Set(args.map(parseUserName))], mechanisms: parseMechanisms(flags.mechanism), yes: Boolean(flags.yes) };
}

export async function run(options: DeleteOptions, ctx: Context): Promise<CommandResult> {
  const api = await (await ctx.kafka()).scram();
  const known = new Map(
    (await whileChanging('delete user', () => api.describeUsers(null))).map((u) => [u.user, u.credentials.map((c) => c.mechanism)]),
  );
  const plan: DeleteResult = options.users.map((user) => {
    const has = known.get(user) ?? [];
    if (!has.length) throw new NotFoundError(`user ${user} has no SCRAM credentials`, 'see the users with `ktool users list`');
    const missing = options.mechanisms.filter((m) => !has.includes(m));
    if (missing.length) throw new NotFoundError(`user ${user} has no ${missing.join(' or ')} credential (it has ${has.join(', ')})`);
    return { user, mechanisms: options.mechanisms.length ? options.mechanisms : has };
  });
  // They can no longer log in with SCRAM.
  const items = plan.map((p) => `${p.user} (${p.mechanisms.join(', ')})`);
  await confirmDestructive(ctx.io, {
    action: `delete the SCRAM credentials of ${plan.length} user${plan.length > 1 ? 's' : ''}`,
    items,
    yes: options.yes,
  });
  await api.alterCredentials(
    plan.flatMap((p) => p.mechanisms.map((mechanism) => ({ user: p.user, mechanism }))),
    [],
  );
  return {
    data: plan,
    view: [
      { lines: plan.map((p) => `Deleted ${p.mechanisms.join(', ')} credential${p.mechanisms.length > 1 ? 's' : ''} of user ${p.user}`) },
    ],
  };
}
