/** ktool's view of a mirror's source-side consumer group (membership and commits, no fetching). */
import type { TopicPartition } from './types.js';

export interface MirrorGroup {
  /** The generation of the last completed join (JoinGroup and SyncGroup); the mirror and the apps restart their session when it changes. */
  generation(): number;
  /** This member's id in that join (with generation(): what a transactional offset commit is fenced by). */
  memberId(): string;
  /** The partitions that join gave this member: always the ones of generation(), never another generation's. */
  assignment(): TopicPartition[];
  /** Committed offsets of these partitions with their commit metadata; absent when none is committed. */
  committed(partitions: TopicPartition[], options?: { requireStable?: boolean }): Promise<Map<string, CommittedPosition>>;
  /** Commits `offset` (the next offset to read) for each partition given, with the topic's commit metadata. */
  commit(offsets: { topic: string; partition: number; offset: bigint }[]): Promise<void>;
  /** Leaves the group (the partitions go to the other members at once). */
  close(): Promise<void>;
}

export interface CommittedPosition {
  /** The next offset to read. */
  offset: bigint;
  /** What the committer stored with it ('' or null from most tools). */
  metadata: string | null;
}

export interface MirrorGroupOptions {
  groupId: string;
  topics: string[];
  sessionTimeoutMs?: number;
  /** Metadata stored with every commit of a topic's partitions (the mirror's topic pair stamp). */
  commitMetadata?: (topic: string) => string | undefined;
}

export { fromTpKey, tpKey } from './types.js';
