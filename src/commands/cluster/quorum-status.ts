/**
 * The figures kafka-metadata-quorum.sh derives from DescribeQuorum (MetadataQuorumCommand 4.3.1):
 * the replicas leader first, then the other voters, then the observers, each with its lag behind
 * the leader's log end offset; the follower furthest behind and how long ago it last caught up
 * relative to the leader. Shared by `ktool cluster quorum` and the drop-in.
 */
import type { QuorumDescription, QuorumReplica } from '../../kafka/cluster-types.js';

export type QuorumRole = 'Leader' | 'Follower' | 'Observer';

export interface QuorumRow extends QuorumReplica {
  role: QuorumRole;
  /** The leader's log end offset minus this replica's. */
  lag: number;
  endpoints: string[];
}

/** RaftVoterEndpoint.toString: LISTENER://host:port, an IPv6 host in brackets. */
const endpoint = (e: { listener: string; host: string; port: number }) =>
  `${e.listener}://${e.host.includes(':') ? `[${e.host}]` : e.host}:${e.port}`;

export function endpointsOf(q: QuorumDescription, id: number): string[] {
  return (q.nodes.find((n) => n.id === id)?.endpoints ?? []).map(endpoint);
}

export function leaderOf(q: QuorumDescription): QuorumReplica {
  const leader = q.voters.find((v) => v.id === q.leaderId);
  if (!leader) throw new Error(`the quorum's leader ${q.leaderId} is not among its voters (no leader elected?)`);
  return leader;
}

export function quorumRows(q: QuorumDescription): QuorumRow[] {
  const leader = leaderOf(q);
  const row = (r: QuorumReplica, role: QuorumRole): QuorumRow => ({
    ...r,
    role,
    lag: leader.logEndOffset - r.logEndOffset,
    endpoints: endpointsOf(q, r.id),
  });
  return [
    row(leader, 'Leader'),
    ...q.voters.filter((v) => v.id !== q.leaderId).map((v) => row(v, 'Follower')),
    ...q.observers.map((o) => row(o, 'Observer')),
  ];
}

/**
 * MaxFollowerLag and MaxFollowerLagTimeMs: the first voter with the lowest log end offset (the
 * leader itself when none is behind it and it comes first); its lag time is the difference of the
 * two last-caught-up times, 0 when it is the leader, -1 when either time is unknown.
 */
export function maxFollowerLag(q: QuorumDescription): { lag: number; lagTimeMs: number } {
  const leader = leaderOf(q);
  const furthest = q.voters.reduce((min, v) => (v.logEndOffset < min.logEndOffset ? v : min));
  const lag = leader.logEndOffset - furthest.logEndOffset;
  if (furthest.id === leader.id) return { lag, lagTimeMs: 0 };
  if (leader.lastCaughtUpTimestamp < 0 || furthest.lastCaughtUpTimestamp < 0) return { lag, lagTimeMs: -1 };
  return { lag, lagTimeMs: leader.lastCaughtUpTimestamp - furthest.lastCaughtUpTimestamp };
}
