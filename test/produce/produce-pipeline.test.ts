import { Reader, Writer } from '@platformatic/kafka';
import { describe, expect, it } from 'vitest';
import { ProducePipeline, type Batch, type PipelineDeps } from '../../src/kafka/produce-pipeline.js';
import { produceRequest } from '../../src/kafka/produce-request.js';
import { retriable } from '../../src/kafka/producer.js';
import { fakeConnection, FakeSocket, type Parser } from '../helpers/fake-socket.js';

const TOPIC = 'orders';
const NOT_LEADER = 6;
const MESSAGE_TOO_LARGE = 10;
const OUT_OF_ORDER = 45;
const DUPLICATE = 46;

/** A connection that writes requests as the client does and answers only when the test says so, in order. */
class FakeBroker {
  /** The socket under the client's connection: each corked group is one request (frame, then batches). */
  readonly socket = new FakeSocket(true);
  /** Requests written and not answered: each with the (partition, sequence) of its batches. */
  readonly pending: { batches: [number, number][]; parser: Parser; callback: (e: Error | null, r?: unknown) => void }[] = [];
  /** Every batch written, in order, as partition:sequence. */
  readonly written: string[] = [];
  readonly connection = fakeConnection(this.socket, (groups, parser, callback) => {
    // The pieces behind the frame: batches (61 bytes here) and the next partition's fields between them.
    const batches = groups
      .flatMap((g) => g.slice(1))
      .filter((b) => b.length === 61)
      .map((b): [number, number] => [b.readInt32BE(0), b.readInt32BE(53)]);
    for (const [p, s] of batches) this.written.push(`${p}:${s}`);
    this.pending.push({ batches, parser, callback });
  });

  /** Answers the oldest request: each partition's error code (0 when not named). */
  answer(codes: Record<number, number> = {}): void {
    const request = this.pending.shift()!;
    const w = Writer.create().appendInt32(1).appendString(TOPIC, false).appendInt32(request.batches.length);
    for (const [partition] of request.batches) {
      w.appendInt32(partition)
        .appendInt16(codes[partition] ?? 0)
        .appendInt64(0n)
        .appendInt64(-1n)
        .appendInt64(0n)
        .appendInt32(0)
        .appendInt16(-1);
    }
    w.appendInt32(0);
    request.callback(null, request.parser(1, 0, 8, Reader.from(w.buffer)));
  }
}

/** A batch as the pipeline sees it: bytes only the broker reads; here the partition and sequence, where the test's broker finds them. */
function batch(partition: number, sequence: number): Batch {
  const bytes = Buffer.alloc(61);
  bytes.writeInt32BE(partition, 0);
  bytes.writeInt32BE(sequence, 53);
  return { topic: TOPIC, partition, bytes };
}

function pipeline(broker: FakeBroker, idempotent = true, overrides: Partial<PipelineDeps> = {}) {
  return new ProducePipeline({
    leaders: async (batches) => new Map([['broker-1', batches]]),
    connection: async () => broker.connection,
    request: (list) => produceRequest(list, -1, 30_000, undefined),
    noResponse: false,
    idempotent,
    retries: Infinity,
    backoffMs: 1,
    deliveryTimeoutMs: 10_000,
    isClosed: () => false,
    retriable,
    ...overrides,
  });
}

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 2_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 1));
  }
}

/** Settled state of each promise: 'ok', the error's message, or 'pending'. */
function watch(promises: Promise<void>[]) {
  const states: string[] = promises.map(() => 'pending');
  promises.forEach((p, i) =>
    p.then(
      () => (states[i] = 'ok'),
      (e: Error) => (states[i] = e.message),
    ),
  );
  return states;
}

describe('produce pipeline: requests in flight, sequence order kept on retries', () => {
  it(
    'batch 2 of 4 in flight fails: 3 and 4 (out of order behind it) and a new 5th are sent again after ' +
      'it, in sequence order, each sequence unchanged',
    async () => {
      const broker = new FakeBroker();
      const p = pipeline(broker);
      const acks: Promise<void>[] = [];
      for (const seq of [0, 10, 20, 30]) acks.push(...(await p.submit([batch(0, seq)])));
      const states = watch(acks);
      expect(broker.pending.length).toBe(4); // all four in flight at once
      broker.answer(); // seq 0 written
      broker.answer({ 0: NOT_LEADER }); // seq 10 refused: retriable
      broker.answer({ 0: OUT_OF_ORDER }); // 20 and 30 arrive behind the gap
      broker.answer({ 0: OUT_OF_ORDER });
      await until(() => broker.pending.length === 1);
      acks.push(...(await p.submit([batch(0, 40)]))); // new while the partition recovers: waits
      const later = watch(acks.slice(4));
      // One at a time: the failed batches, each after the previous one was acknowledged.
      expect(broker.written.slice(4)).toEqual(['0:10']);
      broker.answer();
      await until(() => broker.pending.length === 1);
      expect(broker.written.slice(4)).toEqual(['0:10', '0:20']);
      broker.answer();
      // The last failed batch, then the new one pipelined behind it.
      await until(() => broker.pending.length === 2);
      expect(broker.written.slice(4)).toEqual(['0:10', '0:20', '0:30', '0:40']);
      broker.answer();
      broker.answer();
      await Promise.all(acks);
      expect([...states, ...later]).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
      expect(broker.written).toEqual(['0:0', '0:10', '0:20', '0:30', '0:10', '0:20', '0:30', '0:40']);
    },
  );

  it('other partitions in the same requests are not sent again; DUPLICATE_SEQUENCE_NUMBER counts as acknowledged', async () => {
    const broker = new FakeBroker();
    const p = pipeline(broker);
    const acks = [...(await p.submit([batch(0, 0), batch(1, 0)])), ...(await p.submit([batch(0, 5), batch(1, 5)]))];
    broker.answer({ 0: NOT_LEADER });
    broker.answer({ 0: OUT_OF_ORDER });
    await until(() => broker.pending.length === 1);
    broker.answer({ 0: DUPLICATE }); // the broker had it after all
    await until(() => broker.pending.length === 1);
    broker.answer();
    await Promise.all(acks);
    expect(broker.written).toEqual(['0:0', '1:0', '0:5', '1:5', '0:0', '0:5']);
  });

  it('a fatal error on batch 2: it fails, 3 and 4 (out of order, nothing earlier pending) fail too, nothing is sent again', async () => {
    const broker = new FakeBroker();
    const p = pipeline(broker);
    const acks: Promise<void>[] = [];
    for (const seq of [0, 10, 20, 30]) acks.push(...(await p.submit([batch(0, seq)])));
    const states = watch(acks);
    broker.answer();
    broker.answer({ 0: MESSAGE_TOO_LARGE });
    broker.answer({ 0: OUT_OF_ORDER });
    broker.answer({ 0: OUT_OF_ORDER });
    await Promise.allSettled(acks);
    expect(states[0]).toBe('ok');
    expect(states.slice(1).every((s) => s !== 'ok' && s !== 'pending')).toBe(true);
    expect(broker.written).toEqual(['0:0', '0:10', '0:20', '0:30']);
  });

  it('a lost connection fails every request in flight: all are sent again in order', async () => {
    const broker = new FakeBroker();
    const p = pipeline(broker);
    const acks: Promise<void>[] = [];
    for (const seq of [0, 1, 2]) acks.push(...(await p.submit([batch(0, seq)])));
    const lost = Object.assign(new Error('Connection closed'), { canRetry: true });
    for (const r of broker.pending.splice(0)) r.callback(lost);
    for (let i = 0; i < 3; i++) {
      await until(() => broker.pending.length === 1);
      broker.answer();
    }
    await Promise.all(acks);
    expect(broker.written).toEqual(['0:0', '0:1', '0:2', '0:0', '0:1', '0:2']);
  });

  it('without idempotence a failed batch is sent again on its own, behind the later ones already sent (Java reorders too)', async () => {
    const broker = new FakeBroker();
    const p = pipeline(broker, false);
    const acks: Promise<void>[] = [];
    for (const seq of [-1, -1]) acks.push(...(await p.submit([batch(0, seq)])));
    broker.answer({ 0: NOT_LEADER });
    broker.answer();
    await until(() => broker.pending.length === 1);
    broker.answer();
    await Promise.all(acks);
    expect(broker.written).toEqual(['0:-1', '0:-1', '0:-1']);
  });

  it('retries end at delivery.timeout.ms: the batch and those behind it fail with the error', async () => {
    const broker = new FakeBroker();
    const p = pipeline(broker, true, { deliveryTimeoutMs: 30, backoffMs: 20 });
    const acks: Promise<void>[] = [];
    for (const seq of [0, 1]) acks.push(...(await p.submit([batch(0, seq)])));
    const states = watch(acks);
    broker.answer({ 0: NOT_LEADER });
    broker.answer({ 0: OUT_OF_ORDER });
    for (;;) {
      await until(() => broker.pending.length === 1 || states.every((s) => s !== 'pending'));
      if (broker.pending.length === 0) break;
      broker.answer({ 0: NOT_LEADER });
    }
    expect(states.every((s) => s !== 'ok' && s !== 'pending')).toBe(true);
  });
});
