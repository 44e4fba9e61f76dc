import type { Context } from '../../cli/context.js';
import type { CommandResult } from '../../cli/dispatch.js';
import { defineCommand, type Flags } from '../../cli/spec.js';
import { UsageError } from '../../errors.js';
import type { View } from '../../output/view.js';
import { clusterApi, controllerHosts } from './controllers.js';
import { maxFollowerLag, quorumRows, type QuorumRole } from './quorum-status.js';

export const spec = defineCommand({
  command: 'quorum',
  description: 'the KRaft metadata quorum: leader, epoch, high watermark, and each voter and observer with its lag',
  groups: ['connection', 'output', 'base'],
  options: [
    { flags: '--status', description: 'only the summary (leader, epoch, high watermark, the furthest follower)' },
    { flags: '--replication', description: 'only the replicas: log end offset, lag, last fetch and caught-up times' },
    { flags: '--bootstrap-controller <hosts>', description: 'ask the controllers at host:port[,...] instead of a broker' },
  ],
  notes:
    "Lag is the leader's log end offset minus the replica's, in records of the metadata log. MaxFollowerLagTimeMs is how " +
    'much earlier the furthest voter last caught up than the leader (0 when none is behind, -1 when unknown). ' +
    "kafka-metadata-quorum.sh's spelling (--bootstrap-server B describe --status|--replication [--human-readable]) " +
    "prints Kafka's own lines; add-controller and remove-controller are not supported.",
  examples: [
    'ktool cluster quorum',
    'ktool cluster quorum --replication --json | jq ".replicas[] | {id, role, lag}"',
    'ktool cluster quorum --bootstrap-controller localhost:9093 --status',
    'ktool cluster quorum --bootstrap-server localhost:9092 describe --status    # kafka-metadata-quorum.sh output',
  ],
});

export interface QuorumOptions {
  show: 'all' | 'status' | 'replication';
  controllers?: string[];
}

/**
 * `cluster quorum --json`: `{clusterId, leaderId, leaderEpoch, highWatermark, maxFollowerLag,
 * maxFollowerLagTimeMs, replicas: [{id, directoryId, role: Leader|Follower|Observer, logEndOffset,
 * lag, lastFetchTimestamp, lastCaughtUpTimestamp (epoch ms, -1 unknown), endpoints}]}`.
 */
export interface QuorumResult {
  clusterId: string;
  leaderId: number;
  leaderEpoch: number;
  highWatermark: number;
  maxFollowerLag: number;
  maxFollowerLagTimeMs: number;
  replicas: {
    id: number;
    directoryId: string;
    role: QuorumRole;
    logEndOffset: number;
    lag: number;
    lastFetchTimestamp: number;
    lastCaughtUpTimestamp: number;
    endpoints: string[];
  }[];
}

export function parse(args: string[], flags: Flags<typeof spec>): QuorumOptions {
  if (args.length)
    throw new UsageError(
      `cluster quorum takes no arguments: ${args.join(' ')}`,
      "kafka-metadata-quorum.sh's spelling needs --bootstrap-server",
    );
  if (flags.status && flags.replication) throw new UsageError('--status and --replication: choose one (neither shows both)');
  return {
    show: flags.status ? 'status' : flags.replication ? 'replication' : 'all',
    controllers: controllerHosts(flags.bootstrapController),
  };
}

const ago = (ts: number, now: number) => (ts < 0 ? '' : `${Math.max(0, now - ts)} ms ago`);

export async function run(options: QuorumOptions, ctx: Context): Promise<CommandResult> {
  const api = await clusterApi(ctx, options.controllers);
  const [{ clusterId }, quorum] = await Promise.all([api.describeCluster(), api.describeQuorum()]);
  const { lag, lagTimeMs } = maxFollowerLag(quorum);
  const replicas = quorumRows(quorum).map((r) => ({
    id: r.id,
    directoryId: r.directoryId,
    role: r.role,
    logEndOffset: r.logEndOffset,
    lag: r.lag,
    lastFetchTimestamp: r.lastFetchTimestamp,
    lastCaughtUpTimestamp: r.lastCaughtUpTimestamp,
    endpoints: r.endpoints,
  }));
  const data: QuorumResult = {
    clusterId,
    leaderId: quorum.leaderId,
    leaderEpoch: quorum.leaderEpoch,
    highWatermark: quorum.highWatermark,
    maxFollowerLag: lag,
    maxFollowerLagTimeMs: lagTimeMs,
    replicas,
  };
  const now = ctx.io.now();
  const view: View = [];
  if (options.show !== 'replication')
    view.push({
      lines: [
        `Cluster ID:            ${clusterId}`,
        `Leader:                ${quorum.leaderId} (epoch ${quorum.leaderEpoch})`,
        `High watermark:        ${quorum.highWatermark}`,
        `Max follower lag:      ${lag} (${lagTimeMs} ms)`,
        `Voters:                ${replicas.filter((r) => r.role !== 'Observer').length}`,
        `Observers:             ${replicas.filter((r) => r.role === 'Observer').length}`,
      ],
    });
  if (options.show !== 'status')
    view.push({
      head: ['NODE', 'ROLE', 'LOG-END-OFFSET', 'LAG', 'LAST-FETCH', 'LAST-CAUGHT-UP', 'DIRECTORY-ID', 'ENDPOINTS'],
      rows: replicas.map((r) => [
        r.id,
        r.role,
        r.logEndOffset,
        r.lag,
        ago(r.lastFetchTimestamp, now),
        ago(r.lastCaughtUpTimestamp, now),
        r.directoryId,
        r.endpoints.join(','),
      ]),
      numeric: [0, 2, 3],
    });
  return { data, view };
}
