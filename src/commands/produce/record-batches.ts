import type { HeaderSpans, ProducerApi, RecordsBuilder, TopicPartitionRecords } from '../../kafka/producer-types.js';
import { LingeredSends } from './lingered-sends.js';
import type { Sender } from './sender.js';

const MAX_RECORDS_PER_SEND = 100_000;

/**
 * Parsed lines and JSON envelopes: each record is encoded into its partition's batch as it is read
 * (no record object; key, value and header bytes copied once, from byte ranges of the input). A
 * send holds the batches of every partition read into since the last one, and goes out when they
 * hold --batch-size bytes (counted as the per-record path counted them), after --linger-ms, and at
 * the end; each waits for room among the requests in flight, and sends queue in read order.
 */
export class RecordBatches extends LingeredSends {
  private readonly builders = new Map<string, (RecordsBuilder | undefined)[]>();
  /** Builders with records since the last send, in the order they got their first. */
  private used: { topic: string; partition: number; builder: RecordsBuilder }[] = [];
  private pendingBytes = 0;
  private pendingCount = 0;
  /** Date.now() of the last chunk: the timestamp of records without their own. */
  now = Date.now();

  constructor(
    private readonly producer: Pick<ProducerApi, 'recordsBuilder'>,
    sender: Sender,
    private readonly batchBytes: number,
    lingerMs: number,
    /** After each send: keyless records move to the next partition (sticky partitioner). */
    private readonly onFlush: () => void,
  ) {
    super(sender, lingerMs);
  }

  get count(): number {
    return this.pendingCount;
  }

  /** False when a record of this size would take the pending records past --batch-size: flush() first. */
  fits(size: number): boolean {
    return this.pendingCount === 0 || this.pendingBytes + size <= this.batchBytes;
  }

  /**
   * Adds a record (key and value as byte ranges, a null buffer for null; timestamp undefined: now);
   * `size` is what it counts against --batch-size. True when the caller should await flush().
   */
  add(
    topic: string,
    partition: number,
    timestamp: number | undefined,
    key: Buffer | null,
    keyStart: number,
    keyEnd: number,
    value: Buffer | null,
    valueStart: number,
    valueEnd: number,
    headers: HeaderSpans,
    size: number,
  ): boolean {
    this.builder(topic, partition).append(timestamp ?? this.now, key, keyStart, keyEnd, value, valueStart, valueEnd, headers);
    this.pendingBytes += size;
    this.pendingCount++;
    return this.pendingBytes >= this.batchBytes || this.pendingCount >= MAX_RECORDS_PER_SEND;
  }

  private builder(topic: string, partition: number): RecordsBuilder {
    let list = this.builders.get(topic);
    if (!list) this.builders.set(topic, (list = []));
    let builder = list[partition];
    if (!builder) list[partition] = builder = this.producer.recordsBuilder();
    if (builder.count === 0) this.used.push({ topic, partition, builder });
    return builder;
  }

  /** After each input chunk: the time for records without a timestamp, and --linger-ms armed. */
  afterChunk(): void {
    this.now = Date.now();
    this.arm();
  }

  protected pending(): number {
    return this.pendingCount;
  }

  protected take(): () => Promise<void> {
    const list: TopicPartitionRecords[] = this.used.map(({ topic, partition, builder }) => ({ topic, partition, records: builder.take() }));
    const [count, bytes] = [this.pendingCount, this.pendingBytes];
    this.used = [];
    this.pendingCount = this.pendingBytes = 0;
    this.onFlush();
    return () => this.sender.sendEncodedMany(list, count, bytes);
  }

  /** After a failure: what was read and not sent counts as failed. */
  discard(): void {
    this.stop();
    for (const { builder } of this.used) builder.take();
    this.used = [];
    this.sender.counts.failed += this.pendingCount;
    this.pendingCount = this.pendingBytes = 0;
  }
}
