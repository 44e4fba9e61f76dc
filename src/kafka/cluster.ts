import * as lib from '@platformatic/kafka';
import { Admin, DescribeClusterEndpointTypes, ProtocolError } from '@platformatic/kafka';
import { errorName } from './errors.js';
import { PINNED } from './pinned-apis.js';
import { callApi } from './raw-api.js';
import type { ApiVersionRange, BrokerApiVersions, ClusterApi, ClusterDescription, FeatureSet, LogDirDescription } from './cluster-types.js';

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

const num = (v: bigint | number | undefined) => (v === undefined ? -1 : Number(v));

export function makeClusterApi(admin: Admin): ClusterApi {
  const describeCluster = async (): Promise<ClusterDescription> => {
    const r = await callApi(admin, PINNED.DescribeCluster, [false, DescribeClusterEndpointTypes.BROKERS]);
    if (r.errorCode) throw new ProtocolError(r.errorCode, r.errorMessage);
    return {
      clusterId: r.clusterId,
      controllerId: r.controllerId,
      brokers: r.brokers.map((b) => ({ id: b.brokerId, host: b.host, port: b.port, rack: b.rack ?? null })).sort((a, b) => a.id - b.id),
    };
  };
  const apiVersionsOf = (broker?: { host: string; port: number }) => callApi(admin, PINNED.ApiVersions, [CLIENT_NAME, '0'], broker);

  return {
    describeCluster,

    async features(): Promise<FeatureSet> {
      const r = await apiVersionsOf();
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
            return { broker, apis };
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
