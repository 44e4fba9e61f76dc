/**
 * The exactly-once loop (pipe -g, stats -g) reads no further while sends wait for acknowledgements:
 * reading on let the producer's queue (and every record in it, with its fetch buffer) grow, and
 * pipe -g peaked at 240 MB RSS on 1M records. A guard of the bound without timing: a producer
 * that acknowledges nothing until told stops the reading after a fixed number of sends.
 */
import { describe, expect, it } from 'vitest';
import { ExactlyOnceLoop } from '../../src/app/exactly-once.js';
import type { ConsumedRecord, PartitionReader } from '../../src/kafka/consumer-types.js';
import type { MirrorGroup } from '../../src/kafka/mirror-types.js';
import type { ProducerApi } from '../../src/kafka/producer-types.js';
import type { AdminApi } from '../../src/kafka/types.js';

const record = (offset: number): ConsumedRecord => ({
  topic: 'in',
  partition: 0,
  offset,
  timestamp: 0,
  timestampType: 'CreateTime',
  key: null,
  value: Buffer.from('v'),
  headers: [],
});

/** Resolves once `check` holds, polling between macrotasks (no wall-clock bound). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !check(); i++) await new Promise((r) => setImmediate(r));
  expect(check()).toBe(true);
}

/** The loop over one input partition whose end is `end`, each record written on to `out`, committing only at the end. */
function loopOver(reader: PartitionReader, producer: ProducerApi, end: bigint, signal: AbortSignal): ExactlyOnceLoop {
  const group = {
    generation: () => 1,
    memberId: () => 'm',
    assignment: () => [{ topic: 'in', partition: 0 }],
    committed: () => Promise.resolve(new Map([['in\u00000', { offset: 0n, metadata: '' }]])),
  } as unknown as MirrorGroup;
  return new ExactlyOnceLoop({
    app: 'app',
    input: 'in',
    fallback: 'earliest',
    isolation: 'read_committed',
    commitIntervalMs: 1e9,
    untilCaughtUp: true,
    stableWaitMs: 0,
    stores: [],
    processor: { process: (records) => records.map((r) => ({ topic: 'out', partition: 0, key: null, value: r.value })) },
    producer,
    group,
    admin: { listOffsets: () => Promise.resolve([{ topic: 'in', partition: 0, offset: end }]) } as unknown as AdminApi,
    openReader: () => Promise.resolve(reader),
    signal,
    now: () => 0,
  });
}

describe('the exactly-once loop waits for the producer', () => {
  it('reads no more than a few slices ahead of the acknowledgements, then goes on as they come', async () => {
    const abort = new AbortController();
    let reads = 0;
    const acks: (() => void)[] = [];
    const reader: PartitionReader = {
      next: () => Promise.resolve(reads < 100 ? [record(reads++)] : null),
      close: () => Promise.resolve(),
    };
    const producer = {
      beginTransaction: () => Promise.resolve(),
      send: () => new Promise<void>((resolve) => acks.push(resolve)),
      sendOffsetsToTransaction: () => Promise.resolve(),
      commitTransaction: () => Promise.resolve(),
      abortTransaction: () => Promise.resolve(),
    } as unknown as ProducerApi;
    const loop = loopOver(reader, producer, 100n, abort.signal);
    const running = loop.run();
    await until(() => acks.length === 5);
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    expect(reads).toBe(5); // four unacknowledged sends waiting, the fifth waited for: no sixth read
    acks.splice(0).forEach((ack) => ack());
    await until(() => acks.length === 5);
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    expect(reads).toBe(10); // five more, and again no further
    // Everything acknowledged from now on: the loop reads to the end (null), commits and stops (--until-caught-up).
    const flush = setInterval(() => acks.splice(0).forEach((ack) => ack()), 1);
    await running;
    clearInterval(flush);
    expect(reads).toBe(100);
    expect(loop.counts.read).toBe(100);
    expect(loop.counts.transactions).toBe(1);
  });

  it('a send that fails while an earlier one is unacknowledged fails the run, not the process (no unhandled rejection)', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      let reads = 0;
      let ackFirst!: () => void;
      let sends = 0;
      const reader: PartitionReader = {
        next: () => Promise.resolve(reads < 10 ? [record(reads++)] : null),
        close: () => Promise.resolve(),
      };
      const producer = {
        beginTransaction: () => Promise.resolve(),
        // The first send waits for the test; the second fails at once (a fenced producer's).
        send: () => (++sends === 1 ? new Promise<void>((resolve) => (ackFirst = resolve)) : Promise.reject(new Error('fenced'))),
        sendOffsetsToTransaction: () => Promise.resolve(),
        commitTransaction: () => Promise.resolve(),
        abortTransaction: () => Promise.resolve(),
      } as unknown as ProducerApi;
      const loop = loopOver(reader, producer, 10n, new AbortController().signal);
      const running = loop.run();
      const outcome = running.then(
        () => 'done',
        (error: Error) => error.message,
      );
      await until(() => sends >= 2);
      // Macrotasks go by with the second send rejected and nothing awaiting it yet.
      for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
      ackFirst();
      expect(await outcome).toBe('fenced');
      await new Promise((r) => setImmediate(r));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
