import { protocolErrors, protocolErrorsCodesById } from '@platformatic/kafka';
import { ConnectionError, KtoolError, NotFoundError, OperationError, UsageError } from '../errors.js';

interface PltError extends Error {
  code?: string;
  apiId?: string;
  serverErrorMessage?: string | null;
  errors?: unknown[];
}

const AUTH_IDS = new Set(['SASL_AUTHENTICATION_FAILED', 'ILLEGAL_SASL_STATE', 'UNSUPPORTED_SASL_MECHANISM']);
const NOT_FOUND_IDS = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'UNKNOWN_TOPIC_ID', 'GROUP_ID_NOT_FOUND', 'RESOURCE_NOT_FOUND']);
const USAGE_IDS = new Set(['INVALID_PARTITIONS', 'INVALID_REPLICATION_FACTOR', 'INVALID_CONFIG', 'INVALID_TOPIC_EXCEPTION', 'INVALID_REQUEST', 'POLICY_VIOLATION', 'INVALID_REPLICA_ASSIGNMENT']);

/** Every leaf error under MultipleErrors/AggregateError and `cause` chains. */
export function leafErrors(error: unknown): PltError[] {
  const out: PltError[] = [];
  const seen = new Set<unknown>();
  const walk = (e: unknown) => {
    if (!e || seen.has(e)) return;
    seen.add(e);
    const err = e as PltError;
    if (Array.isArray(err.errors) && err.errors.length > 0) {
      err.errors.forEach(walk);
      return;
    }
    if (err.cause && !err.apiId) {
      walk(err.cause);
      if (out.length) return;
    }
    out.push(err);
  };
  walk(error);
  return out;
}

/** The broker's error id (TOPIC_ALREADY_EXISTS ...) if there is one. */
export function kafkaErrorId(error: unknown): string | undefined {
  return leafErrors(error).find((e) => e.apiId)?.apiId;
}

/** Plain words for one protocol error: the broker's own message when it sent one. */
export function kafkaErrorText(error: unknown): string {
  const leaf = leafErrors(error).find((e) => e.apiId) ?? leafErrors(error)[0];
  if (!leaf) return String(error);
  if (leaf.apiId) {
    const detail = leaf.serverErrorMessage || leaf.message.replace(/\.$/, '');
    return `${detail} (${leaf.apiId})`;
  }
  return leaf.message;
}

function isNetworkLike(e: PltError): boolean {
  const text = `${e.code ?? ''} ${e.message}`;
  return /PLT_KFK_NETWORK|PLT_KFK_TIMEOUT|ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|timed out|Connection closed|socket/i.test(text);
}

/**
 * The typed error for a broker error id (TOPIC_AUTHORIZATION_FAILED, INVALID_CONFIG ...), for
 * per-item results of batch requests as well as thrown errors: one mapping to exit codes.
 */
export function errorForKafkaCode(id: string, message: string, hint?: string): KtoolError {
  if (AUTH_IDS.has(id)) return new ConnectionError(message, { hint: hint ?? 'check the SASL mechanism, username and password' });
  if (id.endsWith('_AUTHORIZATION_FAILED')) return new ConnectionError(message, { hint: hint ?? 'this principal lacks an ACL: ask an admin (ktool acls list) or use another principal' });
  if (NOT_FOUND_IDS.has(id)) return new NotFoundError(message, hint);
  if (USAGE_IDS.has(id)) return new UsageError(message, hint);
  return new OperationError(message, { hint });
}

/** The brokers went away (refused, reset, closed, timed out): worth waiting out, unlike a Kafka error. */
export function isConnectionLoss(error: unknown): boolean {
  const leaves = leafErrors(error);
  return !leaves.some((e) => e.apiId) && leaves.some(isNetworkLike);
}

/** Kafka's name for a numeric error code (TOPIC_AUTHORIZATION_FAILED ...). */
export function errorName(code: number): string {
  return protocolErrorsCodesById[code] ?? `ERROR_${code}`;
}

/** The broker's own message when it sent one, else Kafka's text for the code. */
export function errorText(code: number, message?: string | null): string {
  const id = errorName(code);
  return message || protocolErrors[id]?.message || id;
}

/** The typed error for a numeric error code from a response we parse ourselves. */
export function errorForWireCode(code: number, what: string): KtoolError {
  return errorForKafkaCode(errorName(code), `${what}: ${errorText(code).replace(/\.$/, '')} (${errorName(code)})`);
}

/** Converts a client-library error into a typed ktool error naming the brokers and the cause. */
export function toKtoolError(error: unknown, brokers: string[], action: string): KtoolError {
  if (error instanceof KtoolError) return error;
  const leaves = leafErrors(error);
  const protocol = leaves.find((e) => e.apiId);
  const where = brokers.join(',');
  if (protocol?.apiId) {
    const text = kafkaErrorText(protocol);
    if (AUTH_IDS.has(protocol.apiId)) {
      return new ConnectionError(`authentication failed at ${where}: ${text}`, { hint: 'check the SASL mechanism, username and password, or the OAUTHBEARER token (ktool profile show --resolved)', cause: error });
    }
    return errorForKafkaCode(protocol.apiId, `${action}: ${text}`);
  }
  const auth = leaves.find((e) => e.code === 'PLT_KFK_AUTHENTICATION' || /SASL|authenticat/i.test(e.message));
  if (auth) {
    return new ConnectionError(`authentication failed at ${where}: ${auth.message}`, { hint: 'check the SASL mechanism, username and password', cause: error });
  }
  const tls = leaves.find((e) => /certificate|SSL|TLS|self[- ]signed|EPROTO/i.test(`${e.message} ${(e.cause as Error | undefined)?.message ?? ''}`));
  if (tls) {
    const detail = (tls.cause as Error | undefined)?.message ?? tls.message;
    return new ConnectionError(`TLS handshake with ${where} failed: ${detail}`, { hint: 'check the CA file (--ca / ssl.truststore.location) or use --insecure-skip-verify for a test cluster', cause: error });
  }
  const net = leaves.find(isNetworkLike);
  if (net) {
    const detail = describeNetwork(net);
    return new ConnectionError(`cannot connect to ${where}: ${detail}`, { hint: 'is the broker running and the address right? (ktool profile show --resolved; ktool local start for a local one)', cause: error });
  }
  const first = leaves[0] ?? (error as Error);
  return new OperationError(`${action}: ${first?.message ?? String(error)}`, { cause: error });
}

function describeNetwork(e: PltError): string {
  const inner = [e, e.cause as PltError | undefined].map((x) => `${x?.code ?? ''} ${x?.message ?? ''}`).join(' ');
  if (/ECONNREFUSED/.test(inner)) return 'connection refused';
  if (/ENOTFOUND|EAI_AGAIN/.test(inner)) return 'host name not found';
  if (/EHOSTUNREACH/.test(inner)) return 'host unreachable';
  if (/ECONNRESET|closed/i.test(inner)) return 'connection closed by the broker (wrong listener or protocol? TLS, SASL or a client certificate needed?)';
  if (/timed? ?out|ETIMEDOUT/i.test(inner)) return 'timed out';
  return e.message;
}
