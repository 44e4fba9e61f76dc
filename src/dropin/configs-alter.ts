/**
 * kafka-configs.sh --alter (ConfigCommand.alterConfig, Kafka 4.3): IncrementalAlterConfigs for
 * topics, brokers, groups and client-metrics (deletes, then sets), broker loggers checked against
 * the broker's list first, quotas for users, clients and ips (a deleted key must be set), SCRAM
 * credentials for a user.
 */
import type { Context } from '../cli/context.js';
import type { ConfigOperation, ConfigResourceKind, QuotaEntityPart } from '../kafka/configs-types.js';
import { DEFAULT_ITERATIONS, makeCredential } from '../kafka/scram-credential.js';
import type { ScramMechanismName } from '../kafka/scram-types.js';
import { ArgError, JavaFailure, notOnControllers } from './configs-args.js';

export interface Alteration {
  types: string[];
  names: string[];
  added: Map<string, string>;
  deleted: string[];
  /** --bootstrap-controller: the requests go to the controllers, which have no client quotas or SCRAM credentials to give. */
  controllers: boolean;
}

const RESOURCE: Record<string, ConfigResourceKind> = {
  topics: 'topic',
  brokers: 'broker',
  groups: 'group',
  'client-metrics': 'client-metrics',
};
const QUOTA_KEYS = new Set(['producer_byte_rate', 'consumer_byte_rate', 'request_percentage', 'controller_mutation_rate']);
const SCRAM = new Set(['SCRAM-SHA-256', 'SCRAM-SHA-512']);
const QUOTA_TYPE: Record<string, QuotaEntityPart['type']> = { users: 'user', clients: 'client-id', ips: 'ip' };

/** Scala's toString of the names a refusal lists. */
const scalaSet = (xs: string[]) => `Set(${xs.join(', ')})`;

export async function alterEntity(a: Alteration, ctx: Context): Promise<void> {
  const [type, name] = [a.types[0], a.names[0]];
  const configs = await (await ctx.kafka()).configs();
  if (RESOURCE[type]) {
    if (type === 'brokers' && name !== '' && !/^[+-]?\d+$/.test(name)) {
      throw new ArgError(`The entity name for ${type} must be a valid integer broker id, found: ${name}`);
    }
    // A broker resource is sent to that node, here one of the controllers DescribeCluster names.
    if (a.controllers && type === 'brokers' && name !== '' && !(await configs.brokerIds()).includes(Number(name))) {
      throw new JavaFailure(`org.apache.kafka.common.errors.BrokerIdNotRegisteredException: No node with id ${Number(name)} found.`);
    }
    const ops: ConfigOperation[] = [
      ...a.deleted.map((k): ConfigOperation => ({ op: 'delete', name: k })),
      ...[...a.added].map(([k, v]): ConfigOperation => ({ op: 'set', name: k, value: v })),
    ];
    await configs.alterConfigs({ kind: RESOURCE[type], name }, ops, false);
    return;
  }
  if (type === 'broker-loggers') {
    const [loggers] = await configs.describeConfigs([{ kind: 'broker-logger', name }]);
    const valid = new Set(loggers.map((l) => l.name));
    const invalid = [...a.deleted, ...a.added.keys()].filter((k) => !valid.has(k));
    if (invalid.length) throw new ArgError(`Invalid broker logger(s): ${invalid.join(',')}`);
    const ops: ConfigOperation[] = [
      ...a.deleted.map((k): ConfigOperation => ({ op: 'delete', name: k })),
      ...[...a.added].map(([k, v]): ConfigOperation => ({ op: 'set', name: k, value: v })),
    ];
    await configs.alterConfigs({ kind: 'broker-logger', name }, ops, false);
    return;
  }
  if (type === 'users' || type === 'clients') return alterUserOrClient(a, ctx);
  if (type === 'ips') {
    const unknown = [...a.added.keys(), ...a.deleted].filter((k) => k !== 'connection_creation_rate');
    if (unknown.length) {
      throw new ArgError(
        `Only connection quota configs can be added for 'ips' using --bootstrap-server. Unexpected config names: ${unknown.join(',')}`,
      );
    }
    return alterQuotas(a, ctx);
  }
  throw new ArgError(`Unsupported entity type: ${type}`);
}

async function alterUserOrClient(a: Alteration, ctx: Context): Promise<void> {
  const added = [...a.added.keys()];
  const quotaToAdd = added.some((k) => QUOTA_KEYS.has(k));
  const quotaToDelete = a.deleted.some((k) => QUOTA_KEYS.has(k));
  const scramToAdd = added.filter((k) => SCRAM.has(k));
  const scramToDelete = a.deleted.filter((k) => SCRAM.has(k));
  const unknownToAdd = added.filter((k) => !SCRAM.has(k) && !QUOTA_KEYS.has(k));
  const unknownToDelete = a.deleted.filter((k) => !SCRAM.has(k) && !QUOTA_KEYS.has(k));
  const unexpected = 'using --bootstrap-server. Unexpected config names:';
  if (a.types[0] === 'clients' || a.types.length === 2) {
    if (unknownToAdd.length || scramToAdd.length) {
      throw new ArgError(`Only quota configs can be added for 'clients' ${unexpected} ${scalaSet([...unknownToAdd, ...scramToAdd])}`);
    }
    if (unknownToDelete.length || scramToDelete.length) {
      throw new ArgError(
        `Only quota configs can be deleted for 'clients' ${unexpected} ${scalaSet([...unknownToDelete, ...scramToDelete])}`,
      );
    }
  } else {
    if (unknownToAdd.length)
      throw new ArgError(`Only quota and SCRAM credential configs can be added for 'users' ${unexpected} ${scalaSet(unknownToAdd)}`);
    if (unknownToDelete.length) {
      throw new ArgError(`Only quota and SCRAM credential configs can be deleted for 'users' ${unexpected} ${scalaSet(unknownToDelete)}`);
    }
    if (scramToAdd.length || scramToDelete.length) {
      if (a.names.includes('')) {
        throw new ArgError(
          'The use of --entity-default or --user-defaults is not allowed with User SCRAM Credentials using --bootstrap-server.',
        );
      }
      if (quotaToAdd || quotaToDelete) {
        throw new ArgError("Cannot alter both quota and SCRAM credential configs simultaneously for 'users' using --bootstrap-server.");
      }
    }
  }
  if (quotaToAdd || quotaToDelete) return alterQuotas(a, ctx);
  const user = a.names[0];
  const upserts = await Promise.all(
    scramToAdd.map((mechanism) => {
      const m = /^(?:iterations=(-?[0-9]*),)?password=(.*)$/s.exec(a.added.get(mechanism)!);
      if (!m) throw new ArgError(`Invalid credential property ${mechanism}=${a.added.get(mechanism)}`);
      const iterations = m[1] !== undefined && m[1] !== '-1' ? Number(m[1]) : DEFAULT_ITERATIONS;
      if (iterations < 4096) throw new ArgError(`Iterations ${iterations} is less than the minimum 4096 required for ${mechanism}`);
      return makeCredential(user, mechanism as ScramMechanismName, m[2], iterations);
    }),
  );
  const deletions = scramToDelete.map((mechanism) => ({ user, mechanism: mechanism as ScramMechanismName }));
  if (a.controllers) throw notOnControllers();
  await (await (await ctx.kafka()).scram()).alterCredentials(deletions, upserts);
}

/** alterQuotaConfigs: a key to delete must be set on the entity; values are doubles. */
async function alterQuotas(a: Alteration, ctx: Context): Promise<void> {
  if (a.types.length !== a.names.length) throw new ArgError('Exactly one entity name must be specified for every entity type');
  if (a.controllers) throw notOnControllers();
  const configs = await (await ctx.kafka()).configs();
  const entity: QuotaEntityPart[] = a.types.map((t, i) => ({ type: QUOTA_TYPE[t], name: a.names[i] || null }));
  const [current] = await configs.describeQuotas(entity);
  const invalid = a.deleted.filter((k) => !(current && k in current.values));
  if (invalid.length) throw new ArgError(`Invalid config(s): ${invalid.join(',')}`);
  const set: Record<string, number> = {};
  for (const [k, v] of a.added) {
    const n = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[dDfF]?\s*$/.test(v) ? Number.parseFloat(v) : Number.NaN;
    if (Number.isNaN(n)) throw new ArgError(`Cannot parse quota configuration value for ${k}: ${v}`);
    set[k] = n;
  }
  await configs.alterQuotas(entity, set, a.deleted, false);
}
