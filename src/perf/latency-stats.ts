/**
 * ProducerPerformance.Stats, kept the same way so that the figures mean the same: every record's
 * latency counted in the totals and the window, one in `sampling` kept for the percentiles (at
 * most ~500,000 samples, so memory does not grow with --num-records), a window closed when a
 * record completes at least reportingInterval after the window opened, percentiles read off the
 * sorted samples at index (int)(p * size).
 */
export interface WindowRow {
  /** Milliseconds since the run started, at the window's end. */
  atMs: number;
  windowMs: number;
  records: number;
  bytes: number;
  recordsPerSec: number;
  mbPerSec: number;
  avgLatencyMs: number;
  maxLatencyMs: number;
}

export interface TotalRow {
  records: number;
  bytes: number;
  elapsedMs: number;
  recordsPerSec: number;
  mbPerSec: number;
  avgLatencyMs: number;
  maxLatencyMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  p999Ms: number;
}

const MB = 1024 * 1024;

export class LatencyStats {
  private readonly start: number;
  private readonly sampling: number;
  private readonly samples: Float64Array;
  private index = 0;
  private iteration = 0;
  count = 0;
  bytes = 0;
  private totalLatency = 0;
  private maxLatency = 0;
  private windowStart: number;
  private windowCount = 0;
  private windowBytes = 0;
  private windowTotal = 0;
  private windowMax = 0;
  /** No window rows (ProducerPerformance's suppressPrinting once the steady state starts). */
  suppressed = false;

  constructor(
    numRecords: number,
    private readonly reportingIntervalMs: number,
    private readonly now: () => number,
    private readonly onWindow: (row: WindowRow, stats: LatencyStats) => void = () => undefined,
  ) {
    this.start = now();
    this.windowStart = this.start;
    const n = Math.max(1, Math.floor(numRecords));
    this.sampling = Math.floor(n / Math.min(n, 500_000));
    this.samples = new Float64Array(Math.floor(n / this.sampling) + 1);
  }

  /** Whether the window about to close is the first one (ProducerPerformance's "In steady state." test). */
  get firstWindow(): boolean {
    return this.count === this.windowCount;
  }

  record(latencyMs: number, bytes: number, time: number): void {
    this.count++;
    this.bytes += bytes;
    this.totalLatency += latencyMs;
    if (latencyMs > this.maxLatency) this.maxLatency = latencyMs;
    this.windowCount++;
    this.windowBytes += bytes;
    this.windowTotal += latencyMs;
    if (latencyMs > this.windowMax) this.windowMax = latencyMs;
    if (this.iteration % this.sampling === 0 && this.index < this.samples.length) this.samples[this.index++] = latencyMs;
    this.iteration++;
    if (time - this.windowStart >= this.reportingIntervalMs) this.closeWindow();
  }

  /** The window so far as a row (also for a progress line between windows). */
  window(): WindowRow {
    const now = this.now();
    const elapsed = now - this.windowStart;
    return {
      atMs: now - this.start,
      windowMs: elapsed,
      records: this.windowCount,
      bytes: this.windowBytes,
      recordsPerSec: (1000 * this.windowCount) / elapsed,
      mbPerSec: (1000 * this.windowBytes) / elapsed / MB,
      avgLatencyMs: this.windowTotal / this.windowCount,
      maxLatencyMs: this.windowMax,
    };
  }

  private closeWindow(): void {
    if (!this.suppressed) this.onWindow(this.window(), this);
    this.windowStart = this.now();
    this.windowCount = 0;
    this.windowBytes = 0;
    this.windowTotal = 0;
    this.windowMax = 0;
  }

  total(): TotalRow {
    const elapsed = this.now() - this.start;
    const [p50Ms, p95Ms, p99Ms, p999Ms] = percentiles(this.samples, this.index, [0.5, 0.95, 0.99, 0.999]);
    return {
      records: this.count,
      bytes: this.bytes,
      elapsedMs: elapsed,
      recordsPerSec: (1000 * this.count) / elapsed,
      mbPerSec: (1000 * this.bytes) / elapsed / MB,
      avgLatencyMs: this.totalLatency / this.count,
      maxLatencyMs: this.maxLatency,
      p50Ms,
      p95Ms,
      p99Ms,
      p999Ms,
    };
  }
}

/** ProducerPerformance.percentiles: the samples sorted, each at index (int)(p * size). */
export function percentiles(samples: Float64Array, count: number, ps: number[]): number[] {
  const size = Math.min(count, samples.length);
  const sorted = samples.subarray(0, size).sort();
  return ps.map((p) => sorted[Math.floor(p * size)] ?? 0);
}
