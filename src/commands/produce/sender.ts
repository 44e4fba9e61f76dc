/**
 * Batches records into produce requests and keeps a bounded number in flight. add() is synchronous
 * and cheap; the reader awaits flush() so that reading stops while requests are queued
 * (back-pressure on the input). A failed request stops the run: nothing after it is sent.
 */
import {
  recordsWrittenBy,
  type EncodedRecords,
  type ProduceRecord,
  type ProducerApi,
  type TopicPartitionRecords,
} from '../../kafka/producer-types.js';

export interface SenderCounts {
  sent: number;
  failed: number;
  bytes: number;
}

const MAX_RECORDS_PER_SEND = 100_000;
/**
 * After Ctrl-C/SIGTERM, how long acknowledgements are still awaited: a healthy broker answers in
 * milliseconds (the summary then matches what was written); a silent one is not waited out.
 */
export const ACK_GRACE_MS = 300;

export class Sender {
  private pending: ProduceRecord[] = [];
  private pendingBytes = 0;
  /** Each request in flight and its record count. */
  private readonly inFlight = new Map<Promise<void>, number>();
  /** Set once acknowledgements are no longer awaited (a signal's grace ran out). */
  private abandoned = false;
  private waiters: (() => void)[] = [];
  readonly counts: SenderCounts = { sent: 0, failed: 0, bytes: 0 };
  /** The first send error; once set, nothing more is sent. */
  error: unknown;
  /** Called after each flush (keyless records move to the next partition, as Java's sticky partitioner). */
  onFlush?: () => void;

  constructor(
    private readonly producer: Pick<ProducerApi, 'send' | 'sendEncoded'> & Partial<Pick<ProducerApi, 'sendEncodedMany'>>,
    private readonly batchBytes: number,
    private readonly maxInFlight: number,
    signal?: AbortSignal,
  ) {
    signal?.addEventListener('abort', () => setTimeout(() => this.abandon(), ACK_GRACE_MS).unref(), { once: true });
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /** False when a record of this size would take the pending batch past the batch size: flush() first. */
  fits(size: number): boolean {
    return this.pending.length === 0 || this.pendingBytes + size <= this.batchBytes;
  }

  /** Adds one record; true when the batch is full and the caller should await flush(). */
  add(record: ProduceRecord, size: number): boolean {
    this.pending.push(record);
    this.pendingBytes += size;
    return this.pendingBytes >= this.batchBytes || this.pending.length >= MAX_RECORDS_PER_SEND;
  }

  /** Sends the pending batch, first waiting until fewer than maxInFlight requests are in flight. */
  async flush(): Promise<void> {
    while (this.inFlight.size >= this.maxInFlight && !this.abandoned) await new Promise<void>((r) => this.waiters.push(r));
    this.flushNow();
  }

  /** Sends the pending batch without waiting for room (linger timer, final flush). */
  flushNow(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    const bytes = this.pendingBytes;
    this.pending = [];
    this.pendingBytes = 0;
    this.onFlush?.();
    this.track(() => this.producer.send(batch), batch.length, bytes);
  }

  /** Until fewer than maxInFlight requests are in flight (or acknowledgements are given up on). */
  async room(): Promise<void> {
    while (this.inFlight.size >= this.maxInFlight && !this.abandoned) await new Promise<void>((r) => this.waiters.push(r));
  }

  /** Sends records encoded for one partition (plain lines), first waiting for room like flush(). */
  async sendEncoded(topic: string, partition: number, records: EncodedRecords): Promise<void> {
    await this.room();
    this.track(() => this.producer.sendEncoded(topic, partition, records), records.count, records.body.length);
  }

  /** Sends records encoded for several partitions (record-batches.ts), first waiting for room like flush(). */
  async sendEncodedMany(list: TopicPartitionRecords[], count: number, bytes: number): Promise<void> {
    await this.room();
    this.track(() => this.producer.sendEncodedMany!(list), count, bytes);
  }

  private track(send: () => Promise<void>, count: number, bytes: number): void {
    if (this.error !== undefined || this.abandoned) {
      this.counts.failed += count;
      return;
    }
    const settle = (error?: unknown) => {
      // Given up on: already counted as failed.
      if (!this.inFlight.delete(p)) return;
      if (error === undefined) {
        this.counts.sent += count;
        this.counts.bytes += bytes;
      } else {
        // A batch refused as too large was split and a piece failed: the pieces before it were written.
        const written = recordsWrittenBy(error);
        this.counts.sent += written;
        this.counts.failed += count - written;
        if (written > 0) this.counts.bytes += Math.round((bytes * written) / count);
        this.error ??= error;
      }
      this.wakeWaiters();
    };
    const p: Promise<void> = send().then(
      () => settle(),
      (error: unknown) => settle(error ?? new Error('send failed')),
    );
    this.inFlight.set(p, count);
  }

  private wakeWaiters(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const wake of w) wake();
  }

  /**
   * Stops waiting for acknowledgements: what is in flight counts as failed (it may still reach the
   * broker, but nothing unacknowledged is reported as sent), and nothing more is sent.
   */
  abandon(): void {
    this.abandoned = true;
    for (const count of this.inFlight.values()) this.counts.failed += count;
    this.inFlight.clear();
    this.wakeWaiters();
  }

  /** Drops what was not sent yet (after an error); returns how many records. */
  discardPending(): number {
    const n = this.pending.length;
    this.pending = [];
    this.pendingBytes = 0;
    return n;
  }

  /** Waits for every request in flight to be acknowledged or to fail, or until abandon(). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) {
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        void Promise.allSettled([...this.inFlight.keys()]).then(() => resolve());
      });
    }
  }
}
