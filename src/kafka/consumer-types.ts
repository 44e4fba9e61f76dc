/** ktool's view of consumed records; only src/kafka/ knows the client library's shapes. */

/** Offsets and timestamps are numbers (exact below 2^53): no BigInt per record on the hot path. */
export interface ConsumedRecord {
  topic: string;
  partition: number;
  offset: number;
  timestamp: number;
  timestampType: 'CreateTime' | 'LogAppendTime';
  key: Buffer | null;
  value: Buffer | null;
  headers: [Buffer, Buffer | null][];
  /** A share group's delivery count of the record (KIP-932): 1 the first time it is acquired. */
  deliveryCount?: number;
}

export interface PartitionRange {
  topic: string;
  partition: number;
  /** First offset to read. */
  start: bigint;
  /** Stop before this offset (exclusive); undefined reads forever. */
  end?: bigint;
}

export type Isolation = 'read_committed' | 'read_uncommitted';

/** Reads assigned partitions without a consumer group (nothing is committed). */
export interface PartitionReader {
  /**
   * The next records, in offset order per partition; an empty array while waiting; null when every bounded partition reached its end.
   * `prefer`: that partition's records first when some are waiting (a taker that merges partitions by time).
   */
  next(prefer?: { topic: string; partition: number }): Promise<ConsumedRecord[] | null>;
  close(): Promise<void>;
}

/** Reads as a member of a consumer group; commits only what the caller says was delivered. */
export interface GroupReader {
  next(): Promise<ConsumedRecord[]>;
  /**
   * The partitions whose fetch position the last next() moved, by "topic:partition" (tpKey): the
   * next offset to read after what it returned, past any transaction marker or aborted records that
   * followed its records (never returned). A topic written in transactions ends on a marker, not on a
   * record: -e stops and commits there, as Java's consumer does with its position.
   */
  reached(): ReadonlyMap<string, { topic: string; partition: number; offset: bigint }>;
  /** Commits `offset` (the next offset to read) for each partition given; a commit lost to a rebalance is only a warning. */
  commit(offsets: { topic: string; partition: number; offset: bigint }[]): Promise<void>;
  close(): Promise<void>;
}

export interface GroupReaderOptions {
  groupId: string;
  topics: string[];
  protocol: 'classic' | 'consumer';
  /** Where to start when the group has no committed offset. */
  fallback: 'earliest' | 'latest';
  isolation: Isolation;
  /** Bytes per partition in a fetch (the Java consumer's max.partition.fetch.bytes); 1 MiB by default. */
  partitionMaxBytes?: number;
  /** Things the user should know that do not stop reading (a commit lost to a rebalance). */
  onWarning?: (message: string) => void;
}

export interface PartitionReaderOptions {
  ranges: PartitionRange[];
  isolation: Isolation;
  /** Bytes per fetch response; bounds memory (one response per leader is buffered at most). */
  maxBytes?: number;
  onWarning?: (message: string) => void;
  /** Offsets to clamp to when the requested one is gone (deleted or compacted away). */
  logStart: (topic: string, partition: number) => Promise<bigint>;
  /**
   * When the brokers go away: wait for them this long (Infinity: until closed), reconnecting with
   * a back-off, instead of failing at once. Reading resumes at the positions already reached.
   */
  maxOutageMs?: number;
}

/**
 * Reads as a member of a share group (KIP-932): the records it returns are acquired by this member
 * until acknowledged (or until the broker's acquisition lock times out, 30 s by default); records
 * are not ordered across calls and may be delivered again when released.
 */
export interface ShareReader {
  /** The next acquired records; an empty array while waiting. */
  next(): Promise<ConsumedRecord[]>;
  /** accept: processed (written), never delivered again; release: back to the group, delivered again. Sent with the next request. */
  acknowledge(records: ConsumedRecord[], type: 'accept' | 'release' | 'reject'): void;
  /** Sends what is acknowledged, releases what is not (the share sessions close) and leaves the group. */
  close(): Promise<void>;
}

export interface ShareReaderOptions {
  groupId: string;
  topics: string[];
  /** Acknowledgements the broker refused (those records come again), a lost session. */
  onWarning?: (message: string) => void;
}
