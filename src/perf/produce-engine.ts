/**
 * ProducerPerformance's loop on ktool's producer: records appended straight into a batch for the
 * current (sticky) partition, a batch sent when it holds batch.size bytes or is linger.ms old,
 * at most max.in.flight batches unacknowledged, each record's latency from its append to its
 * batch's acknowledgement (the Java tool's send() to callback), the throttle after each record
 * and the transactions of --transaction-duration-ms.
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
}

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
  private batch: Pending = { times: [], sizes: [], steadyFrom: Infinity };
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
    this.partitions = await producer.partitionCount(plan.topic);
    this.partition = Math.floor(Math.random() * this.partitions);
    this.records = producer.lineRecords(null, undefined, plan.batchBytes + (64 << 10));
    const throttler = new ThroughputThrottler(plan.throughput, Date.now());
    const transactional = plan.transactionDurationMs !== undefined;
    let txnSize = 0;
    let txnStart = 0;
    for (let i = 0; i < plan.numRecords; i++) {
      if (this.error !== undefined || this.signal.aborted) break;
      if (transactional && txnSize === 0) {
        await producer.beginTransaction();
        txnStart = Date.now();
      }
      if (plan.warmupRecords > 0 && i === plan.warmupRecords) this.startSteadyState();
      const sendStartMs = Date.now();
      const { buf, start, end } = this.payloads.next(i);
      if (this.records.count > 0 && this.records.bytes + (end - start) > plan.batchBytes) await this.flush();
      if (this.records.count === 0) this.batchStart = this.now();
      this.batch.times.push(this.now());
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

  /** A throttle's sleep; a batch that would outlive linger.ms meanwhile goes first (Java's sender thread sends it). */
  private async throttle(ms: number): Promise<void> {
    if (ms <= 0) return;
    if (this.records.count > 0 && this.now() - this.batchStart + ms >= this.plan.lingerMs) await this.flush();
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
   * Closes the batch being built (it is sent as soon as fewer than max.in.flight are unacknowledged)
   * and moves to the next partition; waits while buffer.memory is full. Yields to the event loop
   * once per batch, so acknowledgements are taken as they come (the Java client has a thread for them).
   */
  async flush(): Promise<void> {
    if (this.records.count === 0) return;
    const encoded = this.records.take();
    const bytes = encoded.body.length;
    this.ready.push({ pending: this.batch, encoded, partition: this.partition, bytes });
    this.buffered += bytes;
    this.batch = { times: [], sizes: [], steadyFrom: this.steadyStats ? 0 : Infinity };
    this.partition = (this.partition + 1) % this.partitions;
    this.pump();
    await new Promise<void>((r) => setImmediate(r));
    while (this.buffered >= this.plan.bufferBytes && this.error === undefined) await new Promise<void>((r) => this.waiters.push(r));
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
