import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { HMAC_FLAGS, parseHmacFlags, parsePeriod, resolveHmac, type HmacSource } from './args.js';

export const spec = defineCommand({
  command: 'renew',
  description: "push a delegation token's expiry out (by its owner or a renewer), up to its max lifetime",
  groups: ['connection', 'output', 'base'],
  options: [
    ...HMAC_FLAGS,
    { flags: '--renew-time-period <ms>', description: "from now (default -1: the broker's delegation.token.expiry.time.ms)" },
  ],
  examples: [
    'TOKEN_HMAC=... ktool tokens renew --hmac-env TOKEN_HMAC',
    'ktool tokens renew --hmac "$HMAC" --renew-time-period 3600000 --json',
  ],
});

export interface RenewOptions {
  hmac: HmacSource;
  periodMs: number;
}

/** `tokens renew --json`: `{expiryTimestampMs}`, the token's new expiry. */
export interface RenewResult {
  expiryTimestampMs: number;
}

export function parse(_args: string[], flags: Flags<typeof spec>): RenewOptions {
  return { hmac: parseHmacFlags(flags.hmac, flags.hmacEnv), periodMs: parsePeriod(flags.renewTimePeriod, '--renew-time-period') };
}

export async function run(options: RenewOptions, ctx: Context): Promise<CommandResult> {
  const api = await (await ctx.kafka()).tokens();
  const data: RenewResult = { expiryTimestampMs: await api.renew(resolveHmac(options.hmac, ctx.env), options.periodMs) };
  return { data, view: [{ lines: [`Renewed: the token now expires at ${new Date(data.expiryTimestampMs).toISOString()}`] }] };
}
