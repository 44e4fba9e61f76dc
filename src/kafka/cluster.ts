import * as lib from '@platformatic/kafka';
import {
  Admin,
  DescribeClusterEndpointTypes,
  type Broker,
  ProtocolError,
  protocolErrors,
  protocolErrorsCodesById,
} from '@platformatic/kafka';
import { errorName } from './errors.js';
import { PINNED } from './pinned-apis.js';
import { callApi } from './raw-api.js';
import type {
  ApiVersionRange,
  BrokerApiVersions,
  ClusterApi,
  ClusterDescription,
  FeatureSet,
  LogDirDescription,
  FeatureUpdate,
  FeatureUpdateResult,
  QuorumDescription,
  QuorumReplica,
} from './cluster-types.js';

export type * from './cluster-types.js';

const CLIENT_NAME = 'ktool';
/** APIs Kafka has renamed since the client library's table was written (KIP-1142). */
const RENAMED: Record<number, string> = { 74: 'ListConfigResources' };

/**
 * The highest version in [min, max] the client library has an implementation for (its modules are
 * exported as `<api>V<n>`, which is also how its kGetApi finds them). `name` is undefined for an
 * API newer than the library's table, whatever its type says.
 */
function usable(name: string | undefined, min: number, max: number): number | null {
  if (!name) return null;
  const base = name.slice(0, 1).toLowerCase() + name.slice(1);
  for (let v = max; v >= min; v--) if (`${base}V${v}` in lib) return v;
  return null;
}

/** APIs the client library has that only a controller serves (KRaft's AlterPartition, Envelope): never a broker's. */
const CONTROLLER_ONLY: ReadonlySet<number> = new Set([56, 58]);

/**
 * The broker APIs the client library implements (some version of it), as Java's ApiKeys.clientApis()
 * is its client's: an API of these that a broker does not list is UNSUPPORTED for it.
 */
function clientBrokerApis(): { apiKey: number; name: string }[] {
  return Object.entries(lib.protocolAPIsById as Record<string, string>)
    .map(([key, name]) => ({ apiKey: Number(key), name: RENAMED[Number(key)] ?? name }))
    .filter((a) => !CONTROLLER_ONLY.has(a.apiKey) && usable(lib.protocolAPIsById[a.apiKey], 0, 31) !== null);
}

const errorCodeOf = (id: string) => Number(Object.entries(protocolErrorsCodesById).find(([, name]) => name === id)?.[0] ?? -1);
const num = (v: bigint | number | undefined) => (v === undefined ? -1 : Number(v));

/** Uuid.ZERO as Kafka prints it (the library reads a zero uuid as all-zero hex). */
const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA';

/** Kafka's Uuid.toString: url-safe base64 of the 16 bytes, no padding (the library gives dashed hex). */
export function uuidToKafka(uuid: string | undefined): string {
  if (!uuid) return ZERO_UUID;
  return Buffer.from(uuid.replace(/-/g, ''), 'hex').toString('base64url');
}

interface WireReplica {
  replicaId: number;
  replicaDirectoryId?: string;
  logEndOffset: bigint;
  lastFetchTimestamp?: bigint;
  lastCaughtUpTimestamp?: bigint;
}

const replica = (r: WireReplica): QuorumReplica => ({
  id: r.replicaId,
  directoryId: uuidToKafka(r.replicaDirectoryId),
  logEndOffset: Number(r.logEndOffset),
  lastFetchTimestamp: num(r.lastFetchTimestamp),
  lastCaughtUpTimestamp: num(r.lastCaughtUpTimestamp),
});

const NOT_LEADER_OR_FOLLOWER = 6;
const NOT_CONTROLLER = 41;

async function describeQuorum(admin: Admin, active: () => Promise<Broker | undefined>): Promise<QuorumDescription> {
  const ask = (to?: Broker) =>
    callApi(admin, PINNED.DescribeQuorum, [[{ topicName: '__cluster_metadata', partitions: [{ partitionIndex: 0 }] }]], to);
  let r = await ask();
  // A controller that is not the quorum's leader (--bootstrap-controller) refuses: ask the active one, as Java's Admin does.
  if (r.topics[0]?.partitions[0]?.errorCode === NOT_LEADER_OR_FOLLOWER) {
    const leader = await active();
    if (leader) r = await ask(leader);
  }
  if (r.errorCode) throw new ProtocolError(r.errorCode, 'errorMessage' in r ? r.errorMessage : null);
  const p = r.topics[0]?.partitions[0];
  if (!p) throw new ProtocolError(errorCodeOf('UNKNOWN_SERVER_ERROR'), 'DescribeQuorum answered no partition');
  if (p.errorCode) throw new ProtocolError(p.errorCode, 'errorMessage' in p ? p.errorMessage : null);
  return {
    leaderId: p.leaderId,
    leaderEpoch: p.leaderEpoch,
    highWatermark: Number(p.highWatermark),
    voters: p.currentVoters.map(replica),
    observers: p.observers.map(replica),
    nodes: ('nodes' in r ? r.nodes : []).map((n) => ({
      id: n.nodeId,
      endpoints: n.listeners.map((l) => ({ listener: l.name, host: l.host, port: l.port })),
    })),
  };
}

/** MISMATCHED_ENDPOINT_TYPE: a BROKERS DescribeCluster reached a controller, or the other way round (KIP-919). */
const MISMATCHED_ENDPOINT_TYPE = 114;

async function updateFeatures(
  admin: Admin,
  active: () => Promise<Broker | undefined>,
  updates: FeatureUpdate[],
  validateOnly: boolean,
  timeoutMs: number,
): Promise<FeatureUpdateResult[]> {
  const ask = (to?: Broker) => callApi(admin, PINNED.UpdateFeatures, [timeoutMs, updates, validateOnly], to);
  let r = await ask();
  // Sent to a controller that is not the active one (--bootstrap-controller): to the active one.
  if (r.errorCode === NOT_CONTROLLER) {
    const leader = await active();
    if (leader) r = await ask(leader);
  }
  const failure = (code: number, message: string | null | undefined) =>
    code ? { code: errorName(code), message: message || (protocolErrors[errorName(code)]?.message ?? errorName(code)) } : null;
  // A top-level error is every feature's (as Java's Admin reports it); v1 answers each feature otherwise.
  if (r.errorCode) return updates.map((u) => ({ feature: u.feature, error: failure(r.errorCode, r.errorMessage) }));
  return updates.map((u) => {
    const result = r.results.find((x) => x.feature === u.feature);
    return { feature: u.feature, error: result ? failure(result.errorCode, result.errorMessage) : null };
  });
}

async function describeClusterOf(admin: Admin): Promise<ClusterDescription> {
  let r = await callApi(admin, PINNED.DescribeCluster, [false, DescribeClusterEndpointTypes.BROKERS]);
  // Bootstrapped on a controller (kafka-metadata-quorum.sh --bootstrap-controller): it describes the controllers.
  if (r.errorCode === MISMATCHED_ENDPOINT_TYPE)
    r = await callApi(admin, PINNED.DescribeCluster, [false, DescribeClusterEndpointTypes.CONTROLLERS]);
  if (r.errorCode) throw new ProtocolError(r.errorCode, r.errorMessage);
  return {
    clusterId: r.clusterId,
    controllerId: r.controllerId,
    brokers: r.brokers.map((b) => ({ id: b.brokerId, host: b.host, port: b.port, rack: b.rack ?? null })).sort((a, b) => a.id - b.id),
  };
}

export function makeClusterApi(admin: Admin): ClusterApi {
  const describeCluster = () => describeClusterOf(admin);
  /** The active controller as DescribeCluster names it (with a controller bootstrap, one of the controllers). */
  const active = async (): Promise<Broker | undefined> => {
    const c = await describeCluster();
    return c.brokers.find((b) => b.id === c.controllerId);
  };
  const apiVersionsOf = (broker?: { host: string; port: number }) => callApi(admin, PINNED.ApiVersions, [CLIENT_NAME, '0'], broker);

  return {
    describeCluster,

    async features(nodeId?: number): Promise<FeatureSet> {
      let node: { host: string; port: number } | undefined;
      if (nodeId !== undefined) {
        node = (await describeCluster()).brokers.find((b) => b.id === nodeId);
        if (!node) throw new ProtocolError(errorCodeOf('BROKER_NOT_AVAILABLE'), `No node ${nodeId} in the cluster`);
      }
      const r = await apiVersionsOf(node);
      return {
        finalizedEpoch: num(r.finalizedFeaturesEpoch),
        finalized: [...(r.finalizedFeatures ?? [])]
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((f) => ({ name: f.name, minVersionLevel: f.minVersionLevel, maxVersionLevel: f.maxVersionLevel })),
        supported: [...(r.supportedFeatures ?? [])]
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((f) => ({ name: f.name, minVersion: f.minVersion, maxVersion: f.maxVersion })),
      };
    },

    describeQuorum: () => describeQuorum(admin, active),

    updateFeatures: (updates, validateOnly, timeoutMs) => updateFeatures(admin, active, updates, validateOnly, timeoutMs),

    async apiVersions(): Promise<BrokerApiVersions[]> {
      const { brokers } = await describeCluster();
      return Promise.all(
        brokers.map(async (broker): Promise<BrokerApiVersions> => {
          try {
            const r = await apiVersionsOf({ host: broker.host, port: broker.port });
            const apis: ApiVersionRange[] = r.apiKeys
              .map((a) => ({
                apiKey: a.apiKey,
                name: RENAMED[a.apiKey] ?? a.name ?? `UNKNOWN(${a.apiKey})`,
                minVersion: a.minVersion,
                maxVersion: a.maxVersion,
                usableVersion: usable(a.name, a.minVersion, a.maxVersion),
              }))
              .sort((a, b) => a.apiKey - b.apiKey);
            const listed = new Set(apis.map((a) => a.apiKey));
            return { broker, apis, unsupported: clientBrokerApis().filter((a) => !listed.has(a.apiKey)) };
          } catch (error) {
            return { broker, apis: [], error: (error as Error).message };
          }
        }),
      );
    },

    async describeLogDirs(topics): Promise<LogDirDescription[]> {
      const { brokers } = await describeCluster();
      let request: { name: string; partitions: number[] }[] | null = null;
      if (topics) {
        const meta = await callApi(admin, PINNED.Metadata, [topics, false, false]);
        request = meta.topics.map((t) => ({
          name: t.name ?? '',
          partitions: t.partitions.map((p) => p.partitionIndex).sort((a, b) => a - b),
        }));
      }
      const perBroker = await Promise.all(
        brokers.map(async (b) => {
          const r = await callApi(admin, PINNED.DescribeLogDirs, [request], { host: b.host, port: b.port });
          if (r.errorCode) throw new ProtocolError(r.errorCode, null);
          return r.results.map((dir): LogDirDescription => ({
            broker: b.id,
            logDir: dir.logDir,
            error: dir.errorCode ? errorName(dir.errorCode) : null,
            totalBytes: num(dir.totalBytes),
            usableBytes: num(dir.usableBytes),
            partitions: dir.topics
              .flatMap((t) =>
                t.partitions.map((p) => ({
                  topic: t.name,
                  partition: p.partitionIndex,
                  size: Number(p.partitionSize),
                  offsetLag: Number(p.offsetLag),
                  isFuture: p.isFutureKey,
                })),
              )
              .sort((x, y) => x.topic.localeCompare(y.topic) || x.partition - y.partition),
          }));
        }),
      );
      return perBroker.flat();
    },
  };
}
