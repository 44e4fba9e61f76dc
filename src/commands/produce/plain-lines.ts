import type { LineRecords, ProducerApi } from '../../kafka/producer-types.js';
import type { Sender } from './sender.js';

/** Thrown from onLine when an earlier request failed: nothing more is read. */
export class SendFailed extends Error {}

/**
 * The fast path for plain lines (no key or header parsing, text values, no null marker, no rate):
 * each line is copied from the input chunk straight into the record batch, with no Buffer or
 * record object per line. A batch goes out when it holds --batch-size bytes, after --linger-ms,
 * and at the end; its partition is chosen then (sticky for keyless records, as Java does).
 */
export class PlainLines {
  private readonly records: LineRecords;
  private now = Date.now();
  private linger: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    producer: Pick<ProducerApi, 'lineRecords'>,
    private readonly sender: Sender,
    private readonly topic: string,
    key: Buffer | null,
    headers: [Buffer, Buffer | null][] | undefined,
    private readonly batchBytes: number,
    private readonly lingerMs: number,
    /** The partition for the next batch; also moves the sticky partition on. */
    private readonly nextPartition: () => number,
  ) {
    this.records = producer.lineRecords(key, headers, batchBytes + (64 << 10));
  }

  readonly onLine = (buf: Buffer, start: number, end: number): void | Promise<void> => {
    if (this.sender.error !== undefined) throw new SendFailed();
    // A long line that would take the batch past --batch-size goes into the next one: a batch
    // over the broker's message.max.bytes (1 MiB by default) would be refused and split (a round trip).
    if (this.records.count > 0 && this.records.bytes + (end - start) > this.batchBytes) {
      return this.flush().then(() => this.onLine(buf, start, end));
    }
    this.records.append(buf, start, end, this.now);
    if (this.records.bytes >= this.batchBytes) return this.flush();
  };

  readonly afterChunk = (): void => {
    this.now = Date.now();
    if (this.records.count === 0 || this.linger) return;
    if (this.lingerMs === 0) void this.flush();
    else
      this.linger = setTimeout(() => {
        this.linger = undefined;
        void this.flush();
      }, this.lingerMs);
  };

  /**
   * Sends what was read (waiting for room among the requests in flight). Flushes queue behind each
   * other, so awaiting the last one means every batch read so far was handed to the sender.
   */
  flush(): Promise<void> {
    if (this.records.count === 0) return this.flushing;
    const partition = this.nextPartition();
    const records = this.records.take();
    this.flushing = this.flushing.then(() => this.sender.sendEncoded(this.topic, partition, records));
    return this.flushing;
  }

  /** After a failure: what was read and not sent; counts it as failed. */
  discard(): void {
    this.stop();
    this.sender.counts.failed += this.records.take().count;
  }

  stop(): void {
    if (this.linger) clearTimeout(this.linger);
    this.linger = undefined;
  }
}
