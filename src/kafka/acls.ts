import {
  AclOperations,
  AclPermissionTypes,
  ProtocolError,
  ResourcePatternTypes,
  ResourceTypes,
  type Acl,
  type AclFilter,
  type Admin,
} from '@platformatic/kafka';
import { PINNED } from './pinned-apis.js';
import { errorName, errorText } from './errors.js';
import { callApi } from './raw-api.js';
import {
  bindingKey,
  sortBindings,
  type AclBinding,
  type AclBindingFilter,
  type AclDeleteRefusal,
  type AclOperationName,
  type AclPatternType,
  type AclPermission,
  type AclResourceType,
  type AclsApi,
} from './acls-types.js';

export type * from './acls-types.js';

const byCode = <T extends string>(table: Record<string, number>) =>
  Object.fromEntries(Object.entries(table).map(([k, v]) => [v, k])) as Record<number, T>;
const RESOURCE_NAMES = byCode<AclResourceType>(ResourceTypes);
const PATTERN_NAMES = byCode<AclPatternType>(ResourcePatternTypes);
const OPERATION_NAMES = byCode<AclOperationName>(AclOperations);
const PERMISSION_NAMES = byCode<AclPermission>(AclPermissionTypes);

/** The error fields of every ACL answer (the library types them per response): what fail() reads. */
interface AnswerError {
  errorCode: number;
  errorMessage?: string | null;
}

const CLUSTER_AUTHORIZATION_FAILED = 31;

/**
 * The broker's text for a cluster authorisation failure dumps its request internals: say what is
 * missing instead. (SECURITY_DISABLED, no authorizer, gets its words in errors.ts.)
 */
function fail(error: AnswerError, unauthorised: string): never {
  if (error.errorCode === CLUSTER_AUTHORIZATION_FAILED) throw new ProtocolError(error.errorCode, `not authorized: ${unauthorised}`);
  throw new ProtocolError(error.errorCode, error.errorMessage);
}

/** A per-item refusal in words: the broker's text for a cluster authorisation failure dumps request internals. */
function refusal(error: AnswerError, unauthorised: string): { errorCode: string; error: string } {
  return {
    errorCode: errorName(error.errorCode),
    error: error.errorCode === CLUSTER_AUTHORIZATION_FAILED ? unauthorised : errorText(error.errorCode, error.errorMessage),
  };
}

const toFilter = (f: AclBindingFilter): AclFilter => ({
  resourceType: ResourceTypes[f.resourceType],
  resourceName: f.resourceName,
  resourcePatternType: ResourcePatternTypes[f.patternType],
  principal: f.principal,
  host: f.host,
  operation: AclOperations[f.operation],
  permissionType: AclPermissionTypes[f.permission],
});

const toAcl = (b: AclBinding): Acl => ({ ...toFilter(b), resourceName: b.resourceName, principal: b.principal, host: b.host });

const fromAcl = (r: Acl): AclBinding => ({
  principal: r.principal,
  host: r.host,
  operation: OPERATION_NAMES[r.operation] ?? (String(r.operation) as AclOperationName),
  permission: PERMISSION_NAMES[r.permissionType] ?? (String(r.permissionType) as AclPermission),
  resourceType: RESOURCE_NAMES[r.resourceType] ?? (String(r.resourceType) as AclResourceType),
  resourceName: r.resourceName,
  patternType: (PATTERN_NAMES[r.resourcePatternType] ?? String(r.resourcePatternType)) as AclBinding['patternType'],
});

/** ACLs over the shared admin connection (kafka-acls.sh). */
export function makeAclsApi(admin: Admin): AclsApi {
  return {
    async describeAcls(filter) {
      const response = await callApi(admin, PINNED.DescribeAcls, [toFilter(filter)]);
      if (response.errorCode) fail(response, 'listing ACLs needs Describe on the cluster');
      const bindings = response.resources.flatMap((res) =>
        res.acls.map((acl) =>
          fromAcl({ ...acl, resourceType: res.resourceType, resourceName: res.resourceName, resourcePatternType: res.resourcePatternType }),
        ),
      );
      return sortBindings(bindings);
    },

    async createAcls(bindings) {
      if (!bindings.length) return [];
      const response = await callApi(admin, PINNED.CreateAcls, [bindings.map(toAcl)]);
      // One result per creation, in the request's order.
      return bindings.map((binding, i) => {
        const r = response.results[i];
        return r?.errorCode ? { binding, ...refusal(r, 'creating ACLs needs Alter on the cluster') } : { binding };
      });
    },

    async deleteAcls(filters) {
      if (!filters.length) return { deleted: [], refused: [] };
      const response = await callApi(admin, PINNED.DeleteAcls, [filters.map(toFilter)]);
      // Each filter, and each ACL it matched, is deleted or refused on its own.
      const refused: AclDeleteRefusal[] = [];
      const seen = new Map<string, AclBinding>();
      for (const [i, r] of response.filterResults.entries()) {
        if (r.errorCode) refused.push({ filter: filters[i], ...refusal(r, 'deleting ACLs needs Alter on the cluster') });
        for (const m of r.errorCode ? [] : r.matchingAcls) {
          const binding = fromAcl(m);
          if (m.errorCode) refused.push({ binding, ...refusal(m, 'deleting ACLs needs Alter on the cluster') });
          else seen.set(bindingKey(binding), binding);
        }
      }
      return { deleted: sortBindings([...seen.values()]), refused };
    },
  };
}
