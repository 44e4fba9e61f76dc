/**
 * ktool's producer interface. Commands build records and call send(); src/kafka/producer.ts is the
 * only place that knows the client library. Commands get one from ctx.kafka().producer(), which
 * imports producer.ts only then: start-up never pays for the client library.
 */

/** One record, its partition already chosen (partitionFor). */
export interface ProduceRecord {
  topic: string;
  partition: number;
  key: Buffer | null;
  value: Buffer | null;
  /** Repeated names allowed; a null value is a header with a null value. */
  headers?: [Buffer, Buffer | null][];
  /** Milliseconds since the epoch; absent means the time of sending. */
  timestamp?: number;
}

export type Acks = 0 | 1 | -1;
export type Compression = 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';

export interface ProducerSettings {
  acks: Acks;
  idempotent: boolean;
  compression: Compression;
  transactionalId?: string;
  /** How long a transaction may stay open before the coordinator aborts it (Java's transaction.timeout.ms; 1 minute). */
  transactionTimeoutMs?: number;
  clientId?: string;
  /** Retries of a failed batch (unbounded when absent: deliveryTimeoutMs bounds them). */
  retries?: number;
  retryBackoffMs?: number;
  requestTimeoutMs?: number;
  /** How long a batch is retried before it counts as failed (Java's delivery.timeout.ms; 2 minutes). */
  deliveryTimeoutMs?: number;
  /** Produce requests in flight per broker connection (Java's max.in.flight.requests.per.connection; 5, at most 5 with idempotence). */
  maxInFlight?: number;
  metadataMaxAgeMs?: number;
}

export interface ProducerApi {
  /**
   * Partition count of a topic (metadata); throws NotFoundError when the topic does not exist. With
   * `options`, one request and its answer, not retried (the caller waits between requests); with
   * `autoCreate` the request lets the broker create a missing topic if its auto.create.topics.enable
   * says so, as the Java producer's metadata requests do (NotFoundError then means: not yet).
   */
  partitionCount(topic: string, options?: { autoCreate?: boolean }): Promise<number>;
  /** Java-compatible: murmur2(key) & 0x7fffffff % count (same as the Java client's default partitioner). */
  partitionFor(key: Buffer, count: number): number;
  /**
   * Sends one batch and resolves when the broker acknowledged it (immediately with acks=0). A
   * failure may come after some of its records were written (a batch refused as too large is split
   * and a piece failed; another partition's batch went): the error's recordsWritten says how many.
   */
  send(records: ProduceRecord[]): Promise<void>;
  /** A builder for plain lines (same key and headers on every record), for sendEncoded(). */
  lineRecords(key: Buffer | null, headers: [Buffer, Buffer | null][] | undefined, capacity: number): LineRecords;
  /** Sends records already encoded for one partition, like send(). */
  sendEncoded(topic: string, partition: number, records: EncodedRecords): Promise<void>;
  /** A builder of one partition's records from byte ranges, for sendEncodedMany(); builders share acknowledged buffers. */
  recordsBuilder(): RecordsBuilder;
  /** Sends records already encoded for several partitions in one send (like send()). */
  sendEncodedMany(list: TopicPartitionRecords[]): Promise<void>;
  /**
   * After the topic refused a batch as too large: the batch size it takes (bytes), below the one
   * asked for; batches made larger are refused and split, one by one. Undefined until then.
   */
  batchLimit?(topic: string): number | undefined;
  beginTransaction(): Promise<void>;
  /**
   * Java's sendOffsetsToTransaction: the input offsets commit with the transaction, or not at all.
   * A rebalance that moved the group on fails it with kafkaCode ILLEGAL_GENERATION (or
   * UNKNOWN_MEMBER_ID, REBALANCE_IN_PROGRESS): abort, and redo from the committed offsets.
   */
  sendOffsetsToTransaction(group: TxnGroup, offsets: TxnOffset[]): Promise<void>;
  commitTransaction(): Promise<void>;
  abortTransaction(): Promise<void>;
  /** Closes connections. Await every send() first: the library does not wait for them. */
  close(): Promise<void>;
}

/** A send()'s failure after some of its records were written. */
export interface PartlyWrittenError extends Error {
  recordsWritten: number;
}

/** Records of a failed send() that were written all the same (0 unless the error says so). */
export const recordsWrittenBy = (error: unknown): number => (error as Partial<PartlyWrittenError> | undefined)?.recordsWritten ?? 0;

/** The records section of a batch for one partition, before the batch header wraps it. */
export interface EncodedRecords {
  body: Buffer;
  /** The batch header's 61 bytes followed by body, in one buffer: wrapped in place, not copied. */
  headroom?: Buffer;
  count: number;
  firstTimestamp: number;
  maxTimestamp: number;
  /** Called once the batch is acknowledged (never after a failure or with acks=0): its buffer may be written again. */
  release?: () => void;
}

/** Records encoded one line at a time, straight from the input chunk: no object per line. */
export interface LineRecords {
  readonly count: number;
  readonly bytes: number;
  /** Appends the record whose value is src[start, end). */
  append(src: Buffer, start: number, end: number, timestamp: number): void;
  /**
   * Appends the lines of src[start, end) ("\n" ends a line, a "\r" before it is cut), each one
   * record as append() makes it, while the records hold fewer than `limit` bytes: a line that would
   * take them past `limit` is left for the next batch (out.full becomes true), and so is what follows
   * a line that reached it. Returns where the lines not taken start: a line without its "\n" yet (the
   * caller keeps it for the next chunk) or, when full, the next line. One call per input chunk.
   */
  appendLines(src: Buffer, start: number, end: number, timestamp: number, limit: number, out: { full: boolean }): number;
  /** The records so far; the builder starts empty again. */
  take(): EncodedRecords;
}

/**
 * A record's headers as byte ranges, reused from record to record: header i's name is
 * bufs[2i][starts[2i], ends[2i]) and its value the same at 2i + 1; a start of -1 is a null value.
 */
export interface HeaderSpans {
  count: number;
  bufs: Buffer[];
  starts: number[];
  ends: number[];
}

/** One partition's records appended from byte ranges (no object per record). */
export interface RecordsBuilder {
  readonly count: number;
  readonly bytes: number;
  /** Key src[keyStart, keyEnd) (a null buffer: a null key), value likewise, headers, timestamp (ms since the epoch). */
  append(
    timestamp: number,
    key: Buffer | null,
    keyStart: number,
    keyEnd: number,
    value: Buffer | null,
    valueStart: number,
    valueEnd: number,
    headers: HeaderSpans,
  ): void;
  /** The records so far; the builder starts empty again. */
  take(): EncodedRecords;
}

/** Encoded records and where they go. */
export interface TopicPartitionRecords {
  topic: string;
  partition: number;
  records: EncodedRecords;
}

export interface ProducerHooks {
  /** Ctrl-C: stop retrying (what is still unacknowledged counts as failed). */
  signal?: AbortSignal;
  /** A broker that went away (retrying) and came back. */
  onWarning?: (message: string) => void;
}

/** The consumer group whose offsets a transaction commits, as Java's ConsumerGroupMetadata. */
export interface TxnGroup {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
}

/** The next offset to read of one input partition, with the metadata stored beside it. */
export interface TxnOffset {
  topic: string;
  partition: number;
  offset: bigint;
  metadata?: string | null;
}
