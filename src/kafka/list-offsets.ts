import { ProtocolError, type Base } from '@platformatic/kafka';
import { callRaw } from './raw-api.js';
import type { ListedOffset, TopicPartition } from './types.js';

interface Metadata {
  brokers: { nodeId: number; host: string; port: number }[];
  topics: { errorCode: number; name: string | null; partitions: { errorCode: number; partitionIndex: number; leaderId: number; leaderEpoch: number }[] }[];
}
interface ListOffsetsResponse {
  topics: { name: string; partitions: { partitionIndex: number; errorCode: number; timestamp: bigint; offset: bigint }[] }[];
}

/** Leadership moves (a new topic, a broker restart): ask the metadata again and retry. */
const RETRIABLE = new Set([5, 6, 74, 75]); // LEADER_NOT_AVAILABLE, NOT_LEADER_OR_FOLLOWER, FENCED/UNKNOWN_LEADER_EPOCH
const UNKNOWN = 3; // UNKNOWN_TOPIC_OR_PARTITION
const ATTEMPTS = 5;

/**
 * ListOffsets with one request per partition leader, all leaders at once. The client library's own
 * listOffsets throws an uncaught TypeError when a topic disappears between its metadata and offsets
 * requests (seen with `topics describe` while another client deletes topics), so we send it ourselves.
 * Partitions of topics that do not exist (any more) are left out of the answer, not thrown.
 */
export async function listOffsetsByLeader(client: Base<any>, partitions: TopicPartition[], timestamp: bigint, isolationLevel: number): Promise<ListedOffset[]> {
  const found: ListedOffset[] = [];
  let pending = partitions;
  for (let attempt = 1; pending.length; attempt++) {
    const retry: TopicPartition[] = [];
    const metadata = await callRaw<Metadata>(client, 'Metadata', [[...new Set(pending.map((p) => p.topic))], false, false]);
    const brokers = new Map(metadata.brokers.map((b) => [b.nodeId, b]));
    const leaders = new Map<number, Map<string, { partitionIndex: number; currentLeaderEpoch: number; timestamp: bigint }[]>>();
    for (const tp of pending) {
      const topic = metadata.topics.find((t) => t.name === tp.topic);
      if (!topic || topic.errorCode === UNKNOWN) continue;
      const partition = topic.partitions.find((p) => p.partitionIndex === tp.partition);
      if (!partition) continue;
      if (topic.errorCode || partition.leaderId < 0 || !brokers.has(partition.leaderId)) {
        retry.push(tp);
        continue;
      }
      const byTopic = leaders.get(partition.leaderId) ?? new Map();
      leaders.set(partition.leaderId, byTopic);
      byTopic.set(tp.topic, [...(byTopic.get(tp.topic) ?? []), { partitionIndex: tp.partition, currentLeaderEpoch: partition.leaderEpoch, timestamp }]);
    }
    const answers = await Promise.all(
      [...leaders].map(([leader, byTopic]) => {
        const { host, port } = brokers.get(leader)!;
        const topics = [...byTopic].map(([name, ps]) => ({ name, partitions: ps }));
        return callRaw<ListOffsetsResponse>(client, 'ListOffsets', [-1, isolationLevel, topics], { host, port });
      }),
    );
    for (const answer of answers) {
      for (const t of answer.topics) {
        for (const p of t.partitions) {
          if (p.errorCode === UNKNOWN) continue;
          if (RETRIABLE.has(p.errorCode)) retry.push({ topic: t.name, partition: p.partitionIndex });
          else if (p.errorCode) throw new ProtocolError(p.errorCode, null);
          else found.push({ topic: t.name, partition: p.partitionIndex, offset: p.offset, timestamp: p.timestamp });
        }
      }
    }
    if (retry.length && attempt >= ATTEMPTS) throw new ProtocolError(5, null);
    if (retry.length) await new Promise((r) => setTimeout(r, 100 * attempt));
    pending = retry;
  }
  return found;
}
