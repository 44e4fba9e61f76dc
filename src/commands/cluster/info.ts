import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand } from '../../cli/spec.js';
import type { FeatureSet } from '../../kafka/cluster-types.js';
import type { BrokerInfo } from '../../kafka/types.js';

export const spec = defineCommand({
  command: 'info',
  description: 'cluster id, controller, brokers (id, host:port, rack) and features',
  groups: ['connection', 'output', 'base'],
  examples: ['ktool cluster info', "ktool cluster info --json | jq '.brokers[].id'"],
});

export type InfoOptions = Record<string, never>;

/**
 * `cluster info --json`: the cluster id, the active controller's id as DescribeCluster reports it
 * (with KRaft, a broker id chosen to forward controller requests to), the live brokers, and the
 * features from the bootstrap broker's ApiVersions (finalized levels, e.g. metadata.version, and
 * the ranges the broker supports; a supported feature missing from `finalized` is at level 0).
 */
export interface ClusterInfoResult {
  clusterId: string;
  controllerId: number;
  brokers: BrokerInfo[];
  features: FeatureSet;
}

export function parse(): InfoOptions {
  return {};
}

export async function run(_options: InfoOptions, ctx: Context): Promise<CommandResult> {
  const api = await (await ctx.kafka()).cluster();
  const [cluster, features] = await Promise.all([api.describeCluster(), api.features()]);
  const data: ClusterInfoResult = { ...cluster, features };
  const supported = new Map(features.supported.map((f) => [f.name, f]));
  const names = [...new Set([...features.finalized.map((f) => f.name), ...supported.keys()])].sort();
  const finalized = new Map(features.finalized.map((f) => [f.name, f]));
  return {
    data,
    view: [
      { lines: [`Cluster ID: ${cluster.clusterId}`, `Controller: ${cluster.controllerId}`, `Brokers:    ${cluster.brokers.length}`] },
      {
        title: 'Brokers',
        head: ['ID', 'HOST:PORT', 'RACK', 'CONTROLLER'],
        rows: cluster.brokers.map((b) => [b.id, `${b.host}:${b.port}`, b.rack ?? '', b.id === cluster.controllerId ? 'yes' : '']),
        numeric: [0],
      },
      {
        title: `Features (epoch ${features.finalizedEpoch})`,
        head: ['FEATURE', 'FINALIZED', 'SUPPORTED'],
        rows: names.map((n) => {
          const f = finalized.get(n);
          const s = supported.get(n);
          // A supported feature the broker does not list as finalized is at level 0 (as kafka-features.sh shows it).
          return [
            n,
            f ? (f.minVersionLevel === f.maxVersionLevel ? f.maxVersionLevel : `${f.minVersionLevel}-${f.maxVersionLevel}`) : 0,
            s ? `${s.minVersion}-${s.maxVersion}` : '',
          ];
        }),
      },
    ],
  };
}
