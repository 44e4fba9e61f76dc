/** ktool's view of partition reassignments and leader elections (kafka-reassign-partitions.sh, kafka-leader-election.sh). */
import type { TopicPartition } from './types.js';

/** A reassignment in progress (ListPartitionReassignments): replicas include the adding ones. */
export interface OngoingReassignment extends TopicPartition {
  replicas: number[];
  adding: number[];
  removing: number[];
}

/** A per-partition answer of AlterPartitionReassignments or ElectLeaders: no error when `error` is undefined. */
export interface PartitionOutcome extends TopicPartition {
  /** Kafka's error name (ELECTION_NOT_NEEDED, NO_REASSIGNMENT_IN_PROGRESS ...). */
  error?: string;
  /** The broker's message, else Kafka's text for the code (what Java's exception says). */
  message?: string;
}

export type ElectionType = 'PREFERRED' | 'UNCLEAN';

export interface PartitionsApi {
  /** Reassignments in progress, of these partitions or (none given) of the whole cluster; sorted. */
  listReassignments(partitions?: TopicPartition[]): Promise<OngoingReassignment[]>;
  /** Starts (replicas) or cancels (null) reassignments; one outcome per partition, in request order. */
  alterReassignments(
    changes: (TopicPartition & { replicas: number[] | null })[],
    /** false: the controller refuses a change of replica count (KIP-860, Kafka 4.1+; older brokers always allow). */
    allowReplicationFactorChange: boolean,
  ): Promise<PartitionOutcome[]>;
  /** ElectLeaders: these partitions, or (null) every partition the controller finds eligible. */
  electLeaders(type: ElectionType, partitions: TopicPartition[] | null): Promise<PartitionOutcome[]>;
}
