/**
 * Delegation tokens (CreateDelegationToken, RenewDelegationToken, ExpireDelegationToken,
 * DescribeDelegationToken) with the client library's own versioned APIs: its Admin has no method for
 * them. The broker takes them only over an authenticated (SASL or mutual TLS) connection that is not
 * itself token-authenticated, and only with delegation.token.secret.key set.
 */
import type { Admin } from '@platformatic/kafka';
import { PINNED } from './pinned-apis.js';
import { requestApi } from './raw-api.js';
import { splitPrincipal, type DelegationToken, type Principal, type TokensApi } from './tokens-types.js';

export type * from './tokens-types.js';

function principal(text: Principal): { principalType: string; principalName: string } {
  const p = splitPrincipal(text);
  // Checked by the commands first; a bad one here is a programming error.
  if (!p) throw new TypeError(`not a principal: ${text}`);
  return p;
}

const named = (type: string, name: string): Principal => `${type}:${name}`;

interface TokenFields {
  principalType: string;
  principalName: string;
  tokenRequesterPrincipalType: string;
  tokenRequesterPrincipalName: string;
  tokenId: string;
  hmac: Buffer;
}

function token(t: TokenFields, times: [bigint, bigint, bigint], renewers: Principal[]): DelegationToken {
  return {
    tokenId: t.tokenId,
    hmac: Buffer.from(t.hmac),
    owner: named(t.principalType, t.principalName),
    // Before KIP-373 (v3) the requester is not in the answer: the owner asked for it.
    requester: t.tokenRequesterPrincipalType
      ? named(t.tokenRequesterPrincipalType, t.tokenRequesterPrincipalName)
      : named(t.principalType, t.principalName),
    renewers,
    issueTimestamp: Number(times[0]),
    expiryTimestamp: Number(times[1]),
    maxTimestamp: Number(times[2]),
  };
}

export function makeTokensApi(admin: Admin): TokensApi {
  return {
    async create({ owner, renewers, maxLifetimeMs }) {
      const o = owner === undefined ? undefined : principal(owner);
      const r = await requestApi(admin, PINNED.CreateDelegationToken, [
        o?.principalType ?? null,
        o?.principalName ?? null,
        renewers.map(principal),
        BigInt(maxLifetimeMs),
      ] as never);
      return token(r, [r.issueTimestampMs, r.expiryTimestampMs, r.maxTimestampMs], renewers);
    },
    async renew(hmac, renewPeriodMs) {
      const r = await requestApi(admin, PINNED.RenewDelegationToken, [hmac, BigInt(renewPeriodMs)]);
      return Number(r.expiryTimestampMs);
    },
    async expire(hmac, expiryPeriodMs) {
      const r = await requestApi(admin, PINNED.ExpireDelegationToken, [hmac, BigInt(expiryPeriodMs)]);
      return Number(r.expiryTimestampMs);
    },
    async describe(owners) {
      const r = await requestApi(admin, PINNED.DescribeDelegationToken, [owners === null ? null : owners.map(principal)] as never);
      return r.tokens.map((t) =>
        token(
          t,
          [t.issueTimestamp, t.expiryTimestamp, t.maxTimestamp],
          t.renewers.map((p) => named(p.principalType, p.principalName)),
        ),
      );
    },
  };
}
