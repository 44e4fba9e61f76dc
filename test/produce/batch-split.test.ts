import { crc32c, Reader, Writer } from '@platformatic/kafka';
import { describe, expect, it } from 'vitest';
import type { ConsumedRecord } from '../../src/kafka/consumer-types.js';
import { decompress } from '../../src/kafka/fast-fetch.js';
import { ProducePipeline, type Batch } from '../../src/kafka/produce-pipeline.js';
import { produceRequest } from '../../src/kafka/produce-request.js';
import { retriable } from '../../src/kafka/producer.js';
import type { Compression, ProduceRecord } from '../../src/kafka/producer-types.js';
import { decodeBatches } from '../../src/kafka/record-batch-decode.js';
import { encodeRecordBatch } from '../../src/kafka/record-batch-encode.js';
import { recordCount, splitBatch } from '../../src/kafka/record-batch-split.js';
import { RecordTooLargeError } from '../../src/kafka/record-too-large.js';
import { fakeConnection, FakeSocket } from '../helpers/fake-socket.js';

const TOPIC = 'orders';
const MESSAGE_TOO_LARGE = 10;
const OUT_OF_ORDER = 45;

/**
 * A broker for one topic with a max.message.bytes: it refuses a batch larger than the limit
 * (MESSAGE_TOO_LARGE, before anything else, as Kafka does), checks sequence numbers as an idempotent
 * partition does (OUT_OF_ORDER_SEQUENCE_NUMBER for a gap, any first one accepted) and keeps what it wrote. It answers each
 * request on its own, in the order they came (as one connection does).
 */
class LimitedBroker {
  readonly socket = new FakeSocket(true);
  /** Every record written, per partition, in log order. */
  readonly log = new Map<number, ConsumedRecord[]>();
  readonly refusedTooLarge: number[] = [];
  requests = 0;
  private readonly nextSequence = new Map<number, number>();
  private answering: Promise<void> = Promise.resolve();

  constructor(
    private readonly maxMessageBytes: number,
    private readonly idempotent: boolean,
  ) {}

  readonly connection = fakeConnection(this.socket, (groups, parser, callback) => {
    const request = Buffer.concat(groups.flat());
    this.requests++;
    const answer = this.handle(request);
    // Answered later, in order: the pipeline has several requests in flight.
    this.answering = this.answering.then(() => new Promise((r) => setImmediate(r))).then(() => callback(null, parser(1, 0, 8, answer)));
  });

  private handle(request: Buffer): Reader {
    const r = Reader.from(request);
    r.readInt32(); // size, api key, version, correlation id, client id
    r.readInt16();
    r.readInt16();
    r.readInt32();
    r.readString(false);
    r.readNullableString(false); // transactional id
    r.readInt16();
    r.readInt32();
    const out = Writer.create().appendInt32(1).appendString(TOPIC, false);
    const topics = r.readInt32();
    expect(topics).toBe(1);
    expect(r.readString(false)).toBe(TOPIC);
    const partitions = r.readInt32();
    out.appendInt32(partitions);
    for (let i = 0; i < partitions; i++) {
      const partition = r.readInt32();
      const batch = r.readBytes(false) as Buffer;
      out
        .appendInt32(partition)
        .appendInt16(this.append(partition, Buffer.from(batch)))
        .appendInt64(0n)
        .appendInt64(-1n)
        .appendInt64(0n)
        .appendInt32(0)
        .appendInt16(-1);
    }
    out.appendInt32(0);
    return Reader.from(out.buffer);
  }

  private append(partition: number, batch: Buffer): number {
    if (batch.length > this.maxMessageBytes) {
      this.refusedTooLarge.push(batch.length);
      return MESSAGE_TOO_LARGE;
    }
    const sequence = batch.readInt32BE(53);
    if (this.idempotent) {
      // As Kafka: a producer the partition holds no state for may start at any sequence number.
      const expected = this.nextSequence.get(partition);
      if (expected !== undefined && sequence !== expected) return OUT_OF_ORDER;
      this.nextSequence.set(partition, sequence + recordCount(batch));
    }
    const log = this.log.get(partition) ?? [];
    decodeBatches(batch, TOPIC, partition, 0, undefined, log, decompress);
    this.log.set(partition, log);
    return 0;
  }

  values(partition: number): string[] {
    return (this.log.get(partition) ?? []).map((r) => r.value!.toString());
  }
}

function pipeline(broker: LimitedBroker, idempotent: boolean) {
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
    split: async (batch, maxBytes) => (await splitBatch(batch.bytes, maxBytes)).map((bytes) => ({ ...batch, bytes })),
    count: (batch) => recordCount(batch.bytes),
  });
}

const value = (i: number, size = 300) => `${String(i).padStart(6, '0')}:${'x'.repeat(size - 7)}`;

/** Batches of `perBatch` records each (300-byte values), sequences in order from 0, as the producer makes them. */
async function batches(partition: number, values: string[], perBatch: number, idempotent: boolean, compression: Compression = 'none') {
  const out: Batch[] = [];
  for (let i = 0; i < values.length; i += perBatch) {
    const records: ProduceRecord[] = values.slice(i, i + perBatch).map((v, j) => ({
      topic: TOPIC,
      partition,
      key: Buffer.from(`k${i + j}`),
      value: Buffer.from(v),
      headers: [[Buffer.from('h'), Buffer.from(String(i + j))]],
      timestamp: 1_700_000_000_000 + i + j,
    }));
    const header = {
      producerId: idempotent ? 7n : -1n,
      producerEpoch: idempotent ? 0 : -1,
      baseSequence: idempotent ? i : -1,
      transactional: false,
      compression,
    };
    out.push({ topic: TOPIC, partition, bytes: await encodeRecordBatch(records, header) });
  }
  return out;
}

async function submitAll(p: ProducePipeline, list: Batch[]): Promise<PromiseSettledResult<void>[]> {
  const acks: Promise<void>[] = [];
  for (const b of list) acks.push(...(await p.submit([b])));
  return Promise.allSettled(acks);
}

describe('a batch larger than max.message.bytes is split and sent again, in order', () => {
  it('idempotent: 1,000 records of 300 bytes in batches of 250 (75 kB) into a 2,000-byte limit: each once, in order', async () => {
    const broker = new LimitedBroker(2_000, true);
    const input = Array.from({ length: 1_000 }, (_, i) => value(i));
    const p = pipeline(broker, true);
    expect(p.batchLimit(TOPIC)).toBeUndefined();
    const results = await submitAll(p, await batches(0, input, 250, true));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(broker.values(0)).toEqual(input);
    // Keys, headers and timestamps survive the split.
    const log = broker.log.get(0)!;
    expect(log.map((r) => r.key!.toString())).toEqual(input.map((_, i) => `k${i}`));
    expect(log.map((r) => r.headers[0][1]!.toString())).toEqual(input.map((_, i) => String(i)));
    expect(log.map((r) => r.timestamp)).toEqual(input.map((_, i) => 1_700_000_000_000 + i));
    // The limit is learnt: builders are told it (half the smallest refused batch, what the pieces are cut to)...
    expect(p.batchLimit(TOPIC)).toBe(Math.floor(Math.min(...broker.refusedTooLarge) / 2));
    expect(p.batchLimit('other')).toBeUndefined();
    // ...and a later batch made larger anyway is refused once and split at once, not halved down to again.
    const refused = broker.refusedTooLarge.length;
    const more = Array.from({ length: 250 }, (_, i) => value(1_000 + i));
    const [later] = await batches(0, more, 250, true);
    later.bytes.writeInt32BE(1_000, 53);
    later.bytes.writeUInt32BE(crc32c(later.bytes.subarray(21)) >>> 0, 17);
    expect((await submitAll(p, [later]))[0].status).toBe('fulfilled');
    expect(broker.refusedTooLarge.length).toBe(refused + 1);
    expect(broker.values(0)).toEqual([...input, ...more]);
  });

  it.each(['gzip', 'lz4', 'zstd'] as const)('a %s batch is split too (its records read back and compressed again)', async (codec) => {
    const broker = new LimitedBroker(2_000, true);
    // Values that do not compress: random bytes, hex-encoded.
    const input = Array.from(
      { length: 60 },
      (_, i) => `${i}:${Buffer.from(Array.from({ length: 150 }, () => (Math.random() * 256) | 0)).toString('hex')}`,
    );
    const results = await submitAll(pipeline(broker, true), await batches(0, input, 30, true, codec));
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(broker.values(0)).toEqual(input);
  });

  it('without idempotence the pieces go one at a time: still every record once, in order', async () => {
    const broker = new LimitedBroker(2_000, false);
    const input = Array.from({ length: 200 }, (_, i) => value(i));
    const results = await submitAll(pipeline(broker, false), await batches(0, input, 200, false));
    expect(results[0].status).toBe('fulfilled');
    expect(broker.values(0)).toEqual(input);
  });

  it(
    'a record larger than the limit fails alone with RecordTooLargeError; the records before it are written ' +
      '(recordsWritten), nothing is written twice, the other partition is untouched',
    async () => {
      const broker = new LimitedBroker(2_000, true);
      const input = Array.from({ length: 40 }, (_, i) => (i === 25 ? value(i, 5_000) : value(i)));
      const p = pipeline(broker, true);
      const acks = [...(await p.submit([...(await batches(0, input, 40, true)), ...(await batches(1, input.slice(0, 3), 3, true))]))];
      const [zero, one] = await Promise.allSettled(acks);
      expect(one.status).toBe('fulfilled');
      expect(broker.values(1)).toEqual(input.slice(0, 3));
      expect(zero.status).toBe('rejected');
      const error = (zero as PromiseRejectedResult).reason as { written: number; error: unknown };
      expect(error.written).toBe(25);
      expect(error.error).toBeInstanceOf(RecordTooLargeError);
      expect((error.error as RecordTooLargeError).message).toMatch(/a record too large for topic orders \(partition 0\): 5\d{3} bytes/);
      expect(broker.values(0)).toEqual(input.slice(0, 25));
    },
  );

  it(
    "a fresh producer's first batch refused as too large while a smaller second one follows: the second waits " +
      'for the first (split) to be acknowledged, every record once, in order (the broker takes any first sequence)',
    async () => {
      const broker = new LimitedBroker(2_000, true);
      const input = Array.from({ length: 12 }, (_, i) => value(i));
      const [first] = await batches(0, input.slice(0, 10), 10, true); // 3 kB: refused
      const [second] = await batches(0, input.slice(10), 2, true); // 600 bytes: fits
      second.bytes.writeInt32BE(10, 53); // its sequence follows the first's 10 records
      second.bytes.writeUInt32BE(crc32c(second.bytes.subarray(21)) >>> 0, 17);
      const results = await submitAll(pipeline(broker, true), [first, second]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
      expect(broker.values(0)).toEqual(input);
    },
  );

  it('splitBatch keeps the sequence range: pieces start where the previous ended; never fewer than two pieces', async () => {
    const [batch] = await batches(
      0,
      Array.from({ length: 10 }, (_, i) => value(i)),
      10,
      true,
    );
    const big = await splitBatch(batch.bytes, 1_000_000);
    expect(big.map(recordCount)).toEqual([5, 5]);
    const pieces = await splitBatch(batch.bytes, 700);
    expect(pieces.map(recordCount)).toEqual([2, 2, 2, 2, 2]);
    expect(pieces.map((b) => b.readInt32BE(53))).toEqual([0, 2, 4, 6, 8]);
    expect(pieces.every((b) => b.length <= 700)).toBe(true);
  });
});
