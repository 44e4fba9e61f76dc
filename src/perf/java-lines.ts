/**
 * The lines Kafka's perf tools print (Kafka 4.3.1), from the figures: ProducerPerformance's window
 * and total lines, ConsumerPerformance's header, progress and final lines, EndToEndLatency's
 * progress and result lines. Numbers formatted as Java's String.format / Double.toString do.
 */
import { consumeTotals, progressFigures, type ConsumeOutcome, type ConsumeProgress } from './consume-engine.js';
import { javaF, javaFixed } from './java-format.js';
import type { TotalRow, WindowRow } from './latency-stats.js';

const f1 = (x: number) => javaFixed(x, 1);
const f2 = (x: number) => javaFixed(x, 2);
const f4 = (x: number) => javaFixed(x, 4);

/** `%d records sent, %.1f records/sec (%.2f MB/sec), %.1f ms avg latency, %.1f ms max latency.` */
export function producerWindowLine(w: WindowRow): string {
  return (
    `${w.records} records sent, ${f1(w.recordsPerSec)} records/sec (${f2(w.mbPerSec)} MB/sec), ` +
    `${f1(w.avgLatencyMs)} ms avg latency, ${f1(w.maxLatencyMs)} ms max latency.`
  );
}

/** The total line; `steady` adds " steady state" after the count (--warmup-records). */
export function producerTotalLine(t: TotalRow, steady = false): string {
  const whole = (x: number) => String(Math.trunc(x));
  return (
    `${t.records}${steady ? ' steady state' : ''} records sent, ${javaF(t.recordsPerSec)} records/sec (${f2(t.mbPerSec)} MB/sec), ` +
    `${f2(t.avgLatencyMs)} ms avg latency, ${f2(t.maxLatencyMs)} ms max latency, ${whole(t.p50Ms)} ms 50th, ` +
    `${whole(t.p95Ms)} ms 95th, ${whole(t.p99Ms)} ms 99th, ${whole(t.p999Ms)} ms 99.9th.`
  );
}

const NEW_FIELDS = ', rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec';

export function consumerHeader(detailed: boolean): string {
  return detailed
    ? `time, threadId, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec${NEW_FIELDS}`
    : `start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec${NEW_FIELDS}`;
}

/** printConsumerProgress: thread id 0, as the tool has only one. */
export function consumerProgressLine(p: ConsumeProgress, date: (ms: number) => string): string {
  const f = progressFigures(p);
  return (
    `${date(p.endMs)}, 0, ${f4(f.mb)}, ${f4(f.mbPerSec)}, ${f.records}, ${f4(f.recordsPerSec)}, ` +
    `${f.rebalanceMs}, ${f.fetchMs}, ${f4(f.fetchMbPerSec)}, ${f4(f.fetchRecordsPerSec)}`
  );
}

export function consumerFinalLine(o: ConsumeOutcome, date: (ms: number) => string): string {
  const t = consumeTotals(o);
  return (
    `${date(o.startMs)}, ${date(o.endMs)}, ${f4(t.mb)}, ${f4(t.mbPerSec)}, ${t.records}, ${f4(t.recordsPerSec)}, ` +
    `${t.rebalanceMs}, ${t.fetchMs}, ${f4(t.fetchMbPerSec)}, ${f4(t.fetchRecordsPerSec)}`
  );
}

export function consumerTimeoutLine(timeoutMs: number): string {
  return (
    `WARNING: Exiting before consuming the expected number of records: timeout (${timeoutMs} ms) exceeded. ` +
    'You can use the --timeout option to increase the timeout.'
  );
}

/** EndToEndLatency's progress line every 1000 records: `i<TAB>ms` with ms as Double.toString prints it. */
export function e2eProgressLine(i: number, elapsedMs: number): string {
  // The Java tool's nanoseconds / 1000.0 / 1000.0.
  return `${i}\t${javaDouble(Math.round(elapsedMs * 1e6) / 1000 / 1000)}`;
}

export function e2eResultLines(avgMs: number, p50: number, p99: number, p999: number): string[] {
  return [`Avg latency: ${f4(avgMs)} ms`, `Percentiles: 50th = ${p50}, 99th = ${p99}, 99.9th = ${p999}`];
}

/** Double.toString: shortest digits, `.0` on whole numbers, computerized notation below 1e-3 and from 1e7. */
export function javaDouble(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(x);
    return s.includes('.') ? s : `${s}.0`;
  }
  const [m, e] = x.toExponential().split('e');
  return `${m.includes('.') ? m : `${m}.0`}E${Number(e)}`;
}
