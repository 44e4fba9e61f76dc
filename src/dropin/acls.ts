/**
 * kafka-acls.sh (org.apache.kafka.tools.AclCommand), drop-in: `ktool acls --bootstrap-server B
 * --add|--remove|--list ...`. Its checks (checkArgs, validateOperation), the --producer/--consumer
 * conveniences, and its lines: "Adding ACLs for resource `ResourcePattern(...)`: " with a line per
 * entry, "Acl (pattern=..., entry=...) already exists.", "Current ACLs for resource ...", "ACLs for
 * principal `User:x`"; --remove prints nothing. The original keeps resources and entries in
 * HashMaps and HashSets whose order follows enums' identity hashes, different in every JVM: ktool
 * prints them sorted. --remove without --force asks on a terminal; off one, the original fails (no
 * console, exit 1) after printing the question, and so does ktool.
 */
import { createInterface } from 'node:readline';
import type { Context } from '../cli/context.js';
import { KtoolError } from '../errors.js';
import type { AclBinding, AclBindingFilter, AclOperationName, AclPatternType, AclResourceType } from '../kafka/acls-types.js';
import { sortBindings } from '../kafka/acls-types.js';
import { SUPPORTED_OPERATIONS } from '../commands/acls/vocabulary.js';
import { has, valueOf, type JoptOption, type JoptResult } from './jopt.js';
import { UsageExit, type DropinOut, type DropinScript } from './script.js';

const sw = (name: string, unsupported?: string): JoptOption => ({ name, value: false, unsupported });
const val = (name: string, extra: Partial<JoptOption> = {}): JoptOption => ({ name, value: true, ...extra });

export const ACLS_OPTIONS: readonly JoptOption[] = [
  sw('add'),
  val('allow-host'),
  val('allow-principal'),
  val('bootstrap-controller'),
  val('bootstrap-server'),
  sw('cluster'),
  val('command-config', { optional: true }),
  sw('consumer'),
  val('delegation-token'),
  val('deny-host'),
  val('deny-principal'),
  sw('force'),
  val('group'),
  sw('help', 'see ktool acls --help'),
  sw('idempotent'),
  sw('list'),
  val('operation'),
  val('principal', { optional: true }),
  sw('producer'),
  sw('remove'),
  val('resource-pattern-type'),
  val('topic'),
  val('transactional-id'),
  val('user-principal'),
  sw('version'),
];

interface Resource {
  type: AclResourceType;
  name: string;
  pattern: AclPatternType;
}
type Entry = Pick<AclBinding, 'principal' | 'host' | 'operation' | 'permission'>;

const values = (o: JoptResult, name: string) => o.values.get(name) ?? [];
const CLUSTER: Resource = { type: 'CLUSTER', name: 'kafka-cluster', pattern: 'LITERAL' };

/** AclCommandOptions.checkArgs, in its order (each a printUsageAndExit: exit 1). */
function checkArgs(o: JoptResult): void {
  if (has(o, 'bootstrap-server') && has(o, 'bootstrap-controller'))
    throw new UsageExit('Only one of --bootstrap-server or --bootstrap-controller must be specified');
  if (!has(o, 'bootstrap-server') && !has(o, 'bootstrap-controller'))
    throw new UsageExit('One of --bootstrap-server or --bootstrap-controller must be specified');
  if (['add', 'remove', 'list'].filter((a) => has(o, a)).length !== 1)
    throw new UsageExit('Command must include exactly one action: --list, --add, --remove. ');
  const invalid = (used: string, others: string[]) => {
    const bad = has(o, used) && others.find((x) => has(o, x));
    if (bad) throw new UsageExit(`Option "[${used}]" can't be used with option "[${bad}]"`);
  };
  invalid('list', ['producer', 'consumer', 'allow-host', 'allow-principal', 'deny-host', 'deny-principal']);
  invalid('producer', ['operation', 'deny-principal', 'deny-host']);
  invalid('consumer', ['operation', 'deny-principal', 'deny-host']);
  if (has(o, 'principal') && !has(o, 'list')) throw new UsageExit('The --principal option is only available if --list is set');
  if (has(o, 'producer') && !has(o, 'topic')) throw new UsageExit('With --producer you must specify a --topic');
  if (has(o, 'idempotent') && !has(o, 'producer')) throw new UsageExit('The --idempotent option is only available if --producer is set');
  if (
    has(o, 'consumer') &&
    (!has(o, 'topic') || !has(o, 'group') || (!has(o, 'producer') && (has(o, 'cluster') || has(o, 'transactional-id'))))
  )
    throw new UsageExit(
      'With --consumer you must specify a --topic and a --group and no --cluster or --transactional-id option should be specified.',
    );
}

function patternType(o: JoptResult): AclPatternType {
  const v = valueOf(o, 'resource-pattern-type') ?? 'LITERAL';
  const t = v.toUpperCase();
  if (t === 'LITERAL' || t === 'PREFIXED' || t === 'ANY' || t === 'MATCH') return t;
  throw new UsageExit(
    t === 'UNKNOWN' ? `Unknown resource-pattern-type: ${v}` : `Cannot parse argument '${v}' of option resource-pattern-type`,
  );
}

/** getResourceFilter: the resources named, the cluster only for a literal pattern type. */
function resources(o: JoptResult, pattern: AclPatternType, dieIfNone: boolean): Resource[] {
  const out: Resource[] = [];
  const add = (flag: string, type: AclResourceType, trim = true) =>
    values(o, flag).forEach((n) => out.push({ type, name: trim ? n.trim() : n, pattern }));
  add('topic', 'TOPIC');
  if (pattern === 'LITERAL' && (has(o, 'cluster') || has(o, 'idempotent'))) out.push(CLUSTER);
  add('group', 'GROUP');
  add('transactional-id', 'TRANSACTIONAL_ID', false);
  add('delegation-token', 'DELEGATION_TOKEN');
  add('user-principal', 'USER');
  if (!out.length && dieIfNone)
    throw new UsageExit(
      'You must provide at least one resource: --topic <topic> or --cluster or --group <group> or --delegation-token <Delegation Token ID>',
    );
  const seen = new Set<string>();
  return out.filter((r) => !seen.has(`${r.type}\0${r.name}\0${r.pattern}`) && (seen.add(`${r.type}\0${r.name}\0${r.pattern}`), true));
}

/** SecurityUtils.operation: the name without underscores, any case; anything else is UNKNOWN. */
function operation(name: string): AclOperationName | 'UNKNOWN' {
  const key = name.trim().toUpperCase();
  const all = ['ANY', ...Object.values(SUPPORTED_OPERATIONS).flat(), 'ALL'] as string[];
  return (all.find((op) => op.replace(/_/g, '') === key && op !== 'ANY') as AclOperationName | undefined) ?? 'UNKNOWN';
}

/** getAcl: every principal x operation x host, allowed then denied (hosts default to * with a principal). */
function entries(o: JoptResult, operations: (AclOperationName | 'UNKNOWN')[]): Entry[] {
  const out: Entry[] = [];
  for (const [permission, p, h] of [
    ['ALLOW', 'allow-principal', 'allow-host'],
    ['DENY', 'deny-principal', 'deny-host'],
  ] as const) {
    const principals = [...new Set(values(o, p).map((s) => s.trim()))];
    const hosts = has(o, h) ? [...new Set(values(o, h).map((s) => s.trim()))] : principals.length ? ['*'] : [];
    for (const principal of principals)
      for (const op of new Set(operations))
        for (const host of hosts) out.push({ principal, host, operation: op as AclOperationName, permission });
  }
  return out;
}

/** getResourceFilterToAcls: the CLI's entries, or the roles' (the consumer's added to the producer's). */
function resourceAcls(o: JoptResult, pattern: AclPatternType): Map<string, { resource: Resource; acls: Entry[] }> {
  const map = new Map<string, { resource: Resource; acls: Entry[] }>();
  const put = (resource: Resource, acls: Entry[], merge = false) => {
    const key = `${resource.type}\0${resource.name}\0${resource.pattern}`;
    const old = merge ? (map.get(key)?.acls ?? []) : [];
    map.set(key, { resource, acls: [...old, ...acls] });
  };
  const named = () => resources(o, pattern, true);
  if (!has(o, 'producer') && !has(o, 'consumer')) {
    const ops = has(o, 'operation') ? values(o, 'operation').map(operation) : ['ALL' as const];
    for (const r of named()) put(r, entries(o, ops));
  }
  if (has(o, 'producer')) {
    for (const r of named().filter((x) => x.type === 'TOPIC')) put(r, entries(o, ['WRITE', 'DESCRIBE', 'CREATE']));
    for (const r of named().filter((x) => x.type === 'TRANSACTIONAL_ID')) put(r, entries(o, ['WRITE', 'DESCRIBE']));
    if (has(o, 'idempotent')) put(CLUSTER, entries(o, ['IDEMPOTENT_WRITE']));
  }
  if (has(o, 'consumer')) {
    for (const r of named().filter((x) => x.type === 'TOPIC')) put(r, entries(o, ['READ', 'DESCRIBE']), true);
    for (const r of named().filter((x) => x.type === 'GROUP')) put(r, entries(o, ['READ']), true);
  }
  for (const { resource, acls } of map.values()) {
    const valid = ['ALL', ...SUPPORTED_OPERATIONS[resource.type]];
    if (acls.some((a) => !valid.includes(a.operation)))
      throw new UsageExit(`ResourceType ${resource.type} only supports operations [${valid.join(', ')}]`);
  }
  return map;
}

/** ResourcePattern.toString (ResourcePatternFilter's says ResourcePattern too). */
const patternText = (r: Resource) => `ResourcePattern(resourceType=${r.type}, name=${r.name}, patternType=${r.pattern})`;
const entryText = (e: Entry) => `(principal=${e.principal}, host=${e.host}, operation=${e.operation}, permissionType=${e.permission})`;
const filterOf = (r: Resource, e?: Entry): AclBindingFilter => ({
  resourceType: r.type,
  resourceName: r.name,
  patternType: r.pattern,
  principal: e?.principal ?? null,
  host: e?.host ?? null,
  operation: e?.operation ?? 'ANY',
  permission: e?.permission ?? 'ANY',
});
const sameEntry = (a: Entry, b: Entry) =>
  a.principal === b.principal && a.host === b.host && a.operation === b.operation && a.permission === b.permission;

async function addAcls(o: JoptResult, ctx: Context, out: DropinOut): Promise<void> {
  const pattern = patternType(o);
  if (pattern !== 'LITERAL' && pattern !== 'PREFIXED')
    throw new UsageExit(`A '--resource-pattern-type' value of '${pattern}' is not valid when adding acls.`);
  const map = resourceAcls(o, pattern);
  if ([...map.values()].some((x) => !x.acls.length))
    throw new UsageExit('You must specify one of: --allow-principal, --deny-principal when trying to add ACLs.');
  const api = await (await ctx.kafka()).acls();
  for (const { resource, acls } of sortedResources([...map.values()])) {
    const existing = await api.describeAcls(filterOf(resource));
    const fresh: Entry[] = [];
    for (const acl of sortEntries(acls)) {
      if (existing.some((b) => sameEntry(b, acl)))
        await out.stdout(`Acl (pattern=${patternText(resource)}, entry=${entryText(acl)}) already exists.\n`);
      else fresh.push(acl);
    }
    if (!fresh.length) continue;
    await out.stdout(`Adding ACLs for resource \`${patternText(resource)}\`: \n ${fresh.map((a) => `\t${entryText(a)}`).join('\n')}\n\n`);
    const created = await api.createAcls(
      fresh.map((a) => ({ ...a, resourceType: resource.type, resourceName: resource.name, patternType: resource.pattern as 'LITERAL' })),
    );
    const refused = created.find((c) => c.errorCode);
    if (refused) throw new Failed(`org.apache.kafka.common.errors.${refused.errorCode}: ${refused.error}`);
  }
}

async function removeAcls(o: JoptResult, ctx: Context, out: DropinOut): Promise<void> {
  const map = resourceAcls(o, patternType(o));
  const api = await (await ctx.kafka()).acls();
  for (const { resource, acls } of sortedResources([...map.values()])) {
    const question = acls.length
      ? `Are you sure you want to remove ACLs: \n ${sortEntries(acls)
          .map((a) => `\t${entryText(a)}`)
          .join('\n')}\n from resource filter \`${patternText(resource)}\`? (y/n)`
      : `Are you sure you want to delete all ACLs for resource filter \`${patternText(resource)}\`? (y/n)`;
    if (!has(o, 'force') && !(await confirm(ctx, out, question))) continue;
    const filters = acls.length ? acls.map((a) => filterOf(resource, a)) : [filterOf(resource)];
    const { refused } = await api.deleteAcls(filters);
    if (refused.length) throw new Failed(`org.apache.kafka.common.errors.${refused[0].errorCode}: ${refused[0].error}`);
  }
}

/** confirmAction: the question on stdout, a y from the terminal; the original has no console off one. */
async function confirm(ctx: Context, out: DropinOut, question: string): Promise<boolean> {
  await out.stdout(`${question}\n`);
  if (!ctx.io.stdinIsTTY) throw new Failed('no console to read the answer from (give --force)');
  const rl = createInterface({ input: ctx.io.stdin, terminal: false });
  try {
    const line = await new Promise<string>((resolve) => {
      rl.once('line', resolve);
      rl.once('close', () => resolve(''));
    });
    return line.trim().toLowerCase() === 'y';
  } finally {
    rl.close();
  }
}

async function listAcls(o: JoptResult, ctx: Context, out: DropinOut): Promise<void> {
  const filters = resources(o, patternType(o), false);
  const api = await (await ctx.kafka()).acls();
  const bindings: AclBinding[] = [];
  const any: AclBindingFilter = { ...filterOf(CLUSTER), resourceType: 'ANY', resourceName: null, patternType: 'ANY' };
  for (const f of filters.length ? filters.map((r) => filterOf(r)) : [any]) bindings.push(...(await api.describeAcls(f)));
  const principals = [...new Set(values(o, 'principal').map((p) => p.trim()))];
  const print = async (chosen: AclBinding[]) => {
    const byResource = new Map<string, { resource: Resource; acls: Entry[] }>();
    for (const b of sortBindings(chosen)) {
      const key = `${b.resourceType}\0${b.resourceName}\0${b.patternType}`;
      const entry = byResource.get(key) ?? { resource: { type: b.resourceType, name: b.resourceName, pattern: b.patternType }, acls: [] };
      if (!entry.acls.some((a) => sameEntry(a, b))) entry.acls.push(b);
      byResource.set(key, entry);
    }
    for (const { resource, acls } of byResource.values())
      await out.stdout(`Current ACLs for resource \`${patternText(resource)}\`:\n${acls.map((a) => `\t${entryText(a)}`).join('\n')}\n\n`);
  };
  if (!principals.length) return print(bindings);
  for (const p of principals) {
    await out.stdout(`ACLs for principal \`${p}\`\n`);
    await print(bindings.filter((b) => b.principal === p));
  }
}

const sortEntries = (acls: Entry[]) =>
  [...acls].sort((a, b) => entryText(a).localeCompare(entryText(b))).filter((a, i, all) => i === 0 || !sameEntry(a, all[i - 1]));
const sortedResources = <T extends { resource: Resource }>(list: T[]) =>
  [...list].sort((a, b) => patternText(a.resource).localeCompare(patternText(b.resource)));

/** An exception the original catches in main: "Error while executing ACL command: ..." on stdout, exit 1. */
class Failed extends Error {}

export const ACLS: DropinScript = {
  script: 'kafka-acls.sh',
  options: ACLS_OPTIONS,
  bootstrapOption: 'bootstrap-server',
  // --bootstrap-controller: the ACL requests go to the controllers (KIP-919), which answer them as brokers do.
  connection: (o) => ({
    bootstrapServer: valueOf(o, 'bootstrap-server') ?? valueOf(o, 'bootstrap-controller'),
    commandConfig: valueOf(o, 'command-config'),
  }),
  async run(o, ctx, out) {
    checkArgs(o);
    try {
      if (has(o, 'add')) await addAcls(o, ctx, out);
      else if (has(o, 'remove')) await removeAcls(o, ctx, out);
      else await listAcls(o, ctx, out);
      return 0;
    } catch (error) {
      if (!(error instanceof Failed || error instanceof KtoolError)) throw error;
      await out.stdout(`Error while executing ACL command: ${error.message}\n`);
      return 1;
    }
  },
};
