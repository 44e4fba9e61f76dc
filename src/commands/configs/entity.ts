import { defineOptions } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import type { ConfigResourceKind, QuotaFilter } from '../../kafka/configs-types.js';

/** kafka-configs.sh entity types. users, clients and ips are quota entities (DescribeClientQuotas). */
export const ENTITY_TYPES = ['topics', 'brokers', 'broker-loggers', 'users', 'clients', 'ips', 'groups', 'client-metrics'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

const ALIASES: Record<string, EntityType> = {
  topic: 'topics',
  broker: 'brokers',
  'broker-logger': 'broker-loggers',
  user: 'users',
  client: 'clients',
  'client-id': 'clients',
  ip: 'ips',
  group: 'groups',
};

export const QUOTA_TYPES: Partial<Record<EntityType, QuotaFilter['type']>> = { users: 'user', clients: 'client-id', ips: 'ip' };
export const RESOURCE_KINDS: Partial<Record<EntityType, ConfigResourceKind>> = {
  topics: 'topic',
  brokers: 'broker',
  'broker-loggers': 'broker-logger',
  groups: 'group',
  'client-metrics': 'client-metrics',
};

/** The entity flags of describe and alter: kafka-configs.sh's, then ktool's shortcuts (read by parseEntities). */
export const ENTITY_OPTIONS = defineOptions([
  {
    flags: '--entity-type <type>',
    description: 'topics, brokers, broker-loggers, users, clients, ips, groups or client-metrics (repeat it for a user + client pair)',
    repeatable: true,
  },
  { flags: '--entity-name <name>', description: 'the entity (a broker by id), paired in order with --entity-type', repeatable: true },
  { flags: '--entity-default', description: 'the default entity (brokers, users, clients, ips)' },
  { flags: '--topic <topic>', description: 'shortcut: --entity-type topics --entity-name TOPIC' },
  { flags: '--broker <id>', description: 'shortcut: --entity-type brokers --entity-name ID' },
  { flags: '--broker-defaults', description: 'shortcut: --entity-type brokers --entity-default' },
  { flags: '--broker-logger <id>', description: 'shortcut: --entity-type broker-loggers --entity-name ID' },
  { flags: '--user <user>', description: 'shortcut: --entity-type users --entity-name USER (quotas)' },
  { flags: '--user-defaults', description: 'shortcut: --entity-type users --entity-default' },
  { flags: '--client <client-id>', description: 'shortcut: --entity-type clients --entity-name CLIENT (quotas)' },
  { flags: '--client-defaults', description: 'shortcut: --entity-type clients --entity-default' },
  { flags: '--ip <ip>', description: 'shortcut: --entity-type ips --entity-name IP (connection quotas)' },
  { flags: '--ip-defaults', description: 'shortcut: --entity-type ips --entity-default' },
  { flags: '--group <group>', description: 'shortcut: --entity-type groups --entity-name GROUP' },
  { flags: '--client-metrics <name>', description: 'shortcut: --entity-type client-metrics --entity-name NAME' },
]);

/** One entity: a name, the default entity (isDefault) or, for describe, every entity of the type (neither). */
export interface EntitySelection {
  type: EntityType;
  name?: string;
  isDefault: boolean;
}

export function isQuotaType(type: EntityType): boolean {
  return type in QUOTA_TYPES;
}

function entityType(text: string): EntityType {
  const t = text.trim().toLowerCase();
  if ((ENTITY_TYPES as readonly string[]).includes(t)) return t as EntityType;
  if (Object.hasOwn(ALIASES, t)) return ALIASES[t];
  throw new UsageError(`unknown entity type "${text}"`, `use one of: ${ENTITY_TYPES.join(', ')}`);
}

function list(value: unknown): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

/**
 * The entity a configs command works on, from kafka-configs.sh flags (--entity-type/--entity-name/
 * --entity-default, paired in order) or ktool's shortcuts (--topic, --broker, --broker-defaults,
 * --broker-logger, --user, --client, --ip, --group, --client-metrics). Several entities only for the
 * users+clients quota pair.
 */
export function parseEntities(flags: Record<string, unknown>, { requireName }: { requireName: boolean }): EntitySelection[] {
  const entities: EntitySelection[] = [];
  const shortcut = (flag: unknown, type: EntityType) => {
    for (const name of list(flag)) entities.push({ type, name, isDefault: false });
  };
  shortcut(flags.topic, 'topics');
  shortcut(flags.broker, 'brokers');
  if (flags.brokerDefaults) entities.push({ type: 'brokers', isDefault: true });
  shortcut(flags.brokerLogger, 'broker-loggers');
  shortcut(flags.user, 'users');
  if (flags.userDefaults) entities.push({ type: 'users', isDefault: true });
  shortcut(flags.client, 'clients');
  if (flags.clientDefaults) entities.push({ type: 'clients', isDefault: true });
  shortcut(flags.ip, 'ips');
  if (flags.ipDefaults) entities.push({ type: 'ips', isDefault: true });
  shortcut(flags.group, 'groups');
  shortcut(flags.clientMetrics, 'client-metrics');

  const types = list(flags.entityType).map(entityType);
  const names = list(flags.entityName);
  if (types.length && entities.length)
    throw new UsageError('give the entity either with --entity-type/--entity-name or with a shortcut (--topic, --broker ...), not both');
  if (names.length > types.length) throw new UsageError('each --entity-name needs an --entity-type before it');
  if (!types.length && (names.length || flags.entityDefault)) throw new UsageError('--entity-name and --entity-default need --entity-type');
  let defaults = flags.entityDefault ? 1 : 0;
  types.forEach((type, i) => {
    if (i < names.length) entities.push({ type, name: names[i], isDefault: false });
    else if (defaults-- > 0) entities.push({ type, isDefault: true });
    else entities.push({ type, isDefault: false });
  });
  if (defaults > 0) throw new UsageError('--entity-default given but every --entity-type already has an --entity-name');

  if (entities.length === 0)
    throw new UsageError(
      'name the entity: --topic T, --broker ID, --broker-defaults, --user U, --client C, --group ' +
        'G ... or --entity-type TYPE --entity-name NAME',
    );
  validate(entities, requireName);
  return entities;
}

function validate(entities: EntitySelection[], requireName: boolean): void {
  if (entities.length > 1) {
    const kinds = entities
      .map((e) => e.type)
      .sort()
      .join('+');
    if (kinds !== 'clients+users')
      throw new UsageError(
        `only a user and a client can be combined (a user's quota for one client id), got ${entities.map((e) => e.type).join(' and ')}`,
      );
  }
  for (const e of entities) {
    if (e.isDefault && !['brokers', 'users', 'clients', 'ips'].includes(e.type))
      throw new UsageError(`--entity-default applies to brokers, users, clients and ips, not ${e.type}`);
    if ((e.type === 'brokers' || e.type === 'broker-loggers') && e.name !== undefined && !/^\d+$/.test(e.name)) {
      throw new UsageError(`a broker is named by its numeric id, got "${e.name}"`, 'see the ids with `ktool cluster info`');
    }
    if (e.type === 'broker-loggers' && e.name === undefined)
      throw new UsageError('broker-loggers needs a broker id (--entity-name ID or --broker-logger ID)');
    if (e.name === '')
      throw new UsageError(
        `an empty ${e.type} name is not allowed`,
        e.type === 'brokers' ? 'use --broker-defaults (or --entity-default) for the cluster-wide default' : undefined,
      );
    if (requireName && e.name === undefined && !e.isDefault)
      throw new UsageError(
        `configs alter needs an entity name for ${e.type} (--entity-name ` +
          `NAME${['brokers', 'users', 'clients', 'ips'].includes(e.type) ? ' or --entity-default' : ''})`,
      );
  }
}

/** How kafka-configs.sh names an entity in its messages: topic t, broker 1, default broker, user-principal 'u' ... */
export function entityLabel(entities: EntitySelection[]): string {
  return entities
    .map((e) => {
      const singular =
        e.type === 'users'
          ? 'user'
          : e.type === 'clients'
            ? 'client-id'
            : e.type === 'ips'
              ? 'ip'
              : e.type === 'client-metrics'
                ? e.type
                : e.type.replace(/s$/, '');
      if (e.isDefault) return `default ${singular}`;
      if (e.name === undefined) return `all ${e.type}`;
      return `${singular} ${e.name}`;
    })
    .join(', ');
}
