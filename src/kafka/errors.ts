import { protocolErrors, protocolErrorsCodesById } from '@platformatic/kafka';
import { AuthenticationError, ConnectionError, KtoolError, OperationError, plainText } from '../errors.js';
import { brokerTooOld } from './broker-too-old.js';
import { isDeniedCode, type Denial } from './denied.js';
import { errorForKafkaCode, isAuthentication, RULES } from './code-errors.js';

export { errorForKafkaCode };

interface PltError extends Error {
  code?: string;
  apiId?: string;
  /** Where in the response a per-item error sits: /topics/0, /results/2/partitions/1 ... */
  path?: string;
  response?: unknown;
  serverErrorMessage?: string | null;
  errors?: unknown[];
}

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

/**
 * The broker does not take this request, or not in a version the client speaks: the library's
 * UnsupportedApiError (PLT_KFK_UNSUPPORTED_API) or Kafka's UNSUPPORTED_VERSION, by code, not by words.
 */
export function isUnsupported(error: unknown): boolean {
  return leafErrors(error).some((e) => e.code === 'PLT_KFK_UNSUPPORTED_API' || e.apiId === 'UNSUPPORTED_VERSION');
}

/** Plain words for one protocol error: the broker's own message when it sent one. */
export function kafkaErrorText(error: unknown): string {
  const leaf = leafErrors(error).find((e) => e.apiId) ?? leafErrors(error)[0];
  if (!leaf) return plainText(error);
  if (leaf.apiId) return `${serverText(leaf).text} (${leaf.apiId})`;
  return leaf.message;
}

/**
 * The broker's message, cleaned: a produce rejection arrives as "One or more records have been
 * rejected ... [RecordError(batchIndex=0, message='...')]"; what matters is the message inside,
 * and the best-known one (a keyless record for a compacted topic) gets words and a hint of its own.
 */
function serverText(leaf: PltError): { text: string; hint?: string } {
  const raw = (leaf.serverErrorMessage || leaf.message || '').trim();
  const inner = [...raw.matchAll(/RecordError\(batchIndex=\d+, message='((?:[^'\\]|\\.)*)'\)/g)].map((m) => m[1]);
  const messages = inner.length ? [...new Set(inner)] : [raw];
  const compacted = /Compacted topic cannot accept message without key in topic partition (.+)-\d+$/.exec(messages[0]);
  if (compacted)
    return {
      text: `topic ${compacted[1]} is compacted (cleanup.policy=compact) and records need a key`,
      hint: 'give a key with -k KEY, or -K SEP to read KEY<SEP>VALUE lines',
    };
  return { text: messages.join('; ').replace(/\.$/, '') };
}

const NETWORK_LIKE =
  /PLT_KFK_NETWORK|PLT_KFK_TIMEOUT|ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|timed out|Connection closed|socket/i;

function isNetworkLike(e: PltError): boolean {
  const text = `${e.code ?? ''} ${e.message}`;
  return NETWORK_LIKE.test(text);
}

/**
 * The names of the refused resources, from the responses the refusals came in: each per-item
 * error's path (/topics/0, /results/1) leads to the item, whose name field says which.
 */
export function refusedNames(error: unknown): string[] {
  const names = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (e: unknown, response: unknown) => {
    if (!e || typeof e !== 'object' || seen.has(e)) return;
    seen.add(e);
    const err = e as PltError;
    const context = err.response ?? response;
    if (isDeniedCode(err.apiId) && err.path && context) {
      const name = nameAt(context, err.path);
      if (name) names.add(name);
    }
    if (Array.isArray(err.errors)) for (const child of err.errors) walk(child, context);
    if (err.cause) walk(err.cause, context);
  };
  walk(error, undefined);
  return [...names];
}

const NAME_FIELDS = ['resourceName', 'name', 'topic', 'topicName', 'groupId', 'transactionalId', 'key'];

function nameAt(response: unknown, path: string): string | undefined {
  let node: unknown = response;
  let name: string | undefined;
  for (const step of path.split('/').filter(Boolean)) {
    if (!node || typeof node !== 'object') break;
    node = (node as Record<string, unknown>)[step];
    const record = node as Record<string, unknown> | undefined;
    const field = record && typeof record === 'object' ? NAME_FIELDS.find((f) => typeof record[f] === 'string' && record[f]) : undefined;
    if (field) name = record![field] as string;
  }
  return name;
}

/** The brokers went away (refused, reset, closed, timed out): worth waiting out, unlike a Kafka error. */
export function isConnectionLoss(error: unknown): boolean {
  const leaves = leafErrors(error);
  return !leaves.some((e) => e.apiId) && leaves.some(isNetworkLike);
}

const TIMED_OUT = /PLT_KFK_TIMEOUT|ETIMEDOUT|timed out/i;

/**
 * The broker is gone (refused, reset, closed: killed), not slow: a request that timed out is not
 * this, as a broker that does not answer is waited for --timeout once, not again.
 */
export function isBrokerGone(error: unknown): boolean {
  return isConnectionLoss(error) && !leafErrors(error).some((e) => TIMED_OUT.test(`${e.code ?? ''} ${e.message}`));
}

/** Kafka's name for a numeric error code (TOPIC_AUTHORIZATION_FAILED ...). */
export function errorName(code: number): string {
  return protocolErrorsCodesById[code] ?? `ERROR_${code}`;
}

/** The broker's own message when it sent one, else Kafka's text for the code. */
export function errorText(code: number, message?: string | null): string {
  const id = errorName(code);
  return (message || protocolErrors[id]?.message || id).replace(/\.$/, '');
}

/** The typed error for a numeric error code from a response we parse ourselves. */
export function errorForWireCode(code: number, what: string, denial: Partial<Denial> = {}): KtoolError {
  return errorForKafkaCode(errorName(code), `${what}: ${errorText(code)} (${errorName(code)})`, undefined, denial);
}

/** Converts a client-library error into a typed ktool error naming the brokers and the cause. */
export function toKtoolError(error: unknown, brokers: string[], action: string): KtoolError {
  if (error instanceof KtoolError) return error;
  const leaves = leafErrors(error);
  const protocol = leaves.find((e) => e.apiId);
  const where = brokers.join(',');
  const tooOld = brokerTooOld(error, where, action);
  if (tooOld) return tooOld;
  if (protocol?.apiId) {
    const id = protocol.apiId;
    const { text, hint } = serverText(protocol);
    if (isAuthentication(id)) {
      return new AuthenticationError(`authentication failed at ${where}: ${text} (${id})`, {
        hint: RULES[id].hint,
        cause: error,
        kafkaCode: id,
      });
    }
    return errorForKafkaCode(id, `${action}: ${text} (${id})`, hint, { action, names: isDeniedCode(id) ? refusedNames(error) : undefined });
  }
  const auth = leaves.find((e) => e.code === 'PLT_KFK_AUTHENTICATION' || /SASL|authenticat/i.test(e.message));
  if (auth) {
    return new AuthenticationError(`authentication failed at ${where}: ${auth.message}`, {
      hint: 'check the SASL mechanism, username and password',
      cause: error,
    });
  }
  const tls = leaves.find((e) =>
    /certificate|SSL|TLS|self[- ]signed|EPROTO/i.test(`${e.message} ${(e.cause as Error | undefined)?.message ?? ''}`),
  );
  if (tls) {
    const detail = (tls.cause as Error | undefined)?.message ?? tls.message;
    return new AuthenticationError(`TLS handshake with ${where} failed: ${detail}`, {
      hint: 'check the CA file (--ca / ssl.truststore.location) or use --insecure-skip-verify for a test cluster',
      cause: error,
    });
  }
  const unsupported = leaves.find((e) => e.code === 'PLT_KFK_UNSUPPORTED_API');
  if (unsupported) {
    // The library refuses before sending: the broker's ApiVersions has no usable version of the request.
    const api = /API (\w+)/.exec(unsupported.message)?.[1] ?? 'this request';
    return new OperationError(`${action}: the broker at ${where} does not support ${api}`, {
      hint: 'ktool cluster api-versions shows what the broker supports; this needs a newer Kafka',
      cause: error,
      kafkaCode: 'UNSUPPORTED_VERSION',
    });
  }
  const net = leaves.find(isNetworkLike);
  if (net) {
    const detail = describeNetwork(net);
    return new ConnectionError(`cannot connect to ${where}: ${detail}`, {
      hint: 'is the broker running and the address right? (ktool profile show --resolved; ktool local start for a local one)',
      cause: error,
    });
  }
  return new OperationError(`${action}: ${libraryText(leaves[0] ?? error)}`, { cause: error });
}

/**
 * A library error without a Kafka code or a network cause: its words, not its wrapper's ("Received response with
 * error while executing API ...").
 */
function libraryText(e: unknown): string {
  const message = plainText(e).replace(/\.$/, '');
  return /^Received response with error/.test(message) ? 'the broker answered with an error it did not name' : message;
}

function describeNetwork(e: PltError): string {
  const inner = [e, e.cause as PltError | undefined].map((x) => `${x?.code ?? ''} ${x?.message ?? ''}`).join(' ');
  if (/ECONNREFUSED/.test(inner)) return 'connection refused';
  if (/ENOTFOUND|EAI_AGAIN/.test(inner)) return 'host name not found';
  if (/EHOSTUNREACH/.test(inner)) return 'host unreachable';
  if (/ECONNRESET|closed/i.test(inner))
    return 'connection closed by the broker (wrong listener or protocol? TLS, SASL or a client certificate needed?)';
  if (/timed? ?out|ETIMEDOUT/i.test(inner)) return 'timed out';
  return e.message;
}
