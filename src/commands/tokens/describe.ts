import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import type { Principal } from '../../kafka/tokens-types.js';
import { parsePrincipal, TOKEN_HEAD, tokenRow, tokenView, type TokenView } from './args.js';

export const spec = defineCommand({
  command: 'describe',
  description:
    'delegation tokens the connected user owns or may renew or describe (or those of --owner-principal): ' +
    'owner, renewers, expiry; never the HMAC',
  groups: ['connection', 'output', 'base'],
  options: [
    {
      flags: '--owner-principal <principal>',
      description: 'only tokens this principal owns or may renew (TYPE:NAME), repeatable',
      repeatable: true,
    },
  ],
  examples: ['ktool --profile local-sasl tokens describe', 'ktool tokens describe --owner-principal User:alice --json'],
});

export interface DescribeOptions {
  /** null: every token the connected user may see. */
  owners: Principal[] | null;
}

/**
 * `tokens describe --json`: `[{tokenId, owner, requester, renewers, issueTimestampMs, expiryTimestampMs,
 * maxTimestampMs}]` by token id; no HMAC.
 */
export type DescribeResult = TokenView[];

export function parse(_args: string[], flags: Flags<typeof spec>): DescribeOptions {
  const owners = flags.ownerPrincipal?.map((p) => parsePrincipal(p, '--owner-principal'));
  return { owners: owners?.length ? owners : null };
}

export async function run(options: DescribeOptions, ctx: Context): Promise<CommandResult> {
  const api = await (await ctx.kafka()).tokens();
  const data: DescribeResult = (await api.describe(options.owners))
    .map(tokenView)
    .sort((a, b) => (a.tokenId < b.tokenId ? -1 : a.tokenId > b.tokenId ? 1 : 0));
  return { data, view: data.length ? [{ head: TOKEN_HEAD, rows: data.map(tokenRow) }] : [{ lines: ['No delegation tokens'] }] };
}
