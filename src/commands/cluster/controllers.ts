/**
 * `--bootstrap-controller HOSTS` of `cluster quorum` and `cluster features` (the Kafka tools'
 * option): the same connection settings (security, timeout) with the controllers' addresses as
 * bootstrap. Controllers answer ApiVersions, DescribeCluster (for controllers, KIP-919),
 * DescribeQuorum and UpdateFeatures themselves.
 */
import type { Context } from '../../cli/context.js';
import type { ClusterApi } from '../../kafka/cluster-types.js';
import { UsageError } from '../../errors.js';

export function controllerHosts(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const hosts = value
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  if (!hosts.length) throw new UsageError('--bootstrap-controller needs host:port[,host:port...]');
  return hosts;
}

export async function clusterApi(ctx: Context, controllers: string[] | undefined): Promise<ClusterApi> {
  if (!controllers) return (await ctx.kafka()).cluster();
  const settings = await ctx.connection();
  return (await ctx.kafkaFor({ ...settings, bootstrap: controllers })).cluster();
}
