import {
  Admin,
  ClientQuotaMatchTypes,
  ConfigResourceTypes,
  ConfigTypes,
  DescribeClusterEndpointTypes,
  IncrementalAlterConfigOperationTypes,
  ProtocolError,
  UnsupportedApiError,
  type alterClientQuotasV1,
  type ClientQuotaKey,
  type ConfigResourceTypeValue,
} from '@platformatic/kafka';
import { NotFoundError } from '../errors.js';
import { groupsNotFound, topicsNotFound } from './not-found.js';
import { deniedError, isDeniedCode } from './denied.js';
import { errorName } from './errors.js';
import { PINNED } from './pinned-apis.js';
import { callApi } from './raw-api.js';
import type {
  ConfigOperation,
  ConfigResourceKind,
  ConfigResourceRef,
  ConfigsApi,
  DescribedConfig,
  QuotaEntityPart,
  QuotaEntry,
  QuotaFilter,
} from './configs-types.js';
import { CONFIG_SOURCES } from './admin.js';

export type * from './configs-types.js';

const UNKNOWN_TOPIC_OR_PARTITION = 3;
const GROUP_ID_NOT_FOUND = 69;
const UNKNOWN_TOPIC_ID = 100;
const NOT_CONTROLLER = 41;

const CONFIG_TYPES: Record<number, string> = Object.fromEntries(Object.entries(ConfigTypes).map(([k, v]) => [v, k]));

const RESOURCE_TYPES: Record<ConfigResourceKind, ConfigResourceTypeValue> = {
  topic: ConfigResourceTypes.TOPIC,
  broker: ConfigResourceTypes.BROKER,
  'broker-logger': ConfigResourceTypes.BROKER_LOGGER,
  group: ConfigResourceTypes.GROUP,
  'client-metrics': ConfigResourceTypes.CLIENT_METRICS,
};

const OPS = {
  set: IncrementalAlterConfigOperationTypes.SET,
  delete: IncrementalAlterConfigOperationTypes.DELETE,
  append: IncrementalAlterConfigOperationTypes.APPEND,
  subtract: IncrementalAlterConfigOperationTypes.SUBTRACT,
};

function fail(errorCode: number, message: string | null | undefined, ref?: ConfigResourceRef): never {
  // The broker answers "This server does not host this topic-partition": say which topic.
  if (ref?.kind === 'topic' && (errorCode === UNKNOWN_TOPIC_OR_PARTITION || errorCode === UNKNOWN_TOPIC_ID))
    throw topicsNotFound([ref.name]);
  if (ref?.kind === 'group' && errorCode === GROUP_ID_NOT_FOUND) throw groupsNotFound([ref.name]);
  // A refusal names the resource (the operation and principal are filled in by the client wrapper).
  if (isDeniedCode(errorName(errorCode))) throw deniedError({ kafkaCode: errorName(errorCode), names: ref?.name ? [ref.name] : undefined });
  throw new ProtocolError(errorCode, message);
}

/**
 * The cluster's nodes as a broker's Metadata names them; bootstrapped on a controller (kafka-configs.sh
 * --bootstrap-controller, KIP-919), which has no Metadata, the controllers as DescribeCluster names them: they answer
 * DescribeConfigs and IncrementalAlterConfigs of their own broker resource.
 */
async function nodesOf(admin: Admin): Promise<{ nodeId: number; host: string; port: number }[]> {
  try {
    return (await callApi(admin, PINNED.Metadata, [[], false, false])).brokers;
  } catch (error) {
    if (!(error instanceof UnsupportedApiError)) throw error;
    const r = await callApi(admin, PINNED.DescribeCluster, [false, DescribeClusterEndpointTypes.CONTROLLERS]);
    if (r.errorCode) throw new ProtocolError(r.errorCode, r.errorMessage);
    return r.brokers.map((b) => ({ nodeId: b.brokerId, host: b.host, port: b.port }));
  }
}

/** The active controller, bootstrapped on the controllers: the one DescribeCluster names. */
async function activeController(admin: Admin): Promise<{ host: string; port: number }> {
  const r = await callApi(admin, PINNED.DescribeCluster, [false, DescribeClusterEndpointTypes.CONTROLLERS]);
  if (r.errorCode) throw new ProtocolError(r.errorCode, r.errorMessage);
  const active = r.brokers.find((b) => b.brokerId === r.controllerId);
  if (!active) throw new ProtocolError(NOT_CONTROLLER, `no active controller among ${r.brokers.map((b) => b.brokerId).join(', ')}`);
  return { host: active.host, port: active.port };
}

/** Configs and quotas over the shared admin connection (kafka-configs.sh). */
export function makeConfigsApi(admin: Admin): ConfigsApi {
  const brokers = () => nodesOf(admin);
  /** Broker and broker-logger resources must be asked of that very broker. */
  const target = async (ref: ConfigResourceRef) => {
    if ((ref.kind !== 'broker' && ref.kind !== 'broker-logger') || ref.name === '') return undefined;
    const found = (await brokers()).find((b) => String(b.nodeId) === ref.name);
    if (!found) throw new NotFoundError(`no broker with id ${ref.name} in the cluster`, 'see the broker ids with `ktool cluster info`');
    return { host: found.host, port: found.port };
  };
  const toRequest = (ref: ConfigResourceRef) => ({ resourceType: RESOURCE_TYPES[ref.kind], resourceName: ref.name });

  return {
    async describeConfigs(resources) {
      return Promise.all(
        resources.map(async (ref) => {
          const response = await callApi(
            admin,
            PINNED.DescribeConfigs,
            [[{ ...toRequest(ref), configurationKeys: null }], true, false],
            await target(ref),
          );
          const result = response.results[0];
          if (!result) fail(42, `no answer for ${ref.kind} ${ref.name}`);
          if (result.errorCode) fail(result.errorCode, result.errorMessage, ref);
          return result.configs
            .map((c): DescribedConfig => ({
              name: c.name,
              value: c.value ?? null,
              source: CONFIG_SOURCES[c.configSource] ?? String(c.configSource),
              sensitive: c.isSensitive,
              readOnly: c.readOnly,
              type: CONFIG_TYPES[c.configType ?? 0] ?? 'UNKNOWN',
              synonyms: (c.synonyms ?? []).map((s) => ({
                name: s.name,
                value: s.value ?? null,
                source: CONFIG_SOURCES[s.source] ?? String(s.source),
              })),
            }))
            .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        }),
      );
    },

    async alterConfigs(ref, operations: ConfigOperation[], validateOnly) {
      const configs = operations.map((o) =>
        o.op === 'delete' ? { name: o.name, configOperation: OPS.delete } : { name: o.name, configOperation: OPS[o.op], value: o.value },
      );
      const send = async (to: { host: string; port: number } | undefined) =>
        (await callApi(admin, PINNED.IncrementalAlterConfigs, [[{ ...toRequest(ref), configs }], validateOnly], to)).responses[0];
      let result = await send(await target(ref));
      // A controller that is not the quorum's leader (--bootstrap-controller) refuses: to the active one, as Java's Admin sends it.
      if (result?.errorCode === NOT_CONTROLLER) result = await send(await activeController(admin));
      if (result?.errorCode) fail(result.errorCode, result.errorMessage, ref);
    },

    async brokerIds() {
      return (await brokers()).map((b) => b.nodeId).sort((a, b) => a - b);
    },

    async describeQuotas(filter: QuotaFilter[]): Promise<QuotaEntry[]> {
      const components = filter.map((p) =>
        p.name === undefined
          ? { entityType: p.type, matchType: ClientQuotaMatchTypes.ANY }
          : p.name === null
            ? { entityType: p.type, matchType: ClientQuotaMatchTypes.DEFAULT }
            : { entityType: p.type, matchType: ClientQuotaMatchTypes.EXACT, match: p.name },
      );
      const response = await callApi(admin, PINNED.DescribeClientQuotas, [components, true]);
      if (response.errorCode) fail(response.errorCode, response.errorMessage);
      return (response.entries ?? []).map((e) => ({
        entity: e.entity.map((x) => ({ type: x.entityType as QuotaEntityPart['type'], name: x.entityName ?? null })),
        values: Object.fromEntries(e.values.map((v) => [v.key, v.value]).sort()),
      }));
    },

    async alterQuotas(entity, set, remove, validateOnly) {
      const entities = entity.map((p) => ({ entityType: p.type, entityName: p.name }));
      // The wire takes any key (the broker checks it); the library's type lists only the keys it knows of.
      const quotaKey = (key: string) => key as ClientQuotaKey;
      const ops: alterClientQuotasV1.AlterClientQuotasRequestOp[] = [
        ...Object.entries(set).map(([key, value]) => ({ key: quotaKey(key), value, remove: false as const })),
        ...remove.map((key) => ({ key: quotaKey(key), remove: true as const })),
      ];
      const response = await callApi(admin, PINNED.AlterClientQuotas, [[{ entities, ops }], validateOnly]);
      const failed = response.entries.find((e) => e.errorCode);
      if (failed) fail(failed.errorCode, failed.errorMessage);
    },
  };
}
