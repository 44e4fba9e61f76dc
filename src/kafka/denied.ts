import type { ConnectionSettings } from '../config/connection.js';
import { ExitCode, KtoolError } from '../errors.js';

/**
 * "The broker said no": one error for every *_AUTHORIZATION_FAILED, naming who was refused what on
 * which resource, and the ACL that would allow it:
 *
 *   error: User:alice is not allowed to DESCRIBE topic secret (TOPIC_AUTHORIZATION_FAILED)
 *   hint: ktool acls create --allow-principal User:alice --operation Describe --topic secret
 *
 * The kafka layer knows the resource names (from the response) and the request (hence the
 * operation); the client wrapper knows the principal (from the connection settings). Each fills in
 * what it knows. Kept free of the client library so that commands can import it.
 */

/** ACL operations as `ktool acls create --operation` takes them. */
export type AclOperation =
  'Read' | 'Write' | 'Create' | 'Delete' | 'Alter' | 'Describe' | 'ClusterAction' | 'DescribeConfigs' | 'AlterConfigs' | 'IdempotentWrite';

export interface Denial {
  /** Kafka's error name: TOPIC_AUTHORIZATION_FAILED, GROUP_..., CLUSTER_..., TRANSACTIONAL_ID_... */
  kafkaCode: string;
  operation?: AclOperation;
  /** The refused topics, groups or ids, when the response says which. */
  names?: string[];
  /** What was being done, for the rare refusal whose operation is not known ("fetch records"). */
  action?: string;
  /** User:alice; null when the client cannot know it (a certificate's subject); undefined: not filled in yet. */
  principal?: string | null;
}

interface Resource {
  one: string;
  many: string;
  flag: string;
  placeholder: string;
}

const RESOURCES: Record<string, Resource> = {
  TOPIC_AUTHORIZATION_FAILED: { one: 'topic', many: 'topics', flag: '--topic', placeholder: 'TOPIC' },
  GROUP_AUTHORIZATION_FAILED: { one: 'consumer group', many: 'consumer groups', flag: '--group', placeholder: 'GROUP' },
  TRANSACTIONAL_ID_AUTHORIZATION_FAILED: {
    one: 'transactional id',
    many: 'transactional ids',
    flag: '--transactional-id',
    placeholder: 'ID',
  },
  DELEGATION_TOKEN_AUTHORIZATION_FAILED: {
    one: 'delegation token',
    many: 'delegation tokens',
    flag: '--delegation-token',
    placeholder: 'TOKEN',
  },
};

/** Whether Kafka's error name is a refusal by the authorizer. */
export const isDeniedCode = (code: string | undefined): boolean => Boolean(code?.endsWith('_AUTHORIZATION_FAILED'));

/** A refusal by the authorizer, whatever code built it: test this instead of matching messages. */
export function isDenied(error: unknown): error is KtoolError {
  return error instanceof KtoolError && isDeniedCode(error.kafkaCode);
}

export class DeniedError extends KtoolError {
  readonly denial: Denial;
  constructor(denial: Denial) {
    const { message, hint } = explain(denial);
    super(message, ExitCode.connection, { hint, kafkaCode: denial.kafkaCode });
    this.denial = denial;
  }

  /** The same refusal with what a caller knows filled in where it is still missing. */
  filledIn(more: Partial<Denial>): DeniedError {
    const d = this.denial;
    const merged: Denial = {
      ...d,
      operation: d.operation ?? more.operation,
      names: d.names?.length ? d.names : more.names,
      action: d.action ?? more.action,
      principal: d.principal !== undefined ? d.principal : more.principal,
    };
    return new DeniedError(merged);
  }

  /** The operation the command really needs (consume asks Read, though Metadata was refused Describe). */
  needing(operation: AclOperation): DeniedError {
    return new DeniedError({ ...this.denial, operation });
  }
}

/** Builds the refusal for a Kafka error name; anything else a caller knows can be added later. */
export function deniedError(denial: Denial): DeniedError {
  return new DeniedError(denial);
}

/**
 * The principal the brokers see for these settings, as far as the client can tell: SASL PLAIN and
 * SCRAM log in as User:<username>; with a client certificate it is the certificate's subject as the
 * brokers map it, with OAUTHBEARER or GSSAPI a name the brokers derive: null, "this client".
 * Without either, Kafka's principal is User:ANONYMOUS.
 */
export function principalOf(settings: ConnectionSettings | undefined): string | null {
  if (!settings) return null;
  const sasl = settings.sasl;
  // A delegation token acts as its owner, whom the client does not know (the username is the token id).
  if (sasl?.tokenAuth) return null;
  if (sasl) return (sasl.mechanism === 'PLAIN' || sasl.mechanism.startsWith('SCRAM')) && sasl.username ? `User:${sasl.username}` : null;
  if (settings.tls?.cert) return null;
  return 'User:ANONYMOUS';
}

/** Fills in the principal (and a default operation) of a refusal; other errors pass unchanged. */
export function attribute<E>(error: E, settings: ConnectionSettings | undefined, operation?: AclOperation): E | DeniedError {
  if (!(error instanceof DeniedError)) return error;
  return error.filledIn({ principal: principalOf(settings), operation });
}

/**
 * What each request of ktool's Kafka APIs (admin and its extensions) needs from the authorizer, for
 * refusals that do not say: the operation the hint grants.
 */
export const OPERATION_BY_METHOD: Record<string, AclOperation> = {
  listTopics: 'Describe',
  describeTopics: 'Describe',
  listOffsets: 'Describe',
  describeTopicConfigs: 'DescribeConfigs',
  createTopics: 'Create',
  createPartitions: 'Alter',
  deleteTopics: 'Delete',
  listGroups: 'Describe',
  describeGroups: 'Describe',
  fetchOffsets: 'Describe',
  commitOffsets: 'Read',
  deleteGroups: 'Delete',
  deleteOffsets: 'Delete',
  recordTimestamps: 'Read',
  describeConfigs: 'DescribeConfigs',
  alterConfigs: 'AlterConfigs',
  describeQuotas: 'DescribeConfigs',
  alterQuotas: 'AlterConfigs',
  describeCluster: 'Describe',
  describeLogDirs: 'Describe',
  describeAcls: 'Describe',
  createAcls: 'Alter',
  deleteAcls: 'Alter',
  deleteRecords: 'Delete',
  describeUsers: 'Describe',
  alterCredentials: 'Alter',
};

/** With --json an empty list says it; a table says on stderr that the principal may see nothing. */
export function noneVisible(what: string, principal: string | null, needs: string): string {
  return `no ${what} visible to ${principal ?? 'this client'}; ${needs}`;
}

const KAFKA_OPERATION: Record<AclOperation, string> = {
  Read: 'READ',
  Write: 'WRITE',
  Create: 'CREATE',
  Delete: 'DELETE',
  Alter: 'ALTER',
  Describe: 'DESCRIBE',
  ClusterAction: 'CLUSTER_ACTION',
  DescribeConfigs: 'DESCRIBE_CONFIGS',
  AlterConfigs: 'ALTER_CONFIGS',
  IdempotentWrite: 'IDEMPOTENT_WRITE',
};

function explain(d: Denial): { message: string; hint: string } {
  const who = d.principal ?? 'this client';
  const resource = RESOURCES[d.kafkaCode];
  const names = [...new Set(d.names ?? [])];
  const target = !resource
    ? 'the cluster'
    : names.length
      ? `${names.length > 1 ? resource.many : resource.one} ${names.join(', ')}`
      : `the ${resource.many} it asked for`;
  const message = d.operation
    ? `${who} is not allowed to ${KAFKA_OPERATION[d.operation]} ${target} (${d.kafkaCode})`
    : `${who} is not allowed to ${d.action ?? 'do this'} on ${target} (${d.kafkaCode})`;
  return { message, hint: hintFor(d, resource, names) };
}

function hintFor(d: Denial, resource: Resource | undefined, names: string[]): string {
  const principal = d.principal ?? 'PRINCIPAL';
  if (!d.operation) return `ktool acls list --principal ${principal} shows what it may do; an admin grants more with ktool acls create`;
  const where = !resource
    ? '--cluster'
    : (names.length ? names : [resource.placeholder]).map((n) => `${resource.flag} ${quote(n)}`).join(' ');
  let hint = `ktool acls create --allow-principal ${principal} --operation ${d.operation} ${where}`;
  if (d.principal === null) hint += ' (PRINCIPAL: how the brokers name this client, e.g. User:CN=app for a certificate)';
  else if (resource?.flag === '--topic' && d.operation === 'Describe')
    hint += ' (without Describe, Kafka does not say whether a topic exists)';
  return hint;
}

const quote = (name: string) => (/^[A-Za-z0-9._:@=+-]+$/.test(name) ? name : `'${name.replace(/'/g, `'\\''`)}'`);
