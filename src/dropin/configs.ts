/**
 * kafka-configs.sh (kafka.admin.ConfigCommand, Kafka 4.3), drop-in: `ktool configs --describe|--alter
 * --entity-type T --entity-name N|--entity-default ...` and the shorthands (--topic, --broker,
 * --user-defaults ...). Output as the original's: `Dynamic configs for topic t are:` then
 * `  k=v sensitive=false synonyms={SOURCE:k=v, ...}` per entry, `Quota configs for user-principal 'u'
 * are k=1000.0`, `Completed updating config for topic t.`; a refused command line or config on stderr,
 * exit 1; a broker's refusal as `Error while executing config command with args '...'`, exit 1.
 * `--bootstrap-controller C` asks the controllers (KIP-919) what they answer (configs of topics, brokers, broker
 * loggers, groups and client metrics) and fails as Java's admin client does for what they do not (listings,
 * quotas, SCRAM credentials).
 */
import type { Context } from '../cli/context.js';
import { refuseInternalTopics } from '../cli/internal-topics.js';
import type { ConfigResourceKind, DescribedConfig, QuotaEntityPart } from '../kafka/configs-types.js';
import { has, valueOf, type JoptResult } from './jopt.js';
import { javaDouble, javaHashMapOrderBy, javaStringMapHash } from './java-text.js';
import { javaHashMapOrder } from './java-hash-order.js';
import { UsageExit, type DropinOut, type DropinScript } from './script.js';
import {
  ArgError,
  checkArgs,
  configOptions,
  entityNames,
  entityTypes,
  JavaFailure,
  notOnControllers,
  parseAdded,
  parseDeleted,
} from './configs-args.js';

const RESOURCE: Record<string, ConfigResourceKind> = {
  topics: 'topic',
  brokers: 'broker',
  'broker-loggers': 'broker-logger',
  'client-metrics': 'client-metrics',
  groups: 'group',
};

/** The source getResourceConfig keeps without --all (broker-loggers: every entry). */
function dynamicSource(type: string, name: string): string | undefined {
  if (type === 'topics') return 'DYNAMIC_TOPIC_CONFIG';
  if (type === 'brokers') return name === '' ? 'DYNAMIC_DEFAULT_BROKER_CONFIG' : 'DYNAMIC_BROKER_CONFIG';
  if (type === 'client-metrics') return 'DYNAMIC_CLIENT_METRICS_CONFIG';
  if (type === 'groups') return 'DYNAMIC_GROUP_CONFIG';
  return undefined;
}

/** ConfigEntry.ConfigSource's names (ktool's describe names two of them without DYNAMIC_). */
const javaSource = (s: string) => (s === 'CLIENT_METRICS_CONFIG' || s === 'GROUP_CONFIG' ? `DYNAMIC_${s}` : s);

export const CONFIGS: DropinScript = {
  script: 'kafka-configs.sh',
  options: configOptions,
  bootstrapOption: 'bootstrap-server',
  // --bootstrap-controller: the controllers answer DescribeConfigs, IncrementalAlterConfigs and DescribeCluster (KIP-919).
  connection: (o) => ({
    bootstrapServer: valueOf(o, 'bootstrap-server') ?? valueOf(o, 'bootstrap-controller'),
    commandConfig: valueOf(o, 'command-config'),
  }),
  async run(o, ctx, out) {
    // As in ktool's own spelling, an internal topic named exactly is refused (exit 2) before anything is sent.
    if (has(o, 'alter') && entityTypes(o)[0] === 'topics' && entityNames(o).length) {
      refuseInternalTopics([entityNames(o)[0]], false, 'change the configs of');
    }
    try {
      checkArgs(o);
      if (has(o, 'alter') && entityTypes(o).length !== entityNames(o).length) {
        throw new ArgError('An entity name must be specified for every entity type');
      }
      if (has(o, 'alter')) await alter(o, ctx, out);
      else await describe(o, ctx, out);
      return 0;
    } catch (error) {
      if (error instanceof UsageExit) throw error;
      if (error instanceof ArgError) {
        await out.stderr(`${error.message}\n`);
        return 1;
      }
      if (!(error instanceof Error)) throw error;
      await out.stderr(`Error while executing config command with args '${o.args.join(' ')}'\n`);
      await out.stderr(`java.util.concurrent.ExecutionException: ${javaException(error)}\n`);
      return 1;
    }
  },
};

/** `org.apache.kafka.common.errors.XxxException: message` from the Kafka error code an error carries. */
export function javaException(error: Error): string {
  if (error instanceof JavaFailure) return error.javaText;
  const code = (error as { kafkaCode?: string }).kafkaCode;
  if (!code) return `org.apache.kafka.common.KafkaException: ${error.message}`;
  const name = code
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
  return `org.apache.kafka.common.errors.${name}Exception: ${error.message}`;
}

async function describe(o: JoptResult, ctx: Context, out: DropinOut): Promise<void> {
  const types = entityTypes(o);
  const names = entityNames(o);
  const head = types[0];
  const controllers = has(o, 'bootstrap-controller');
  if (RESOURCE[head]) {
    if (controllers) refuseListing(head, names[0], has(o, 'all'));
    return describeResources(head, names[0], has(o, 'all'), ctx, out);
  }
  if (head === 'users' || head === 'clients') {
    await describeQuotas(types, names, ctx, out, controllers);
    if (!types.includes('clients') && !names.includes('')) await describeScram(names, ctx, out);
    return;
  }
  if (head === 'ips') return describeQuotas(types, names, ctx, out, controllers);
  throw new ArgError(`Invalid entity type: ${head}`);
}

/**
 * With --bootstrap-controller, what Java's admin client cannot ask the controllers: the listing of topics,
 * client-metrics resources (Metadata, ListConfigResources) and groups (ListGroups, to brokers it has none of) that
 * describing every entity of the type, or one without --all (whether it exists), starts with.
 */
function refuseListing(type: string, name: string | undefined, all: boolean): void {
  if (name !== undefined && all) return;
  if (type === 'topics' || type === 'client-metrics') throw notOnControllers();
  if (type === 'groups') throw new JavaFailure('org.apache.kafka.common.KafkaException: Failed to find brokers to send ListGroups');
}

async function describeResources(type: string, name: string | undefined, all: boolean, ctx: Context, out: DropinOut): Promise<void> {
  const kafka = await ctx.kafka();
  if (name !== undefined && !all && !(await exists(type, name, ctx))) {
    await out.stdout(`The ${type.slice(0, -1)} '${name}' doesn't exist and doesn't have dynamic config.\n`);
    return;
  }
  let entities: string[];
  if (name !== undefined) entities = [name];
  else if (type === 'topics') entities = javaHashMapOrder(await (await kafka.admin()).listTopics({ includeInternal: true }), 16);
  else if (type === 'brokers' || type === 'broker-loggers') entities = [...(await (await kafka.configs()).brokerIds()).map(String), ''];
  else if (type === 'groups') entities = (await (await kafka.groups()).listGroups()).map((g) => g.group);
  else throw new ArgError(`ktool cannot list every ${type} resource (no ListConfigResources): name one with --entity-name`);
  const configs = await kafka.configs();
  for (const entity of entities) {
    if (entity === '') await out.stdout(`Default configs for ${type} in the cluster are:\n`);
    else await out.stdout(`${all ? 'All' : 'Dynamic'} configs for ${type.slice(0, -1)} ${entity} are:\n`);
    if (type === 'brokers' || type === 'broker-loggers') validateBrokerId(entity, type);
    const [entries] = await configs.describeConfigs([{ kind: RESOURCE[type], name: entity }]);
    const source = all ? undefined : dynamicSource(type, entity);
    let text = '';
    for (const e of entries.filter((x) => source === undefined || javaSource(x.source) === source)) text += entryLine(e);
    await out.stdout(text);
  }
}

function entryLine(e: DescribedConfig): string {
  const synonyms = e.synonyms.map((s) => `${javaSource(s.source)}:${s.name}=${s.value}`).join(', ');
  return `  ${e.name}=${e.value} sensitive=${e.sensitive} synonyms={${synonyms}}\n`;
}

function validateBrokerId(name: string, type: string): void {
  if (name !== '' && !/^[+-]?\d+$/.test(name)) {
    throw new ArgError(`The entity name for ${type} must be a valid integer broker id, found: ${name}`);
  }
}

/** describeResourceConfig's check before describing one entity without --all. */
async function exists(type: string, name: string, ctx: Context): Promise<boolean> {
  const kafka = await ctx.kafka();
  if (type === 'topics') return (await (await kafka.admin()).listTopics({ includeInternal: true })).includes(name);
  if (type === 'brokers' || type === 'broker-loggers') {
    return name === '' || (await (await kafka.configs()).brokerIds()).some((id) => String(id) === name);
  }
  if (type === 'groups' && (await (await kafka.groups()).listGroups()).some((g) => g.group === name)) return true;
  // A group or client-metrics resource with configs of its own: what ListConfigResources would list.
  const [entries] = await (await kafka.configs()).describeConfigs([{ kind: RESOURCE[type], name }]);
  return entries.some((e) => javaSource(e.source) === dynamicSource(type, name));
}

const QUOTA_TYPE: Record<string, QuotaEntityPart['type']> = { users: 'user', clients: 'client-id', ips: 'ip' };
const QUOTA_WORDS: Record<QuotaEntityPart['type'], string> = { user: 'user-principal', 'client-id': 'client-id', ip: 'ip' };

async function describeQuotas(types: string[], names: string[], ctx: Context, out: DropinOut, controllers: boolean): Promise<void> {
  if (names.length > types.length) throw new ArgError('More entity names specified than entity types');
  if (controllers) throw notOnControllers();
  const filter = types.map((t, i) => ({ type: QUOTA_TYPE[t], name: names[i] === undefined ? undefined : names[i] || null }));
  const entries = await (await (await ctx.kafka()).configs()).describeQuotas(filter);
  // DescribeClientQuotasResponse.complete: `new HashMap<>(size)` keyed by ClientQuotaEntity (hashCode: its map's), values alike.
  const ordered = javaHashMapOrderBy(entries, (e) => javaStringMapHash(e.entity.map((p) => [p.type, p.name])), entries.length);
  let text = '';
  for (const entry of ordered) {
    const part = (type: QuotaEntityPart['type']) => {
      const p = entry.entity.find((x) => x.type === type);
      if (!p) return [];
      return [p.name === null ? `the default ${QUOTA_WORDS[type]}` : `${QUOTA_WORDS[type]} '${p.name}'`];
    };
    const entity = [...part('user'), ...part('client-id'), ...part('ip')].join(', ');
    const values = javaHashMapOrder(Object.keys(entry.values))
      .map((k) => `${k}=${javaDouble(entry.values[k])}`)
      .join(', ');
    text += `Quota configs for ${entity} are ${values}\n`;
  }
  await out.stdout(text);
}

async function describeScram(names: string[], ctx: Context, out: DropinOut): Promise<void> {
  const scram = await (await ctx.kafka()).scram();
  let users;
  try {
    users = await scram.describeUsers(names);
  } catch (error) {
    // A named user without credentials: DescribeUserScramCredentialsResult.users() leaves it out.
    if ((error as { kafkaCode?: string }).kafkaCode === 'RESOURCE_NOT_FOUND' && names.length === 1) return;
    throw error;
  }
  let text = '';
  for (const u of users) {
    const infos = u.credentials.map((c) => `${c.mechanism}=iterations=${c.iterations}`).join(', ');
    text += `SCRAM credential configs for user-principal '${u.user}' are ${infos}\n`;
  }
  await out.stdout(text);
}

async function alter(o: JoptResult, ctx: Context, out: DropinOut): Promise<void> {
  const types = entityTypes(o);
  const names = entityNames(o);
  const [type, name] = [types[0], names[0]];
  const added = await parseAdded(o);
  const deleted = parseDeleted(o);
  const { alterEntity } = await import('./configs-alter.js');
  await alterEntity({ types, names, added, deleted, controllers: has(o, 'bootstrap-controller') }, ctx);
  await out.stdout(
    name !== ''
      ? `Completed updating config for ${type.slice(0, -1)} ${name}.\n`
      : `Completed updating default config for ${type} in the cluster.\n`,
  );
}
