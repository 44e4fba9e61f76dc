/**
 * Replication throttles as kafka-reassign-partitions.sh sets and clears them: on each moving topic
 * `leader.replication.throttled.replicas` (partition:broker of every source replica) and
 * `follower.replication.throttled.replicas` (of every destination that is not a source), on each
 * broker taking part `leader.replication.throttled.rate` and `follower.replication.throttled.rate`;
 * `replica.alter.log.dirs.io.max.bytes.per.second` for moves between log directories. --verify
 * (once nothing is moving) and --cancel delete all of them on every broker and on the plan's topics.
 */
import type { ConfigsApi } from '../../kafka/configs-types.js';
import type { OngoingReassignment } from '../../kafka/partitions-types.js';
import type { TopicPartition } from '../../kafka/types.js';

export const BROKER_THROTTLES = [
  'leader.replication.throttled.rate',
  'follower.replication.throttled.rate',
  'replica.alter.log.dirs.io.max.bytes.per.second',
] as const;
export const TOPIC_THROTTLES = ['leader.replication.throttled.replicas', 'follower.replication.throttled.replicas'] as const;

interface Move {
  sources: Set<number>;
  destinations: Set<number>;
}

/** topic -> partition -> move: ongoing reassignments, then the plan's (calculateProposedMoveMap). */
export function moveMap(
  ongoing: readonly OngoingReassignment[],
  proposed: readonly (TopicPartition & { replicas: number[] })[],
  current: ReadonlyMap<string, number[]>,
): Map<string, Map<number, Move>> {
  const moves = new Map<string, Map<number, Move>>();
  const of = (topic: string) => moves.get(topic) ?? moves.set(topic, new Map()).get(topic)!;
  for (const r of ongoing) {
    const sources = new Set(r.replicas.filter((x) => !r.adding.includes(x)));
    of(r.topic).set(r.partition, { sources, destinations: new Set(r.adding) });
  }
  for (const p of proposed) {
    const partMoves = of(p.topic);
    const sources = new Set(partMoves.get(p.partition)?.sources ?? current.get(`${p.topic}\0${p.partition}`) ?? []);
    partMoves.set(p.partition, { sources, destinations: new Set(p.replicas.filter((r) => !sources.has(r))) });
  }
  return moves;
}

/** Per topic, the two throttled-replicas values: "partition:broker" entries in string order (Java's TreeSet<String>). */
export function topicThrottles(moves: Map<string, Map<number, Move>>): Map<string, { leader: string; follower: string }> {
  const out = new Map<string, { leader: string; follower: string }>();
  for (const [topic, parts] of moves) {
    const leader = new Set<string>();
    const follower = new Set<string>();
    for (const [p, m] of parts) {
      for (const s of m.sources) leader.add(`${p}:${s}`);
      for (const d of m.destinations) if (!m.sources.has(d)) follower.add(`${p}:${d}`);
    }
    out.set(topic, { leader: [...leader].sort().join(','), follower: [...follower].sort().join(',') });
  }
  return out;
}

/** Every broker a move reads from or writes to, ascending. */
export function reassigningBrokers(moves: Map<string, Map<number, Move>>): number[] {
  const ids = new Set<number>();
  for (const parts of moves.values()) for (const m of parts.values()) for (const b of [...m.sources, ...m.destinations]) ids.add(b);
  return [...ids].sort((a, b) => a - b);
}

/** Sets the topic throttles, then the inter-broker rate on every broker taking part. */
export async function setThrottles(configs: ConfigsApi, moves: Map<string, Map<number, Move>>, rate: number): Promise<void> {
  for (const [topic, t] of topicThrottles(moves)) {
    await configs.alterConfigs(
      { kind: 'topic', name: topic },
      [
        { op: 'set', name: TOPIC_THROTTLES[0], value: t.leader },
        { op: 'set', name: TOPIC_THROTTLES[1], value: t.follower },
      ],
      false,
    );
  }
  for (const id of reassigningBrokers(moves)) {
    await configs.alterConfigs(
      { kind: 'broker', name: String(id) },
      [
        { op: 'set', name: BROKER_THROTTLES[0], value: String(rate) },
        { op: 'set', name: BROKER_THROTTLES[1], value: String(rate) },
      ],
      false,
    );
  }
}

export async function setLogDirThrottle(configs: ConfigsApi, brokers: readonly number[], rate: number): Promise<void> {
  for (const id of brokers)
    await configs.alterConfigs(
      { kind: 'broker', name: String(id) },
      [{ op: 'set', name: BROKER_THROTTLES[2], value: String(rate) }],
      false,
    );
}

/** Deletes every reassignment throttle on these brokers and topics. */
export async function clearThrottles(configs: ConfigsApi, brokers: readonly number[], topics: readonly string[]): Promise<void> {
  for (const id of brokers)
    await configs.alterConfigs(
      { kind: 'broker', name: String(id) },
      BROKER_THROTTLES.map((name) => ({ op: 'delete' as const, name })),
      false,
    );
  for (const topic of topics)
    await configs.alterConfigs(
      { kind: 'topic', name: topic },
      TOPIC_THROTTLES.map((name) => ({ op: 'delete' as const, name })),
      false,
    );
}
