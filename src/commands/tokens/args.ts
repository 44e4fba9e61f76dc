/** What the tokens commands share: principals, periods, the HMAC (a secret: never echoed), the rows. */
import { UsageError } from '../../errors.js';
import { splitPrincipal, type DelegationToken, type Principal } from '../../kafka/tokens-types.js';

/** `User:alice` (SecurityUtils.parseKafkaPrincipal: the type, a colon, the name). */
export function parsePrincipal(text: string, flag: string): Principal {
  const p = splitPrincipal(text.trim());
  if (!p || !p.principalName) throw new UsageError(`${flag} takes a principal as TYPE:NAME, got "${text}"`, 'for example User:alice');
  return `${p.principalType}:${p.principalName}`;
}

/** A period in milliseconds; -1 (or any negative) means the broker's default, as in kafka-delegation-tokens.sh. */
export function parsePeriod(value: string | undefined, flag: string): number {
  if (value === undefined) return -1;
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(Number(value)))
    throw new UsageError(`${flag} takes milliseconds (a whole number, -1 for the broker's default), got "${value}"`);
  return Number(value);
}

/** Where the HMAC comes from: the flag's value (decoded at parse time) or a variable read when running. */
export type HmacSource = { hmac: Buffer } | { env: string };

/**
 * --hmac HMAC (base64, as `tokens create` prints it) or --hmac-env VAR (kept out of ps and shell
 * history), exactly one. The value never appears in a message.
 */
export function parseHmacFlags(hmac: string | undefined, hmacEnv: string | undefined): HmacSource {
  if ((hmac === undefined) === (hmacEnv === undefined))
    throw new UsageError('give the token as --hmac HMAC or --hmac-env VAR (one of them)');
  return hmac === undefined ? { env: hmacEnv! } : { hmac: decodeHmac(hmac) };
}

export function decodeHmac(text: string): Buffer {
  const clean = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(clean) || clean.length % 4 !== 0)
    throw new UsageError('the HMAC is not base64 (as tokens create prints it)', 'copy it whole from the HMAC column or the "hmac" field');
  return Buffer.from(clean, 'base64');
}

export function resolveHmac(source: HmacSource, env: Record<string, string | undefined>): Buffer {
  if ('hmac' in source) return source.hmac;
  const text = env[source.env];
  if (text === undefined || text === '') throw new UsageError(`--hmac-env: variable ${source.env} is not set`);
  return decodeHmac(text);
}

/** `tokens describe --json` and `tokens create --json` (create adds the HMAC). */
export interface TokenView {
  tokenId: string;
  owner: Principal;
  requester: Principal;
  renewers: Principal[];
  issueTimestampMs: number;
  expiryTimestampMs: number;
  maxTimestampMs: number;
}

export const tokenView = (t: DelegationToken): TokenView => ({
  tokenId: t.tokenId,
  owner: t.owner,
  requester: t.requester,
  renewers: t.renewers,
  issueTimestampMs: t.issueTimestamp,
  expiryTimestampMs: t.expiryTimestamp,
  maxTimestampMs: t.maxTimestamp,
});

const iso = (ms: number) => new Date(ms).toISOString();

export const TOKEN_HEAD = ['TOKEN-ID', 'OWNER', 'REQUESTER', 'RENEWERS', 'ISSUED', 'EXPIRES', 'MAX-LIFETIME'];

export function tokenRow(t: TokenView): string[] {
  return [
    t.tokenId,
    t.owner,
    t.requester,
    t.renewers.join(',') || '-',
    iso(t.issueTimestampMs),
    iso(t.expiryTimestampMs),
    iso(t.maxTimestampMs),
  ];
}

export const HMAC_FLAGS = [
  { flags: '--hmac <hmac>', description: 'the token, by its HMAC (base64, as tokens create prints it; visible in ps: prefer --hmac-env)' },
  { flags: '--hmac-env <var>', description: 'read the HMAC from this environment variable' },
] as const;
