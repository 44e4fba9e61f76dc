import { PINNED } from './pinned-apis.js';
import { callApi, type Client } from './raw-api.js';

export interface PartitionLeader {
  topicId: string;
  /** -1 while the partition has no leader. */
  leader: number;
  leaderEpoch: number;
  /** The topic's error code in the answer (0: none). */
  errorCode: number;
}

/** Where partitions live, from one Metadata request: for requests that must go to each leader. */
export interface Leaders {
  /** undefined when the topic or the partition is not in the answer. */
  partition(topic: string, partition: number): PartitionLeader | undefined;
  /** The topic's error code (0: none), undefined when the topic is not in the answer. */
  topicError(topic: string): number | undefined;
  broker(id: number): { host: string; port: number } | undefined;
}

export async function leadersOf(client: Client, topics: string[]): Promise<Leaders> {
  const meta = await callApi(client, PINNED.Metadata, [[...new Set(topics)], false, false]);
  const brokers = new Map(meta.brokers.map((b) => [b.nodeId, { host: b.host, port: b.port }]));
  const byName = new Map(meta.topics.map((t) => [t.name, t]));
  return {
    partition(topic, partition) {
      const t = byName.get(topic);
      const p = t?.partitions.find((x) => x.partitionIndex === partition);
      return t && p ? { topicId: t.topicId, leader: p.leaderId, leaderEpoch: p.leaderEpoch, errorCode: t.errorCode } : undefined;
    },
    topicError: (topic) => byName.get(topic)?.errorCode,
    broker: (id) => brokers.get(id),
  };
}
