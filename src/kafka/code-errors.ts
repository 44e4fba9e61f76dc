/**
 * ktool's error for a Kafka error code (by name): its kind (exit code), its hint. Free of the
 * client library, so that commands may use it without loading the library at start-up.
 */
import { ConnectionError, KtoolError, NotFoundError, OperationError, UsageError } from '../errors.js';
import { deniedError, isDeniedCode, type Denial } from './denied.js';

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

export const RULES: Record<string, Rule> = {
  SASL_AUTHENTICATION_FAILED: { kind: 'connection', hint: SASL_HINT },
  ILLEGAL_SASL_STATE: {
    kind: 'connection',
    hint:
      'the listener does not expect this SASL exchange: check the address (a PLAINTEXT or SSL ' +
      'listener?) and the security settings (ktool profile show --resolved)',
  },
  UNSUPPORTED_SASL_MECHANISM: { kind: 'connection', hint: 'use a mechanism this listener enables (sasl.enabled.mechanisms on the broker)' },
  REQUEST_TIMED_OUT: { kind: 'connection', hint: 'raise --timeout, or check the brokers (ktool cluster health)' },
  UNKNOWN_TOPIC_OR_PARTITION: { kind: 'notFound', hint: 'ktool topics list shows the topics' },
  UNKNOWN_TOPIC_ID: { kind: 'notFound', hint: 'ktool topics list shows the topics' },
  GROUP_ID_NOT_FOUND: { kind: 'notFound', hint: 'ktool groups list shows the groups' },
  RESOURCE_NOT_FOUND: { kind: 'notFound' },
  LOG_DIR_NOT_FOUND: { kind: 'notFound', hint: "ktool cluster log-dirs shows each broker's log directories" },
  INVALID_PARTITIONS: { kind: 'usage', hint: 'a topic has at least 1 partition, and its count can only grow' },
  INVALID_REPLICATION_FACTOR: { kind: 'usage', hint: 'the replication factor cannot exceed the number of brokers (ktool cluster info)' },
  INVALID_REPLICA_ASSIGNMENT: { kind: 'usage', hint: 'name existing broker ids, each once per partition (ktool cluster info)' },
  INVALID_CONFIG: {
    kind: 'usage',
    hint: 'check the name and the value (ktool configs describe --all, e.g. --topic T --all, lists the names, types and current values)',
  },
  INVALID_TOPIC_EXCEPTION: { kind: 'usage', hint: 'use up to 249 characters from a-z A-Z 0-9 . _ -' },
  INVALID_REQUEST: { kind: 'usage' },
  POLICY_VIOLATION: {
    kind: 'usage',
    hint: "the cluster's create.topic.policy / alter.config.policy refuses it: ask its admins what is allowed",
  },
  INVALID_GROUP_ID: { kind: 'usage' },
  INVALID_PRINCIPAL_TYPE: { kind: 'usage', hint: 'a principal is TYPE:NAME, e.g. User:alice' },
  DUPLICATE_RESOURCE: { kind: 'usage', hint: 'name each resource once' },
  INVALID_TRANSACTION_TIMEOUT: { kind: 'usage', hint: "transaction.timeout.ms must not exceed the brokers' transaction.max.timeout.ms" },
  INVALID_TIMESTAMP: {
    kind: 'usage',
    hint: "the record's timestamp is outside what the topic accepts (message.timestamp.before.max.ms / after.max.ms)",
  },
  UNACCEPTABLE_CREDENTIAL: { kind: 'usage' },
  TOPIC_ALREADY_EXISTS: { kind: 'operation', hint: 'pick another name, or pass --if-not-exists to accept the existing topic' },
  MESSAGE_TOO_LARGE: {
    kind: 'operation',
    hint:
      'a record is larger than the topic accepts (max.message.bytes, 1 MiB by default): send ' +
      'smaller records or raise it (ktool configs alter --topic T --add-config ' +
      'max.message.bytes=N)',
  },
  RECORD_LIST_TOO_LARGE: { kind: 'operation', hint: 'send smaller requests (produce --batch-size)' },
  NOT_ENOUGH_REPLICAS: {
    kind: 'operation',
    hint:
      'fewer replicas are in sync than min.insync.replicas requires: wait for the brokers (ktool ' +
      'cluster health) or produce with --acks 1',
  },
  NOT_ENOUGH_REPLICAS_AFTER_APPEND: {
    kind: 'operation',
    hint: 'fewer replicas are in sync than min.insync.replicas requires: wait for the brokers (ktool cluster health)',
  },
  SECURITY_DISABLED: {
    kind: 'operation',
    text: 'the cluster has no authorizer configured (SECURITY_DISABLED), so it keeps no ACLs',
    hint:
      'ACLs need authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer ' +
      "in the brokers' and controllers' configuration",
  },
  TOPIC_DELETION_DISABLED: { kind: 'operation', hint: 'the brokers run with delete.topic.enable=false' },
  NON_EMPTY_GROUP: { kind: 'operation', hint: MEMBERS_HINT },
  GROUP_SUBSCRIBED_TO_TOPIC: { kind: 'operation', hint: "the group's consumers still subscribe to the topic: stop them first" },
  UNKNOWN_MEMBER_ID: { kind: 'operation', hint: MEMBERS_HINT },
  ILLEGAL_GENERATION: { kind: 'operation', hint: MEMBERS_HINT },
  REBALANCE_IN_PROGRESS: { kind: 'operation', hint: MEMBERS_HINT },
  PRODUCER_FENCED: { kind: 'operation', hint: 'another producer started with the same transactional id: run one at a time per id' },
  INVALID_PRODUCER_EPOCH: { kind: 'operation', hint: 'another producer started with the same transactional id: run one at a time per id' },
  OFFSET_OUT_OF_RANGE: { kind: 'operation', hint: "ktool offsets TOPIC shows each partition's first and last offset" },
  UNSUPPORTED_VERSION: { kind: 'operation', hint: 'the broker is too old for this request (ktool cluster api-versions)' },
  NOT_COORDINATOR: { kind: 'operation', hint: COORDINATOR_HINT },
  COORDINATOR_NOT_AVAILABLE: { kind: 'operation', hint: COORDINATOR_HINT },
  COORDINATOR_LOAD_IN_PROGRESS: { kind: 'operation', hint: COORDINATOR_HINT },
  LEADER_NOT_AVAILABLE: { kind: 'operation', hint: LEADER_HINT },
  NOT_LEADER_OR_FOLLOWER: { kind: 'operation', hint: LEADER_HINT },
  REASSIGNMENT_IN_PROGRESS: { kind: 'operation', hint: 'wait for the partition reassignment to finish' },
  THROTTLING_QUOTA_EXCEEDED: { kind: 'operation', hint: 'a quota throttles this principal: retry later' },
  KAFKA_STORAGE_ERROR: { kind: 'operation', hint: 'a broker cannot use a log directory: its server.log names the disk' },
  DELEGATION_TOKEN_AUTH_DISABLED: {
    kind: 'operation',
    text: 'delegation tokens are not enabled on this cluster (DELEGATION_TOKEN_AUTH_DISABLED)',
    hint:
      "set delegation.token.secret.key (the same on every broker and controller) in the cluster's configuration; " +
      '`ktool local start --sasl` clusters made since ktool has tokens have it (start one with --fresh)',
  },
  DELEGATION_TOKEN_REQUEST_NOT_ALLOWED: {
    kind: 'usage',
    text: 'the broker takes token requests only over SASL or mutual TLS, and not from a token-authenticated client',
    hint: 'connect to a SASL listener with a user and password (--command-config or a profile with sasl)',
  },
  DELEGATION_TOKEN_NOT_FOUND: { kind: 'notFound', hint: 'no token has this HMAC (or it expired): ktool tokens describe lists yours' },
  DELEGATION_TOKEN_EXPIRED: { kind: 'operation', hint: 'an expired token cannot be renewed: create a new one (ktool tokens create)' },
  DELEGATION_TOKEN_OWNER_MISMATCH: { kind: 'operation', hint: "only the token's owner and its renewers may renew or expire it" },
  UNKNOWN_SERVER_ERROR: { kind: 'operation', hint: 'the broker failed unexpectedly: its server.log has the cause' },
};

/** The error carries Kafka's name for it (kafkaCode), so callers test the code rather than the words. */
const KIND_ERRORS: Record<Kind, (message: string, hint: string | undefined, kafkaCode: string) => KtoolError> = {
  usage: (m, hint, kafkaCode) => new UsageError(m, hint, { kafkaCode }),
  notFound: (m, hint, kafkaCode) => new NotFoundError(m, hint, { kafkaCode }),
  connection: (m, hint, kafkaCode) => new ConnectionError(m, { hint, kafkaCode }),
  operation: (m, hint, kafkaCode) => new OperationError(m, { hint, kafkaCode }),
};

export const isAuthentication = (id: string) => RULES[id]?.kind === 'connection' && id.includes('SASL');

/**
 * The typed error for a broker error id (TOPIC_AUTHORIZATION_FAILED, INVALID_CONFIG ...), for
 * per-item results of batch requests as well as thrown errors: one mapping to exit codes and hints.
 * A caller's hint (which knows the command) wins over the table's. The error keeps the id (kafkaCode).
 */
export function errorForKafkaCode(id: string, message: string, hint?: string, denial: Partial<Denial> = {}): KtoolError {
  const rule = RULES[id];
  // A refusal names the principal, the operation and the ACL that would allow it (denied.ts).
  if (isDeniedCode(id)) return deniedError({ kafkaCode: id, action: message.split(': ')[0], ...denial });
  return KIND_ERRORS[rule?.kind ?? 'operation'](rule?.text ?? message, hint ?? rule?.hint, id);
}
