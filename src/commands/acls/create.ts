import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import {
  bindingKey,
  resourceKey,
  sortBindings,
  type AclBinding,
  type AclCreateOutcome,
  type AclPermission,
} from '../../kafka/acls-types.js';
import { errorForKafkaCode } from '../../kafka/code-errors.js';
import type { Block } from '../../output/view.js';
import {
  checkOperations,
  checkRoleFlags,
  parseHosts,
  parseOperations,
  parsePatternType,
  parsePrincipals,
  parseResources,
  roleGrants,
  strings,
  type Grant,
} from './vocabulary.js';
import { batchOutcome } from '../batch-outcome.js';
import { principal } from '../missing-hints.js';
import { aclLine, aclTable } from './view.js';
import { ENTRY_OPTIONS, RESOURCE_OPTIONS } from './options.js';
import { whileChanging } from './authz.js';

export const spec = defineCommand({
  command: 'create',
  description: 'add ACLs: each principal x operation x host on each resource (--operation defaults to All)',
  groups: ['connection', 'output', 'base'],
  options: [
    ...RESOURCE_OPTIONS,
    { flags: '--resource-pattern-type <type>', description: 'literal (default) or prefixed' },
    ...ENTRY_OPTIONS,
  ],
  examples: [
    'ktool acls create --allow-principal User:alice --operation Read,Describe --topic orders',
    'ktool acls create --allow-principal User:alice --producer --idempotent --topic orders',
    'ktool acls create --allow-principal User:bob --consumer --topic orders --group billing',
    "ktool acls create --allow-principal User:'*' --operation Read --topic logs. --resource-pattern-type prefixed",
    'ktool acls create --deny-principal User:mallory --operation All --topic orders',
  ],
});

export interface CreateOptions {
  bindings: AclBinding[];
}

/**
 * `acls create --json`: `{created: AclBinding[], existing: AclBinding[]}`, each binding shaped as
 * in `acls list --json`; `existing` are requested bindings that were already there (not sent again).
 */
export interface CreateResult {
  created: AclBinding[];
  existing: AclBinding[];
}

export function parse(_args: string[], typed: Flags<typeof spec>): CreateOptions {
  // The ACL vocabulary reads the flags by name.
  const flags: Record<string, unknown> = { ...typed };
  if (strings(flags.principal).length) throw new UsageError('acls create takes --allow-principal or --deny-principal, not --principal');
  const pattern = parsePatternType(flags.resourcePatternType);
  if (pattern !== 'LITERAL' && pattern !== 'PREFIXED')
    throw new UsageError(`--resource-pattern-type ${pattern.toLowerCase()} only filters (list, delete); an ACL is literal or prefixed`);
  const role = checkRoleFlags(flags);
  const resources = parseResources(flags, pattern);
  if (!resources.length)
    throw new UsageError(
      'name the resource: --topic T, --group G, --cluster, --transactional-id ID, --delegation-token ID or --user-principal User:U',
    );
  const allow = parsePrincipals(flags.allowPrincipal);
  const deny = parsePrincipals(flags.denyPrincipal);
  if (!allow.length && !deny.length)
    throw new UsageError(
      'give --allow-principal TYPE:NAME or --deny-principal TYPE:NAME',
      "e.g. --allow-principal User:alice; User:'*' is every user",
    );
  const allowHosts = parseHosts(flags.allowHost, '--allow-host', allow, '--allow-principal');
  const denyHosts = parseHosts(flags.denyHost, '--deny-host', deny, '--deny-principal');
  const operations = parseOperations(flags.operation);
  if (operations.includes('ALL') && operations.length > 1) throw new UsageError('--operation All already covers every operation');
  const grants: Grant[] = role
    ? roleGrants(flags, resources)
    : resources.map((resource) => ({ resource, operations: operations.length ? operations : ['ALL'] }));
  for (const g of grants) checkOperations(g.resource, g.operations);

  const entries: [string, string, AclPermission][] = [
    ...allow.flatMap((p) => (allowHosts.length ? allowHosts : ['*']).map((h): [string, string, AclPermission] => [p, h, 'ALLOW'])),
    ...deny.flatMap((p) => (denyHosts.length ? denyHosts : ['*']).map((h): [string, string, AclPermission] => [p, h, 'DENY'])),
  ];
  const bindings = grants.flatMap((g) =>
    g.operations.flatMap((operation) =>
      entries.map(([principal, host, permission]): AclBinding => ({
        principal,
        host,
        operation,
        permission,
        resourceType: g.resource.type,
        resourceName: g.resource.name,
        patternType: g.resource.pattern as AclBinding['patternType'],
      })),
    ),
  );
  return { bindings: sortBindings([...new Map(bindings.map((b) => [bindingKey(b), b])).values()]) };
}

export async function run(options: CreateOptions, ctx: Context): Promise<CommandResult> {
  const api = await (await ctx.kafka()).acls();
  // As kafka-acls.sh: look at each resource pattern first so existing bindings are reported, not re-sent.
  const patterns = new Map(options.bindings.map((b) => [resourceKey(b.resourceType, b.resourceName, b.patternType), b]));
  const present = new Set(
    (
      await whileChanging('create acls', () =>
        Promise.all(
          [...patterns.values()].map((b) =>
            api.describeAcls({
              resourceType: b.resourceType,
              resourceName: b.resourceName,
              patternType: b.patternType,
              principal: null,
              host: null,
              operation: 'ANY',
              permission: 'ANY',
            }),
          ),
        ),
      )
    )
      .flat()
      .map(bindingKey),
  );
  const existing = options.bindings.filter((b) => present.has(bindingKey(b)));
  const created = options.bindings.filter((b) => !present.has(bindingKey(b)));
  const outcomes = await api.createAcls(created);
  const done = outcomes.filter((o) => !o.errorCode).map((o) => o.binding);

  const data: CreateResult = { created: done, existing };
  const view: Block[] = [];
  if (done.length) view.push(aclTable(done, `Created ${done.length} ACL${done.length === 1 ? '' : 's'}:`));
  if (existing.length) view.push(aclTable(existing, `Already present, unchanged (${existing.length}):`));
  const failure = (f: AclCreateOutcome) => `cannot create ACL ${aclLine(f.binding)}: ${f.error} (${f.errorCode})`;
  return batchOutcome(
    ctx.io,
    { data, view },
    {
      total: options.bindings.length,
      failed: outcomes.filter((o) => o.errorCode),
      describe: failure,
      error: async (f) => errorForKafkaCode(f.errorCode!, failure(f), undefined, { operation: 'Alter', principal: await principal(ctx) }),
    },
  );
}
