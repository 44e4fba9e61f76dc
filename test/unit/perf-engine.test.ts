/**
 * The producer benchmark loop's buffer.memory, as the Java client's RecordAccumulator keeps it: a
 * new batch takes max(batch.size, the record) bytes until acknowledged, a record that needs one
 * while the memory is taken waits (at most max.block.ms) and the wait is part of its latency
 * (ProducerPerformance's send() to callback). The producer is a stand-in whose acknowledgements
 * the test gives, and the clock is the test's: no broker, no timing.
 */
import { describe, expect, it } from 'vitest';
import type { EncodedRecords, LineRecords, ProducerApi } from '../../src/kafka/producer-types.js';
import { BufferExhaustedError, ProducePerf, type ProducePlan } from '../../src/perf/produce-engine.js';
import type { Payloads } from '../../src/perf/payload.js';
import { appendEachLine } from '../helpers/append-each-line.js';

interface Sent {
  count: number;
  ack(): void;
}

/** Batches are held until the test acknowledges them. */
function standIn(): { producer: ProducerApi; sent: Sent[] } {
  const sent: Sent[] = [];
  const lineRecords = (): LineRecords => {
    let count = 0;
    let bytes = 0;
    return {
      get count() {
        return count;
      },
      get bytes() {
        return bytes;
      },
      append(_src, start, end) {
        count++;
        bytes += end - start;
      },
      appendLines(...args) {
        return appendEachLine(this, ...args);
      },
      take(): EncodedRecords {
        const r = { body: Buffer.alloc(bytes), count, firstTimestamp: 0, maxTimestamp: 0 };
        count = 0;
        bytes = 0;
        return r;
      },
    };
  };
  const producer = {
    partitionCount: async () => 1,
    lineRecords,
    sendEncoded: (_topic: string, _partition: number, records: EncodedRecords) =>
      new Promise<void>((ack) => sent.push({ count: records.count, ack })),
  } as unknown as ProducerApi;
  return { producer, sent };
}

const payloads = (size: number): Payloads => {
  const buf = Buffer.alloc(size, 65);
  return { notes: [], next: () => ({ buf, start: 0, end: size }) };
};

const plan = (over: Partial<ProducePlan>): ProducePlan => ({
  topic: 't',
  numRecords: 4,
  throughput: -1,
  batchBytes: 100,
  lingerMs: 0,
  maxInFlight: 5,
  bufferBytes: 400,
  maxBlockMs: 60_000,
  reportingIntervalMs: 60_000,
  warmupRecords: 0,
  wholeMs: false,
  ...over,
});

/** Lets the loop run until `until` holds (it waits on acknowledgements, so it settles quickly). */
async function settle(until: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !until(); i++) await new Promise<void>((r) => setImmediate(r));
  expect(until()).toBe(true);
}

/** Turns of the event loop: the loop gets as far as it can. */
async function idle(): Promise<void> {
  for (let i = 0; i < 100; i++) await new Promise<void>((r) => setImmediate(r));
}

describe('perf produce: buffer.memory as the Java client keeps it', () => {
  it('a record that needs a batch while buffer.memory is taken waits, and the wait counts in its latency', async () => {
    const { producer, sent } = standIn();
    let t = 0;
    // 100-byte records, one per batch; each batch takes max(100, 61 + 21 + 100) = 182 bytes: two fit in 400.
    const perf = new ProducePerf(producer, plan({}), payloads(100), { window: () => undefined }, new AbortController().signal, () => t);
    const running = perf.run();
    await settle(() => sent.length === 2);
    // The third record started at 0 and waits for memory: nothing more is sent until an acknowledgement.
    await idle();
    expect(sent).toHaveLength(2);
    t = 50;
    sent[0].ack();
    await settle(() => sent.length === 3);
    await idle();
    expect(sent).toHaveLength(3);
    t = 70;
    sent[1].ack();
    await settle(() => sent.length === 4);
    t = 100;
    sent[2].ack();
    sent[3].ack();
    const outcome = await running;
    // Latencies: 50 and 70 (sent at once), 100 (started at 0, waited for memory until 50), 50 (started at 50, waited until 70).
    expect(outcome.total).toMatchObject({ records: 4, avgLatencyMs: 67.5, maxLatencyMs: 100 });
    expect(outcome.failed).toBe(0);
  });

  it('nothing waits while the memory holds the batches: latency is send to acknowledgement', async () => {
    const { producer, sent } = standIn();
    let t = 0;
    const p = plan({ bufferBytes: 10_000 });
    const perf = new ProducePerf(producer, p, payloads(100), { window: () => undefined }, new AbortController().signal, () => t);
    const running = perf.run();
    await settle(() => sent.length === 4);
    t = 5;
    for (const s of sent) s.ack();
    expect((await running).total).toMatchObject({ records: 4, avgLatencyMs: 5, maxLatencyMs: 5 });
  });

  it("the clock starts before the topic's metadata (Java's before its first send()): the first latency has it", async () => {
    const { producer, sent } = standIn();
    let t = 0;
    let metadata!: (n: number) => void;
    producer.partitionCount = () => new Promise<number>((r) => (metadata = r));
    const p = plan({ numRecords: 2, bufferBytes: 10_000 });
    const perf = new ProducePerf(producer, p, payloads(100), { window: () => undefined }, new AbortController().signal, () => t);
    const running = perf.run();
    await idle();
    t = 30;
    metadata(1);
    await settle(() => sent.length === 2);
    t = 40;
    for (const s of sent) s.ack();
    // 40 (the metadata's 30 included) and 10.
    expect((await running).total).toMatchObject({ records: 2, avgLatencyMs: 25, maxLatencyMs: 40 });
  });

  it('a throttle sleep keeps the batch open until it is linger.ms old, as the Java sender does', async () => {
    const { producer, sent } = standIn();
    // 0.5 records/s: the second record is followed by a sleep of 2 s; linger.ms is 1 s (a second either side to spare).
    const p = plan({ numRecords: 2, throughput: 0.5, lingerMs: 1000, batchBytes: 1000, bufferBytes: 10_000 });
    // The clock starts before the metadata: 10 ms later the second record is over the rate.
    producer.partitionCount = () => new Promise<number>((r) => setTimeout(() => r(1), 10));
    const perf = new ProducePerf(producer, p, payloads(100), { window: () => undefined }, new AbortController().signal);
    const running = perf.run();
    await new Promise((r) => setTimeout(r, 30));
    await idle();
    // Asleep with both records in the open batch: nothing sent yet (sending at the start of the sleep was the old way).
    expect(sent).toHaveLength(0);
    const deadline = Date.now() + 10_000;
    while (sent.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    // Sent once lingered, during the sleep: the run is not over yet.
    expect(sent).toHaveLength(1);
    expect(sent[0].count).toBe(2);
    let over = false;
    void running.then(() => (over = true));
    await idle();
    expect(over).toBe(false);
    sent[0].ack();
    expect((await running).total.records).toBe(2);
  });

  it("a throttle sleep lasts until the engine's clock says so, however early its timer fires (Java waits on nanoTime)", async () => {
    const { producer, sent } = standIn();
    let t = 0;
    // 10 records/s: the second record, 10 ms after the start, is over the rate: a sleep of 100 ms by the engine's clock.
    const p = plan({ numRecords: 2, throughput: 10, bufferBytes: 10_000 });
    producer.partitionCount = () => new Promise<number>((r) => setTimeout(() => r(1), 10));
    const perf = new ProducePerf(producer, p, payloads(100), { window: () => undefined }, new AbortController().signal, () => t);
    let over = false;
    const running = perf.run().then((outcome) => ((over = true), outcome));
    const ackAll = setInterval(() => sent.forEach((s) => s.ack()), 5);
    try {
      // The clock stands still: real timers of 100 ms fire again and again, the sleep goes on.
      await new Promise((r) => setTimeout(r, 250));
      expect(over).toBe(false);
      t = 100;
      expect((await running).total.records).toBe(2);
    } finally {
      clearInterval(ackAll);
    }
  });

  it('a record waits at most max.block.ms, then fails as BufferExhaustedException', async () => {
    const { producer, sent } = standIn();
    const perf = new ProducePerf(
      producer,
      plan({ maxBlockMs: 1 }),
      payloads(100),
      { window: () => undefined },
      new AbortController().signal,
    );
    const running = perf.run();
    await settle(() => perf.error !== undefined);
    for (const s of sent) s.ack();
    const outcome = await running;
    expect(outcome.error).toBeInstanceOf(BufferExhaustedError);
    expect((outcome.error as Error).message).toBe('Failed to allocate 182 bytes within the configured max blocking time 1 ms.');
    expect(outcome).toMatchObject({ failed: 1, total: { records: 2 } });
  });

  it.each([
    [
      150,
      100,
      'The message is 182 bytes when serialized which is larger than the total memory buffer you have ' +
        'configured with the buffer.memory configuration.',
    ],
    [190, 200, 'Attempt to allocate 200 bytes, but there is a hard limit of 190 on memory allocations.'],
  ])(
    'buffer.memory %i, batch.size %i: a record or batch larger fails at once, as in the Java client',
    async (bufferBytes, batchBytes, message) => {
      const { producer } = standIn();
      const p = plan({ bufferBytes, batchBytes });
      const perf = new ProducePerf(producer, p, payloads(100), { window: () => undefined }, new AbortController().signal);
      const outcome = await perf.run();
      expect(outcome.error).toBeInstanceOf(BufferExhaustedError);
      expect((outcome.error as Error).message).toBe(message);
      expect(outcome).toMatchObject({ failed: 1, total: { records: 0 } });
    },
  );
});
