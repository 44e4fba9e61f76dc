import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import type { Principal } from '../../kafka/tokens-types.js';
import { parsePeriod, parsePrincipal, TOKEN_HEAD, tokenRow, tokenView, type TokenView } from './args.js';

export const spec = defineCommand({
  command: 'create',
  description:
    'create a delegation token for the connected user (or --owner-principal); prints its id and HMAC, the secret a client ' +
    'logs in with: SCRAM, username=<token id>, password=<HMAC>, tokenauth="true"',
  groups: ['connection', 'output', 'base'],
  options: [
    {
      flags: '--max-life-time-period <ms>',
      description: "the token's longest life (default -1: the broker's delegation.token.max.lifetime.ms)",
    },
    {
      flags: '--renewer-principal <principal>',
      description: 'a principal that may renew it (TYPE:NAME, e.g. User:alice), repeatable',
      repeatable: true,
    },
    { flags: '--owner-principal <principal>', description: 'create it for this user (needs CreateTokens on that user; Kafka 3.3+)' },
  ],
  examples: [
    'ktool --profile local-sasl tokens create',
    'ktool tokens create --renewer-principal User:alice --max-life-time-period 86400000 --json',
    'ktool tokens create --owner-principal User:alice      # as a super user, for alice',
  ],
});

export interface CreateOptions {
  owner?: Principal;
  renewers: Principal[];
  maxLifetimeMs: number;
}

/**
 * `tokens create --json`: `{tokenId, hmac, owner, requester, renewers, issueTimestampMs, expiryTimestampMs,
 * maxTimestampMs}`; hmac is base64 (the token's secret, printed only here).
 */
export type CreateResult = TokenView & { hmac: string };

export function parse(_args: string[], flags: Flags<typeof spec>): CreateOptions {
  return {
    ...(flags.ownerPrincipal === undefined ? {} : { owner: parsePrincipal(flags.ownerPrincipal, '--owner-principal') }),
    renewers: (flags.renewerPrincipal ?? []).map((p) => parsePrincipal(p, '--renewer-principal')),
    maxLifetimeMs: parsePeriod(flags.maxLifeTimePeriod, '--max-life-time-period'),
  };
}

export async function run(options: CreateOptions, ctx: Context): Promise<CommandResult> {
  const api = await (await ctx.kafka()).tokens();
  const token = await api.create(options);
  const view = tokenView(token);
  const { tokenId, ...rest0 } = view;
  const data: CreateResult = { tokenId, hmac: token.hmac.toString('base64'), ...rest0 };
  const [id, ...rest] = tokenRow(view);
  return { data, view: [{ head: [TOKEN_HEAD[0], 'HMAC', ...TOKEN_HEAD.slice(1)], rows: [[id, data.hmac, ...rest]] }] };
}
