/** ktool's view of a mirror's source-side consumer group (membership and commits, no fetching). */
import type { TopicPartition } from './types.js';

export interface MirrorGroup {
  /** Changes on every rebalance; the mirror restarts its session when it does. */
  generation(): number;
  /** The partitions this member owns in the current generation. */
  assignment(): TopicPartition[];
  /** Committed offsets (next offset to read) of these partitions; absent when none is committed. */
  committed(partitions: TopicPartition[]): Promise<Map<string, bigint>>;
  /** Commits `offset` (the next offset to read) for each partition given. */
  commit(offsets: { topic: string; partition: number; offset: bigint }[]): Promise<void>;
  /** Leaves the group (the partitions go to the other members at once). */
  close(): Promise<void>;
}

export interface MirrorGroupOptions {
  groupId: string;
  topics: string[];
  sessionTimeoutMs?: number;
}

export { fromTpKey, tpKey } from './types.js';
