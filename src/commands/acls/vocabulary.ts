/**
 * kafka-acls.sh's vocabulary, parsed once for list, create and delete: principals, hosts,
 * operations, resources and pattern types, and the --producer/--consumer conveniences
 * (AclCommand.getProducerResourceFilterToAcls / getConsumerResourceFilterToAcls).
 */
import { UsageError } from '../../errors.js';
import { OPERATIONS, resourceKey, type AclOperationName, type AclPatternType, type AclResourceType } from '../../kafka/acls-types.js';

/** The cluster resource's only name (Kafka's Resource.CLUSTER_NAME). */
export const CLUSTER_NAME = 'kafka-cluster';

export interface ResourceRef {
  type: AclResourceType;
  name: string;
  pattern: AclPatternType;
}

export const strings = (v: unknown): string[] => (v === undefined || v === false ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/** `User:alice`, `User:*`, `Group:ops`: TYPE:NAME, split at the first colon as Kafka does. */
export function parsePrincipal(text: string): string {
  const value = text.trim();
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1)
    throw new UsageError(`a principal is TYPE:NAME, e.g. User:alice, got "${text}"`, "User:'*' means every user");
  return value;
}

export function parsePrincipals(values: unknown): string[] {
  return [
    ...new Set(
      strings(values)
        .flatMap((v) => v.split(','))
        .filter((v) => v.trim())
        .map(parsePrincipal),
    ),
  ];
}

/** Kafka's display name: IDEMPOTENT_WRITE -> IdempotentWrite (what kafka-acls.sh --help lists). */
export function operationLabel(op: string): string {
  return op.toLowerCase().replace(/(^|_)([a-z])/g, (_m, _s, c: string) => c.toUpperCase());
}

/** Read, READ, read, IdempotentWrite, idempotent-write, IDEMPOTENT_WRITE -> IDEMPOTENT_WRITE. */
export function parseOperation(text: string): AclOperationName {
  const trimmed = text.trim();
  const snake = /[_\-\s]/.test(trimmed) ? trimmed.replace(/[-\s]+/g, '_') : trimmed.replace(/([a-z])([A-Z])/g, '$1_$2');
  const name = snake.toUpperCase();
  if ((OPERATIONS as readonly string[]).includes(name)) return name as AclOperationName;
  throw new UsageError(`unknown ACL operation "${text}"`, `use one of: ${OPERATIONS.map(operationLabel).join(', ')}`);
}

/** `--operation Read,Write --operation Describe` -> [READ, WRITE, DESCRIBE]; none -> []. */
export function parseOperations(values: unknown): AclOperationName[] {
  const items = strings(values).flatMap((v) => v.split(','));
  if (items.some((i) => !i.trim()))
    throw new UsageError(`--operation expects names separated by commas, got "${strings(values).join(',')}"`);
  return [...new Set(items.map(parseOperation))];
}

export function parsePatternType(value: unknown, fallback: AclPatternType = 'LITERAL'): AclPatternType {
  if (value === undefined) return fallback;
  const name = String(value).trim().toUpperCase();
  if (name === 'LITERAL' || name === 'PREFIXED' || name === 'ANY' || name === 'MATCH') return name;
  throw new UsageError(`unknown --resource-pattern-type "${String(value)}"`, 'use literal, prefixed, any or match');
}

/** Hosts for one permission: the flag's values, else `*` (every host) when principals were given. */
export function parseHosts(values: unknown, flag: string, principals: string[], principalFlag: string): string[] {
  const hosts = [
    ...new Set(
      strings(values)
        .flatMap((v) => v.split(','))
        .map((h) => h.trim())
        .filter(Boolean),
    ),
  ];
  if (hosts.length && !principals.length) throw new UsageError(`${flag} needs ${principalFlag}`);
  return hosts;
}

/**
 * The resources named by --topic, --group, --cluster, --transactional-id, --delegation-token and
 * --user-principal, each with the pattern type. The cluster is always the literal `kafka-cluster`
 * (a filter keeps ANY/MATCH, which match it too); it cannot be prefixed.
 */
export function parseResources(flags: Record<string, unknown>, pattern: AclPatternType): ResourceRef[] {
  const out: ResourceRef[] = [];
  const add = (values: unknown, type: AclResourceType, flag: string) => {
    for (const raw of strings(values)) {
      const name = type === 'TRANSACTIONAL_ID' ? raw : raw.trim();
      if (!name) throw new UsageError(`${flag} needs a name ('*' for all)`);
      out.push({ type, name, pattern });
    }
  };
  add(flags.topic, 'TOPIC', '--topic');
  add(flags.group, 'GROUP', '--group');
  if (flags.cluster) {
    if (pattern === 'PREFIXED')
      throw new UsageError('--cluster cannot be combined with --resource-pattern-type prefixed', 'the cluster resource is always literal');
    out.push({ type: 'CLUSTER', name: CLUSTER_NAME, pattern: pattern === 'ANY' || pattern === 'MATCH' ? pattern : 'LITERAL' });
  }
  add(flags.transactionalId, 'TRANSACTIONAL_ID', '--transactional-id');
  add(flags.delegationToken, 'DELEGATION_TOKEN', '--delegation-token');
  add(flags.userPrincipal, 'USER', '--user-principal');
  const seen = new Set<string>();
  return out.filter((r) => {
    const key = resourceKey(r.type, r.name, r.pattern);
    return !seen.has(key) && (seen.add(key), true);
  });
}

/** AclEntry.supportedOperations: what each resource type accepts (ALL everywhere). */
export const SUPPORTED_OPERATIONS: Record<AclResourceType, AclOperationName[]> = {
  TOPIC: ['READ', 'WRITE', 'CREATE', 'DESCRIBE', 'DELETE', 'ALTER', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS'],
  GROUP: ['READ', 'DESCRIBE', 'DELETE', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS'],
  CLUSTER: ['CREATE', 'CLUSTER_ACTION', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS', 'IDEMPOTENT_WRITE', 'ALTER', 'DESCRIBE'],
  TRANSACTIONAL_ID: ['DESCRIBE', 'WRITE', 'TWO_PHASE_COMMIT'],
  DELEGATION_TOKEN: ['DESCRIBE'],
  USER: ['CREATE_TOKENS', 'DESCRIBE_TOKENS'],
};

export function checkOperations(resource: ResourceRef, operations: AclOperationName[]): void {
  const valid = SUPPORTED_OPERATIONS[resource.type];
  const bad = operations.filter((op) => op !== 'ALL' && !valid.includes(op));
  if (bad.length) {
    throw new UsageError(
      `${resource.type.toLowerCase().replace('_', '-')} ACLs do not support ${bad.map(operationLabel).join(', ')}`,
      `a ${resource.type.toLowerCase().replace('_', '-')} supports: All, ${valid.map(operationLabel).join(', ')}`,
    );
  }
}

/** What a role grants on each resource: the operations per resource, in kafka-acls.sh's terms. */
export interface Grant {
  resource: ResourceRef;
  operations: AclOperationName[];
}

/**
 * --producer: Write, Describe, Create on each topic; Write, Describe on each transactional id;
 * IdempotentWrite on the cluster with --idempotent. --consumer: Read, Describe on each topic, Read
 * on each group. Both may be given; a topic then gets the union.
 */
export function roleGrants(flags: Record<string, unknown>, resources: ResourceRef[]): Grant[] {
  const producer = Boolean(flags.producer);
  const consumer = Boolean(flags.consumer);
  const has = (type: AclResourceType) => resources.some((r) => r.type === type);
  if (flags.idempotent && !producer) throw new UsageError('--idempotent applies only with --producer');
  if (producer && !has('TOPIC')) throw new UsageError('--producer needs at least one --topic');
  if (consumer && (!has('TOPIC') || !has('GROUP'))) throw new UsageError('--consumer needs at least one --topic and one --group');
  const unused = resources.filter((r) => {
    if (r.type === 'TOPIC') return false;
    if (r.type === 'GROUP') return !consumer;
    if (r.type === 'TRANSACTIONAL_ID') return !producer;
    if (r.type === 'CLUSTER') return !(producer && flags.idempotent);
    return true;
  });
  if (unused.length)
    throw new UsageError(
      `--${unused[0].type.toLowerCase().replace('_', '-')} is not used by ` +
        `${[producer && '--producer', consumer && '--consumer'].filter(Boolean).join(' / ')}`,
      'give --operation instead of the role to grant other operations',
    );
  const grants = new Map<string, Grant>();
  const grant = (resource: ResourceRef, ops: AclOperationName[]) => {
    const key = resourceKey(resource.type, resource.name, resource.pattern);
    const g = grants.get(key) ?? { resource, operations: [] };
    g.operations = [...new Set([...g.operations, ...ops])];
    grants.set(key, g);
  };
  for (const r of resources) {
    if (producer && r.type === 'TOPIC') grant(r, ['WRITE', 'DESCRIBE', 'CREATE']);
    if (producer && r.type === 'TRANSACTIONAL_ID') grant(r, ['WRITE', 'DESCRIBE']);
    if (consumer && r.type === 'TOPIC') grant(r, ['READ', 'DESCRIBE']);
    if (consumer && r.type === 'GROUP') grant(r, ['READ']);
  }
  if (producer && flags.idempotent) grant({ type: 'CLUSTER', name: CLUSTER_NAME, pattern: 'LITERAL' }, ['IDEMPOTENT_WRITE']);
  return [...grants.values()];
}

/** --producer/--consumer infer operations and grant only: no --operation, --deny-principal or --deny-host. */
export function checkRoleFlags(flags: Record<string, unknown>): boolean {
  const role = Boolean(flags.producer || flags.consumer);
  if (!role) return false;
  const conflict = (['operation', 'denyPrincipal', 'denyHost'] as const).find((k) => strings(flags[k]).length);
  if (conflict)
    throw new UsageError(
      `--producer/--consumer cannot be combined with --${conflict.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
      'they grant (allow) a fixed set of operations',
    );
  return true;
}
