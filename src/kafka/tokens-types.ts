/** ktool's view of delegation tokens (kafka-delegation-tokens.sh, KIP-48): free of the client library. */

/** A principal as Kafka prints it: `User:alice` (type, a colon, the name). */
export type Principal = string;

export interface DelegationToken {
  tokenId: string;
  /** The token's secret: with the id, a SCRAM password (tokenauth=true). Never logged. */
  hmac: Buffer;
  owner: Principal;
  /** Who asked for it (the owner, unless created for another user). */
  requester: Principal;
  renewers: Principal[];
  /** Epoch milliseconds. */
  issueTimestamp: number;
  expiryTimestamp: number;
  maxTimestamp: number;
}

export interface CreateTokenOptions {
  /** Created for this user (KIP-373, Kafka 3.3+): the requester needs CreateTokens on that user. */
  owner?: Principal;
  renewers: Principal[];
  /** -1: the broker's delegation.token.max.lifetime.ms. */
  maxLifetimeMs: number;
}

export interface TokensApi {
  create(options: CreateTokenOptions): Promise<DelegationToken>;
  /** The new expiry time (epoch ms); -1 as the period: the broker's delegation.token.expiry.time.ms. */
  renew(hmac: Buffer, renewPeriodMs: number): Promise<number>;
  /** The new expiry time (epoch ms); a negative period expires the token now. */
  expire(hmac: Buffer, expiryPeriodMs: number): Promise<number>;
  /**
   * Tokens owned or renewable by these principals, among those the caller may see; null: every token
   * the caller may see. An empty list asks for none (what Kafka's broker answers to it).
   */
  describe(owners: Principal[] | null): Promise<DelegationToken[]>;
}

/** SecurityUtils.parseKafkaPrincipal: `TYPE:NAME`, split at the first colon. */
export function splitPrincipal(text: string): { principalType: string; principalName: string } | undefined {
  const i = text.indexOf(':');
  if (i <= 0) return undefined;
  return { principalType: text.slice(0, i), principalName: text.slice(i + 1) };
}
