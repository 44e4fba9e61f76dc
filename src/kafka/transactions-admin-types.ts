/** ktool's view of transactions and producer state (ListTransactions, DescribeTransactions, DescribeProducers, WriteTxnMarkers). */
import type { TopicPartition } from './types.js';

export interface TransactionListing {
  transactionalId: string;
  producerId: bigint;
  /** The coordinator's words: Empty, Ongoing, PrepareCommit, PrepareAbort, CompleteCommit, CompleteAbort, PrepareEpochFence. */
  state: string;
  /** The broker that answered: the transactional id's coordinator. */
  coordinator: number;
}

export interface TransactionDescription {
  transactionalId: string;
  coordinator: number;
  state: string;
  producerId: bigint;
  producerEpoch: number;
  timeoutMs: number;
  /** null when no transaction is open (the broker's -1). */
  startTimeMs: number | null;
  /** Partitions in the open transaction, or still waiting for their markers. */
  partitions: TopicPartition[];
}

export interface ProducerState {
  producerId: bigint;
  producerEpoch: number;
  lastSequence: number;
  lastTimestamp: number;
  /** -1 when no marker of this producer was written yet. */
  coordinatorEpoch: number;
  /** Offset of the first record of the producer's open transaction; null when none is open. */
  txnStartOffset: bigint | null;
}

export interface ListTransactionsFilter {
  /** Only transactions running longer than this (ListTransactions v1+, Kafka 3.8). */
  durationMs?: number;
  /** Transactional ids matching this regex (ListTransactions v2, Kafka 4.1). */
  pattern?: string;
  producerIds?: bigint[];
  states?: string[];
}

export interface AbortSpec extends TopicPartition {
  producerId: bigint;
  producerEpoch: number;
  coordinatorEpoch: number;
}

export interface TransactionsApi {
  /** ListTransactions on every broker (each coordinates its own ids), by broker id then as answered. */
  listTransactions(filter?: ListTransactionsFilter): Promise<TransactionListing[]>;
  /** DescribeTransactions at each id's coordinator; null for an id the coordinator does not know. */
  describeTransactions(ids: string[]): Promise<Map<string, TransactionDescription | null>>;
  /**
   * DescribeProducers of each partition at its leader, or at `brokerId` (any replica). Keyed by
   * tpKey; a partition's error throws (typed, its Kafka code named).
   */
  describeProducers(partitions: TopicPartition[], brokerId?: number): Promise<Map<string, ProducerState[]>>;
  /** WriteTxnMarkers (abort) for one producer's open transaction, sent to the partition's leader: needs ClusterAction. */
  abortTransaction(spec: AbortSpec): Promise<void>;
  /**
   * InitProducerId for the id as a new producer (-1/-1) at its coordinator, as Java's Admin.fenceProducers
   * (and forceTerminateTransaction): the coordinator aborts the id's open transaction and bumps its epoch.
   */
  fenceProducer(transactionalId: string, transactionTimeoutMs: number): Promise<{ producerId: bigint; producerEpoch: number }>;
}
