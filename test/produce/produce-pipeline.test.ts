import { Reader, Writer } from '@platformatic/kafka';
import { describe, expect, it } from 'vitest';
import { ProducePipeline, type Batch, type PipelineDeps } from '../../src/kafka/produce-pipeline.js';
import { produceRequest } from '../../src/kafka/produce-request.js';
import { retriable } from '../../src/kafka/producer.js';
import { leaderRouting } from '../../src/kafka/producer-routing.js';
import { fakeConnection, FakeSocket, type Parser } from '../helpers/fake-socket.js';

const TOPIC = 'orders';
const NOT_LEADER = 6;
const MESSAGE_TOO_LARGE = 10;
const REQUEST_TIMED_OUT = 7;
const OUT_OF_ORDER = 45;
const DUPLICATE = 46;

/** A connection that writes requests as the client does and answers only when the test says so, in order. */
class FakeBroker {
  /** The socket under the client's connection: each corked group is one request (frame, then batches). */
  readonly socket = new FakeSocket(true);
  /** Requests written and not answered: each with the (partition, sequence) of its batches. */
  readonly pending: { batches: [number, number, number][]; parser: Parser; callback: (e: Error | null, r?: unknown) => void }[] = [];
  /** Every batch written, in order, as partition:sequence. */
  readonly written: string[] = [];
  readonly connection = fakeConnection(this.socket, (groups, parser, callback) => {
    // The pieces behind the frame: batches (61 bytes here) and the next partition's fields between them.
    const batches = groups
      .flatMap((g) => g.slice(1))
      .filter((b) => b.length === 61)
      .map((b): [number, number, number] => [b.readInt32BE(0), b.readInt32BE(53), b.readInt16BE(51)]);
    // partition:sequence, and @epoch once bumped
    for (const [p, s, e] of batches) this.written.push(e === 0 ? `${p}:${s}` : `${p}:${s}@${e}`);
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

/**
 * A batch as the pipeline sees it: a record batch header, the partition where the test's broker finds it (in the base
 * offset), sequence, epoch 0 and record count where Kafka's are.
 */
function batch(partition: number, sequence: number, count = 1): Batch {
  const bytes = Buffer.alloc(61);
  bytes.writeInt32BE(partition, 0);
  bytes.writeInt32BE(sequence, 53);
  bytes.writeInt32BE(count, 57);
  return { topic: TOPIC, partition, bytes };
}

/**
 * A fresh producer sends a partition's first batch alone (the broker takes any first sequence number): each
 * partition's first batch (sequence 0) sent and acknowledged, so that the test's batches go out pipelined.
 */
async function primed(broker: FakeBroker, p: ProducePipeline, partitions = [0]): Promise<void> {
  const acks = await p.submit(partitions.map((partition) => batch(partition, 0)));
  broker.answer();
  await Promise.all(acks);
  broker.written.length = 0;
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
      await primed(broker, p);
      const acks: Promise<void>[] = [];
      for (const seq of [1, 11, 21, 31]) acks.push(...(await p.submit([batch(0, seq, 10)])));
      const states = watch(acks);
      expect(broker.pending.length).toBe(4); // all four in flight at once
      broker.answer(); // seq 1 written
      broker.answer({ 0: NOT_LEADER }); // seq 11 refused: retriable
      broker.answer({ 0: OUT_OF_ORDER }); // 21 and 31 arrive behind the gap
      broker.answer({ 0: OUT_OF_ORDER });
      await until(() => broker.pending.length === 1);
      acks.push(...(await p.submit([batch(0, 41, 10)]))); // new while the partition recovers: waits
      const later = watch(acks.slice(4));
      // One at a time: the failed batches, each after the previous one was acknowledged.
      expect(broker.written.slice(4)).toEqual(['0:11']);
      broker.answer();
      await until(() => broker.pending.length === 1);
      expect(broker.written.slice(4)).toEqual(['0:11', '0:21']);
      broker.answer();
      // The last failed batch, then the new one pipelined behind it.
      await until(() => broker.pending.length === 2);
      expect(broker.written.slice(4)).toEqual(['0:11', '0:21', '0:31', '0:41']);
      broker.answer();
      broker.answer();
      await Promise.all(acks);
      expect([...states, ...later]).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
      expect(broker.written).toEqual(['0:1', '0:11', '0:21', '0:31', '0:11', '0:21', '0:31', '0:41']);
    },
  );

  it('other partitions in the same requests are not sent again; DUPLICATE_SEQUENCE_NUMBER counts as acknowledged', async () => {
    const broker = new FakeBroker();
    const p = pipeline(broker);
    await primed(broker, p, [0, 1]);
    const acks = [...(await p.submit([batch(0, 1), batch(1, 1)])), ...(await p.submit([batch(0, 2), batch(1, 2)]))];
    broker.answer({ 0: NOT_LEADER });
    broker.answer({ 0: OUT_OF_ORDER });
    await until(() => broker.pending.length === 1);
    broker.answer({ 0: DUPLICATE }); // the broker had it after all
    await until(() => broker.pending.length === 1);
    broker.answer();
    await Promise.all(acks);
    expect(broker.written).toEqual(['0:1', '1:1', '0:2', '1:2', '0:1', '0:2']);
  });

  it(
    'a fatal error on batch 2: it alone fails; 3 and 4 (out of order behind the gap) are sent again after ' +
      'the epoch is bumped, numbered from sequence 0, and a new batch follows them (as Java)',
    async () => {
      const broker = new FakeBroker();
      const p = pipeline(broker);
      await primed(broker, p);
      const acks: Promise<void>[] = [];
      for (const seq of [1, 11, 21, 31]) acks.push(...(await p.submit([batch(0, seq, 10)])));
      const states = watch(acks);
      broker.answer();
      broker.answer({ 0: MESSAGE_TOO_LARGE }); // not split here: fails for good
      broker.answer({ 0: OUT_OF_ORDER });
      broker.answer({ 0: OUT_OF_ORDER });
      // Under epoch 1: 21 becomes 0 (alone: the broker holds no state for the new epoch yet), 31 becomes 10.
      await until(() => broker.pending.length === 1);
      expect(broker.written.slice(4)).toEqual(['0:0@1']);
      acks.push(...(await p.submit([batch(0, 41, 10)]))); // made before the bump, sent after it: renumbered
      broker.answer();
      await until(() => broker.pending.length === 2);
      broker.answer();
      broker.answer();
      await Promise.allSettled(acks);
      expect(states.slice(0, 4)).toEqual(['ok', expect.stringMatching(/Produce/), 'ok', 'ok']);
      await expect(acks[4]).resolves.toBeUndefined();
      expect(broker.written).toEqual(['0:1', '0:11', '0:21', '0:31', '0:0@1', '0:10@1', '0:20@1']);
      // Batches made from now on carry the new epoch and follow on.
      expect(p.sequence(TOPIC, 0, 5)).toEqual({ sequence: 30, epoch: 1 });
    },
  );

  it('a lost connection fails every request in flight: all are sent again in order', async () => {
    const broker = new FakeBroker();
    const p = pipeline(broker);
    await primed(broker, p);
    const acks: Promise<void>[] = [];
    for (const seq of [1, 2, 3]) acks.push(...(await p.submit([batch(0, seq)])));
    const lost = Object.assign(new Error('Connection closed'), { canRetry: true });
    for (const r of broker.pending.splice(0)) r.callback(lost);
    for (let i = 0; i < 3; i++) {
      await until(() => broker.pending.length === 1);
      broker.answer();
    }
    await Promise.all(acks);
    expect(broker.written).toEqual(['0:1', '0:2', '0:3', '0:1', '0:2', '0:3']);
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
    await primed(broker, p);
    const acks: Promise<void>[] = [];
    for (const seq of [1, 2]) acks.push(...(await p.submit([batch(0, seq)])));
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

describe('produce pipeline: gaps in a partition (Java TransactionManager.canRetry, unresolved sequences, epoch bump)', () => {
  it("a fresh partition's first batch goes alone (the broker takes any first sequence): the next ones wait for its answer", async () => {
    const broker = new FakeBroker();
    const p = pipeline(broker);
    const acks: Promise<void>[] = [];
    for (const seq of [0, 1, 2]) acks.push(...(await p.submit([batch(0, seq)])));
    expect(broker.written).toEqual(['0:0']);
    broker.answer();
    await until(() => broker.pending.length === 2);
    expect(broker.written).toEqual(['0:0', '0:1', '0:2']);
    broker.answer();
    broker.answer();
    await Promise.all(acks);
  });

  it(
    'no leader in the metadata during a fail-over (leader -1): the batch waits for one (fresh metadata, ' +
      'retried) instead of failing; the batches behind it (out of order) follow, nothing fails',
    async () => {
      const broker = new FakeBroker();
      // The client's metadata: partition 0 led by broker 1, then by none twice (an election), then by broker 1 again.
      const leaders = [1, -1, -1];
      let lookups = 0;
      const library = {
        metadata: async ({ forceUpdate }: { forceUpdate: boolean }) => {
          if (forceUpdate) lookups++;
          const leader = forceUpdate ? (leaders[lookups] ?? 1) : 1;
          return { brokers: new Map([[1, { host: 'h', port: 1 }]]), topics: new Map([[TOPIC, { partitions: [{ leader }] }]]) };
        },
      };
      const routing = leaderRouting(library as never);
      const p = pipeline(broker, true, {
        leaders: routing.leaders as PipelineDeps['leaders'],
        connection: async (leader) => (leader ? broker.connection : routing.connection(undefined)),
      });
      await primed(broker, p);
      const acks: Promise<void>[] = [];
      for (const seq of [1, 11, 21]) acks.push(...(await p.submit([batch(0, seq, 10)])));
      const states = watch(acks);
      broker.answer({ 0: NOT_LEADER }); // the leader is gone
      broker.answer({ 0: OUT_OF_ORDER });
      broker.answer({ 0: OUT_OF_ORDER });
      for (let i = 0; i < 3; i++) {
        await until(() => broker.pending.length === 1);
        broker.answer();
      }
      await Promise.allSettled(acks);
      expect(states).toEqual(['ok', 'ok', 'ok']);
      expect(lookups).toBeGreaterThanOrEqual(3); // asked again until a leader was named
      expect(broker.written).toEqual(['0:1', '0:11', '0:21', '0:1', '0:11', '0:21']);
    },
  );

  it(
    'OUT_OF_ORDER_SEQUENCE_NUMBER for the next batch after the last acknowledged one (a gap in the broker log): ' +
      'the epoch is bumped and it is sent again from sequence 0, not failed',
    async () => {
      const broker = new FakeBroker();
      const p = pipeline(broker);
      await primed(broker, p);
      const acks = await p.submit([batch(0, 1, 10)]);
      broker.answer({ 0: OUT_OF_ORDER });
      await until(() => broker.pending.length === 1);
      broker.answer();
      await Promise.all(acks);
      expect(broker.written).toEqual(['0:1', '0:0@1']);
    },
  );

  it(
    'a batch that fails for good after it was sent (retries used up) leaves its partition unresolved: a later ' +
      'batch acknowledged shows the broker wrote it, so no epoch bump; new batches wait until then',
    async () => {
      const broker = new FakeBroker();
      const p = pipeline(broker, true, { retries: 0 });
      await primed(broker, p);
      const acks: Promise<void>[] = [];
      for (const seq of [1, 11]) acks.push(...(await p.submit([batch(0, seq, 10)])));
      const states = watch(acks);
      broker.answer({ 0: REQUEST_TIMED_OUT }); // fails for good; the broker may have written it
      await until(() => states[0] !== 'pending');
      acks.push(...(await p.submit([batch(0, 21, 10)])));
      expect(broker.written).toEqual(['0:1', '0:11']); // the new one waits: the partition is unresolved
      broker.answer(); // 11 acknowledged: 1 was written
      await until(() => broker.pending.length === 1);
      broker.answer();
      await Promise.allSettled(acks);
      expect(states.slice(1)).toEqual(['ok']);
      await expect(acks[2]).resolves.toBeUndefined();
      expect(broker.written).toEqual(['0:1', '0:11', '0:21']); // same epoch, same sequences
    },
  );
});
