/** ktool's view of consumer groups: listing, describing, committed offsets and their changes. */
import type { ItemResult, TopicPartition } from './types.js';

/** One group from ListGroups; `state` uses Kafka's names (Stable, Empty, PreparingRebalance ...). */
export interface GroupListing {
  group: string;
  state: string;
  /** classic or consumer (KIP-848); share/streams groups are not consumer groups and are left out. */
  type: string;
  /** The classic protocol type (`consumer` for consumers, empty for offset-only groups). */
  protocolType: string;
}

export interface GroupMember {
  memberId: string;
  instanceId: string | null;
  clientId: string;
  host: string;
  /** Partitions currently assigned to the member. */
  assignment: TopicPartition[];
  /** KIP-848 groups only: what the coordinator wants the member to own. */
  targetAssignment?: TopicPartition[];
  memberEpoch?: number;
}

export interface GroupDescription {
  group: string;
  /** False when the coordinator knows nothing of the group (Dead, no members). */
  exists: boolean;
  state: string;
  type: 'classic' | 'consumer' | 'share';
  protocolType: string;
  /** The assignment strategy (range, cooperative-sticky, uniform ...); empty when none. */
  assignor: string;
  coordinator: { id: number; host: string; port: number };
  members: GroupMember[];
  groupEpoch?: number;
  assignmentEpoch?: number;
}

export interface CommittedOffset extends TopicPartition {
  offset: bigint;
  leaderEpoch: number;
  metadata: string | null;
}

export interface OffsetToCommit extends TopicPartition {
  offset: bigint;
}

/** Per-partition outcome of a commit or delete; errorCode is Kafka's error name. */
export interface PartitionOutcome extends TopicPartition {
  errorCode?: string;
  error?: string;
}

/** A share group's state of one partition (KIP-932): where its next delivery starts, and the records after it. */
export interface ShareOffset extends TopicPartition {
  /** The share-partition start offset; null before the group has state there. */
  startOffset: bigint | null;
  leaderEpoch: number | null;
  /** As the broker computes it (Kafka 4.2+); null when it does not. */
  lag: bigint | null;
}

export interface GroupsApi {
  /** Consumer groups (classic and consumer types), optionally of these types only. */
  listGroups(types?: string[]): Promise<GroupListing[]>;
  /** ConsumerGroupDescribe for KIP-848 groups, DescribeGroups for the rest, batched per coordinator. */
  describeGroups(groups: string[]): Promise<GroupDescription[]>;
  /**
   * Every committed offset of each group: one OffsetFetch per coordinator. requireStable (KIP-447): a
   * partition with a transactional commit still open fails with kafkaCode UNSTABLE_OFFSET_COMMIT.
   */
  fetchOffsets(groups: string[], options?: { requireStable?: boolean }): Promise<Map<string, CommittedOffset[]>>;
  /** Commits from outside the group (generation -1): the group must be empty. */
  commitOffsets(group: string, offsets: OffsetToCommit[]): Promise<PartitionOutcome[]>;
  deleteGroups(groups: string[]): Promise<ItemResult[]>;
  /** Share groups (KIP-932): each group's start offset and lag per partition (DescribeShareGroupOffsets); none for other groups. */
  fetchShareOffsets(groups: string[]): Promise<Map<string, ShareOffset[]>>;
  /** Sets a share group's start offsets (AlterShareGroupOffsets): the group must have no members. */
  alterShareOffsets(group: string, offsets: OffsetToCommit[]): Promise<PartitionOutcome[]>;
  /** Deletes a share group's state of whole topics (DeleteShareGroupOffsets). */
  deleteShareOffsets(
    group: string,
    topics: string[],
  ): Promise<{ errorCode?: string; error?: string; topics: { topic: string; errorCode?: string; error?: string }[] }>;
  deleteOffsets(
    group: string,
    partitions: TopicPartition[],
  ): Promise<{ errorCode?: string; error?: string; partitions: PartitionOutcome[] }>;
  /**
   * The timestamp (epoch ms) of the first record at or after each offset: one Fetch per leader.
   * Keyed `topic:partition@offset` (timestampKey); records that cannot be read (deleted, only
   * transaction markers) are left out.
   */
  recordTimestamps(positions: OffsetToCommit[]): Promise<Map<string, number>>;
}
