import { readUserFile } from '../../util/read-user-file.js';
import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { ALLOW_INTERNAL_TOPICS } from '../../cli/common-options.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { refuseInternalTopics } from '../../cli/internal-topics.js';
import { parseProperties } from '../../config/properties.js';
import { UsageError } from '../../errors.js';
import type { ConfigResourceRef, ConfigsApi } from '../../kafka/configs-types.js';
import { parseConfigNames, parseConfigPairs, toOperations, type ChangeSet } from './config-list.js';
import { ENTITY_OPTIONS, entityLabel, isQuotaType, parseEntities, QUOTA_TYPES, RESOURCE_KINDS, type EntitySelection } from './entity.js';

export const spec = defineCommand({
  command: 'alter',
  description:
    'change configs with IncrementalAlterConfigs (never read-modify-write), or client quotas; ' +
    "an internal topic's configs only with --allow-internal-topics",
  groups: ['connection', 'output', 'base'],
  // Entity flags, then --allow-internal-topics, then the changes: the order help has always shown.
  options: [
    ...ENTITY_OPTIONS,
    ...ALLOW_INTERNAL_TOPICS,
    { flags: '--add-config <k=v,...>', description: "set configs: 'k1=v1,k2=[a,b]' (a list in brackets), repeatable", repeatable: true },
    { flags: '--add-config-file <file>', description: 'set the configs in this properties file' },
    { flags: '--delete-config <k,...>', description: 'revert configs to their default, repeatable', repeatable: true },
    { flags: '--append <k=v>', description: 'add values to a list config, repeatable', repeatable: true },
    { flags: '--subtract <k=v>', description: 'remove values from a list config, repeatable', repeatable: true },
    { flags: '--dry-run', description: 'validate on the broker without changing anything' },
  ],
  examples: [
    'ktool configs alter --topic orders --add-config retention.ms=86400000,cleanup.policy=[compact,delete]',
    'ktool configs alter --topic orders --delete-config retention.ms',
    'ktool configs alter --topic orders --append cleanup.policy=compact',
    'ktool configs alter --broker-defaults --add-config log.cleaner.threads=2 --dry-run',
    'ktool configs alter --user alice --add-config producer_byte_rate=1048576',
  ],
});

export interface AlterOptions {
  entities: EntitySelection[];
  changes: ChangeSet;
  /** --add-config-file: a properties file read when the command runs; its keys are set too. */
  addConfigFile?: string;
  dryRun: boolean;
}

/**
 * `configs alter --json`: what was (or, with dryRun, would be) changed. `set`/`appended`/`subtracted`
 * map config names to the values sent (`<sensitive>` for passwords, JAAS configs and keys);
 * `deleted` lists names reverted to their default. Quota values are numbers; `entity` names the
 * quota entity (user / client-id / ip, null for the default).
 */
export interface AlterResult {
  entityType: string;
  entityName: string | null;
  entity?: Record<string, string | null>;
  set: Record<string, string | number>;
  deleted: string[];
  appended: Record<string, string>;
  subtracted: Record<string, string>;
  dryRun: boolean;
}

/** Values never echoed back: the broker treats these as sensitive (passwords, JAAS, keys). */
const SECRET = /password|secret|jaas|credential|token|\.key$/i;
const shown = (name: string, value: string) => (SECRET.test(name) ? '<sensitive>' : value);

const strings = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

export function parse(_args: string[], flags: Flags<typeof spec>): AlterOptions {
  const entities = parseEntities({ ...flags }, { requireName: true });
  const changes: ChangeSet = {
    set: parseConfigPairs(strings(flags.addConfig), '--add-config'),
    delete: parseConfigNames(strings(flags.deleteConfig), '--delete-config'),
    append: parseConfigPairs(strings(flags.append), '--append'),
    subtract: parseConfigPairs(strings(flags.subtract), '--subtract'),
  };
  const addConfigFile = flags.addConfigFile === undefined ? undefined : String(flags.addConfigFile);
  if (!addConfigFile && !changes.set.length && !changes.delete.length && !changes.append.length && !changes.subtract.length) {
    throw new UsageError(
      'nothing to change',
      'give --add-config k=v[,k=v], --add-config-file FILE, --delete-config k[,k], --append k=v or --subtract k=v',
    );
  }
  toOperations(changes); // rejects a name given twice before anything is sent
  // Any change, even a dry run (which shows the refusal early): cleanup.policy or retention on
  // __consumer_offsets loses committed offsets, on a changelog an application's state.
  const topics = entities.filter((e) => e.type === 'topics' && e.name).map((e) => e.name!);
  refuseInternalTopics(topics, Boolean(flags.allowInternalTopics), 'change the configs of');
  if (isQuotaType(entities[0].type)) {
    if (changes.append.length || changes.subtract.length)
      throw new UsageError('--append and --subtract apply to list configs, not to quotas');
    for (const [k, v] of changes.set) quotaNumber(k, v);
  }
  return { entities, changes, addConfigFile, dryRun: Boolean(flags.dryRun) };
}

function quotaNumber(key: string, value: string): number {
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`quota ${key} must be a number, got "${value}"`);
  return n;
}

/**
 * The broker accepts deleting a name a topic does not know, so a typo would pass silently;
 * kafka-configs.sh refuses it ("Invalid config(s)"), and so does ktool.
 */
async function checkDeletable(api: ConfigsApi, ref: ConfigResourceRef, names: string[]): Promise<void> {
  if (ref.kind !== 'topic' || !names.length) return;
  const [known] = await api.describeConfigs([ref]);
  const unknown = names.filter((n) => !known.some((c) => c.name === n));
  if (unknown.length)
    throw new UsageError(
      `topic ${ref.name} has no config ${unknown.join(', ')}`,
      `ktool configs describe --topic ${ref.name} --all lists its configs`,
    );
}

async function readConfigFile(path: string): Promise<[string, string][]> {
  return [...parseProperties(await readUserFile(path, '--add-config-file'))];
}

export async function run(options: AlterOptions, ctx: Context): Promise<CommandResult> {
  const changes: ChangeSet = { ...options.changes };
  if (options.addConfigFile) changes.set = [...(await readConfigFile(options.addConfigFile)), ...changes.set];
  const operations = toOperations(changes);
  if (!operations.length) throw new UsageError(`nothing to change: ${options.addConfigFile} sets no configs`);

  const api = await (await ctx.kafka()).configs();
  const first = options.entities[0];
  const label = entityLabel(options.entities);
  const result: AlterResult = {
    entityType: options.entities.map((e) => e.type).join('+'),
    entityName: options.entities.length === 1 ? (first.name ?? null) : null,
    set: Object.fromEntries(changes.set.map(([k, v]) => [k, shown(k, v)])),
    deleted: changes.delete,
    appended: Object.fromEntries(changes.append),
    subtracted: Object.fromEntries(changes.subtract),
    dryRun: options.dryRun,
  };

  if (isQuotaType(first.type)) {
    const entity = options.entities.map((e) => ({ type: QUOTA_TYPES[e.type]!, name: e.isDefault ? null : e.name! }));
    const set = Object.fromEntries(changes.set.map(([k, v]) => [k, quotaNumber(k, v)]));
    await api.alterQuotas(entity, set, changes.delete, options.dryRun);
    result.entity = Object.fromEntries(entity.map((p) => [p.type, p.name]));
    result.set = set;
  } else {
    const ref = { kind: RESOURCE_KINDS[first.type]!, name: first.isDefault ? '' : first.name! };
    await checkDeletable(api, ref, changes.delete);
    await api.alterConfigs(ref, operations, options.dryRun);
  }

  const summary = [
    ...changes.set.map(([k, v]) => `set ${k}=${shown(k, v)}`),
    ...changes.delete.map((k) => `deleted ${k}`),
    ...changes.append.map(([k, v]) => `appended ${v} to ${k}`),
    ...changes.subtract.map(([k, v]) => `removed ${v} from ${k}`),
  ];
  const head = options.dryRun ? `Valid (dry run, nothing changed): config for ${label}` : `Completed updating config for ${label}`;
  return { data: result, view: [{ lines: [head, ...summary.map((s) => `  ${s}`)] }] };
}
