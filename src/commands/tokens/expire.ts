import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { HMAC_FLAGS, parseHmacFlags, parsePeriod, resolveHmac, type HmacSource } from './args.js';

export const spec = defineCommand({
  command: 'expire',
  description: 'expire a delegation token now (by default) or bring its expiry forward; an expired token is gone',
  groups: ['connection', 'output', 'base'],
  options: [...HMAC_FLAGS, { flags: '--expiry-time-period <ms>', description: 'expire it this long from now (default -1: at once)' }],
  examples: ['TOKEN_HMAC=... ktool tokens expire --hmac-env TOKEN_HMAC', 'ktool tokens expire --hmac "$HMAC" --expiry-time-period 60000'],
});

export interface ExpireOptions {
  hmac: HmacSource;
  periodMs: number;
}

/** `tokens expire --json`: `{expiryTimestampMs, expired}`; expired: the broker has dropped the token. */
export interface ExpireResult {
  expiryTimestampMs: number;
  expired: boolean;
}

export function parse(_args: string[], flags: Flags<typeof spec>): ExpireOptions {
  return { hmac: parseHmacFlags(flags.hmac, flags.hmacEnv), periodMs: parsePeriod(flags.expiryTimePeriod, '--expiry-time-period') };
}

export async function run(options: ExpireOptions, ctx: Context): Promise<CommandResult> {
  const api = await (await ctx.kafka()).tokens();
  const expiry = await api.expire(resolveHmac(options.hmac, ctx.env), options.periodMs);
  const data: ExpireResult = { expiryTimestampMs: expiry, expired: options.periodMs < 0 || expiry <= ctx.io.now() };
  const line = data.expired ? 'Expired: the token is no longer valid' : `The token now expires at ${new Date(expiry).toISOString()}`;
  return { data, view: [{ lines: [line] }] };
}
