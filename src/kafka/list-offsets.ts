import { ProtocolError } from '@platformatic/kafka';
import { errorForWireCode, isBrokerGone } from './errors.js';
import { leadersOf } from './leaders.js';
import { PINNED } from './pinned-apis.js';
import { callApi, type Client } from './raw-api.js';
import type { ListedOffset, TopicPartition } from './types.js';

/** Leadership moves (a new topic, a broker restart): ask the metadata again and retry. */
const RETRIABLE = new Set([5, 6, 74, 75]); // LEADER_NOT_AVAILABLE, NOT_LEADER_OR_FOLLOWER, FENCED/UNKNOWN_LEADER_EPOCH
const UNKNOWN = 3; // UNKNOWN_TOPIC_OR_PARTITION
const ATTEMPTS = 5;
/** A leader killed without a word stays in the metadata until the controller fences it (broker.session.timeout.ms, 9 s). */
const UNREACHABLE_LEADER_MS = 15_000;

/**
 * ListOffsets with one request per partition leader, all leaders at once. The client library's own
 * listOffsets throws an uncaught TypeError when a topic disappears between its metadata and offsets
 * requests (seen with `topics describe` while another client deletes topics), so we send it ourselves.
 * Partitions of topics that do not exist (any more) are left out of the answer, not thrown. A leader that cannot be
 * reached is asked again after a fresh look at the metadata, as Java's admin client does, until `unreachableMs` passed:
 * the metadata names a dead leader until the controller fences it.
 */
export async function listOffsetsByLeader(
  client: Client,
  partitions: TopicPartition[],
  timestamp: bigint,
  isolationLevel: number,
  unreachableMs = UNREACHABLE_LEADER_MS,
): Promise<ListedOffset[]> {
  const found: ListedOffset[] = [];
  const giveUpAt = Date.now() + unreachableMs;
  let pending = partitions;
  for (let attempt = 1, lost = 0; pending.length; attempt++) {
    const retry: TopicPartition[] = [];
    let unreachable = false;
    const where = await leadersOf(
      client,
      pending.map((p) => p.topic),
    );
    const leaders = new Map<number, Map<string, { partitionIndex: number; currentLeaderEpoch: number; timestamp: bigint }[]>>();
    for (const tp of pending) {
      const p = where.partition(tp.topic, tp.partition);
      if (!p || p.errorCode === UNKNOWN) continue;
      if (p.errorCode || p.leader < 0 || !where.broker(p.leader)) {
        retry.push(tp);
        continue;
      }
      const byTopic = leaders.get(p.leader) ?? new Map();
      leaders.set(p.leader, byTopic);
      byTopic.set(tp.topic, [
        ...(byTopic.get(tp.topic) ?? []),
        { partitionIndex: tp.partition, currentLeaderEpoch: p.leaderEpoch, timestamp },
      ]);
    }
    const answers = await Promise.all(
      [...leaders].map(async ([leader, byTopic]) => {
        const { host, port } = where.broker(leader)!;
        const topics = [...byTopic].map(([name, ps]) => ({ name, partitions: ps }));
        try {
          return await callApi(client, PINNED.ListOffsets, [-1, isolationLevel, topics], { host, port });
        } catch (error) {
          if (!isBrokerGone(error) || Date.now() >= giveUpAt) throw error;
          unreachable = true;
          for (const t of topics) retry.push(...t.partitions.map((p) => ({ topic: t.name, partition: p.partitionIndex })));
          return undefined;
        }
      }),
    );
    for (const answer of answers) {
      if (!answer) continue;
      for (const t of answer.topics) {
        for (const p of t.partitions) {
          if (p.errorCode === UNKNOWN) continue;
          if (RETRIABLE.has(p.errorCode)) retry.push({ topic: t.name, partition: p.partitionIndex });
          else if (p.errorCode) throw errorForWireCode(p.errorCode, `listing the offsets of ${t.name}`, { names: [t.name] });
          else found.push({ topic: t.name, partition: p.partitionIndex, offset: p.offset, timestamp: p.timestamp });
        }
      }
    }
    if (unreachable) lost++;
    if (retry.length && attempt - lost >= ATTEMPTS) throw new ProtocolError(5, null);
    if (retry.length) await new Promise((r) => setTimeout(r, Math.min(100 * attempt, 1_000)));
    pending = retry;
  }
  return found;
}
