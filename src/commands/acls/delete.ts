import { confirmDestructive } from '../../cli/confirm.js';
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { YES } from '../../cli/common-options.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import {
  bindingKey,
  sortBindings,
  type AclBinding,
  type AclBindingFilter,
  type AclDeleteRefusal,
  type AclOperationName,
  type AclPermission,
} from '../../kafka/acls-types.js';
import { errorForKafkaCode } from '../../kafka/code-errors.js';
import { batchOutcome } from '../batch-outcome.js';
import { principal } from '../missing-hints.js';
import {
  checkOperations,
  checkRoleFlags,
  parseHosts,
  parseOperations,
  parsePatternType,
  parsePrincipals,
  parseResources,
  roleGrants,
  type ResourceRef,
} from './vocabulary.js';
import { aclLine, aclTable } from './view.js';
import { ENTRY_OPTIONS, RESOURCE_OPTIONS } from './options.js';
import { whileChanging } from './authz.js';

export const spec = defineCommand({
  command: 'delete',
  description: 'delete ACLs matching a filter; lists them and asks on a terminal, needs --yes otherwise',
  groups: ['connection', 'output', 'base'],
  options: [
    ...RESOURCE_OPTIONS,
    { flags: '--resource-pattern-type <type>', description: 'literal (default), prefixed, any or match (careful: every ACL that applies)' },
    ...ENTRY_OPTIONS,
    { flags: '--principal <principal>', description: 'ACLs of this TYPE:NAME, allow or deny, repeatable', repeatable: true },
    ...YES,
    { flags: '--force', description: 'alias of --yes (kafka-acls.sh)' },
  ],
  examples: [
    'ktool acls delete --allow-principal User:alice --operation Read --topic orders --yes',
    'ktool acls delete --topic orders --yes',
    'ktool acls delete --principal User:alice --yes',
  ],
});

export interface DeleteOptions {
  filters: AclBindingFilter[];
  /** --yes or --force (kafka-acls.sh): no question. Without it the matching ACLs are listed and asked about. */
  yes: boolean;
}

/** `acls delete --json`: `{deleted: AclBinding[]}`, bindings shaped as in `acls list --json`. */
export interface DeleteResult {
  deleted: AclBinding[];
}

type Target = { resource?: ResourceRef; operations: (AclOperationName | 'ANY')[] };
type Entry = { principal: string | null; host: string | null; permission: AclPermission | 'ANY' };

export function parse(_args: string[], typed: Flags<typeof spec>): DeleteOptions {
  // The ACL vocabulary reads the flags by name.
  const flags: Record<string, unknown> = { ...typed };
  const role = checkRoleFlags(flags);
  const resources = parseResources(flags, parsePatternType(flags.resourcePatternType));
  // No resource: the principal's ACLs on every resource, literal and prefixed alike.
  const pattern = parsePatternType(flags.resourcePatternType, resources.length ? 'LITERAL' : 'ANY');
  const allow = parsePrincipals(flags.allowPrincipal);
  const deny = parsePrincipals(flags.denyPrincipal);
  const any = parsePrincipals(flags.principal);
  if (!resources.length && !allow.length && !deny.length && !any.length) {
    throw new UsageError(
      'say which ACLs to delete: a resource (--topic T, --group G, --cluster ...) and/or a ' +
        'principal (--allow-principal, --deny-principal, --principal)',
    );
  }
  const allowHosts = parseHosts(flags.allowHost, '--allow-host', allow, '--allow-principal');
  const denyHosts = parseHosts(flags.denyHost, '--deny-host', deny, '--deny-principal');
  const operations = parseOperations(flags.operation);
  if (role && !allow.length) throw new UsageError('--producer/--consumer need --allow-principal');

  // Unlike kafka-acls.sh --remove, a missing --operation means any operation, not only All.
  const grants: Target[] = role
    ? roleGrants(flags, resources)
    : (resources.length ? resources : [undefined]).map((resource) => ({ resource, operations: operations.length ? operations : ['ANY'] }));
  for (const g of grants)
    if (g.resource)
      checkOperations(
        g.resource,
        g.operations.filter((o): o is AclOperationName => o !== 'ANY'),
      );

  const entries: Entry[] = [
    ...allow.flatMap((principal) =>
      (allowHosts.length ? allowHosts : [null]).map((host): Entry => ({ principal, host, permission: 'ALLOW' })),
    ),
    ...deny.flatMap((principal) => (denyHosts.length ? denyHosts : [null]).map((host): Entry => ({ principal, host, permission: 'DENY' }))),
    ...any.map((principal): Entry => ({ principal, host: null, permission: 'ANY' })),
  ];
  const filters = grants.flatMap((g) =>
    g.operations.flatMap((operation) =>
      (entries.length ? entries : [{ principal: null, host: null, permission: 'ANY' } as Entry]).map((e): AclBindingFilter => ({
        resourceType: g.resource?.type ?? 'ANY',
        resourceName: g.resource?.name ?? null,
        patternType: g.resource?.pattern ?? pattern,
        principal: e.principal,
        host: e.host,
        operation,
        permission: e.permission,
      })),
    ),
  );
  return { filters, yes: Boolean(flags.yes || flags.force) };
}

export async function run(options: DeleteOptions, ctx: Context): Promise<CommandResult> {
  const api = await (await ctx.kafka()).acls();
  if (!options.yes) {
    const described = await whileChanging('delete acls', () => Promise.all(options.filters.map((f) => api.describeAcls(f))));
    const matching = new Map(described.flat().map((b) => [bindingKey(b), b]));
    if (!matching.size) return { data: { deleted: [] } satisfies DeleteResult, view: [{ lines: ['No ACLs matched; nothing deleted'] }] };
    const list = sortBindings([...matching.values()]);
    await confirmDestructive(ctx.io, { action: `delete these ${list.length} ACL(s)`, items: list.map(aclLine), yes: false });
  }
  const { deleted, refused } = await api.deleteAcls(options.filters);
  const data: DeleteResult = { deleted };
  const result = {
    data,
    view: deleted.length
      ? [aclTable(deleted, `Deleted ${deleted.length} ACL${deleted.length === 1 ? '' : 's'}:`)]
      : refused.length
        ? []
        : [{ lines: ['No ACLs matched; nothing deleted'] }],
  };
  const failure = (r: AclDeleteRefusal) =>
    `cannot delete ${r.binding ? `ACL ${aclLine(r.binding)}` : `ACLs matching ${filterLine(r.filter!)}`}: ${r.error} (${r.errorCode})`;
  // Some deleted, some refused: exit 5; nothing deleted and something refused: the refusal's error.
  return batchOutcome(ctx.io, result, {
    total: deleted.length + refused.length,
    failed: refused,
    describe: failure,
    error: async (r) => errorForKafkaCode(r.errorCode, failure(r), undefined, { operation: 'Alter', principal: await principal(ctx) }),
  });
}

/** A filter in words, as aclLine says a binding: ALLOW any principal READ on TOPIC orders (LITERAL) from any host. */
function filterLine(f: AclBindingFilter): string {
  return (
    `${f.permission} ${f.principal ?? 'any principal'} ${f.operation} on ${f.resourceType} ` +
    `${f.resourceName ?? 'any name'} (${f.patternType}) from ${f.host ?? 'any host'}`
  );
}
