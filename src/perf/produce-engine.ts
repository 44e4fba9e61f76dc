/**
 * ProducerPerformance's loop on ktool's producer: records appended straight into a batch for the
 * current (sticky) partition, a batch sent when it holds batch.size bytes or is linger.ms old,
 * at most max.in.flight batches unacknowledged, the throttle after each record and the
 * transactions of --transaction-duration-ms.
 *
 * Latency means what the Java tool's does: from the moment the loop starts sending a record (its
 * sendStartMs, taken before send()) to its batch's acknowledgement (the callback). As in the Java
 * client's RecordAccumulator, a new batch takes max(batch.size, the record) bytes of buffer.memory
 * when it is started and gives them back when it is acknowledged; a record that needs a new batch
 * while the memory is taken waits, at most max.block.ms, and that wait is part of its latency
 * (KafkaProducer.send() blocks in BufferPool.allocate). So without a --throughput limit, when the
 * broker is slower than the loop, up to buffer.memory of batches queue and each record's latency
 * includes its time in that queue, as the Java tool's does.
 */
import type { EncodedRecords, LineRecords, ProducerApi } from '../kafka/producer-types.js';
import { LatencyStats, type TotalRow, type WindowRow } from './latency-stats.js';
import type { Payloads } from './payload.js';
import { ThroughputThrottler } from './throttler.js';

export interface ProducePlan {
  topic: string;
  numRecords: number;
  throughput: number;
  batchBytes: number;
  lingerMs: number;
  maxInFlight: number;
  /**
   * Bytes of batches waiting to be sent or unacknowledged before the loop waits (the Java client's
   * buffer.memory, 32 MiB): records wait in batches, with their latency counting, as in the Java client.
   */
  bufferBytes: number;
  /** The longest a record waits for buffer.memory before it fails (the Java client's max.block.ms, 60 s). */
  maxBlockMs: number;
  reportingIntervalMs: number;
  warmupRecords: number;
  /** Set with transactions: commit once a transaction is this old. */
  transactionDurationMs?: number;
  /** Latencies in whole milliseconds, as the Java tool measures them (its own spelling). */
  wholeMs: boolean;
}

export interface ProduceEvents {
  window(row: WindowRow, steady: boolean, first: boolean): void;
  /** Warm-up over: the steady-state statistics start. */
  steady?(): void;
  /** The run, once it has its statistics (a live progress line reads them). */
  started?(perf: ProducePerf): void;
}

export interface ProduceOutcome {
  total: TotalRow;
  steady?: TotalRow;
  failed: number;
  error?: unknown;
  interrupted: boolean;
}

type Clock = () => number;

interface Pending {
  times: number[];
  sizes: number[];
  steadyFrom: number;
  /** The buffer.memory it holds until acknowledged. */
  reserved: number;
}

/** A record's bytes in a batch at most, as estimateSizeInBytesUpperBound: the batch header and a record's own header. */
const BATCH_OVERHEAD = 61 + 21;

/** The Java client's BufferExhaustedException. */
export class BufferExhaustedError extends Error {}

interface Ready {
  pending: Pending;
  encoded: EncodedRecords;
  partition: number;
  bytes: number;
}

export class ProducePerf {
  readonly stats: LatencyStats;
  steadyStats: LatencyStats | undefined;
  private records!: LineRecords;
  private batch: Pending = { times: [], sizes: [], steadyFrom: Infinity, reserved: 0 };
  private batchStart = 0;
  private inFlight = 0;
  private readonly ready: Ready[] = [];
  private buffered = 0;
  private waiters: (() => void)[] = [];
  private partition = 0;
  private partitions = 1;
  failed = 0;
  error: unknown;

  constructor(
    private readonly producer: ProducerApi,
    private readonly plan: ProducePlan,
    private readonly payloads: Payloads,
    private readonly events: ProduceEvents,
    private readonly signal: AbortSignal,
    private readonly now: Clock = () => performance.now(),
  ) {
    this.stats = new LatencyStats(plan.numRecords, plan.reportingIntervalMs, now, (row, s) => events.window(row, false, s.firstWindow));
    events.started?.(this);
  }

  async run(): Promise<ProduceOutcome> {
    const { plan, producer } = this;
    const transactional = plan.transactionDurationMs !== undefined;
    // Java's initTransactions() comes before its clock starts: so does the first begin (which gets the producer id).
    let begun = transactional;
    if (begun) await producer.beginTransaction();
    // The Java tool's clock starts before its first send(), which waits for the topic's metadata:
    // the throttle's start and the first record's latency include that wait.
    const startMs = Date.now();
    const firstStart = this.now();
    this.partitions = await producer.partitionCount(plan.topic);
    this.partition = Math.floor(Math.random() * this.partitions);
    this.records = producer.lineRecords(null, undefined, plan.batchBytes + (64 << 10));
    const throttler = new ThroughputThrottler(plan.throughput, startMs);
    let txnSize = 0;
    let txnStart = 0;
    for (let i = 0; i < plan.numRecords; i++) {
      if (this.error !== undefined || this.signal.aborted) break;
      if (transactional && txnSize === 0) {
        if (!begun) await producer.beginTransaction();
        begun = false;
        txnStart = Date.now();
      }
      if (plan.warmupRecords > 0 && i === plan.warmupRecords) this.startSteadyState();
      const { buf, start, end } = this.payloads.next(i);
      const sendStartMs = i === 0 ? startMs : Date.now();
      const sendStart = i === 0 ? firstStart : this.now();
      if (this.records.count > 0 && this.records.bytes + (end - start) > plan.batchBytes) await this.flush();
      if (this.records.count === 0) {
        if (!(await this.reserve(BATCH_OVERHEAD + end - start))) break;
        this.batchStart = this.now();
      }
      this.batch.times.push(sendStart);
      this.batch.sizes.push(end - start);
      this.records.append(buf, start, end, sendStartMs);
      if (this.records.bytes >= plan.batchBytes || this.now() - this.batchStart >= plan.lingerMs) await this.flush();
      txnSize++;
      if (transactional && plan.transactionDurationMs! <= sendStartMs - txnStart) {
        await this.commit();
        txnSize = 0;
      }
      if (throttler.shouldThrottle(i, sendStartMs)) await this.throttle(throttler.throttle());
    }
    if (transactional && txnSize !== 0 && this.error === undefined) await this.commit();
    await this.flush();
    await this.drain();
    const outcome: ProduceOutcome = { total: this.stats.total(), failed: this.failed, interrupted: this.signal.aborted };
    if (this.steadyStats) outcome.steady = this.steadyStats.total();
    if (this.error !== undefined) outcome.error = this.error;
    return outcome;
  }

  private startSteadyState(): void {
    this.events.steady?.();
    this.steadyStats = new LatencyStats(this.plan.numRecords - this.plan.warmupRecords, this.plan.reportingIntervalMs, this.now, (row, s) =>
      this.events.window(row, true, s.firstWindow),
    );
    this.stats.suppressed = true;
    // Records appended from here on count in the steady state too (as the Java tool's callbacks made after the switch).
    this.batch.steadyFrom = this.batch.times.length;
  }

  /**
   * A throttle's sleep. A batch being filled leaves once it is linger.ms old, not before: Java's
   * sender thread sends it then while the loop sleeps (RecordAccumulator.ready: full or lingered),
   * and the loop adds to it until then.
   */
  private async throttle(ms: number): Promise<void> {
    if (ms <= 0) return;
    const until = this.now() + ms;
    if (this.records.count > 0) {
      const lingerLeft = this.batchStart + this.plan.lingerMs - this.now();
      if (lingerLeft < ms) {
        await this.sleep(lingerLeft);
        if (this.signal.aborted) return;
        await this.flush();
      }
    }
    await this.sleep(until - this.now());
  }

  /**
   * Sleeps ms of real time, as Java's throttle waits until its deficit has elapsed by nanoTime. One
   * timer is not enough: node starts it from the event loop's cached time, stale by as long as the
   * send loop has run since the loop last turned, so a 2 ms timer fired after well under 2 ms and
   * `--throughput 50000` ran at 69,000 records/s.
   */
  private async sleep(ms: number): Promise<void> {
    const until = this.now() + ms;
    for (let left = ms; left > 0 && !this.signal.aborted; left = until - this.now()) await this.timer(left);
  }

  private async timer(ms: number): Promise<void> {
    const wait = Number.isFinite(ms) ? ms : 2 ** 31 - 1;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, wait);
      this.signal.addEventListener('abort', done);
    });
  }

  private async commit(): Promise<void> {
    await this.flush();
    await this.drain();
    if (this.error === undefined) await this.producer.commitTransaction();
  }

  /**
   * buffer.memory for a new batch begun by a record of at most `recordBytes` (BufferPool.allocate of
   * max(batch.size, the record)): waits while less is free, at most max.block.ms; false when the
   * run failed meanwhile or the record fails (the Java client's errors: more than buffer.memory, or
   * the wait timed out; the run's error, the record counted as failed).
   */
  private async reserve(recordBytes: number): Promise<boolean> {
    const { bufferBytes, maxBlockMs } = this.plan;
    const bytes = Math.max(this.plan.batchBytes, recordBytes);
    if (bytes > bufferBytes) {
      this.error ??= new BufferExhaustedError(
        recordBytes > bufferBytes
          ? `The message is ${recordBytes} bytes when serialized which is larger than the total memory buffer you have ` +
              'configured with the buffer.memory configuration.'
          : `Attempt to allocate ${bytes} bytes, but there is a hard limit of ${bufferBytes} on memory allocations.`,
      );
      this.failed++;
      return false;
    }
    const deadline = this.now() + maxBlockMs;
    while (this.buffered + bytes > bufferBytes && this.error === undefined && !this.signal.aborted) {
      const left = deadline - this.now();
      if (left <= 0) {
        this.error = new BufferExhaustedError(
          `Failed to allocate ${bytes} bytes within the configured max blocking time ${maxBlockMs} ms.`,
        );
        this.failed++;
        break;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    if (this.error !== undefined) return false;
    this.buffered += bytes;
    this.batch.reserved = bytes;
    return true;
  }

  /**
   * Closes the batch being built (it is sent as soon as fewer than max.in.flight are unacknowledged)
   * and moves to the next partition. Yields to the event loop once per batch, so acknowledgements
   * are taken as they come (the Java client has a thread for them).
   */
  async flush(): Promise<void> {
    if (this.records.count === 0) return;
    const encoded = this.records.take();
    this.ready.push({ pending: this.batch, encoded, partition: this.partition, bytes: this.batch.reserved });
    this.batch = { times: [], sizes: [], steadyFrom: this.steadyStats ? 0 : Infinity, reserved: 0 };
    this.partition = (this.partition + 1) % this.partitions;
    this.pump();
    await new Promise<void>((r) => setImmediate(r));
  }

  private pump(): void {
    while (this.inFlight < this.plan.maxInFlight && this.ready.length > 0) {
      const { pending, encoded, partition, bytes } = this.ready.shift()!;
      this.inFlight++;
      this.producer.sendEncoded(this.plan.topic, partition, encoded).then(
        () => this.acked(pending, bytes),
        (error: unknown) => this.failedBatch(encoded, bytes, error),
      );
    }
  }

  private acked(pending: Pending, bytes: number): void {
    const now = this.now();
    const { stats, steadyStats } = this;
    const whole = this.plan.wholeMs;
    const nowMs = whole ? Math.floor(now) : now;
    for (let j = 0; j < pending.times.length; j++) {
      const latency = whole ? nowMs - Math.floor(pending.times[j]) : now - pending.times[j];
      stats.record(latency, pending.sizes[j], now);
      if (steadyStats && j >= pending.steadyFrom) steadyStats.record(latency, pending.sizes[j], now);
    }
    this.settled(bytes);
  }

  private failedBatch(encoded: EncodedRecords, bytes: number, error: unknown): void {
    this.failed += encoded.count;
    this.error ??= error;
    // Nothing more is sent after a failure: what waits counts as failed.
    for (const r of this.ready.splice(0)) {
      this.failed += r.encoded.count;
      this.buffered -= r.bytes;
    }
    this.settled(bytes);
  }

  private settled(bytes: number): void {
    this.inFlight--;
    this.buffered -= bytes;
    this.pump();
    const w = this.waiters;
    this.waiters = [];
    for (const wake of w) wake();
  }

  async drain(): Promise<void> {
    while (this.inFlight > 0 || this.ready.length > 0) await new Promise<void>((r) => this.waiters.push(r));
  }
}
