import { protocolErrors, protocolErrorsCodesById } from '@platformatic/kafka';
import { ConnectionError, KtoolError, NotFoundError, OperationError, plainText, UsageError } from '../errors.js';
import { deniedError, isDeniedCode, type Denial } from './denied.js';

interface PltError extends Error {
  code?: string;
  apiId?: string;
  /** Where in the response a per-item error sits: /topics/0, /results/2/partitions/1 ... */
  path?: string;
  response?: unknown;
  serverErrorMessage?: string | null;
  errors?: unknown[];
}

type Kind = 'usage' | 'notFound' | 'connection' | 'operation';

/**
 * What each Kafka error id means for ktool: the exit code (through the typed error), a hint that
 * names the fix, and for errors about the cluster rather than the request, the whole message.
 * Ids not listed are operation failures (exit 1) with the broker's own words.
 */
interface Rule {
  kind: Kind;
  hint?: string;
  /** Replaces "ACTION: broker text": the cause is the cluster's set-up, not the request. */
  text?: string;
}

const SASL_HINT = 'check the SASL mechanism, username and password, or the OAUTHBEARER token (ktool profile show --resolved)';
const COORDINATOR_HINT = 'the group coordinator is moving or loading: retry in a moment';
const LEADER_HINT = 'a leader election is under way: retry in a moment (ktool cluster health)';
const MEMBERS_HINT = 'the group has active members: stop its consumers first (ktool groups describe GROUP --members)';

const RULES: Record<string, Rule> = {
  SASL_AUTHENTICATION_FAILED: { kind: 'connection', hint: SASL_HINT },
  ILLEGAL_SASL_STATE: { kind: 'connection', hint: 'the listener does not expect this SASL exchange: check the address (a PLAINTEXT or SSL listener?) and the security settings (ktool profile show --resolved)' },
  UNSUPPORTED_SASL_MECHANISM: { kind: 'connection', hint: 'use a mechanism this listener enables (sasl.enabled.mechanisms on the broker)' },
  REQUEST_TIMED_OUT: { kind: 'connection', hint: 'raise --timeout, or check the brokers (ktool cluster health)' },
  UNKNOWN_TOPIC_OR_PARTITION: { kind: 'notFound', hint: 'ktool topics list shows the topics' },
  UNKNOWN_TOPIC_ID: { kind: 'notFound', hint: 'ktool topics list shows the topics' },
  GROUP_ID_NOT_FOUND: { kind: 'notFound', hint: 'ktool groups list shows the groups' },
  RESOURCE_NOT_FOUND: { kind: 'notFound' },
  LOG_DIR_NOT_FOUND: { kind: 'notFound', hint: 'ktool cluster log-dirs shows each broker\'s log directories' },
  INVALID_PARTITIONS: { kind: 'usage', hint: 'a topic has at least 1 partition, and its count can only grow' },
  INVALID_REPLICATION_FACTOR: { kind: 'usage', hint: 'the replication factor cannot exceed the number of brokers (ktool cluster info)' },
  INVALID_REPLICA_ASSIGNMENT: { kind: 'usage', hint: 'name existing broker ids, each once per partition (ktool cluster info)' },
  INVALID_CONFIG: { kind: 'usage', hint: 'check the name and the value (ktool configs describe --all, e.g. --topic T --all, lists the names, types and current values)' },
  INVALID_TOPIC_EXCEPTION: { kind: 'usage', hint: 'use up to 249 characters from a-z A-Z 0-9 . _ -' },
  INVALID_REQUEST: { kind: 'usage' },
  POLICY_VIOLATION: { kind: 'usage', hint: 'the cluster\'s create.topic.policy / alter.config.policy refuses it: ask its admins what is allowed' },
  INVALID_GROUP_ID: { kind: 'usage' },
  INVALID_PRINCIPAL_TYPE: { kind: 'usage', hint: 'a principal is TYPE:NAME, e.g. User:alice' },
  DUPLICATE_RESOURCE: { kind: 'usage', hint: 'name each resource once' },
  INVALID_TRANSACTION_TIMEOUT: { kind: 'usage', hint: 'transaction.timeout.ms must not exceed the brokers\' transaction.max.timeout.ms' },
  INVALID_TIMESTAMP: { kind: 'usage', hint: 'the record\'s timestamp is outside what the topic accepts (message.timestamp.before.max.ms / after.max.ms)' },
  UNACCEPTABLE_CREDENTIAL: { kind: 'usage' },
  TOPIC_ALREADY_EXISTS: { kind: 'operation', hint: 'pick another name, or pass --if-not-exists to accept the existing topic' },
  MESSAGE_TOO_LARGE: { kind: 'operation', hint: 'a record is larger than the topic accepts (max.message.bytes, 1 MiB by default): send smaller records or raise it (ktool configs alter --topic T --add-config max.message.bytes=N)' },
  RECORD_LIST_TOO_LARGE: { kind: 'operation', hint: 'send smaller requests (produce --batch-size)' },
  NOT_ENOUGH_REPLICAS: { kind: 'operation', hint: 'fewer replicas are in sync than min.insync.replicas requires: wait for the brokers (ktool cluster health) or produce with --acks 1' },
  NOT_ENOUGH_REPLICAS_AFTER_APPEND: { kind: 'operation', hint: 'fewer replicas are in sync than min.insync.replicas requires: wait for the brokers (ktool cluster health)' },
  SECURITY_DISABLED: {
    kind: 'operation',
    text: 'the cluster has no authorizer configured (SECURITY_DISABLED), so it keeps no ACLs',
    hint: 'ACLs need authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer in the brokers\' and controllers\' configuration',
  },
  TOPIC_DELETION_DISABLED: { kind: 'operation', hint: 'the brokers run with delete.topic.enable=false' },
  NON_EMPTY_GROUP: { kind: 'operation', hint: MEMBERS_HINT },
  GROUP_SUBSCRIBED_TO_TOPIC: { kind: 'operation', hint: 'the group\'s consumers still subscribe to the topic: stop them first' },
  UNKNOWN_MEMBER_ID: { kind: 'operation', hint: MEMBERS_HINT },
  ILLEGAL_GENERATION: { kind: 'operation', hint: MEMBERS_HINT },
  REBALANCE_IN_PROGRESS: { kind: 'operation', hint: MEMBERS_HINT },
  PRODUCER_FENCED: { kind: 'operation', hint: 'another producer started with the same transactional id: run one at a time per id' },
  INVALID_PRODUCER_EPOCH: { kind: 'operation', hint: 'another producer started with the same transactional id: run one at a time per id' },
  OFFSET_OUT_OF_RANGE: { kind: 'operation', hint: 'ktool offsets TOPIC shows each partition\'s first and last offset' },
  UNSUPPORTED_VERSION: { kind: 'operation', hint: 'the broker is too old for this request (ktool cluster api-versions)' },
  NOT_COORDINATOR: { kind: 'operation', hint: COORDINATOR_HINT },
  COORDINATOR_NOT_AVAILABLE: { kind: 'operation', hint: COORDINATOR_HINT },
  COORDINATOR_LOAD_IN_PROGRESS: { kind: 'operation', hint: COORDINATOR_HINT },
  LEADER_NOT_AVAILABLE: { kind: 'operation', hint: LEADER_HINT },
  NOT_LEADER_OR_FOLLOWER: { kind: 'operation', hint: LEADER_HINT },
  REASSIGNMENT_IN_PROGRESS: { kind: 'operation', hint: 'wait for the partition reassignment to finish' },
  THROTTLING_QUOTA_EXCEEDED: { kind: 'operation', hint: 'a quota throttles this principal: retry later' },
  KAFKA_STORAGE_ERROR: { kind: 'operation', hint: 'a broker cannot use a log directory: its server.log names the disk' },
  UNKNOWN_SERVER_ERROR: { kind: 'operation', hint: 'the broker failed unexpectedly: its server.log has the cause' },
};

const KIND_ERRORS: Record<Kind, (message: string, hint?: string) => KtoolError> = {
  usage: (m, h) => new UsageError(m, h),
  notFound: (m, h) => new NotFoundError(m, h),
  connection: (m, h) => new ConnectionError(m, { hint: h }),
  operation: (m, h) => new OperationError(m, { hint: h }),
};

/** The error carries Kafka's name for it, so callers test the code rather than the words. */
const withCode = (error: KtoolError, id: string): KtoolError => Object.assign(error, { kafkaCode: id });

const isAuthentication = (id: string) => RULES[id]?.kind === 'connection' && id.includes('SASL');

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
  if (compacted) return { text: `topic ${compacted[1]} is compacted (cleanup.policy=compact) and records need a key`, hint: 'give a key with -k KEY, or -K SEP to read KEY<SEP>VALUE lines' };
  return { text: messages.join('; ').replace(/\.$/, '') };
}

function isNetworkLike(e: PltError): boolean {
  const text = `${e.code ?? ''} ${e.message}`;
  return /PLT_KFK_NETWORK|PLT_KFK_TIMEOUT|ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|timed out|Connection closed|socket/i.test(text);
}

/**
 * The typed error for a broker error id (TOPIC_AUTHORIZATION_FAILED, INVALID_CONFIG ...), for
 * per-item results of batch requests as well as thrown errors: one mapping to exit codes and hints.
 * A caller's hint (which knows the command) wins over the table's.
 */
export function errorForKafkaCode(id: string, message: string, hint?: string, denial: Partial<Denial> = {}): KtoolError {
  const rule = RULES[id];
  // A refusal names the principal, the operation and the ACL that would allow it (denied.ts).
  if (isDeniedCode(id)) return deniedError({ kafkaCode: id, action: message.split(': ')[0], ...denial });
  return withCode(KIND_ERRORS[rule?.kind ?? 'operation'](rule?.text ?? message, hint ?? rule?.hint), id);
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
  if (protocol?.apiId) {
    const id = protocol.apiId;
    const { text, hint } = serverText(protocol);
    if (isAuthentication(id)) {
      return new ConnectionError(`authentication failed at ${where}: ${text} (${id})`, { hint: RULES[id].hint, cause: error });
    }
    return errorForKafkaCode(id, `${action}: ${text} (${id})`, hint, { action, names: isDeniedCode(id) ? refusedNames(error) : undefined });
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
  return new OperationError(`${action}: ${libraryText(leaves[0] ?? error)}`, { cause: error });
}

/** A library error without a Kafka code or a network cause: its words, not its wrapper's ("Received response with error while executing API ..."). */
function libraryText(e: unknown): string {
  const message = plainText(e).replace(/\.$/, '');
  return /^Received response with error/.test(message) ? 'the broker answered with an error it did not name' : message;
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
