import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { NotFoundError } from '../../errors.js';
import type { ConfigResourceRef, DescribedConfig, QuotaFilter } from '../../kafka/configs-types.js';
import type { Block } from '../../output/view.js';
import {
  ENTITY_OPTIONS,
  entityLabel,
  isQuotaType,
  parseEntities,
  QUOTA_TYPES,
  RESOURCE_KINDS,
  type EntitySelection,
  type EntityType,
} from './entity.js';

export const spec = defineCommand({
  command: 'describe',
  description: "configs with each value's source, sensitivity and read-only flag; quotas for users/clients/ips",
  groups: ['connection', 'output', 'base'],
  options: [...ENTITY_OPTIONS, { flags: '--all', description: 'every config, also those from broker defaults and built-in defaults' }],
  examples: [
    'ktool configs describe --topic orders',
    'ktool configs describe --topic orders --all --format wide',
    'ktool configs describe --broker 1',
    'ktool configs describe --broker-defaults',
    'ktool configs describe --user alice',
  ],
});

export interface DescribeOptions {
  entities: EntitySelection[];
  /** Every config, not only the ones set dynamically for this entity (kafka-configs.sh --all). */
  all: boolean;
}

/**
 * One element of `configs describe --json` for config resources (topics, brokers, broker-loggers,
 * groups, client-metrics). `entityName` null is the cluster-wide broker default. Without --all only
 * values set on this entity are listed (as kafka-configs.sh: source DYNAMIC_TOPIC_CONFIG for a topic,
 * DYNAMIC_BROKER_CONFIG for a broker, DYNAMIC_DEFAULT_BROKER_CONFIG for the default ...).
 * `value` is null for sensitive configs; `source` is Kafka's ConfigSource name; `synonyms` lists the
 * values this one falls back to, highest precedence first.
 */
export interface EntityConfigs {
  entityType: Exclude<EntityType, 'users' | 'clients' | 'ips'>;
  entityName: string | null;
  configs: DescribedConfig[];
}

/**
 * One element of `configs describe --json` for quota entities (users, clients, ips): `entity` maps
 * user / client-id / ip to a name (null: the default entity); `quotas` maps quota keys
 * (producer_byte_rate, consumer_byte_rate, request_percentage, ...) to their values.
 */
export interface EntityQuotas {
  entityType: 'users' | 'clients' | 'ips';
  entity: Record<string, string | null>;
  quotas: Record<string, number>;
}

export type DescribeResult = (EntityConfigs | EntityQuotas)[];

export function parse(_args: string[], flags: Flags<typeof spec>): DescribeOptions {
  return { entities: parseEntities({ ...flags }, { requireName: false }), all: Boolean(flags.all) };
}

/** What kafka-configs.sh shows without --all: the values set on this very entity. */
const DYNAMIC_SOURCE: Record<string, string> = {
  topics: 'DYNAMIC_TOPIC_CONFIG',
  brokers: 'DYNAMIC_BROKER_CONFIG',
  'broker-defaults': 'DYNAMIC_DEFAULT_BROKER_CONFIG',
  'broker-loggers': 'DYNAMIC_BROKER_LOGGER_CONFIG',
  groups: 'GROUP_CONFIG',
  'client-metrics': 'CLIENT_METRICS_CONFIG',
};

export async function run(options: DescribeOptions, ctx: Context): Promise<CommandResult> {
  const clients = await ctx.kafka();
  const api = await clients.configs();
  const first = options.entities[0];

  if (isQuotaType(first.type)) {
    const filter: QuotaFilter[] = options.entities.map((e) => ({ type: QUOTA_TYPES[e.type]!, name: e.isDefault ? null : e.name }));
    const entries = await api.describeQuotas(filter);
    const data: EntityQuotas[] = entries.map((e) => ({
      entityType: first.type as EntityQuotas['entityType'],
      entity: Object.fromEntries(e.entity.map((p) => [p.type, p.name])),
      quotas: e.values,
    }));
    return { data, view: quotaView(data, options.entities) };
  }

  let names: (string | null)[];
  if (first.isDefault) names = [null];
  else if (first.name !== undefined) names = [first.name];
  else if (first.type === 'topics') names = await (await clients.admin()).listTopics({ includeInternal: true });
  else if (first.type === 'brokers') names = (await api.brokerIds()).map(String);
  else throw new NotFoundError(`name the ${first.type} entity to describe (--entity-name NAME)`);

  const kind = RESOURCE_KINDS[first.type]!;
  const refs: ConfigResourceRef[] = names.map((n) => ({ kind, name: n ?? '' }));
  const described = await api.describeConfigs(refs);
  const data: EntityConfigs[] = names.map((name, i) => {
    const wanted = DYNAMIC_SOURCE[first.type === 'brokers' && name === null ? 'broker-defaults' : first.type];
    const configs = options.all || first.type === 'broker-loggers' ? described[i] : described[i].filter((c) => c.source === wanted);
    return { entityType: first.type as EntityConfigs['entityType'], entityName: name, configs };
  });
  return { data, view: data.flatMap((d) => configView(d, options.all)) };
}

function configView(d: EntityConfigs, all: boolean): Block[] {
  const label = entityLabel([{ type: d.entityType, name: d.entityName ?? undefined, isDefault: d.entityName === null }]);
  const title = `${all || d.entityType === 'broker-loggers' ? 'All' : 'Dynamic'} configs for ${label}${d.configs.length ? ':' : ': none'}`;
  if (!d.configs.length) return [{ lines: [title] }];
  const rows = d.configs.map((c) => [
    c.name,
    c.sensitive ? '<sensitive>' : (c.value ?? 'null'),
    c.source,
    c.sensitive ? 'yes' : 'no',
    c.readOnly ? 'yes' : 'no',
    c.type,
    c.synonyms.map((s) => `${s.source}:${s.name}=${s.value ?? 'null'}`).join(', '),
  ]);
  // Names, values, sources and synonyms wrap on a narrow terminal; TYPE and SYNONYMS are what wide is for: never dropped.
  return [
    { title, head: ['NAME', 'VALUE', 'SOURCE', 'SENSITIVE', 'READ-ONLY', 'TYPE', 'SYNONYMS'], rows, wideOnly: [5, 6], wrap: [0, 1, 2, 6] },
  ];
}

function quotaView(data: EntityQuotas[], entities: EntitySelection[]): Block[] {
  if (!data.length) return [{ lines: [`No quotas for ${entityLabel(entities)}`] }];
  const rows = data.flatMap((d) => {
    const who = Object.entries(d.entity)
      .map(([k, v]) => `${k}=${v ?? '<default>'}`)
      .join(', ');
    return Object.entries(d.quotas).map(([k, v]) => [who, k, v]);
  });
  return [{ head: ['ENTITY', 'QUOTA', 'VALUE'], rows, numeric: [2] }];
}
