/**
 * kafka-configs.sh's command line (ConfigCommandOptions, Kafka 4.3): its options, the entity types
 * and names it derives from --entity-type/--entity-name/--entity-default and the shorthands, its
 * checks with their words, and the configs to add (--add-config 'k=v,k2=[a,b]', --add-config-file)
 * and delete.
 */
import { readFile } from 'node:fs/promises';
import { has, valueOf, type JoptOption, type JoptResult } from './jopt.js';
import { UsageExit } from './script.js';

/** IllegalArgumentException, InvalidConfigurationException: the message alone on stderr, exit 1. */
export class ArgError extends Error {}

/** A failure whose Java exception line is known as is (`org.apache.kafka...Exception: message`). */
export class JavaFailure extends Error {
  constructor(readonly javaText: string) {
    super(javaText);
  }
}

/**
 * What Java's admin client fails with, bootstrapped on the controllers (--bootstrap-controller, KIP-919), for a
 * request they do not serve: Metadata (topic listings), ListConfigResources, client quotas, SCRAM credentials.
 */
export const notOnControllers = (): JavaFailure =>
  new JavaFailure(
    'org.apache.kafka.common.errors.UnsupportedEndpointTypeException: This Admin API is not yet supported when communicating ' +
      'directly with the controller quorum.',
  );

const switchOf = (name: string): JoptOption => ({ name, value: false });
const valued = (name: string): JoptOption => ({ name, value: true });

export const configOptions: readonly JoptOption[] = [
  valued('add-config'),
  valued('add-config-file'),
  switchOf('all'),
  switchOf('alter'),
  valued('bootstrap-controller'),
  valued('bootstrap-server'),
  valued('broker'),
  switchOf('broker-defaults'),
  valued('broker-logger'),
  valued('client'),
  switchOf('client-defaults'),
  valued('client-metrics'),
  valued('command-config'),
  valued('delete-config'),
  switchOf('describe'),
  switchOf('entity-default'),
  valued('entity-name'),
  valued('entity-type'),
  valued('group'),
  switchOf('help'),
  valued('ip'),
  switchOf('ip-defaults'),
  valued('topic'),
  valued('user'),
  switchOf('user-defaults'),
  switchOf('version'),
];

/** The shorthands: --topic t is --entity-type topics --entity-name t (ConfigCommandOptions.entityFlags). */
const ENTITY_FLAGS: [string, string][] = [
  ['topic', 'topics'],
  ['client', 'clients'],
  ['user', 'users'],
  ['broker', 'brokers'],
  ['broker-logger', 'broker-loggers'],
  ['ip', 'ips'],
  ['client-metrics', 'client-metrics'],
  ['group', 'groups'],
];
const DEFAULTS_FLAGS: [string, string][] = [
  ['client-defaults', 'clients'],
  ['user-defaults', 'users'],
  ['broker-defaults', 'brokers'],
  ['ip-defaults', 'ips'],
];
const ALLOWED = ['topics', 'clients', 'users', 'brokers', 'ips', 'client-metrics', 'groups', 'broker-loggers'];

export function entityTypes(o: JoptResult): string[] {
  return [
    ...(o.values.get('entity-type') ?? []),
    ...[...ENTITY_FLAGS, ...DEFAULTS_FLAGS].filter(([flag]) => has(o, flag)).map(([, type]) => type),
  ];
}

/** Names in command-line order of --entity-name/--entity-default ('' the default), then the shorthands'. */
export function entityNames(o: JoptResult): string[] {
  return [
    ...o.sequence.filter((s) => s.name === 'entity-name' || s.name === 'entity-default').map((s) => s.value),
    ...ENTITY_FLAGS.filter(([flag]) => has(o, flag)).map(([flag]) => valueOf(o, flag)!),
    ...DEFAULTS_FLAGS.filter(([flag]) => has(o, flag)).map(() => ''),
  ];
}

const QUOTA_LIKE = ['users', 'clients', 'brokers', 'ips'];

/** ConfigCommandOptions.checkArgs. */
export function checkArgs(o: JoptResult): void {
  if (['alter', 'describe'].filter((a) => has(o, a)).length !== 1) {
    throw new UsageExit('Command must include exactly one action: --describe, --alter');
  }
  for (const other of ['add-config', 'delete-config']) {
    if (has(o, 'describe') && has(o, other)) throw new UsageExit(`Option "[describe]" can't be used with option "[${other}]"`);
  }
  const types = entityTypes(o);
  const duplicates = types.filter((t, i) => types.indexOf(t) !== i);
  if (duplicates.length) throw new ArgError(`Duplicate entity type(s) specified: ${duplicates.join(',')}`);
  // No --bootstrap-server (the original requires one): ktool's own resolution (profile, KTOOL_BROKERS ...).
  for (const t of types) {
    if (!ALLOWED.includes(t)) {
      throw new ArgError(
        `Invalid entity type ${t}, the entity type must be one of ${ALLOWED.join(', ')} ` +
          'with a --bootstrap-server or --bootstrap-controller argument',
      );
    }
  }
  if (!types.length) throw new ArgError('At least one entity type must be specified');
  if (types.length > 1 && !(types.length === 2 && types.includes('users') && types.includes('clients'))) {
    throw new ArgError("Only 'users' and 'clients' entity types may be specified together");
  }
  const generic = has(o, 'entity-name') || has(o, 'entity-type') || has(o, 'entity-default');
  if (generic && [...ENTITY_FLAGS, ...DEFAULTS_FLAGS].some(([flag]) => has(o, flag))) {
    throw new ArgError('--entity-{type,name,default} should not be used in conjunction with specific entity flags');
  }
  const names = entityNames(o);
  const hasName = names.some((n) => n !== '');
  const hasDefault = names.some((n) => n === '');
  if (has(o, 'bootstrap-server') && has(o, 'bootstrap-controller')) {
    throw new ArgError('Only one of --bootstrap-server or --bootstrap-controller can be specified');
  }
  if (hasName && (types.includes('brokers') || types.includes('broker-loggers'))) {
    for (const id of ['entity-name', 'broker', 'broker-logger'].filter((f) => has(o, f)).map((f) => valueOf(o, f)!)) {
      if (!/^[+-]?\d+$/.test(id) || Math.abs(Number(id)) > 2 ** 31) {
        throw new ArgError(`The entity name for ${types[0]} must be a valid integer broker id, but it is: ${id}`);
      }
    }
  }
  if (has(o, 'describe')) checkDescribe(o, types, hasName);
  if (has(o, 'alter')) checkAlter(o, types, hasName, hasDefault);
}

function checkDescribe(o: JoptResult, types: string[], hasName: boolean): void {
  if (!types.some((t) => QUOTA_LIKE.includes(t)) && has(o, 'entity-default')) {
    throw new ArgError(`--entity-default must not be specified with --describe of ${types.join(',')}`);
  }
  if (types.includes('broker-loggers') && !hasName)
    throw new ArgError(`An entity name must be specified with --describe of ${types.join(',')}`);
}

function checkAlter(o: JoptResult, types: string[], hasName: boolean, hasDefault: boolean): void {
  if (types.some((t) => QUOTA_LIKE.includes(t))) {
    if (!hasName && !hasDefault) {
      throw new ArgError('An entity-name or default entity must be specified with --alter of users, clients, brokers or ips');
    }
  } else if (!hasName) throw new ArgError(`An entity name must be specified with --alter of ${types.join(',')}`);
  if (has(o, 'add-config') && has(o, 'add-config-file'))
    throw new ArgError('Only one of --add-config or --add-config-file must be specified');
  if (!has(o, 'add-config') && !has(o, 'add-config-file') && !has(o, 'delete-config')) {
    throw new ArgError('At least one of --add-config, --add-config-file, or --delete-config must be specified with --alter');
  }
}

/** parseConfigsToBeAdded: the file's properties, then --add-config's pairs split on commas outside [...]. */
export async function parseAdded(o: JoptResult): Promise<Map<string, string>> {
  const props = new Map<string, string>();
  const file = valueOf(o, 'add-config-file');
  if (file !== undefined) for (const [k, v] of parseProperties(await readFile(file, 'utf8'))) props.set(k, v);
  const raw = valueOf(o, 'add-config');
  if (raw !== undefined) {
    const outside = '(?=[^\\]]*(?:\\[|$))';
    const pairs = raw.split(new RegExp(`,${outside}`)).map((p) => p.split(new RegExp(`\\s*=\\s*${outside}`)));
    if (!pairs.every((p) => p.length === 2)) {
      throw new ArgError(
        'requirement failed: Invalid entity config: all configs to be added must be in the format "key=val" or  ' +
          '"key=[val1,val2]" to group values which contain commas.',
      );
    }
    for (const [k, v] of pairs) props.set(k.trim(), v.replace(/[[\]]/g, '').trim());
  }
  for (const key of props.keys()) if (!/^[$a-zA-Z0-9._-]*$/.test(key)) throw new ArgError(`Invalid character found for config key: ${key}`);
  return props;
}

/** --delete-config's values, each split on commas (withValuesSeparatedBy(',')), trimmed. */
export function parseDeleted(o: JoptResult): string[] {
  return (o.values.get('delete-config') ?? []).flatMap((v) => v.split(',')).map((k) => k.trim());
}

/** java.util.Properties.load, for the lines a config file has: `k=v`, `k: v`, `k v`, comments, continuations. */
export function parseProperties(text: string): [string, string][] {
  const out: [string, string][] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].replace(/^\s+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length) line = line.slice(0, -1) + lines[++i].replace(/^\s+/, '');
    const m = /^((?:\\.|[^\s:=\\])*)\s*[:=]?\s*(.*)$/.exec(line)!;
    const unescape = (s: string) => s.replace(/\\(.)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r', f: '\f' })[c] ?? c);
    out.push([unescape(m[1]), unescape(m[2])]);
  }
  return out;
}
