import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import type { ScramMechanismName } from '../../kafka/scram-types.js';
import { parseIterations, parseMechanisms, parseUserName } from './mechanisms.js';
import { newPassword } from './password.js';
import { whileChanging } from '../acls/authz.js';
import { makeCredential } from '../../kafka/scram-credential.js';

export const spec = defineCommand({
  command: 'create <user>',
  description: 'create a SCRAM user or replace its password; the password is read from standard input, or asked without echo on a terminal',
  groups: ['connection', 'output', 'base'],
  options: [
    {
      flags: '--mechanism <mechanism>',
      description: 'SCRAM-SHA-256 and/or SCRAM-SHA-512 (default SCRAM-SHA-512); comma-separated, repeatable',
      repeatable: true,
    },
    { flags: '--iterations <n>', description: 'PBKDF2 iterations, 4096-16384 (default 8192)' },
    {
      flags: '--password <password>',
      description: 'the password on the command line (visible in ps and shell history: prefer standard input)',
    },
  ],
  examples: [
    'printf %s "$PW" | ktool users create alice --mechanism SCRAM-SHA-256,SCRAM-SHA-512',
    'ktool users create alice            # asks twice on a terminal',
  ],
});

export interface CreateOptions {
  user: string;
  mechanisms: ScramMechanismName[];
  iterations: number;
  /** --password's value; undefined means standard input or a prompt. Never printed. */
  password?: string;
}

/**
 * `users create --json`: `{user, credentials: [{mechanism, iterations, status}]}` where status is
 * `created`, or `updated` when the user already had a credential for that mechanism (the password
 * is replaced). Never the password, salt or keys.
 */
export interface CreateResult {
  user: string;
  credentials: { mechanism: ScramMechanismName; iterations: number; status: 'created' | 'updated' }[];
}

export function parse(args: string[], flags: Flags<typeof spec>): CreateOptions {
  if (args.length !== 1) throw new UsageError('users create takes one user name');
  const mechanisms = parseMechanisms(flags.mechanism);
  return {
    user: parseUserName(args[0]),
    mechanisms: mechanisms.length ? mechanisms : ['SCRAM-SHA-512'],
    iterations: parseIterations(flags.iterations),
    password: flags.password === undefined ? undefined : String(flags.password),
  };
}

export async function run(options: CreateOptions, ctx: Context): Promise<CommandResult> {
  const password = await newPassword(ctx.io, options.user, options.password, (m) => ctx.warn(m));
  const api = await (await ctx.kafka()).scram();
  const before = (await whileChanging('create user', () => api.describeUsers(null))).find((u) => u.user === options.user);
  const upserts = await Promise.all(options.mechanisms.map((m) => makeCredential(options.user, m, password, options.iterations)));
  await api.alterCredentials([], upserts);
  const data: CreateResult = {
    user: options.user,
    credentials: options.mechanisms.map((mechanism) => ({
      mechanism,
      iterations: options.iterations,
      status: before?.credentials.some((c) => c.mechanism === mechanism) ? 'updated' : 'created',
    })),
  };
  const lines = data.credentials.map(
    (c) =>
      `${c.status === 'created' ? 'Created' : 'Updated the password of'} ${c.mechanism} ` +
      `credential for user ${options.user} (${c.iterations} iterations)`,
  );
  return { data, view: [{ lines }] };
}
