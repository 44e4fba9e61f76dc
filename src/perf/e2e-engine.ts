/**
 * EndToEndLatency's loop: one record at a time, sent and acknowledged (acks 1 or all), then read
 * back by a reader that sits at the end of every partition; the time from send to read is the
 * record's latency. The record read must be the one sent, and alone, as the Java tool checks.
 */
import type { PartitionReader } from '../kafka/consumer-types.js';
import type { ProduceRecord } from '../kafka/producer-types.js';

export interface E2ePlan {
  topic: string;
  partition: number;
  numRecords: number;
  recordSize: number;
  keySize: number;
  numHeaders: number;
  headerKeySize: number;
  /** -1: a null header value. */
  headerValueSize: number;
  /**
   * A key of 0 bytes is an empty key, not none: EndToEndLatency always sends the bytes it drew
   * (its help says "without a key"; kcat shows `"key":""`). Off: no key (ktool's own spelling).
   */
  emptyKey?: boolean;
  /** How long a record may take to come back (the Java tool's poll timeout, 60 s). */
  pollTimeoutMs: number;
}

export class E2eError extends Error {}

/** java.util.Random(0)'s nextInt(26), as EndToEndLatency fills each record with one random capital letter. */
export class JavaRandom {
  private seed: bigint;
  constructor(seed: number) {
    this.seed = (BigInt(seed) ^ 0x5deece66dn) & ((1n << 48n) - 1n);
  }
  private next(bits: number): number {
    this.seed = (this.seed * 0x5deece66dn + 0xbn) & ((1n << 48n) - 1n);
    return Number(BigInt.asIntN(32, this.seed >> BigInt(48 - bits)));
  }
  nextInt(bound: number): number {
    let r = this.next(31);
    const m = bound - 1;
    if ((bound & m) === 0) return Number((BigInt(bound) * BigInt(r)) >> 31n);
    for (let u = r; u - (r = u % bound) + m < 0 || u - r + m > 2 ** 31 - 1; u = this.next(31));
    return r;
  }
}

const bytesOf = (random: JavaRandom, length: number) => Buffer.alloc(length, 65 + random.nextInt(26));

export async function e2ePerf(
  send: (record: ProduceRecord) => Promise<void>,
  reader: PartitionReader,
  plan: E2ePlan,
  onRecord: (i: number, latencyMs: number) => void,
  signal: AbortSignal,
): Promise<{ latenciesMs: number[]; totalMs: number }> {
  const random = new JavaRandom(0);
  const latenciesMs: number[] = [];
  let totalMs = 0;
  for (let i = 0; i < plan.numRecords && !signal.aborted; i++) {
    // The Java tool draws the key's letter also for an empty key: the values then match its.
    const keyBytes = bytesOf(random, plan.keySize);
    const key = plan.keySize > 0 || plan.emptyKey ? keyBytes : null;
    const value = bytesOf(random, plan.recordSize);
    const headers = headersOf(random, plan);
    const begin = performance.now();
    await send({ topic: plan.topic, partition: plan.partition, key, value, headers });
    const got = await readOne(reader, plan.pollTimeoutMs, signal);
    const elapsed = performance.now() - begin;
    validate(got, value, key, headers);
    onRecord(i, elapsed);
    totalMs += elapsed;
    latenciesMs.push(elapsed);
  }
  return { latenciesMs, totalMs };
}

function headersOf(random: JavaRandom, plan: E2ePlan): [Buffer, Buffer | null][] {
  const out: [Buffer, Buffer | null][] = [];
  for (let h = 0; h < plan.numHeaders; h++) {
    const key = bytesOf(random, plan.headerKeySize);
    out.push([key, plan.headerValueSize < 0 ? null : bytesOf(random, plan.headerValueSize)]);
  }
  return out;
}

async function readOne(reader: PartitionReader, timeoutMs: number, signal: AbortSignal) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const batch = await reader.next();
    if (batch && batch.length > 0) return batch;
    if (batch === null || performance.now() > deadline || signal.aborted) {
      throw new E2eError(`poll() timed out before finding a result (timeout:[${timeoutMs}ms])`);
    }
  }
}

function validate(
  got: { value: Buffer | null; key: Buffer | null; headers: [Buffer, Buffer | null][] }[],
  value: Buffer,
  key: Buffer | null,
  headers: [Buffer, Buffer | null][],
): void {
  const first = got[0];
  const read = first.value?.toString('utf8') ?? 'null';
  const sent = value.toString('utf8');
  if (read !== sent) throw new E2eError(`The message read [${read}] did not match the message sent [${sent}]`);
  if (key && !first.key) throw new E2eError('Expected message key but received null');
  if (headers.length > 0 && first.headers.length === 0) throw new E2eError('Expected message headers but received none');
  if (headers.length !== first.headers.length) throw new E2eError('Header count mismatch between sent and received messages');
  if (got.length !== 1) throw new E2eError(`Only one result was expected during this test. We found [${got.length}]`);
}

/** EndToEndLatency.printResults' figures: the average of the exact times, percentiles of whole milliseconds. */
export function e2eSummary(latenciesMs: number[], totalMs: number) {
  const whole = latenciesMs.map((l) => Math.floor(l)).sort((a, b) => a - b);
  const at = (p: number) => whole[Math.floor(whole.length * p)] ?? 0;
  const exact = [...latenciesMs].sort((a, b) => a - b);
  const exactAt = (p: number) => exact[Math.min(exact.length - 1, Math.floor(exact.length * p))] ?? 0;
  return {
    records: latenciesMs.length,
    avgMs: totalMs / latenciesMs.length,
    p50: at(0.5),
    p99: at(0.99),
    p999: at(0.999),
    exact: { p50: exactAt(0.5), p95: exactAt(0.95), p99: exactAt(0.99), p999: exactAt(0.999), max: exact.at(-1) ?? 0 },
  };
}
