import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import {
  bindingKey,
  sortBindings,
  type AclBinding,
  type AclBindingFilter,
  type AclOperationName,
  type AclPatternType,
} from '../../kafka/acls-types.js';
import { parseOperations, parsePatternType, parsePrincipals, parseResources, strings, type ResourceRef } from './vocabulary.js';
import { aclTable } from './view.js';
import { RESOURCE_OPTIONS } from './options.js';

export const spec = defineCommand({
  command: 'list',
  description: 'ACLs: principal, host, operation, permission and resource',
  groups: ['connection', 'output', 'base'],
  options: [
    ...RESOURCE_OPTIONS,
    {
      flags: '--resource-pattern-type <type>',
      description: 'literal (default with a resource), prefixed, any (default without) or match (every ACL that applies to the resource)',
    },
    { flags: '--principal <principal>', description: 'only ACLs of this TYPE:NAME, repeatable', repeatable: true },
    { flags: '--operation <ops>', description: 'only these operations (comma-separated, repeatable)', repeatable: true },
  ],
  examples: [
    'ktool acls list',
    'ktool acls list --topic orders --resource-pattern-type match',
    'ktool acls list --principal User:alice --json',
  ],
});

export interface ListOptions {
  /** Empty: every resource (with `pattern` as the pattern filter). */
  resources: ResourceRef[];
  pattern: AclPatternType;
  /** Empty: every principal. */
  principals: string[];
  /** Empty: every operation. */
  operations: AclOperationName[];
}

/**
 * `acls list --json`: an array of ACL bindings, sorted by resource type, resource name, pattern,
 * principal, permission, operation, host:
 * `{principal: "User:alice", host: "*", operation: "READ", permission: "ALLOW",
 *   resourceType: "TOPIC", resourceName: "orders", patternType: "LITERAL"}`.
 * operation is Kafka's enum name (READ, WRITE, IDEMPOTENT_WRITE, ALL ...), permission ALLOW or
 * DENY, resourceType TOPIC, GROUP, CLUSTER, TRANSACTIONAL_ID, DELEGATION_TOKEN or USER,
 * patternType LITERAL or PREFIXED.
 */
export type ListResult = AclBinding[];

export function parse(_args: string[], typed: Flags<typeof spec>): ListOptions {
  // Read by name, also flags list does not take (a kafka-acls.sh --list spelling may bring them).
  const flags: Record<string, unknown> = { ...typed };
  for (const flag of ['allowPrincipal', 'denyPrincipal', 'allowHost', 'denyHost', 'producer', 'consumer'] as const) {
    if (strings(flags[flag]).length)
      throw new UsageError(
        `acls list does not take --${flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: filter by principal with --principal TYPE:NAME`,
      );
  }
  // As kafka-acls.sh: a named resource means its literal ACLs, no resource means every ACL.
  const resources = parseResources(flags, parsePatternType(flags.resourcePatternType));
  const pattern = parsePatternType(flags.resourcePatternType, resources.length ? 'LITERAL' : 'ANY');
  return { resources, pattern, principals: parsePrincipals(flags.principal), operations: parseOperations(flags.operation) };
}

/** One DescribeAcls filter per resource (or one for all resources) and principal. */
export function listFilters(options: ListOptions): AclBindingFilter[] {
  const resources: (ResourceRef | undefined)[] = options.resources.length ? options.resources : [undefined];
  const principals: (string | null)[] = options.principals.length ? options.principals : [null];
  const operations: (AclOperationName | 'ANY')[] = options.operations.length === 1 ? options.operations : ['ANY'];
  return resources.flatMap((r) =>
    principals.flatMap((principal) =>
      operations.map((operation): AclBindingFilter => ({
        resourceType: r?.type ?? 'ANY',
        resourceName: r?.name ?? null,
        patternType: r?.pattern ?? options.pattern,
        principal,
        host: null,
        operation,
        permission: 'ANY',
      })),
    ),
  );
}

export async function run(options: ListOptions, ctx: Context): Promise<CommandResult> {
  const api = await (await ctx.kafka()).acls();
  const found = (await Promise.all(listFilters(options).map((f) => api.describeAcls(f)))).flat();
  const unique = new Map(
    found.filter((b) => !options.operations.length || options.operations.includes(b.operation)).map((b) => [bindingKey(b), b]),
  );
  const data: ListResult = sortBindings([...unique.values()]);
  // A filter naming a principal or resource without ACLs is a legitimately empty listing (ACLs may
  // name principals and topics that do not exist yet): exit 0, and for people a line on stderr.
  if (!data.length && (ctx.format === 'table' || ctx.format === 'wide')) ctx.io.stderr.write('no ACLs match\n');
  return { data, view: data.length ? [aclTable(data)] : [] };
}
