/**
 * ktool's view of ACLs (kafka-acls.sh). Names are Kafka's enum names, as kafka-acls.sh prints them;
 * only src/kafka/acls.ts knows the client library's numeric codes.
 */

export const RESOURCE_TYPES = ['TOPIC', 'GROUP', 'CLUSTER', 'TRANSACTIONAL_ID', 'DELEGATION_TOKEN', 'USER'] as const;
export type AclResourceType = (typeof RESOURCE_TYPES)[number];

/** LITERAL and PREFIXED are stored patterns; ANY and MATCH only filter (list, delete). */
export type AclPatternType = 'LITERAL' | 'PREFIXED' | 'ANY' | 'MATCH';

export const OPERATIONS = [
  'ALL',
  'READ',
  'WRITE',
  'CREATE',
  'DELETE',
  'ALTER',
  'DESCRIBE',
  'CLUSTER_ACTION',
  'DESCRIBE_CONFIGS',
  'ALTER_CONFIGS',
  'IDEMPOTENT_WRITE',
  'CREATE_TOKENS',
  'DESCRIBE_TOKENS',
  'TWO_PHASE_COMMIT',
] as const;
export type AclOperationName = (typeof OPERATIONS)[number];

export type AclPermission = 'ALLOW' | 'DENY';

/** One ACL binding: a resource pattern and an access control entry. */
export interface AclBinding {
  principal: string;
  host: string;
  operation: AclOperationName;
  permission: AclPermission;
  resourceType: AclResourceType;
  resourceName: string;
  patternType: 'LITERAL' | 'PREFIXED';
}

/** A filter: null (or ANY) fields match everything. */
export interface AclBindingFilter {
  resourceType: AclResourceType | 'ANY';
  resourceName: string | null;
  patternType: AclPatternType;
  principal: string | null;
  host: string | null;
  operation: AclOperationName | 'ANY';
  permission: AclPermission | 'ANY';
}

/** Identity of a resource pattern (type, name, pattern type), for deduplication. */
export const resourceKey = (type: string, name: string, pattern: string) => [type, name, pattern].join('\u0000');

/** Identity of a binding, for deduplication. */
export const bindingKey = (b: AclBinding) =>
  [b.resourceType, b.patternType, b.resourceName, b.principal, b.host, b.operation, b.permission].join('\u0000');

/** Resource type, name, pattern, then principal, permission, operation, host: stable output. */
export function sortBindings(bindings: AclBinding[]): AclBinding[] {
  const order = (b: AclBinding) => [b.resourceType, b.resourceName, b.patternType, b.principal, b.permission, b.operation, b.host];
  return [...bindings].sort((x, y) => {
    const a = order(x);
    const b = order(y);
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
  });
}

/** One binding of a CreateAcls request: created, or refused with Kafka's error id and text. */
export interface AclCreateOutcome {
  binding: AclBinding;
  errorCode?: string;
  error?: string;
}

/** A filter of a DeleteAcls request, or one ACL it matched, that the broker did not delete. */
export interface AclDeleteRefusal {
  filter?: AclBindingFilter;
  binding?: AclBinding;
  errorCode: string;
  error: string;
}

export interface AclsApi {
  /** DescribeAcls for one filter; bindings sorted by resource, then principal, operation, host. */
  describeAcls(filter: AclBindingFilter): Promise<AclBinding[]>;
  /** CreateAcls; each binding's outcome, in order (the broker creates or refuses each on its own). */
  createAcls(bindings: AclBinding[]): Promise<AclCreateOutcome[]>;
  /**
   * DeleteAcls; the bindings actually deleted, over all filters (deduplicated), and what the broker
   * refused: a whole filter, or one ACL a filter matched.
   */
  deleteAcls(filters: AclBindingFilter[]): Promise<{ deleted: AclBinding[]; refused: AclDeleteRefusal[] }>;
}
